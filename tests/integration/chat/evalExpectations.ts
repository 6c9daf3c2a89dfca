// Checks one eval case's `expect` keys (../shared/eval/README.md) against the timeline and events that came back.
import { expect } from 'vitest';
import { z } from 'zod';
import type { ChatEvent, MediaView, TimelineView } from '@/lib/api/schemas';
import { replyText } from './chatFixtures';

export const evalCaseSchema = z.object({
  id: z.string(),
  setup: z.enum(['talk', 'talk+song', 'two', 'vertical']),
  say: z.union([z.string(), z.array(z.string())]),
  expect: z
    .object({
      route: z.enum(['export', 'credits', 'status', 'upload']),
      pausesRemoved: z.boolean(),
      musicTrack: z.boolean(),
      musicVolumeMax: z.number(),
      musicSource: z.enum(['uploaded', 'library']),
      text: z.string(),
      textStart: z.number(),
      textEnd: z.number(),
      canvas: z.tuple([z.number(), z.number()]),
      durationRatio: z.number(),
      durationDelta: z.number(),
      firstSource: z.string(),
      unchanged: z.boolean(),
      undoRestores: z.boolean(),
    })
    .partial()
    .strict(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export interface Outcome {
  /** Timeline before the first message, before the previous message, before the last message, and after it. */
  initial: TimelineView;
  beforePrevious: TimelineView;
  beforeLast: TimelineView;
  after: TimelineView;
  /** Events of the last message. */
  events: ChatEvent[];
  media: MediaView[];
}

const within = (actual: number, wanted: number, tolerance: number) => expect(Math.abs(actual - wanted), `${actual} vs ${wanted}`).toBeLessThanOrEqual(tolerance);
const comparable = (t: TimelineView) => ({ ...t, canUndo: undefined, canRedo: undefined });

export function checkExpectations(c: EvalCase, o: Outcome) {
  const e = c.expect;
  const text = replyText(o.events);
  if (e.route === 'export') expect(o.events.some((ev) => ev.type === 'export')).toBe(true);
  if (e.route === 'credits') expect(text).toMatch(/credit/i);
  if (e.route === 'status') expect(text).toContain(o.after.summary);
  if (e.route === 'upload') expect(text).toMatch(/upload|file/i);
  if (e.route) expect(o.after.version, 'a routed message does not edit').toBe(o.beforeLast.version);

  if (e.pausesRemoved) {
    const shrink = o.initial.duration - o.after.duration;
    expect(shrink).toBeGreaterThanOrEqual(2.5);
    expect(shrink).toBeLessThanOrEqual(15);
  }
  const music = o.after.tracks.filter((t) => t.type === 'audio');
  if (e.musicTrack) {
    expect(music.length).toBeGreaterThan(0);
    const seg = music[0].segments[0];
    expect(seg.start).toBeLessThanOrEqual(0.05);
    within(seg.end, o.after.duration, 0.05);
    if (e.musicVolumeMax !== undefined) expect(seg.volume).toBeLessThanOrEqual(e.musicVolumeMax);
  }
  if (e.musicSource === 'uploaded') {
    const song = o.media.find((m) => m.name === 'song.mp3');
    expect(music[0].segments[0].sourceId).toBe(song?.id);
  }
  if (e.musicSource === 'library') expect(music[0].segments[0].sourceId).toMatch(/^library:/);
  if (e.text !== undefined) {
    const texts = o.after.tracks.filter((t) => t.type === 'text').flatMap((t) => t.segments);
    const match = texts.find((s) => (s.text ?? '').includes(e.text!));
    expect(match, `a text containing "${e.text}" in ${JSON.stringify(texts)}`).toBeDefined();
    if (e.textStart !== undefined) within(match!.start, e.textStart, 0.25);
    if (e.textEnd !== undefined) within(match!.end, e.textEnd, 0.25);
  }
  if (e.canvas) expect([o.after.canvas.width, o.after.canvas.height]).toEqual(e.canvas);
  if (e.durationRatio !== undefined) within(o.after.duration / o.beforeLast.duration, e.durationRatio, e.durationRatio * 0.03);
  if (e.durationDelta !== undefined) within(o.after.duration - o.beforeLast.duration, e.durationDelta, 0.25);
  if (e.firstSource) expect(o.after.tracks.find((t) => t.type === 'video')?.segments[0].name).toBe(e.firstSource);
  if (e.unchanged) {
    expect(o.after.version).toBe(o.beforeLast.version);
    expect(text.length).toBeGreaterThan(20);
  }
  if (e.undoRestores) expect(comparable(o.after)).toEqual(comparable(o.beforePrevious));
}
