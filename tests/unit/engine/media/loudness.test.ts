import { describe, expect, it } from 'vitest';
import { createLoudnessMeter, rmsToDb, SILENCE_FLOOR_DB } from '@/lib/engine/media/loudness';

const RATE = 16_000;

/** Little-endian s16 bytes for the given sample values. */
function pcm(samples: number[]): Uint8Array {
  const buf = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => buf.writeInt16LE(s, i * 2));
  return new Uint8Array(buf);
}
const constant = (value: number, count: number) => new Array<number>(count).fill(value);
const sine = (amplitude: number, hz: number, count: number) =>
  Array.from({ length: count }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / RATE)));

function measure(samples: number[], chunkBytes?: number) {
  const meter = createLoudnessMeter(RATE);
  const bytes = pcm(samples);
  const step = chunkBytes ?? bytes.length;
  for (let i = 0; i < bytes.length; i += step) meter.push(bytes.subarray(i, i + step));
  return meter.finish();
}

describe('rmsToDb', () => {
  it.each([
    ['full-scale square wave', 1 * 100, 100, 0],
    ['half-scale square wave', 0.25 * 100, 100, -6],
    ['a tenth of full scale', 0.01 * 10, 10, -20],
    ['digital silence', 0, 160, SILENCE_FLOOR_DB],
    ['no samples', 0, 0, SILENCE_FLOOR_DB],
    ['quieter than the floor', 1e-12, 1, SILENCE_FLOOR_DB],
  ])('%s', (_t, sumSquares, count, db) => expect(rmsToDb(sumSquares, count)).toBeCloseTo(db, 1));
});

describe('the loudness meter', () => {
  it('gives one RMS value per 10 ms and 20 peaks per second', () => {
    const { analysis, peaks } = measure(constant(0, RATE));
    expect(analysis.windowSeconds).toBe(0.01);
    expect(analysis.rmsDb).toHaveLength(100);
    expect(peaks).toHaveLength(20);
  });

  it('measures a full-scale sine at -3 dB and a half-scale constant at -6 dB', () => {
    const loud = measure(sine(32767, 1000, RATE / 10));
    for (const db of loud.analysis.rmsDb) expect(db).toBeCloseTo(-3, 0);
    const half = measure(constant(16384, 320));
    expect(half.analysis.rmsDb).toEqual([-6, -6]);
  });

  it('reports a tone of amplitude 0.244 near -15.3 dB (its RMS), then silence at the floor', () => {
    const { analysis, peaks } = measure([...sine(8000, 440, 1600), ...constant(0, 1600)]);
    expect(analysis.rmsDb.slice(0, 10).every((db) => db > -16.5 && db < -14)).toBe(true);
    expect(analysis.rmsDb.slice(10)).toEqual(constant(SILENCE_FLOOR_DB, 10));
    expect(peaks).toEqual([0.244, 0.244, 0, 0]);
  });

  it('peaks are the largest magnitude in each bucket, 0..1, including the most negative sample', () => {
    const samples = [...constant(0, 799), -32768, ...constant(100, 800)];
    expect(measure(samples).peaks).toEqual([1, 0.003]);
  });

  it('keeps a short last window and bucket rather than dropping the tail', () => {
    const { analysis, peaks } = measure(constant(3277, 250));
    expect(analysis.rmsDb).toEqual([-20, -20]);
    expect(peaks).toEqual([0.1]);
  });

  it('gives the same result whatever the chunk boundaries, even mid-sample', () => {
    const samples = sine(20000, 300, 4000).map((v, i) => (i % 7 === 0 ? -v : v));
    const whole = measure(samples);
    for (const chunk of [1, 3, 7, 333]) expect(measure(samples, chunk)).toEqual(whole);
  });
});
