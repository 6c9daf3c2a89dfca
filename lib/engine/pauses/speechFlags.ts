// Turns the voice model's speech probability into "speech or not" per loudness window, with hysteresis.
import type { SpeechAnalysis } from '@/lib/engine/media/schema';

export interface Hysteresis {
  /** A window becomes speech at this probability... */
  onset: number;
  /** ...and stays speech until the probability falls below this. */
  offset: number;
}

/** Speech flags (1 = speech) for `frames` windows of `windowSeconds`, from the model's coarser windows. */
export function speechFlags(speech: SpeechAnalysis, windowSeconds: number, frames: number, { onset, offset }: Hysteresis): Uint8Array {
  let on = false;
  const coarse = speech.probability.map((p) => (on = on ? p >= offset : p >= onset));
  const flags = new Uint8Array(frames);
  for (let i = 0; i < frames; i++) {
    // The model window holding this window's middle; past the model's last window, the last one counts.
    const j = Math.min(coarse.length - 1, Math.floor(((i + 0.5) * windowSeconds) / speech.windowSeconds));
    flags[i] = j >= 0 && coarse[j] ? 1 : 0;
  }
  return flags;
}
