// The reply for a turn where NemoVideo edited silently: what changed between two timeline views, in words.
import type { TimelineView } from '@/lib/api/schemas';
import type { TrackRole } from '@/lib/engine/timeline/viewSchema';

const LANE_WORDS: Record<TrackRole, [string, string]> = {
  main: ['video track', 'video tracks'],
  music: ['music track', 'music tracks'],
  title: ['title track', 'title tracks'],
  captions: ['caption track', 'caption tracks'],
};

const fmt = (n: number) => `${Math.round(n * 10) / 10} s`;

function counts(view: TimelineView | null) {
  const lanes = new Map<TrackRole, number>();
  const segments = new Map<TrackRole, number>();
  for (const track of view?.tracks ?? []) {
    if (track.segments.length === 0) continue;
    lanes.set(track.role, (lanes.get(track.role) ?? 0) + 1);
    segments.set(track.role, (segments.get(track.role) ?? 0) + track.segments.length);
  }
  return { lanes, segments };
}

function texts(view: TimelineView | null): string[] {
  return (view?.tracks ?? []).filter((t) => t.type === 'text').flatMap((t) => t.segments.map((s) => s.text ?? ''));
}

export function describeChange(before: TimelineView | null, after: TimelineView): string {
  if (before && before.summary === after.summary) {
    return `NemoVideo finished, but the timeline looks the same. ${after.summary} Try saying exactly what to change, for example "remove the pauses" or "add a title 'Hello'".`;
  }
  const changes: string[] = [];
  const was = counts(before);
  const now = counts(after);
  for (const name of new Set([...was.lanes.keys(), ...now.lanes.keys()])) {
    const [one, many] = LANE_WORDS[name];
    const diff = (now.lanes.get(name) ?? 0) - (was.lanes.get(name) ?? 0);
    if (diff > 0) changes.push(`added ${diff === 1 ? `a ${one}` : `${diff} ${many}`}`);
    if (diff < 0) changes.push(`removed ${-diff === 1 ? `a ${one}` : `${-diff} ${many}`}`);
    const segDiff = (now.segments.get(name) ?? 0) - (was.segments.get(name) ?? 0);
    if (diff === 0 && name === 'main' && segDiff !== 0) {
      changes.push(`the video now has ${now.segments.get(name)} segment${now.segments.get(name) === 1 ? '' : 's'} (was ${was.segments.get(name) ?? 0})`);
    }
  }
  const newTexts = texts(after).filter((t) => !texts(before).includes(t));
  if (newTexts.length > 0 && !changes.some((c) => c.includes('title') || c.includes('caption'))) {
    changes.push(`new text ${newTexts.slice(0, 3).map((t) => `"${t}"`).join(', ')}`);
  }
  const oldDuration = before?.duration ?? 0;
  if (Math.abs(after.duration - oldDuration) >= 0.05) changes.push(`length ${fmt(after.duration)} (was ${fmt(oldDuration)})`);
  if (changes.length === 0) changes.push('adjusted the edit');
  const list = changes.join('; ');
  return `Done: ${list[0].toLowerCase() + list.slice(1)}. ${after.summary}`;
}
