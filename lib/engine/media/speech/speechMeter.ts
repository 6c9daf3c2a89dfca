// Streaming speech probability over 16 kHz s16 PCM: Silero VAD on many stretches of the recording at once, each warmed up on the audio before it.
import { percentile } from '@/lib/engine/pauses/loudnessThreshold';
import type { SpeechAnalysis } from '../schema';
import { VAD_CHUNK_SAMPLES as CHUNK, VAD_CONTEXT_SAMPLES as CONTEXT, VAD_SAMPLE_RATE, vadStateSize, type SileroVad } from './sileroVad';

export const SPEECH_WINDOW_SECONDS = CHUNK / VAD_SAMPLE_RATE;

export interface SpeechMeterOptions {
  /** Stretches run side by side in one model call: one call per step is what costs, not its width. */
  lanes: number;
  /** Model steps per stretch (625 = 20 s); a short last block uses shorter stretches, so a short file still fills every lane. */
  laneChunks: number;
  /** Steps of the preceding audio each stretch sees first, so its state is as if the model had run from the start. */
  warmupChunks: number;
}

// 2 s of warm-up brings a stretch within a few hundredths of one long run (measured against lanes: 1).
export const SPEECH_METER_DEFAULTS: SpeechMeterOptions = { lanes: 16, laneChunks: 625, warmupChunks: 64 };
const MIN_LANE_CHUNKS = 32;

/** Silero misses quiet speech: bring the loud end of each block (95th percentile of 10 ms RMS) up to this level, never down. */
const TARGET_SPEECH_DBFS = -16;
const MAX_GAIN_DB = 40;

export interface SpeechMeter {
  /** Raw little-endian s16 bytes; resolves when the meter can take more (a full block is analysed before it returns). */
  push(chunk: Uint8Array): Promise<void>;
  finish(): Promise<SpeechAnalysis>;
}

export function createSpeechMeter(vad: SileroVad, options: SpeechMeterOptions = SPEECH_METER_DEFAULTS): SpeechMeter {
  const { lanes, laneChunks, warmupChunks } = options;
  const prefix = warmupChunks * CHUNK;
  const blockSamples = lanes * laneChunks * CHUNK;
  // [warm-up audio from before the block | the block]; zeros before the file's start, as the model's own first step sees.
  const buffer = new Int16Array(prefix + blockSamples);
  let filled = prefix;
  let first = true;
  let carry: number | null = null;
  const probabilities: number[] = [];

  const flush = async () => {
    const samples = filled - prefix;
    if (samples > 0) probabilities.push(...(await analyseBlock(vad, buffer, prefix, samples, options, first)));
    first = false;
    buffer.copyWithin(0, filled - prefix, filled);
    filled = prefix;
  };

  return {
    async push(chunk) {
      let i = 0;
      if (carry !== null && chunk.length > 0) {
        buffer[filled++] = ((chunk[0] << 8) | carry) << 16 >> 16;
        carry = null;
        i = 1;
        if (filled === buffer.length) await flush();
      }
      while (i + 1 < chunk.length) {
        const take = Math.min((chunk.length - i) >> 1, buffer.length - filled);
        for (let k = 0; k < take; k++, i += 2) buffer[filled++] = ((chunk[i + 1] << 8) | chunk[i]) << 16 >> 16;
        if (filled === buffer.length) await flush();
      }
      if (i < chunk.length) carry = chunk[i];
    },
    async finish() {
      await flush();
      return { windowSeconds: SPEECH_WINDOW_SECONDS, probability: probabilities.map((p) => Math.round(p * 100) / 100) };
    },
  };
}

/**
 * Runs lane b over the block's chunks [b*laneChunks, (b+1)*laneChunks), after warmupChunks steps over the audio before
 * them (the previous block's tail is kept in front of the buffer for lane 0). Lane 0 of the file's first block starts from a clean state at the file's start, exactly as one long run would.
 */
async function analyseBlock(vad: SileroVad, buffer: Int16Array, prefix: number, samples: number, o: SpeechMeterOptions, first: boolean): Promise<Float32Array> {
  const chunks = Math.ceil(samples / CHUNK);
  const laneChunks = Math.min(o.laneChunks, Math.max(MIN_LANE_CHUNKS, Math.ceil(chunks / o.lanes)));
  const lanes = Math.ceil(chunks / laneChunks);
  const steps = o.warmupChunks + Math.min(laneChunks, chunks);
  const gain = blockGain(buffer.subarray(prefix, prefix + samples)) / 32768;
  const width = CHUNK + CONTEXT;
  const input = new Float32Array(lanes * width);
  let state: Float32Array = new Float32Array(vadStateSize(lanes));
  const out = new Float32Array(chunks);
  for (let t = 0; t < steps; t++) {
    if (first && t === o.warmupChunks) {
      // Lane 0 saw only the zeros before the file: start it afresh.
      state = Float32Array.from(state);
      state.fill(0, 0, 128);
      state.fill(0, lanes * 128, lanes * 128 + 128);
    }
    for (let b = 0; b < lanes; b++) {
      // Sample offset in `buffer` of this lane's chunk at step t, and the context just before it.
      const at = prefix + (b * laneChunks - o.warmupChunks + t) * CHUNK;
      const row = input.subarray(b * width, (b + 1) * width);
      for (let k = 0; k < width; k++) {
        const s = at - CONTEXT + k;
        row[k] = s >= 0 && s < prefix + samples ? buffer[s] * gain : 0;
      }
    }
    const result = await vad.step(input, state, lanes);
    state = result.state;
    if (t < o.warmupChunks) continue;
    for (let b = 0; b < lanes; b++) {
      const c = b * laneChunks + t - o.warmupChunks;
      if (c < chunks) out[c] = result.probabilities[b];
    }
  }
  return out;
}

/** Gain (linear) that lifts this block's loud 10 ms windows to TARGET_SPEECH_DBFS; 1 when already loud enough. */
export function blockGain(samples: Int16Array): number {
  const window = VAD_SAMPLE_RATE / 100;
  const levels: number[] = [];
  for (let start = 0; start + window <= samples.length; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) sum += (samples[i] / 32768) ** 2;
    levels.push(sum > 0 ? 10 * Math.log10(sum / window) : -100);
  }
  if (levels.length === 0) return 1;
  const loudDb = percentile(levels, 0.95);
  return 10 ** (Math.min(MAX_GAIN_DB, Math.max(0, TARGET_SPEECH_DBFS - loudDb)) / 20);
}
