// What the pure edit operations may look at besides the timeline, and how they report results and refusals.
import type { MediaKind } from '@/lib/engine/media/schema';
import type { AudioAnalysis } from '@/lib/engine/media/schema';
import type { Timeline } from '../schema';
import type { MusicMood } from './editOperation';

export interface OperationMedia {
  id: string;
  name: string;
  kind: MediaKind;
  duration: number;
}

export interface CaptionCue {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface OperationContext {
  /** The project's uploads, in upload order. */
  media: OperationMedia[];
  /** Loudness envelopes by media id (from the upload analysis). */
  analyses: Record<string, AudioAnalysis | null>;
  /** Parsed subtitle cues by media id, read by the shell before the operations run. */
  captions: Record<string, CaptionCue[]>;
  /** The built-in music library. */
  music: readonly { id: string; name: string; mood: MusicMood }[];
  /** Used when a title has no words: the project title or the first clip's name. */
  defaultTitle: string;
  newId: () => string;
}

export interface OperationResult {
  timeline: Timeline;
  /** One plain sentence saying what changed. */
  said: string;
}

/** A request that cannot be carried out on this timeline; the message is shown to the user. */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}

/** "0.15 s" stays exact; longer times read to a tenth. */
export const secondsText = (n: number) => `${Math.abs(n) < 1 ? Math.round(n * 100) / 100 : Math.round(n * 10) / 10} s`;
