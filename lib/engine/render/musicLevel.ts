// Music loudness relative to the voice: volume 1 means "as loud as the speech", so 30% sits well under it.
import { probedInput } from '@/lib/engine/media/inputArgs';
import type { AudioAnalysis } from '@/lib/engine/media/schema';

/** Used when the video has no speech to match (silent clips, stills). */
export const REFERENCE_LEVEL_DB = -20;

/**
 * Loudness of the speech in the given source ranges: the power mean (an RMS) of the 10 ms windows
 * within 40 dB of the loud end (95th percentile), so pauses and room noise do not drag it down.
 * Null when there is no audible sound.
 */
export function speechLevelDb(parts: { analysis: AudioAnalysis; in: number; out: number }[]): number | null {
  const windows: number[] = [];
  for (const { analysis, in: from, out: to } of parts) {
    const first = Math.max(0, Math.floor(from / analysis.windowSeconds));
    const last = Math.min(analysis.rmsDb.length, Math.ceil(to / analysis.windowSeconds));
    for (let i = first; i < last; i++) windows.push(analysis.rmsDb[i]);
  }
  if (windows.length === 0) return null;
  const sorted = [...windows].sort((a, b) => a - b);
  const loud = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  if (loud < -60) return null;
  const kept = sorted.filter((db) => db >= loud - 40);
  const meanPower = kept.reduce((s, db) => s + 10 ** (db / 10), 0) / kept.length;
  return Math.round(10 * Math.log10(meanPower) * 10) / 10;
}

/** Linear gain that brings music measured at `musicDb` to the voice's level (clamped to ±26 dB). */
export function musicGain(voiceDb: number | null, musicDb: number | null): number {
  if (musicDb === null) return 1;
  const db = Math.max(-26, Math.min(26, (voiceDb ?? REFERENCE_LEVEL_DB) - musicDb));
  return Math.round(10 ** (db / 20) * 1e4) / 1e4;
}

/** Reads the overall RMS level from ffmpeg's astats summary on stderr. */
export function parseRmsLevel(stderr: string): number | null {
  const m = /Overall[\s\S]*?RMS level dB:\s*(-?[\d.]+|-inf)/.exec(stderr) ?? /RMS level dB:\s*(-?[\d.]+|-inf)/.exec(stderr);
  if (!m || m[1] === '-inf') return null;
  return Number(m[1]);
}

/**
 * ffmpeg arguments that measure a file's overall RMS level (the first 3 minutes are plenty for
 * music). Plain astats: ffmpeg 4.x cannot limit its report to the overall RMS, so the per-channel
 * lines come too and parseRmsLevel picks the Overall one.
 */
export function measureLevelArgs(file: string, formatName: string): string[] {
  return ['-t', '180', ...probedInput(file, formatName), '-vn', '-af', 'astats', '-f', 'null', '-'];
}
