// Checks on rendered files for the render tests: stream facts, MP4 box order, frames and loudness.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { FFMPEG, ffprobe } from '../../helpers/ffprobe';

export interface ExportFacts {
  width: number;
  height: number;
  videoCodec: string;
  profile: string;
  pixFmt: string;
  rFrameRate: string;
  avgFrameRate: string;
  audioCodec: string;
  sampleRate: number;
  channels: number;
  duration: number;
  videoDuration: number;
  audioDuration: number;
}

export function exportFacts(file: string): ExportFacts {
  const p = ffprobe(file);
  const v = p.streams.find((s) => s.codec_type === 'video')!;
  const a = p.streams.find((s) => s.codec_type === 'audio')!;
  return {
    width: v.width,
    height: v.height,
    videoCodec: v.codec_name,
    profile: v.profile,
    pixFmt: v.pix_fmt,
    rFrameRate: v.r_frame_rate,
    avgFrameRate: v.avg_frame_rate,
    audioCodec: a.codec_name,
    sampleRate: Number(a.sample_rate),
    channels: a.channels,
    duration: Number(p.format.duration),
    videoDuration: Number(v.duration),
    audioDuration: Number(a.duration),
  };
}

/** Top-level MP4 box types in file order (e.g. ftyp, moov, mdat: moov first means +faststart worked). */
export function topLevelBoxes(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const boxes: string[] = [];
  const header = Buffer.alloc(16);
  try {
    for (let offset = 0; offset + 8 <= size; ) {
      fs.readSync(fd, header, 0, 16, offset);
      let length = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (length === 1) length = Number(header.readBigUInt64BE(8));
      if (length === 0) length = size - offset;
      boxes.push(type);
      if (length < 8) break;
      offset += length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return boxes;
}

/** One frame at `seconds`, scaled to w x h grey pixels (extra filters go before the scale). */
export function greyFrame(file: string, seconds: number, w: number, h: number, preFilter = ''): Buffer {
  const vf = `${preFilter ? `${preFilter},` : ''}scale=${w}:${h},format=gray`;
  const res = spawnSync(FFMPEG, ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-vf', vf, '-f', 'rawvideo', '-'], { maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0 || res.stdout.length !== w * h) throw new Error(`frame grab failed: ${res.stderr}`);
  return res.stdout;
}

export function meanAbsDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** RMS level in dBFS of [start, start+duration) of the file's audio. */
export function rmsDb(file: string, start: number, duration: number): number {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-ss', String(start), '-t', String(duration), '-i', file, '-vn', '-af', 'astats=measure_perchannel=none:measure_overall=RMS_level', '-f', 'null', '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const m = /RMS level dB:\s*(-?[\d.]+|-inf)/.exec(res.stderr);
  if (!m) throw new Error(`no RMS level in: ${res.stderr.slice(-500)}`);
  return m[1] === '-inf' ? -200 : Number(m[1]);
}

/** Silent intervals [start, end] that silencedetect finds. */
export function silences(file: string, noiseDb = -40, minSeconds = 0.5): [number, number][] {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', file, '-vn', '-af', `silencedetect=noise=${noiseDb}dB:d=${minSeconds}`, '-f', 'null', '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const starts = [...res.stderr.matchAll(/silence_start: (-?[\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...res.stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((s, i) => [Math.max(0, s), ends[i] ?? Infinity]);
}

/** Processes whose command line mentions `marker` (e.g. an export id): finds stray ffmpeg runs. */
export function processesMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

/** Integrated loudness and true peak of a file's sound, by ffmpeg's own EBU R128 meter (independent of the app's parsing). */
export function ebur128(file: string): { integratedLufs: number; truePeakDb: number } {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', file, '-map', '0:a:0', '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const summary = res.stderr.slice(res.stderr.lastIndexOf('Summary:'));
  const i = /I:\s+(-?[\d.]+) LUFS/.exec(summary);
  const peak = /Peak:\s+(-?[\d.]+) dBFS/.exec(summary);
  if (!i || !peak) throw new Error(`no ebur128 summary for ${file}:\n${res.stderr.slice(-2000)}`);
  return { integratedLufs: Number(i[1]), truePeakDb: Number(peak[1]) };
}
