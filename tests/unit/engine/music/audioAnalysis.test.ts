// The measurements the track tests rely on can fail: sine beeps, noise and a wrong tempo are caught.
import { describe, expect, it } from 'vitest';
import { createRandom } from '@/lib/engine/music/synth/prng';
import { averageSpectrum, bandShare, chroma, estimateBpm, matchesTempo, onsetEnvelope } from './audioAnalysis';

const SR = 48_000;

/** 440 Hz beeps, 100 ms each, at `bpm`: the "sine beeps" a music library must not be. */
function beeps(bpm: number, seconds = 30): Float32Array {
  const beat = Math.round((60 / bpm) * SR);
  return Float32Array.from({ length: seconds * SR }, (_, i) => (i % beat < 0.1 * SR ? 0.5 * Math.sin((2 * Math.PI * 440 * i) / SR) : 0));
}

describe('music measurements', { timeout: 30_000 }, () => {
  it('find no low or high band in sine beeps', () => {
    const spectrum = averageSpectrum(beeps(100));
    expect(bandShare(spectrum, SR, 30, 150)).toBeLessThan(0.01);
    expect(bandShare(spectrum, SR, 5000, 20_000)).toBeLessThan(0.0005);
  });

  it('find one pitch class in a single tone, and no key in white noise', () => {
    const tone = chroma(averageSpectrum(beeps(100)), SR);
    expect(tone.filter((c) => c > 0.05)).toHaveLength(1);
    expect(tone[9]).toBeGreaterThan(0.9); // A
    const random = createRandom(3);
    const noise = chroma(averageSpectrum(Float32Array.from({ length: 10 * SR }, () => random() - 0.5)), SR);
    const cMajor = [0, 2, 4, 5, 7, 9, 11].reduce((sum, pc) => sum + noise[pc], 0);
    expect(cMajor).toBeLessThan(0.7);
  });

  it('estimate the tempo of a beat and tell it from other tempos', () => {
    const estimated = estimateBpm(onsetEnvelope(beeps(100)), 512 / SR);
    expect(matchesTempo(estimated, 100)).toBe(true);
    expect(matchesTempo(estimated, 72)).toBe(false);
    expect(matchesTempo(estimated, 128)).toBe(false);
    expect(matchesTempo(estimateBpm(onsetEnvelope(beeps(137)), 512 / SR), 137)).toBe(true);
  });
});
