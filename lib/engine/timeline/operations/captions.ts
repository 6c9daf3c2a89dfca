// Captions from an uploaded subtitle file: its cues (parsed by the shell) become caption texts.
import { segmentPlacements } from '../duration';
import type { TextItem, Timeline } from '../schema';
import type { EditOperationOf } from './editOperation';
import { OperationError, type CaptionCue, type OperationContext, type OperationResult } from './operationContext';

export function addCaptions(timeline: Timeline, op: EditOperationOf<'addCaptions'>, ctx: OperationContext): OperationResult {
  const withCues = ctx.media.filter((m) => (ctx.captions[m.id]?.length ?? 0) > 0);
  const wanted = op.file?.toLowerCase();
  const media = wanted ? withCues.find((m) => m.name.toLowerCase() === wanted) : withCues[withCues.length - 1];
  if (!media) {
    throw new OperationError(
      wanted
        ? `I found no subtitles in ${op.file}. Upload an .srt or .vtt file (or a video with a subtitle track) and ask again.`
        : 'There is no subtitle file in this project yet: upload an .srt or .vtt file, then say "add captions".',
    );
  }
  const cues: TextItem[] = placeCues(timeline, media.id, ctx.captions[media.id]).map((c) => ({
    id: ctx.newId(),
    text: c.text,
    start: c.startSeconds,
    end: c.endSeconds,
    position: 'bottom',
    size: 'medium',
    style: 'caption',
  }));
  if (cues.length === 0) throw new OperationError(`The subtitles in ${media.name} fall in parts of it that are no longer on the timeline.`);
  const texts = [...timeline.texts.filter((t) => t.style !== 'caption'), ...cues];
  return { timeline: { ...timeline, texts }, said: `Added ${cues.length} caption line${cues.length === 1 ? '' : 's'} from ${media.name}.` };
}

/**
 * Cues of a standalone subtitle file are in output time already. Cues carried inside a clip are in that
 * clip's time, so they follow the clip to wherever (and at whatever speed) its pieces play.
 */
function placeCues(timeline: Timeline, mediaId: string, cues: CaptionCue[]): CaptionCue[] {
  const pieces = segmentPlacements(timeline).filter((p) => p.segment.sourceId === mediaId);
  if (pieces.length === 0) return cues;
  return cues.flatMap((cue) =>
    pieces.flatMap(({ segment, start }) => {
      const from = Math.max(cue.startSeconds, segment.in);
      const to = Math.min(cue.endSeconds, segment.out);
      if (to - from < 0.05) return [];
      return [{ text: cue.text, startSeconds: start + (from - segment.in) / segment.speed, endSeconds: start + (to - segment.in) / segment.speed }];
    }),
  );
}
