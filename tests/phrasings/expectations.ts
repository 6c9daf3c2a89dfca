// What a phrasing case expects of the timeline after its messages, checked the same way for the HTTP run and the pure mirror.
import { expect } from 'vitest';
import type { TimelineView } from '@/lib/api/schemas';
import { MUSIC_LIBRARY } from '@/lib/engine/music/library';

export type Setup = 'talk' | 'talk+song' | 'two' | 'vertical';

/** All keys present must hold; times in seconds on the output timeline. */
export interface Expect {
  /** Pauses were cut: the video is 2.5-15 s shorter. */
  pauses?: true;
  /** Seconds removed from the video (±0.25). */
  shrink?: number;
  /** New duration / old duration (±3%). */
  ratio?: number;
  /** New duration (±0.25). */
  duration?: number;
  canvas?: [number, number];
  music?: 'library' | 'uploaded' | 'none';
  mood?: string;
  musicVolume?: number;
  /** A text segment with exactly these words. */
  text?: string;
  textStart?: number;
  textEnd?: number;
  /** The text ends with the video. */
  textAtEnd?: true;
  /** The text ends with the video and lasts this long. */
  textLast?: number;
  /** How many text segments there are. */
  texts?: number;
  /** Clip names on the main track, in order. */
  order?: string[];
  clips?: number;
  /** The voice (main track) volume. */
  voice?: number;
  /** The final timeline equals the one after message k (0 = before any). */
  sameAs?: number;
  /** Whether the run made new timeline versions (0 = none); version numbers are store-wide, so not a count. */
  versions?: number;
  /** The last message changed nothing, said why, and offered suggestions. */
  asks?: true;
  /** Each pattern matches one of the last reply's suggestions. */
  suggests?: RegExp[];
}

export type PhrasingCase = [Setup, string | string[], Expect];

export interface Outcome {
  initial: TimelineView;
  /** The timeline after each message, in order. */
  afterEach: TimelineView[];
  /** Suggestions offered by the last reply. */
  suggestions: string[];
}

const near = (actual: number | undefined, wanted: number, tol: number, what: string) => {
  expect(actual, what).toBeDefined();
  expect(Math.abs(actual! - wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(tol);
};
const videoOf = (t: TimelineView) => t.tracks.find((tr) => tr.type === 'video')?.segments ?? [];
const musicOf = (t: TimelineView) => t.tracks.find((tr) => tr.type === 'audio')?.segments[0];
const textsOf = (t: TimelineView) => t.tracks.filter((tr) => tr.type === 'text').flatMap((tr) => tr.segments);
/** Timelines compared by what they show, not by version numbers or undo state. */
const content = (t: TimelineView) => ({ duration: t.duration, canvas: t.canvas, tracks: t.tracks });

export function checkOutcome(o: Outcome, e: Expect, uploadedSongId?: string) {
  const after = o.afterEach.at(-1)!;
  const before = o.afterEach.at(-2) ?? o.initial;
  const shrink = o.initial.duration - after.duration;
  if (e.pauses) {
    expect(shrink, 'pauses cut').toBeGreaterThan(2.5);
    expect(shrink, 'speech kept').toBeLessThan(15);
  }
  if (e.shrink !== undefined) near(shrink, e.shrink, 0.25, 'seconds removed');
  if (e.ratio !== undefined) near(after.duration / o.initial.duration, e.ratio, 0.03 * e.ratio, 'duration ratio');
  if (e.duration !== undefined) near(after.duration, e.duration, 0.25, 'duration');
  if (e.canvas) expect([after.canvas.width, after.canvas.height]).toEqual(e.canvas);
  const music = musicOf(after);
  if (e.music === 'none') expect(music, 'no music').toBeUndefined();
  if (e.music === 'library') expect(music?.sourceId, 'library music').toMatch(/^library:/);
  if (e.music === 'uploaded') expect(music?.sourceId, 'uploaded music').toBe(uploadedSongId);
  if (e.mood) expect(MUSIC_LIBRARY.find((t) => `library:${t.id}` === music?.sourceId)?.mood, 'music mood').toBe(e.mood);
  if (e.musicVolume !== undefined) near(music?.volume, e.musicVolume, 0.01, 'music volume');
  const texts = textsOf(after);
  if (e.texts !== undefined) expect(texts.length, 'text count').toBe(e.texts);
  if (e.text !== undefined) {
    const t = texts.find((s) => s.text === e.text);
    expect(t, `text "${e.text}" among ${JSON.stringify(texts.map((s) => s.text))}`).toBeDefined();
    if (e.textStart !== undefined) near(t!.start, e.textStart, 0.25, 'text start');
    if (e.textEnd !== undefined) near(t!.end, e.textEnd, 0.25, 'text end');
    if (e.textAtEnd) near(t!.end, after.duration, 0.25, 'text ends with the video');
    if (e.textLast !== undefined) {
      near(t!.end, after.duration, 0.25, 'text ends with the video');
      near(t!.end - t!.start, e.textLast, 0.25, 'text length');
    }
  }
  if (e.order) expect(videoOf(after).map((s) => s.name)).toEqual(e.order);
  if (e.clips !== undefined) expect(videoOf(after).length, 'clips').toBe(e.clips);
  if (e.voice !== undefined) near(videoOf(after)[0]?.volume, e.voice, 0.01, 'voice volume');
  if (e.sameAs !== undefined) expect(content(after)).toEqual(content(e.sameAs === 0 ? o.initial : o.afterEach[e.sameAs - 1]));
  // Version numbers are store-wide, so other projects' edits interleave: only whether this project moved is checked here.
  if (e.versions !== undefined) expect(after.version !== o.initial.version, 'a new version').toBe(e.versions > 0);
  if (e.asks) {
    expect(content(after), 'the timeline did not change').toEqual(content(before));
    expect(after.version).toBe(before.version);
    expect(o.suggestions.length, 'suggestions offered').toBeGreaterThan(0);
  }
  for (const pattern of e.suggests ?? []) expect(o.suggestions, `a suggestion like ${pattern}`).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
}
