// The synthesis building blocks: seeded noise, envelopes, filters, oscillators, loudness, limiting and WAV encoding.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FFMPEG, ffprobe } from '@/tests/helpers/ffprobe';
import { adsrLevel } from '@/lib/engine/music/synth/envelope';
import { Biquad } from '@/lib/engine/music/synth/filters';
import { integratedLoudness, master, PEAK_CEILING, softLimit } from '@/lib/engine/music/synth/master';
import { sineCycles } from '@/lib/engine/music/synth/oscillators';
import { createRandom } from '@/lib/engine/music/synth/prng';
import { decodeWav, encodeWav } from '@/lib/engine/music/wav';

const SR = 48_000;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'music-synth-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function sine(hz: number, amplitude: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * SR) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / SR));
}

/** Amplitude gain of a filter on a steady tone (RMS out / RMS in, after it settles). */
function gainOf(filter: Biquad, input: Float32Array): number {
  let out = 0;
  let inp = 0;
  input.forEach((x, i) => {
    const y = filter.process(x);
    if (i > input.length / 2) {
      out += y * y;
      inp += x * x;
    }
  });
  return Math.sqrt(out / inp);
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed, a different one for another seed, always in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, createRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    const values = take(7);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 1);
  });
});

describe('adsrLevel', () => {
  const env = { attackSeconds: 0.1, decaySeconds: 0.2, sustain: 0.5, releaseSeconds: 0.4 };

  it('rises from silence, decays to the sustain level, and releases to silence with no jump at note-off', () => {
    expect(adsrLevel(0, 1, env)).toBe(0);
    expect(adsrLevel(0.1, 1, env)).toBeCloseTo(1, 6);
    expect(adsrLevel(0.6, 1, env)).toBeCloseTo(0.5, 6);
    expect(adsrLevel(1 - 1e-9, 1, env)).toBeCloseTo(adsrLevel(1 + 1e-9, 1, env), 6);
    expect(adsrLevel(1.4, 1, env)).toBeCloseTo(0, 9);
    expect(adsrLevel(1.41, 1, env)).toBe(0);
  });

  it('ramps even a zero-length attack and release over a few milliseconds, so notes never click', () => {
    const hard = { attackSeconds: 0, decaySeconds: 0, sustain: 1, releaseSeconds: 0 };
    expect(adsrLevel(1 / SR, 1, hard)).toBeLessThan(0.02);
    expect(adsrLevel(1 + 1 / SR, 1, hard)).toBeGreaterThan(0.98 * 0.98 - 0.02);
    expect(adsrLevel(1.01, 1, hard)).toBe(0);
  });
});

describe('Biquad', () => {
  it('lowpass at 1 kHz passes 100 Hz and cuts 10 kHz by more than 30 dB', () => {
    expect(gainOf(Biquad.lowpass(SR, 1000), sine(100, 1, 0.2))).toBeGreaterThan(0.95);
    expect(gainOf(Biquad.lowpass(SR, 1000), sine(10_000, 1, 0.2))).toBeLessThan(0.032);
  });

  it('highpass at 5 kHz passes 12 kHz and cuts 500 Hz by more than 30 dB', () => {
    expect(gainOf(Biquad.highpass(SR, 5000), sine(12_000, 1, 0.2))).toBeGreaterThan(0.9);
    expect(gainOf(Biquad.highpass(SR, 5000), sine(500, 1, 0.2))).toBeLessThan(0.032);
  });
});

describe('sineCycles', () => {
  it('matches Math.sin to within 1e-6 over many cycles', () => {
    for (let c = -3; c < 3; c += 0.000_37) expect(Math.abs(sineCycles(c) - Math.sin(2 * Math.PI * c))).toBeLessThan(1e-6);
  });
});

describe('loudness and limiting', () => {
  it('measures a -20 dBFS 997 Hz stereo sine at -20 LUFS, as BS.1770 defines', () => {
    const tone = sine(997, 0.1, 5);
    expect(integratedLoudness({ left: tone, right: tone }, SR)).toBeCloseTo(-20, 0);
  });

  it('agrees with ffmpeg ebur128 on a real mix', () => {
    const random = createRandom(1);
    const left = Float32Array.from({ length: SR * 6 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 110 * i) / SR) + 0.05 * (random() - 0.5));
    const right = Float32Array.from(left, (x, i) => x * (i % SR < SR / 2 ? 1 : 0.5));
    const file = path.join(scratch, 'mix.wav');
    fs.writeFileSync(file, encodeWav({ left, right }, SR));
    const stderr = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
    const ffmpegLufs = Number(/I:\s+(-?[\d.]+) LUFS/.exec(stderr.slice(stderr.lastIndexOf('Summary:')))?.[1]);
    expect(integratedLoudness({ left, right }, SR)).toBeCloseTo(ffmpegLufs, 0);
  });

  it('softLimit is the identity below its knee, monotonic, and never passes the -1 dBFS ceiling', () => {
    expect(softLimit(0.3)).toBe(0.3);
    expect(softLimit(-0.5)).toBe(-0.5);
    let previous = -Infinity;
    for (let x = 0; x < 20; x += 0.01) {
      const y = softLimit(x);
      expect(y).toBeGreaterThanOrEqual(previous);
      expect(y).toBeLessThanOrEqual(PEAK_CEILING);
      expect(softLimit(-x)).toBe(-y);
      previous = y;
    }
  });

  it('master brings a quiet mix up to about -16 LUFS and a hot one down, peaks under the ceiling', () => {
    for (const amplitude of [0.02, 3]) {
      const tone = sine(220, amplitude, 4);
      const out = master({ left: tone, right: tone }, SR);
      expect(integratedLoudness(out, SR)).toBeGreaterThan(-17);
      expect(integratedLoudness(out, SR)).toBeLessThan(-15);
      expect(out.left.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeLessThanOrEqual(PEAK_CEILING);
    }
  });

  it('master leaves silence silent instead of amplifying nothing into NaN', () => {
    const out = master({ left: new Float32Array(SR), right: new Float32Array(SR) }, SR);
    expect(out.left.every((x) => x === 0)).toBe(true);
  });
});

describe('encodeWav', () => {
  it('writes 16-bit stereo PCM that decodes back within one step and that ffprobe reads', () => {
    const left = sine(440, 0.5, 0.5);
    const right = sine(660, -0.25, 0.5);
    const bytes = encodeWav({ left, right }, SR);
    expect(bytes.length).toBe(44 + left.length * 4);
    const decoded = decodeWav(bytes);
    expect(decoded.sampleRate).toBe(SR);
    expect(decoded.channels).toBe(2);
    for (let i = 0; i < left.length; i += 97) {
      expect(Math.abs(decoded.left[i] - left[i])).toBeLessThan(1 / 32767);
      expect(Math.abs(decoded.right[i] - right[i])).toBeLessThan(1 / 32767);
    }
    const file = path.join(scratch, 'tone.wav');
    fs.writeFileSync(file, bytes);
    const stream = ffprobe(file).streams[0];
    expect([stream.codec_name, stream.sample_rate, stream.channels]).toEqual(['pcm_s16le', '48000', 2]);
    expect(Number(stream.duration)).toBeCloseTo(0.5, 3);
  });

  it('clips out-of-range samples instead of wrapping them around', () => {
    const decoded = decodeWav(encodeWav({ left: Float32Array.of(1.7, -3), right: Float32Array.of(0, 0) }, SR));
    expect(Array.from(decoded.left)).toEqual([1, -1]);
  });
});
