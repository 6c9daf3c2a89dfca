// Source clips for the hand-off tests, made with ffmpeg at test time from ../shared/media: four frame rates, three timecodes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ffmpeg } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';

export interface Clip {
  name: string;
  fps: number;
  timecode: string | null;
}

/** Different footage per clip, so a picture at one cut cannot pass for another's. */
export const CLIPS: (Clip & { from: string; seek: number; size: string })[] = [
  { name: 'interview 23.976.mov', from: 'talk-1080p.mp4', seek: 1, size: '640x360', fps: 24000 / 1001, timecode: '01:00:00:00' },
  { name: 'b-roll 25.mp4', from: 'big-buck-bunny-30s.webm', seek: 8, size: '640x360', fps: 25, timecode: '10:00:00:00' },
  { name: 'city 29.97.mp4', from: 'city-timelapse.mpg', seek: 0, size: '640x360', fps: 30000 / 1001, timecode: '00:59:58;00' },
  { name: 'screen 30.mp4', from: 'green-screen-720p.mp4', seek: 0, size: '640x360', fps: 30, timecode: null },
  { name: 'phone vertical.mp4', from: 'talk-vertical-1080x1920.mp4', seek: 0, size: '360x640', fps: 30, timecode: '00:10:00:00' },
];

const RATE_TEXT: Record<number, string> = { [24000 / 1001]: '24000/1001', 25: '25', [30000 / 1001]: '30000/1001', 30: '30' };

/** Six seconds of each clip at its rate and size, with a tone for sound, in a fresh folder. */
export function makeClips(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-handoff-'));
  for (const clip of CLIPS) {
    const [w, h] = clip.size.split('x');
    ffmpeg([
      '-v', 'error', '-ss', String(clip.seek), '-i', mediaFile(clip.from), '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000',
      '-t', '6', '-map', '0:v:0', '-map', '1:a:0',
      '-vf', `scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1,fps=${RATE_TEXT[clip.fps]}`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
      ...(clip.timecode ? ['-timecode', clip.timecode] : []),
      path.join(dir, clip.name),
    ]);
  }
  return dir;
}

/** A small grey thumbnail of frame number `index` (from 0), for comparing pictures between two renders. */
export function frameAt(file: string, index: number): Buffer {
  const filter = `select=eq(n\\,${index}),scale=48:48,format=gray`;
  return execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', file, '-vf', filter, '-frames:v', '1', '-f', 'rawvideo', 'pipe:1'], { maxBuffer: 1 << 20 });
}

/** Mean absolute difference of two grey thumbnails, 0..255. */
export function pictureDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`frames of ${a.length} and ${b.length} bytes`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Renders an MLT file headless with melt, the engine under Kdenlive and Shotcut; no frame is dropped. */
export function renderWithMelt(mltFile: string, out: string): void {
  try {
    execFileSync('melt', ['-quiet', mltFile, '-consumer', `avformat:${out}`, 'vcodec=libx264', 'preset=veryfast', 'acodec=aac', 'real_time=0'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer };
    if (e.code === 'ENOENT') throw new Error('melt is missing: apt-get install melt (npm test installs it when run as root)');
    throw new Error(`melt failed: ${e.stderr?.toString()}`);
  }
}
