// The one "timeline is empty" check: exports, renders and hand-offs to other editors all refuse an empty timeline with the same words.
import { EngineError } from '@/lib/engine/engineError';
import type { Timeline } from './schema';

/** Throws a conflict (HTTP 409 at the edge) when the timeline has no clip; `what` ends the sentence: "add a clip before <what>". */
export function requireClips(timeline: Pick<Timeline, 'video'>, what = 'exporting'): void {
  if (timeline.video.length === 0) throw new EngineError('conflict', `The timeline is empty: add a clip before ${what}.`);
}
