import { describe, expect, test } from 'vitest';
import { detectPauses } from '@/lib/engine/pauses/detectPauses';
import { pauseSettings } from '@/lib/engine/pauses/pauseSettings';

/** 10 ms windows from [dB, seconds] pieces. */
const analysis = (...parts: [number, number][]) => ({
  windowSeconds: 0.01,
  rmsDb: parts.flatMap(([db, s]) => Array<number>(Math.round(s * 100)).fill(db)),
});
const rounded = (ranges: [number, number][]) => ranges.map(([a, b]) => [Math.round(a * 100) / 100, Math.round(b * 100) / 100]);

// speech 0-3, pause 3-4 (1 s), speech 4-6, pause 6-6.3 (0.3 s), speech 6.3-9, pause 9-10.6 (1.6 s), speech 10.6-12
const talk = (speech: number, silence: number) =>
  analysis([speech, 3], [silence, 1], [speech, 2], [silence, 0.3], [speech, 2.7], [silence, 1.6], [speech, 1.4]);

describe('detectPauses', () => {
  test('cuts pauses of 0.5 s or more, keeping 0.15 s around speech', () => {
    expect(rounded(detectPauses(talk(-15, -70), pauseSettings()))).toEqual([[3.15, 3.85], [9.15, 10.45]]);
  });

  test('a minimum pause of 1.2 s leaves the 1 s pause alone', () => {
    expect(rounded(detectPauses(talk(-15, -70), pauseSettings({ minPauseSeconds: 1.2 })))).toEqual([[9.15, 10.45]]);
  });

  test('more room around speech leaves shorter cuts', () => {
    expect(rounded(detectPauses(talk(-15, -70), pauseSettings({ paddingSeconds: 0.3 })))).toEqual([[3.3, 3.7], [9.3, 10.3]]);
  });

  test('a quiet recording (30 dB down) gives the same cuts', () => {
    expect(detectPauses(talk(-45, -100), pauseSettings())).toEqual(detectPauses(talk(-15, -70), pauseSettings()));
  });

  test('constant sound has no pauses', () => {
    expect(detectPauses(analysis([-20, 5]), pauseSettings())).toEqual([]);
  });
});
