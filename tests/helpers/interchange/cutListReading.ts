// What every test reader yields: the cut list in seconds, as the file says it.
import { expect } from 'vitest';
import { segmentPlacements, timelineDuration } from '@/lib/engine/timeline/duration';
import type { Timeline } from '@/lib/engine/timeline/schema';

export interface ReadCut {
  /** The source file's name as the file refers to it. */
  file: string;
  recordIn: number;
  recordOut: number;
  /** Seconds from the first frame of the source file (its start timecode already taken off). */
  sourceIn: number;
  sourceOut: number;
  speed: number;
}

/** "HH:MM:SS:FF" (or ";FF" drop-frame at 29.97/59.94) to a frame count, per SMPTE 12M. */
export function smpteFrames(timecode: string, fps: number): number {
  const m = /^(\d\d):(\d\d):(\d\d)([:;])(\d\d)$/.exec(timecode);
  if (!m) throw new Error(`not a timecode: ${timecode}`);
  const base = Math.round(fps);
  const [h, min, s, f] = [m[1], m[2], m[3], m[5]].map(Number);
  const frames = ((h * 60 + min) * 60 + s) * base + f;
  if (m[4] !== ';') return frames;
  const minutes = h * 60 + min;
  return frames - (base / 15) * (minutes - Math.floor(minutes / 10));
}

/** Source frame rates by file name, as each test's media facts give them. */
export type RatesByFile = Record<string, number>;

/**
 * The reading matches the timeline: same pieces in order, each in/out within one frame (record
 * at the canvas rate, source at the source's rate), the same speed, the same total length.
 */
export function expectSameCuts(read: ReadCut[], timeline: Timeline, names: Record<string, string>, rates: RatesByFile, durationSeconds?: number) {
  const fps = timeline.canvas.fps;
  const placements = segmentPlacements(timeline);
  expect(read.map((c) => c.file)).toEqual(placements.map((p) => names[p.segment.sourceId]));
  read.forEach((cut, i) => {
    const { segment, start, end } = placements[i];
    const sourceFrame = 1 / rates[cut.file];
    const where = `piece ${i + 1} (${cut.file})`;
    expect(Math.abs(cut.recordIn - start), `${where} record in`).toBeLessThanOrEqual(1 / fps + 1e-9);
    expect(Math.abs(cut.recordOut - end), `${where} record out`).toBeLessThanOrEqual(1 / fps + 1e-9);
    expect(Math.abs(cut.sourceIn - segment.in), `${where} source in`).toBeLessThanOrEqual(sourceFrame + 1e-9);
    // The source range a sped-up piece consumes is its record length times its speed.
    expect(Math.abs(cut.sourceOut - segment.out), `${where} source out`).toBeLessThanOrEqual(sourceFrame * Math.max(1, segment.speed) + 1e-9);
    expect(cut.speed, `${where} speed`).toBeCloseTo(segment.speed, 2);
  });
  if (durationSeconds !== undefined) expect(Math.abs(durationSeconds - timelineDuration(timeline))).toBeLessThanOrEqual(1 / fps + 1e-9);
}
