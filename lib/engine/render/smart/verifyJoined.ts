// Checks on the joined file before it is offered: its timestamps (no frame doubled or lost at a join), and its join frames against references.
import { ffprobeNumber, ffprobeOutputSchema } from '@/lib/engine/media/ffprobeOutput';

/**
 * Thresholds on luma PSNR at each join. A copied frame is the source's own bitstream decoded from
 * its own keyframe, so it must come out identical; 50 dB allows nothing a viewer could see. An
 * encoded frame carries CRF 20's loss: on 1080p talking heads that is about 40-46 dB, while a
 * frame decoded against the wrong references or parameter sets falls below 25 dB, so 35 dB
 * sits well clear of both.
 */
export const COPY_MIN_PSNR_DB = 50;
export const ENCODE_MIN_PSNR_DB = 35;

/** ffprobe: every stream's start and timing facts, every packet's timestamps. */
export function buildJoinedProbeArgs(file: string): string[] {
  return [
    '-v', 'error', '-print_format', 'json',
    '-show_entries', 'stream=index,codec_type,codec_name,profile,pix_fmt,width,height,time_base,start_time:packet=stream_index,pts,dts',
    file,
  ];
}

/** framemd5's lines as `size:md5`, one per packet, in decode order (header lines skipped). */
export function parseFrameMd5(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    if (line.startsWith('#') || !line.trim()) return [];
    const fields = line.split(',').map((f) => f.trim());
    return fields.length >= 6 ? [`${fields[4]}:${fields[5]}`] : [];
  });
}

/**
 * Each copy run's packets against the joined file's: a run's packets sit in decode order from
 * its first output frame (runs start at clean keyframes and are joined whole), so the hashes at
 * those positions must be the run's own, all of them, in order.
 */
export function copiedPacketProblems(joined: string[], copies: { startFrame: number; hashes: string[] }[]): string[] {
  for (const { startFrame, hashes } of copies) {
    if (hashes.length === 0) return [`a copied run starting at frame ${startFrame} has no packets`];
    for (let i = 0; i < hashes.length; i++) {
      if (joined[startFrame + i] !== hashes[i]) return [`frame ${startFrame + i} is not the source's own copied picture`];
    }
  }
  return [];
}


export interface ExpectedStreams {
  frames: number;
  fps: number;
  width: number;
  height: number;
}

/** The joined picture's first presentation time in seconds (what `-copyts` decoding reports), 0 when ffprobe gives none. */
export function joinedVideoStartSeconds(raw: unknown): number {
  const parsed = ffprobeOutputSchema.safeParse(raw);
  const video = parsed.success ? parsed.data.streams.find((s) => s.codec_type === 'video') : undefined;
  return ffprobeNumber(video?.start_time) ?? 0;
}

/** Problems in plain words; empty when the file is what the timeline asks for. */
export function checkJoinedStreams(raw: unknown, expected: ExpectedStreams): string[] {
  const parsed = ffprobeOutputSchema.safeParse(raw);
  if (!parsed.success) return ['ffprobe could not describe the joined file'];
  const { streams, packets } = parsed.data;
  const video = streams.find((s) => s.codec_type === 'video');
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video) return ['the joined file has no picture'];
  if (video.index === undefined || !video.time_base) return ['ffprobe could not describe the joined file'];
  if (!audio) return ['the joined file has no sound'];
  const problems: string[] = [];
  if (video.width !== expected.width || video.height !== expected.height) problems.push(`the picture is ${video.width}x${video.height}`);
  if (video.profile !== 'High' || video.pix_fmt !== 'yuv420p') problems.push(`the picture is ${video.profile} ${video.pix_fmt}`);
  const [num, den] = video.time_base.split('/').map(Number);
  const tick = num / den;
  const frameTicks = 1 / expected.fps / tick;
  const vp = packets.filter((p) => p.stream_index === video.index);
  if (vp.length !== expected.frames) problems.push(`${vp.length} frames instead of ${expected.frames}`);
  for (let i = 1; i < vp.length; i++) {
    if ((vp[i].dts ?? 0) <= (vp[i - 1].dts ?? 0)) {
      problems.push(`decode timestamps go backwards at packet ${i}`);
      break;
    }
  }
  problems.push(...frameSpacingProblems(vp.map((p) => p.pts ?? NaN), frameTicks));
  const frame = 1 / expected.fps;
  const videoStart = ffprobeNumber(video.start_time) ?? 0;
  const audioStart = ffprobeNumber(audio.start_time) ?? 0;
  if (Math.abs(videoStart - audioStart) > frame) problems.push(`picture starts at ${videoStart}s, sound at ${audioStart}s`);
  return problems;
}

/** A frame shown twice, skipped, or off the frame grid, found by walking presentation times in order. */
export function frameSpacingProblems(pts: number[], frameTicks: number): string[] {
  const sorted = [...pts].sort((a, b) => a - b);
  const problems: string[] = [];
  const tolerance = Math.max(1, frameTicks * 0.01);
  for (let i = 1; i < sorted.length; i++) {
    const step = sorted[i] - sorted[i - 1];
    if (Number.isNaN(step)) return ['a frame has no presentation time'];
    if (Math.abs(step - frameTicks) > tolerance) {
      const what = step < frameTicks / 2 ? 'shown twice' : step > frameTicks * 1.5 ? 'missing' : 'off the frame grid';
      problems.push(`a frame is ${what} after frame ${i - 1}`);
      if (problems.length >= 5) break;
    }
  }
  return problems;
}

/** Luma PSNR of two equal-sized frames; Infinity when identical. */
export function lumaPsnr(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  if (sum === 0) return Infinity;
  return 10 * Math.log10((255 * 255) / (sum / a.length));
}
