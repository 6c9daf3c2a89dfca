// Sound ready to post: loudness targets, the two-pass loudnorm filter, and reading ffmpeg's measurements.
import { z } from 'zod';
import type { LoudnessTarget } from '@/lib/engine/timeline/schema';
import { AUDIO_SAMPLE_RATE } from './outputFormat';

/** Integrated loudness per target, in LUFS: social platforms and YouTube play at -14, podcasts at -16. */
export const TARGET_LUFS: Record<Exclude<LoudnessTarget, 'off'>, number> = { social: -14, podcast: -16 };

/**
 * The true-peak ceiling handed to loudnorm sits half a dB under the promised -1 dBTP: the AAC
 * encoder's own overshoot then still leaves the finished file at or under -1.
 */
export const TRUE_PEAK_CEILING_DB = -1.5;
const LOUDNESS_RANGE = 11;

/** loudnorm prints numbers as strings, and silence as "-inf": kept as the -99 floor its options accept. */
const dB = z.preprocess((v) => (v === '-inf' ? -99 : v === 'inf' ? 99 : v), z.coerce.number().min(-99).max(99));

/** What loudnorm's first pass measured (its print_format=json block). */
export const loudnormMeasurementSchema = z.object({
  input_i: dB,
  input_tp: dB,
  input_lra: dB,
  input_thresh: dB,
  target_offset: dB,
});
export type LoudnormMeasurement = z.infer<typeof loudnormMeasurementSchema>;

/** The normalisation an export applies: the target, and the first pass's measurement once known. */
export interface LoudnessStep {
  integratedLufs: number;
  measured: LoudnormMeasurement | null;
}

export const measuredLoudnessSchema = z.object({ integratedLufs: z.number(), truePeakDb: z.number() });
export type MeasuredLoudness = z.infer<typeof measuredLoudnessSchema>;

export function loudnessStep(target: LoudnessTarget): LoudnessStep | null {
  return target === 'off' ? null : { integratedLufs: TARGET_LUFS[target], measured: null };
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The filters at the end of the sound. Measuring: loudnorm prints what it found. Normalising:
 * where one steady gain reaches the target with the true peaks still under the ceiling (and the
 * loudness range within LRA, loudnorm's own condition for its linear mode), that gain, by `volume`:
 * the same result as loudnorm's linear mode without its 192 kHz round trip. Otherwise a limiter
 * is needed: loudnorm with the measured values and the first pass's offset (which its dynamic mode
 * needs to land on the target), brought back to 48 kHz.
 * Nothing when normalisation is off or the sound is silence (there is nothing to bring up).
 */
export function loudnormFilter(step: LoudnessStep | null, measuring: boolean): string[] {
  if (!step) return [];
  const target = `loudnorm=I=${step.integratedLufs}:TP=${TRUE_PEAK_CEILING_DB}:LRA=${LOUDNESS_RANGE}`;
  if (measuring) return [`${target}:print_format=json`];
  const m = step.measured;
  if (!m || m.input_i <= -70) return [];
  const gain = step.integratedLufs - m.input_i;
  if (m.input_tp + gain <= TRUE_PEAK_CEILING_DB && m.input_lra <= LOUDNESS_RANGE) return [`volume=${num(gain)}dB`];
  return [
    `${target}:measured_I=${num(m.input_i)}:measured_TP=${num(m.input_tp)}:measured_LRA=${num(m.input_lra)}` +
      `:measured_thresh=${num(m.input_thresh)}:offset=${num(m.target_offset)}:linear=true:print_format=none`,
    `aresample=${AUDIO_SAMPLE_RATE}`,
  ];
}

/** The last loudnorm JSON block in ffmpeg's stderr; null when there is none or it is not numbers. */
export function parseLoudnormJson(stderr: string): LoudnormMeasurement | null {
  const start = stderr.lastIndexOf('"input_i"');
  if (start < 0) return null;
  const open = stderr.lastIndexOf('{', start);
  const close = stderr.indexOf('}', start);
  if (open < 0 || close < 0) return null;
  try {
    const parsed = loudnormMeasurementSchema.safeParse(JSON.parse(stderr.slice(open, close + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** ffmpeg arguments that measure a finished file's integrated loudness and true peak (EBU R128). */
export function measureLoudnessArgs(file: string): string[] {
  return ['-i', file, '-map', '0:a:0', '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-'];
}

/** Reads ebur128's summary ("I: -14.1 LUFS" ... "Peak: -1.6 dBFS"); null when it is missing. */
export function parseEbur128Summary(stderr: string): MeasuredLoudness | null {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const i = /I:\s*(-?[\d.]+|-inf)\s*LUFS/.exec(summary);
  const peak = /True peak:\s*Peak:\s*(-?[\d.]+|-inf)\s*dBFS/.exec(summary);
  if (!i || !peak) return null;
  const value = (s: string) => (s === '-inf' ? -Infinity : Number(s));
  const integratedLufs = value(i[1]);
  const truePeakDb = value(peak[1]);
  // Silence measures as -70 LUFS / -inf dBFS: reported as the floor rather than as infinities.
  return { integratedLufs: Math.max(-70, integratedLufs), truePeakDb: Number.isFinite(truePeakDb) ? truePeakDb : -99 };
}
