import { describe, expect, test } from 'vitest';
import type { AudioAnalysis } from '@/lib/engine/media/schema';
import { detectPausesIn } from '@/lib/engine/pauses/detectPauses';
import { hysteresisFor, pauseSettings } from '@/lib/engine/pauses/pauseSettings';
import { quietWindows } from '@/lib/engine/pauses/quietWindows';
import { snapEdgesToLoudness, speechFlags } from '@/lib/engine/pauses/speechFlags';

/** 10 ms windows and 32 ms model windows for pieces of [loudness dB, speech probability, seconds]. */
function recording(...parts: [number, number, number][]): AudioAnalysis {
  const rmsDb = parts.flatMap(([db, , s]) => Array<number>(Math.round(s * 100)).fill(db));
  const probability: number[] = [];
  let t = 0;
  const total = parts.reduce((sum, [, , s]) => sum + s, 0);
  for (let at = 0.016; at < total; at += 0.032) {
    while (t < parts.length - 1 && at >= parts.slice(0, t + 1).reduce((sum, [, , s]) => sum + s, 0)) t++;
    probability.push(parts[t][1]);
  }
  return { windowSeconds: 0.01, rmsDb, speech: { windowSeconds: 0.032, probability } };
}
const seconds = (quiet: Uint8Array) => Math.round(quiet.reduce((s, q) => s + q, 0)) / 100;
const rounded = (ranges: [number, number][]) => ranges.map(([a, b]) => [Math.round(a * 100) / 100, Math.round(b * 100) / 100]);
const DEFAULT = hysteresisFor(27);

describe('quietWindows', () => {
  test('a clean recording is judged by loudness: a breath the model calls non-speech stays', () => {
    // speech, a loud breath (model: no speech), speech, digital silence, speech
    const clean = recording([-15, 0.95, 2], [-30, 0.05, 0.6], [-15, 0.95, 2], [-80, 0.02, 1], [-15, 0.95, 2]);
    const { quiet, decidedBy } = quietWindows(clean, 27, DEFAULT);
    expect(decidedBy).toBe('loudness');
    expect(seconds(quiet)).toBe(1);
  });

  test('noise in the pauses (12 dB under speech) is judged by the voice model', () => {
    const noisy = recording([-15, 0.95, 2], [-27, 0.05, 1], [-15, 0.9, 2], [-27, 0.1, 1.5], [-15, 0.95, 1]);
    const { quiet, decidedBy } = quietWindows(noisy, 27, DEFAULT);
    expect(decidedBy).toBe('voice');
    expect(seconds(quiet)).toBeCloseTo(2.5, 1);
  });

  test('in a noisy room, a window far louder than the room stays even when the model calls it non-speech', () => {
    // speech, room noise, a loud word end the model missed (20 dB over the room), room noise, speech
    const noisy = recording([-15, 0.95, 2], [-30, 0.05, 1], [-10, 0.05, 0.5], [-30, 0.05, 1], [-15, 0.95, 2]);
    const { quiet, decidedBy } = quietWindows(noisy, 27, DEFAULT);
    expect(decidedBy).toBe('voice');
    expect(seconds(quiet)).toBeCloseTo(2, 1);
  });

  test("the model's lagging tail after a voice stops is cut where the loudness fell back to the background", () => {
    // speech, 0.25 s where the model still says speech but only the background (-30 dB) plays, background, speech
    const lagging = recording([-15, 0.95, 2], [-30, 0.95, 0.25], [-30, 0.05, 1], [-15, 0.95, 2]);
    const { quiet, decidedBy } = quietWindows(lagging, 27, DEFAULT);
    expect(decidedBy).toBe('voice');
    expect(seconds(quiet)).toBeCloseTo(1.25, 1);
  });

  test('a file analysed before the model existed is judged by loudness alone', () => {
    const { speech: _, ...old } = recording([-15, 0.9, 2], [-70, 0, 1], [-15, 0.9, 2]);
    expect(quietWindows(old, 27, DEFAULT)).toMatchObject({ decidedBy: 'loudness', unsureShare: 0 });
    expect(seconds(quietWindows(old, 27, DEFAULT).quiet)).toBe(1);
  });

  test('all speech: nothing is quiet', () => {
    expect(seconds(quietWindows(recording([-15, 0.9, 3]), 27, DEFAULT).quiet)).toBe(0);
  });
});

