// Streaming loudness meter over 16-bit PCM: an RMS envelope (dBFS per window) for pause detection and 0..1 peaks for waveforms.
import type { AudioAnalysis } from './schema';

export const ENVELOPE_WINDOW_SECONDS = 0.01;
export const PEAKS_PER_SECOND = 20;
/** Digital silence has no logarithm; this floor stands in for it and is well below any pause threshold. */
export const SILENCE_FLOOR_DB = -100;

const FULL_SCALE = 32768;

/** RMS of `count` samples whose squares (full scale = 1) sum to `sumSquares`, in dBFS, one decimal. */
export function rmsToDb(sumSquares: number, count: number): number {
  if (count === 0 || sumSquares <= 0) return SILENCE_FLOOR_DB;
  const db = 10 * Math.log10(sumSquares / count);
  return Math.max(SILENCE_FLOOR_DB, Math.round(db * 10) / 10);
}

export interface LoudnessResult {
  analysis: AudioAnalysis;
  peaks: number[];
}

export interface LoudnessMeter {
  /** Feeds raw little-endian s16 bytes; chunks may split a sample. */
  push(chunk: Uint8Array): void;
  /** Closes the last (possibly short) window and bucket. */
  finish(): LoudnessResult;
}

export function createLoudnessMeter(sampleRate: number): LoudnessMeter {
  const windowSamples = Math.round(sampleRate * ENVELOPE_WINDOW_SECONDS);
  const bucketSamples = Math.round(sampleRate / PEAKS_PER_SECOND);
  const rmsDb: number[] = [];
  const peaks: number[] = [];
  let sumSquares = 0;
  let inWindow = 0;
  let peak = 0;
  let inBucket = 0;
  let carry: number | null = null;

  const addSample = (value: number) => {
    const x = value / FULL_SCALE;
    sumSquares += x * x;
    if (++inWindow === windowSamples) {
      rmsDb.push(rmsToDb(sumSquares, inWindow));
      sumSquares = 0;
      inWindow = 0;
    }
    const magnitude = Math.abs(x);
    if (magnitude > peak) peak = magnitude;
    if (++inBucket === bucketSamples) {
      peaks.push(Math.min(1, Math.round(peak * 1000) / 1000));
      peak = 0;
      inBucket = 0;
    }
  };

  return {
    push(chunk) {
      let i = 0;
      if (carry !== null && chunk.length > 0) {
        addSample(((chunk[0] << 8) | carry) << 16 >> 16);
        carry = null;
        i = 1;
      }
      for (; i + 1 < chunk.length; i += 2) addSample(((chunk[i + 1] << 8) | chunk[i]) << 16 >> 16);
      if (i < chunk.length) carry = chunk[i];
    },
    finish() {
      if (inWindow > 0) rmsDb.push(rmsToDb(sumSquares, inWindow));
      if (inBucket > 0) peaks.push(Math.min(1, Math.round(peak * 1000) / 1000));
      sumSquares = inWindow = peak = inBucket = 0;
      return { analysis: { windowSeconds: ENVELOPE_WINDOW_SECONDS, rmsDb: [...rmsDb] }, peaks: [...peaks] };
    },
  };
}
