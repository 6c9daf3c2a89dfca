// Independent checks for fast-export tests: decode errors, every frame's presentation time, chosen frames' luma.
import { execFileSync, spawnSync } from 'node:child_process';
import { FFMPEG, FFPROBE } from '../../helpers/ffprobe';

/** What a full decode of every stream prints at `-v error` (empty when clean). */
export function decodeErrors(file: string): string {
  return spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' }).stderr.trim();
}

/** Presentation time of every decoded video frame, in order, from ffprobe's frame list. */
export function frameTimes(file: string): number[] {
  const out = execFileSync(FFPROBE, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=best_effort_timestamp_time', '-of', 'csv=p=0', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\n').filter(Boolean).map((line) => Number(line.split(',')[0]));
}

/** The luma plane of the given frame numbers (decode order of presentation, 0-based). */
export function lumaFrames(file: string, frames: number[], width: number, height: number): Map<number, Buffer> {
  const sorted = [...new Set(frames)].sort((a, b) => a - b);
  const select = sorted.map((n) => `eq(n\\,${n})`).join('+');
  const raw = execFileSync(FFMPEG, ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-map', '0:v:0', '-vf', `select='${select}',format=gray`, '-vsync', '0', '-f', 'rawvideo', '-'], { maxBuffer: 1024 * 1024 * 1024 });
  const size = width * height;
  if (raw.length !== size * sorted.length) throw new Error(`${file}: got ${raw.length / size} of ${sorted.length} frames`);
  return new Map(sorted.map((n, i) => [n, raw.subarray(i * size, (i + 1) * size)]));
}
