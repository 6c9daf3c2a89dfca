// Limits that keep one file from taking the server down, checked on the probe before anything decodes it.
import type { ProbeResult } from './schema';

export interface MediaLimits {
  maxDurationSeconds: number;
  /** Width x height of a video's picture: 8K (7680x4320) by default. */
  maxVideoPixels: number;
  /** Photos run larger than video frames (a 50 MP phone photo is ordinary), so images get their own cap. */
  maxImagePixels: number;
  maxStreams: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxDurationSeconds: 4 * 3600,
  maxVideoPixels: 7680 * 4320,
  maxImagePixels: 100_000_000,
  maxStreams: 16,
};

/** Why this file is over a limit (completing "it ..."), or null when it is within all of them. */
export function limitProblem(probe: ProbeResult, streamCount: number, limits: MediaLimits = DEFAULT_MEDIA_LIMITS): string | null {
  if (streamCount > limits.maxStreams) {
    return `has ${streamCount} streams; files with at most ${limits.maxStreams} (video, audio and subtitle tracks together) are accepted`;
  }
  const pixels = (probe.width ?? 0) * (probe.height ?? 0);
  const maxPixels = probe.kind === 'image' ? limits.maxImagePixels : limits.maxVideoPixels;
  if (pixels > maxPixels) {
    const largest = probe.kind === 'image' ? `${megapixels(maxPixels)} megapixels` : `${megapixels(maxPixels)} megapixels (8K, 7680x4320)`;
    return `is ${probe.width}x${probe.height} (${megapixels(pixels)} megapixels); the largest ${probe.kind === 'image' ? 'image' : 'picture'} accepted is ${largest}: scale it down first`;
  }
  if (probe.duration > limits.maxDurationSeconds) {
    return `is ${clock(probe.duration)} long; the longest accepted is ${clock(limits.maxDurationSeconds)}: cut it into parts first`;
  }
  return null;
}

const megapixels = (pixels: number) => String(Math.round(pixels / 1e5) / 10);

/** 14520 -> "4 h 2 min"; 3600 -> "1 h"; 75 -> "1 min 15 s". */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}
