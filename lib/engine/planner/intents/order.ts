// The order intents are tried in: specific before general ("cut the pauses" is pauses, not a trim).
import { captionsIntent, textIntent } from './text';
import { deleteClipIntent, moveIntent, splitIntent, trimIntent } from './cuts';
import { aspectIntent, fadeIntent, speedIntent } from './frame';
import type { Intent } from './intent';
import { musicIntent, voiceIntent } from './music';
import { pausesIntent } from './pauses';
import { audioVideoIntent, loudnessIntent } from './sound';

export const EDIT_INTENTS: Intent[] = [
  captionsIntent,
  pausesIntent,
  audioVideoIntent,
  voiceIntent,
  musicIntent,
  loudnessIntent,
  textIntent,
  aspectIntent,
  speedIntent,
  fadeIntent,
  splitIntent,
  trimIntent,
  moveIntent,
  deleteClipIntent,
];
