// Builds what the planner and the operations need from the stored project (pure: records in, contexts out).
import type { AudioAnalysis, MediaSummary } from '@/lib/engine/media/schema';
import type { EditOperation, EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import type { CaptionCue, OperationContext } from '@/lib/engine/timeline/operations/operationContext';
import type { MusicMood } from '@/lib/engine/timeline/operations/editOperation';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import type { Timeline } from '@/lib/engine/timeline/schema';
import type { PlanContext } from './intents/intent';

const UNTITLED = /^untitled project \d+$/i;

const baseName = (file: string) => file.replace(/\.[a-z0-9]+$/i, '').trim();
/** "my_holiday-clip" -> "My holiday clip": a file name read as words. */
const asWords = (name: string) => name.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\w/, (c) => c.toUpperCase());

/**
 * The project title, unless it is the automatic one; else the first clip's name without its
 * extension. A project named after its file (the home page does that) gets that name as words.
 */
export function defaultTitle(projectTitle: string, timeline: Timeline, media: Pick<MediaSummary, 'id' | 'name'>[]): string {
  const title = projectTitle.trim();
  if (title && media.some((m) => baseName(m.name) === title)) return asWords(title) || 'My Video';
  if (title && !UNTITLED.test(title)) return title;
  const first = media.find((m) => m.id === timeline.video[0]?.sourceId) ?? media[0];
  const name = first ? asWords(baseName(first.name)) : '';
  return name || 'My Video';
}

const TOPIC_OF_OPERATION: Partial<Record<EditOperationKind, string>> = {
  addText: 'title', editText: 'title', addMusic: 'music', setVolume: 'music', addCaptions: 'captions', setSpeed: 'video', setAspect: 'video',
};

/** The subject of a stored version, from the kinds of operation that made it (the last one counts): ["addText", "setAspect"] -> "video". */
export function topicOfOperations(kinds: readonly EditOperationKind[]): string | undefined {
  const last = kinds.at(-1);
  return last ? TOPIC_OF_OPERATION[last] : undefined;
}

/** `lastOperations`: the kinds stored with the current version, so "make it louder" can mean the music just added. */
export function planContextOf(timeline: Timeline, media: Pick<MediaSummary, 'id' | 'name' | 'probe'>[], projectTitle: string, lastOperations: readonly EditOperationKind[] = []): PlanContext {
  return {
    recentTopic: topicOfOperations(lastOperations),
    uploads: media.map((m) => ({ name: m.name, kind: m.probe.kind })),
    hasMusic: timeline.audio.length > 0,
    hasText: timeline.texts.length > 0,
    defaultTitle: defaultTitle(projectTitle, timeline, media),
    videoSeconds: timelineDuration(timeline),
  };
}

/** Only pause detection reads the loudness and speech arrays: other plans never load them. */
export const readsAnalyses = (operations: EditOperation[]) => operations.some((op) => op.type === 'removePauses');

export function operationContextOf(
  media: Pick<MediaSummary, 'id' | 'name' | 'probe'>[],
  extra: {
    music: readonly { id: string; name: string; mood: MusicMood }[];
    captions: Record<string, CaptionCue[]>;
    /** By media id; left out (empty) when the plan does not read them (see readsAnalyses). */
    analyses?: Record<string, AudioAnalysis | null>;
    defaultTitle: string;
    newId: () => string;
  },
): OperationContext {
  return {
    media: media.map((m) => ({ id: m.id, name: m.name, kind: m.probe.kind, duration: m.probe.duration })),
    ...extra,
    analyses: extra.analyses ?? {},
  };
}
