// Builds what the planner and the operations need from the stored project (pure: records in, contexts out).
import type { MediaRecord } from '@/lib/engine/media/schema';
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
export function defaultTitle(projectTitle: string, timeline: Timeline, media: MediaRecord[]): string {
  const title = projectTitle.trim();
  if (title && media.some((m) => baseName(m.name) === title)) return asWords(title) || 'My Video';
  if (title && !UNTITLED.test(title)) return title;
  const first = media.find((m) => m.id === timeline.video[0]?.sourceId) ?? media[0];
  const name = first ? asWords(baseName(first.name)) : '';
  return name || 'My Video';
}

const TOPIC_OF_OPERATION: Record<string, string> = {
  addText: 'title', editText: 'title', addMusic: 'music', setVolume: 'music', addCaptions: 'captions', setSpeed: 'video', setAspect: 'video',
};

/** The subject of a stored version, from its label ("addText+setAspect: …" -> "title"). */
export function topicOfLabel(label: string): string | undefined {
  const last = /^([\w+]+):/.exec(label)?.[1].split('+').at(-1);
  return last ? TOPIC_OF_OPERATION[last] : undefined;
}

export function planContextOf(timeline: Timeline, media: MediaRecord[], projectTitle: string, lastLabel = ''): PlanContext {
  return {
    recentTopic: topicOfLabel(lastLabel),
    uploads: media.map((m) => ({ name: m.name, kind: m.probe.kind })),
    hasMusic: timeline.audio.length > 0,
    hasText: timeline.texts.length > 0,
    defaultTitle: defaultTitle(projectTitle, timeline, media),
    videoSeconds: timelineDuration(timeline),
  };
}

export function operationContextOf(
  media: MediaRecord[],
  extra: { music: readonly { id: string; name: string; mood: MusicMood }[]; captions: Record<string, CaptionCue[]>; defaultTitle: string; newId: () => string },
): OperationContext {
  return {
    media: media.map((m) => ({ id: m.id, name: m.name, kind: m.probe.kind, duration: m.probe.duration })),
    analyses: Object.fromEntries(media.map((m) => [m.id, m.analysis])),
    ...extra,
  };
}
