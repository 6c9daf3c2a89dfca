// Silero VAD v5 (the model file @ricky0123/vad-web ships) run by onnxruntime-web's WebAssembly build: no native binary, no download.
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Samples per model step at 16 kHz, and the samples of the previous step the model also sees. */
export const VAD_CHUNK_SAMPLES = 512;
export const VAD_CONTEXT_SAMPLES = 64;
export const VAD_SAMPLE_RATE = 16_000;
const STATE_PER_LANE = 2 * 128;

/** One step for `lanes` independent streams at once: input [lanes, 576] and state [2, lanes, 128]. */
export interface SileroVad {
  step(input: Float32Array, state: Float32Array, lanes: number): Promise<{ probabilities: Float32Array; state: Float32Array }>;
}

const require = createRequire(import.meta.url);
/** Spelled at run time so the bundler does not try to compile the model file as a module. */
const MODEL = ['@ricky0123', 'vad-web', 'dist', 'silero_vad_v5.onnx'].join('/');
let loading: Promise<SileroVad> | null = null;

/**
 * Loads the model once per process (compiling the WebAssembly takes a few seconds); later calls share it.
 * Memory, measured (scripts/bench/publicLoad.ts breaks it down): one WebAssembly memory of ~20 MB, and a one-time
 * ~150-250 MB of malloc arenas that V8's optimising compiler leaves behind while it recompiles the hot WebAssembly
 * functions over the first few hundred steps. Flat after that. `node --liftoff-only` avoids the arenas (~180 MB less)
 * but costs ~1.6x CPU per step, so the default is kept.
 */
export function loadSileroVad(): Promise<SileroVad> {
  loading ??= load().catch((err) => {
    loading = null;
    throw err;
  });
  return loading;
}

async function load(): Promise<SileroVad> {
  // A literal specifier, so the bundler leaves onnxruntime-web to Node (next.config.mjs keeps it external).
  const ort = require('onnxruntime-web') as typeof import('onnxruntime-web');
  // The app runs from its own folder (npm start, tests, benchmarks); resolving from there finds its node_modules.
  const modelPath = createRequire(path.join(process.cwd(), 'package.json')).resolve(MODEL);
  // One thread: analysis runs beside renders on small machines; lanes give the speed instead.
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(await fs.readFile(modelPath), { executionProviders: ['wasm'] });
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]));
  const width = VAD_CHUNK_SAMPLES + VAD_CONTEXT_SAMPLES;
  return {
    async step(input, state, lanes) {
      const out = await session.run({
        input: new ort.Tensor('float32', input, [lanes, width]),
        state: new ort.Tensor('float32', state, [2, lanes, 128]),
        sr,
      });
      return { probabilities: out.output.data as Float32Array, state: out.stateN.data as Float32Array };
    },
  };
}

export const vadStateSize = (lanes: number) => STATE_PER_LANE * lanes;