describe('detectPausesIn', () => {
  test('noise pauses go through the same min-pause and padding steps', () => {
    const noisy = recording([-15, 0.95, 2], [-27, 0.05, 1], [-15, 0.9, 2], [-27, 0.1, 0.3], [-15, 0.95, 1]);
    // The pause is 2-3 s; the model's 32 ms windows put its edges at 1.98 and 3.01, then 0.15 s of padding each side.
    expect(rounded(detectPausesIn(noisy, pauseSettings()).cuts)).toEqual([[2.13, 2.86]]);
  });

  test('flags detection as unsure when the model hovered near its thresholds over what was cut', () => {
    const sure = recording([-15, 0.95, 2], [-27, 0.02, 1], [-15, 0.95, 2]);
    const hesitant = recording([-15, 0.95, 2], [-27, 0.5, 1], [-15, 0.95, 2]);
    expect(detectPausesIn(sure, pauseSettings()).unsure).toBe(false);
    expect(detectPausesIn(hesitant, pauseSettings()).unsure).toBe(true);
    expect(detectPausesIn(hesitant, pauseSettings()).cuts).toHaveLength(1);
  });
});

describe('speechFlags', () => {
  test.each([
    ['rises at the onset, holds until below the offset', [0.1, 0.6, 0.4, 0.36, 0.2, 0.45], [0, 1, 1, 1, 0, 0]],
    ['falls exactly below the offset, not at it', [0.5, 0.35, 0.34], [1, 1, 0]],
    ['never reaches the onset', [0.3, 0.49, 0.2], [0, 0, 0]],
  ])('%s', (_name, probability, expected) => {
    const flags = speechFlags({ windowSeconds: 0.01, probability }, 0.01, probability.length, { onset: 0.5, offset: 0.35 });
    expect(Array.from(flags)).toEqual(expected);
  });

  test('maps 32 ms model windows onto 10 ms windows by their middles', () => {
    const flags = speechFlags({ windowSeconds: 0.032, probability: [0, 1] }, 0.01, 7, { onset: 0.5, offset: 0.35 });
    expect(Array.from(flags)).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });
});

describe('snapEdgesToLoudness', () => {
  // background level -30 dB; windows: 1 = the model says speech
  test.each([
    ['trims a quiet tail and a quiet head', [0, 1, 1, 1, 1, 1, 0], [-30, -31, -10, -12, -31, -32, -30], 3, [0, 0, 1, 1, 0, 0, 0]],
    ['stops at the first window louder than the background', [1, 1, 1, 1, 1], [-10, -31, -12, -31, -31], 5, [1, 1, 1, 0, 0]],
    ['moves each edge by at most maxWindows', [1, 1, 1, 1, 1, 1], [-40, -40, -10, -40, -40, -40], 2, [0, 0, 1, 1, 0, 0]],
    ['a run quiet throughout goes entirely', [0, 1, 1, 0], [-30, -35, -35, -30], 5, [0, 0, 0, 0]],
    ['the background level itself counts as quiet; above it does not', [1, 1, 1], [-29.9, -10, -30], 3, [1, 1, 0]],
    ['nothing to snap', [0, 0, 0], [-10, -10, -10], 3, [0, 0, 0]],
  ])('%s', (_name, talking, db, max, expected) => {
    expect(Array.from(snapEdgesToLoudness(Uint8Array.from(talking), db, -30, max))).toEqual(expected);
  });
});

describe('hysteresisFor', () => {
  test.each([
    [27, { onset: 0.8, offset: 0.6 }],
    [20, { onset: 0.93, offset: 0.7 }],
    [38, { onset: 0.6, offset: 0.45 }],
    [60, { onset: 0.2, offset: 0.15 }],
  ])('belowSpeechDb %s gives %o', (db, expected) => expect(hysteresisFor(db)).toEqual(expected));
});
