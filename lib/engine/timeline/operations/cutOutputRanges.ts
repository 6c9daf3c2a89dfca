// Removes ranges of output time from the main track and moves texts and music to follow the cut.
import { segmentPlacements, timelineDuration } from '../duration';
import type { Timeline, VideoSegment } from '../schema';

export type Range = [number, number];

/** Sorted, merged, clipped to [0, limit], empty ones dropped. */
export function normalizeRanges(ranges: Range[], limit: number): Range[] {
  const sorted = ranges
    .map(([a, b]): Range => [Math.max(0, Math.min(a, b)), Math.min(limit, Math.max(a, b))])
    .filter(([a, b]) => b - a > 1e-6)
    .sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Where an old output time lands after the cut; times inside a removed range land at its start. */
export function remapTime(t: number, removed: Range[]): number {
  let shift = 0;
  for (const [a, b] of removed) {
    if (t >= b) shift += b - a;
    else if (t > a) return a - shift;
  }
  return t - shift;
}

export function cutOutputRanges(timeline: Timeline, ranges: Range[], newId: () => string): Timeline {
  const removed = normalizeRanges(ranges, timelineDuration(timeline));
  if (removed.length === 0) return timeline;
  const minSeconds = 1 / timeline.canvas.fps;
  const video: VideoSegment[] = [];
  for (const { segment, start, end } of segmentPlacements(timeline)) {
    let pieces: Range[] = [[start, end]];
    for (const [a, b] of removed) {
      pieces = pieces.flatMap(([s, e]): Range[] => (b <= s || a >= e ? [[s, e]] : [[s, a], [b, e]].filter(([x, y]) => y - x > 1e-6) as Range[]));
    }
    const whole = pieces.length === 1 && pieces[0][0] === start && pieces[0][1] === end;
    if (whole) {
      video.push(segment);
      continue;
    }
    for (const [s, e] of pieces) {
      if (e - s < minSeconds) continue;
      const srcIn = segment.in + (s - start) * segment.speed;
      const srcOut = Math.min(segment.out, segment.in + (e - start) * segment.speed);
      video.push({ ...segment, id: video.some((v) => v.id === segment.id) ? newId() : segment.id, in: srcIn, out: srcOut });
    }
  }
  const texts = timeline.texts
    .map((t) => ({ ...t, start: remapTime(t.start, removed), end: remapTime(t.end, removed) }))
    .filter((t) => t.end - t.start > 0.05);
  const audio = timeline.audio.map((c) => ({
    ...c,
    start: remapTime(c.start, removed),
    end: c.end === null ? null : Math.max(remapTime(c.end, removed), 0.001),
  }));
  return { ...timeline, video, texts, audio };
}
