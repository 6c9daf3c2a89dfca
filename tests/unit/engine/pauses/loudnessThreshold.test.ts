import { describe, expect, test } from 'vitest';
import { loudnessThreshold, percentile } from '@/lib/engine/pauses/loudnessThreshold';

/** Speech-like envelope: 70% of windows at `speech` dB, 30% at `noise` dB. */
const recording = (speech: number, noise: number) => [...Array<number>(70).fill(speech), ...Array<number>(30).fill(noise)];

describe('percentile', () => {
  test.each([
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[5, 4, 3, 2, 1], 1, 5],
    [[], 0.5, -100],
  ])('%j at %s is %s', (values, q, expected) => expect(percentile(values, q)).toBe(expected));
});

describe('loudnessThreshold', () => {
  test('sits a fixed distance below the speech level', () => {
    expect(loudnessThreshold(recording(-15, -70), 27)).toEqual({ speechDb: -15, noiseDb: -70, thresholdDb: -42 });
  });

  test('follows a quiet recording down instead of calling all of it silence', () => {
    const quiet = loudnessThreshold(recording(-45, -90), 27);
    expect(quiet.thresholdDb).toBe(-72);
    expect(quiet.thresholdDb!).toBeLessThan(quiet.speechDb);
  });

  test('never reaches into the noise floor', () => {
    expect(loudnessThreshold(recording(-20, -40), 27).thresholdDb).toBe(-34);
  });

  test('finds the floor even when pauses are only 5% of the recording', () => {
    const fewPauses = [...Array<number>(95).fill(-15), ...Array<number>(5).fill(-80)];
    expect(loudnessThreshold(fewPauses, 27).thresholdDb).toBe(-42);
  });

  test('finds no threshold when nothing stands out from the noise', () => {
    expect(loudnessThreshold(recording(-20, -25), 27).thresholdDb).toBeNull();
  });

  test('treats digital silence (-Infinity) as the quietest level', () => {
    const withSilence = [...Array<number>(70).fill(-15), ...Array<number>(30).fill(-Infinity)];
    expect(loudnessThreshold(withSilence, 27)).toEqual({ speechDb: -15, noiseDb: -100, thresholdDb: -42 });
  });
});
