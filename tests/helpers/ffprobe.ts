// ffprobe and ffmpeg for checking outputs in tests (system binaries first, then the npm ones).
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);

function find(name: 'ffmpeg' | 'ffprobe'): string {
  for (const dir of ['/usr/bin', '/usr/local/bin']) if (fs.existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return (require(name === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe') as { path: string }).path;
}

export const FFMPEG = find('ffmpeg');
export const FFPROBE = find('ffprobe');

export interface ProbeOutput {
  format: { duration: string; format_name: string; size: string };
  streams: Array<Record<string, any>>;
}

export function ffprobe(file: string): ProbeOutput {
  const out = execFileSync(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' });
  return JSON.parse(out);
}

export function ffmpeg(args: string[]): string {
  return execFileSync(FFMPEG, ['-hide_banner', '-nostdin', '-y', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Total seconds of silence silencedetect finds (noise in dB, minimum length in s). */
export function silenceSeconds(file: string, noiseDb = -40, minSeconds = 0.5): number {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', file, '-af', `silencedetect=noise=${noiseDb}dB:d=${minSeconds}`, '-f', 'null', '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...res.stderr.matchAll(/silence_duration: ([\d.]+)/g)].reduce((s, m) => s + Number(m[1]), 0);
}
