// What an export looks like on disk: its pixel size for a quality, and the encoder settings.
import type { Canvas } from '@/lib/engine/timeline/schema';

import type { ExportQuality } from './exportQuality';
export type { ExportQuality };

export interface OutputSize {
  width: number;
  height: number;
  fps: number;
}

export const AUDIO_SAMPLE_RATE = 48_000;
const PREVIEW_SHORT_SIDE = 540;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** High renders at the canvas size; preview scales the canvas so its short side is 540 px. */
export function outputSize(canvas: Canvas, quality: ExportQuality): OutputSize {
  if (quality === 'high') return { width: even(canvas.width), height: even(canvas.height), fps: canvas.fps };
  const factor = Math.min(1, PREVIEW_SHORT_SIDE / Math.min(canvas.width, canvas.height));
  return { width: even(canvas.width * factor), height: even(canvas.height * factor), fps: canvas.fps };
}

/**
 * libx264 High + AAC in MP4 with the index up front. `veryfast` keeps a 1080p export near real
 * time on two cores at CRF 20 (visually clean for social video); preview trades quality for speed.
 */
export function encoderArgs(quality: ExportQuality, fps: number): string[] {
  const [preset, crf] = quality === 'high' ? ['veryfast', '20'] : ['superfast', '28'];
  return [
    '-c:v', 'libx264', '-profile:v', 'high', '-preset', preset, '-crf', crf, '-pix_fmt', 'yuv420p',
    '-r', String(fps),
    '-c:a', 'aac', '-b:a', quality === 'high' ? '160k' : '128k', '-ar', String(AUDIO_SAMPLE_RATE), '-ac', '2',
    '-movflags', '+faststart', '-f', 'mp4',
  ];
}

/** Seconds formatted for ffmpeg: at most 6 decimals, no trailing zeros, never exponent notation. */
export function sec(seconds: number): string {
  return String(Math.round(seconds * 1e6) / 1e6);
}
