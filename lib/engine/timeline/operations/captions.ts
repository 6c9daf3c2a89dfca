// Captions from an uploaded subtitle file: its cues (parsed by the shell) become caption texts.
import type { TextItem, Timeline } from '../schema';
import type { EditOperationOf } from './editOperation';
import { OperationError, type OperationContext, type OperationResult } from './operationContext';

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
  const cues: TextItem[] = ctx.captions[media.id].map((c) => ({
    id: ctx.newId(),
    text: c.text,
    start: c.startSeconds,
    end: c.endSeconds,
    position: 'bottom',
    size: 'medium',
    style: 'caption',
  }));
  const texts = [...timeline.texts.filter((t) => t.style !== 'caption'), ...cues];
  return { timeline: { ...timeline, texts }, said: `Added ${cues.length} caption line${cues.length === 1 ? '' : 's'} from ${media.name}.` };
}
