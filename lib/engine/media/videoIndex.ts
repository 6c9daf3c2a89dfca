// A video's bitstream facts and clean cut points, read once from its packets: what fast export needs to copy GOPs.
import { z } from 'zod';
import { ffprobeNumber, ffprobeOutputSchema } from './ffprobeOutput';

export const videoIndexSchema = z.object({
  codec: z.string(),
  profile: z.string().nullable(),
  /** H.264 level_idc (40 = 4.0). */
  level: z.number().int().nullable(),
  pixFmt: z.string().nullable(),
  /** Coded size of the stream (before rotation or pixel aspect). */
  width: z.number().int(),
  height: z.number().int(),
  /** "1:1", "N/A" or the declared pixel aspect. */
  sar: z.string(),
  rotation: z.number(),
  fieldOrder: z.string().nullable(),
  /** r_frame_rate as a number; null when ffprobe gives none. */
  fps: z.number().nullable(),
  /** Every frame one nominal frame after the previous one, and r_frame_rate agreeing with avg_frame_rate. */
  constantFrameRate: z.boolean(),
  /** Frames a decoder holds back for reordering (B-frames): the join of two streams needs the same value. */
  reorderDelay: z.number().int(),
  frameCount: z.number().int(),
  /** First frame's presentation time, seconds after the file's start (what `-ss 0` means). */
  firstFrameSeconds: z.number(),
  /**
   * Presentation-order indices of keyframes the stream can be split at: no packet before it in
   * decode order shows later, none after it shows earlier. Only meaningful for constant frame rate.
   */
  cutFrames: z.array(z.number().int()),
});
export type VideoIndex = z.infer<typeof videoIndexSchema>;

/** One ffprobe run: the first video stream's facts, and its packets in decode order. */
export function buildVideoIndexArgs(file: string): string[] {
  return [
    '-v', 'error', '-select_streams', 'V:0', '-print_format', 'json',
    '-show_entries',
    'format=start_time:stream=codec_name,profile,level,pix_fmt,width,height,sample_aspect_ratio,r_frame_rate,avg_frame_rate,time_base,has_b_frames,field_order,start_time:stream_side_data=rotation:packet=pts,dts,flags',
    file,
  ];
}

const ratio = (r: string | undefined): number | null => {
  const m = /^(\d+)\/(\d+)$/.exec(r ?? '');
  return m && Number(m[2]) > 0 && Number(m[1]) > 0 ? Number(m[1]) / Number(m[2]) : null;
};

/**
 * Cut points: a keyframe at decode position i is clean when everything decoded before it is shown
 * before it and everything from it on is shown at or after it (a closed GOP in presentation terms).
 */
export function cleanCutPositions(packets: { pts: number; key: boolean }[]): number[] {
  const suffixMin: number[] = new Array(packets.length + 1).fill(Infinity);
  for (let i = packets.length - 1; i >= 0; i--) suffixMin[i] = Math.min(suffixMin[i + 1], packets[i].pts);
  const cuts: number[] = [];
  let prefixMax = -Infinity;
  packets.forEach((p, i) => {
    if (p.key && prefixMax < p.pts && suffixMin[i] >= p.pts) cuts.push(p.pts);
    prefixMax = Math.max(prefixMax, p.pts);
  });
  return cuts;
}

/** Null when the file has no video stream or no packets with timestamps. */
export function parseVideoIndex(raw: unknown): VideoIndex | null {
  const parsed = ffprobeOutputSchema.safeParse(raw);
  if (!parsed.success) return null;
  const stream = parsed.data.streams[0];
  const timeBase = ratio(stream?.time_base);
  if (!stream?.codec_name || !stream.width || !stream.height || !timeBase) return null;
  const packets = parsed.data.packets.flatMap((p) => (p.pts === undefined ? [] : [{ pts: p.pts, key: (p.flags ?? '').includes('K') }]));
  if (packets.length === 0) return null;

  const sorted = packets.map((p) => p.pts).sort((a, b) => a - b);
  const rFps = ratio(stream.r_frame_rate);
  const avgFps = ratio(stream.avg_frame_rate);
  // Timestamps are whole ticks, so a frame duration that is not a whole number of ticks (29.97
  // in 1/600) alternates between its floor and ceiling: one tick of play is still constant.
  const nominal = rFps ? 1 / rFps / timeBase : 0;
  const tolerance = Math.max(1, nominal * 0.01);
  const steady = rFps !== null && sorted.every((pts, i) => i === 0 || Math.abs(pts - sorted[i - 1] - nominal) <= tolerance);
  const agree = rFps !== null && avgFps !== null && Math.abs(rFps - avgFps) / rFps < 0.001;
  const constantFrameRate = steady && agree;

  const first = sorted[0];
  const frameOf = (pts: number) => Math.round((pts - first) / nominal);
  const fileStart = ffprobeNumber(parsed.data.format?.start_time) ?? 0;
  const rotation = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation ?? 0;
  return videoIndexSchema.parse({
    codec: stream.codec_name,
    profile: stream.profile ?? null,
    level: stream.level ?? null,
    pixFmt: stream.pix_fmt ?? null,
    width: stream.width,
    height: stream.height,
    sar: stream.sample_aspect_ratio ?? 'N/A',
    rotation: ((Math.round(rotation / 90) * 90) % 360 + 360) % 360,
    fieldOrder: stream.field_order ?? null,
    fps: rFps === null ? null : Math.round(rFps * 1000) / 1000,
    constantFrameRate,
    reorderDelay: stream.has_b_frames ?? 0,
    frameCount: sorted.length,
    firstFrameSeconds: Math.round((first * timeBase - fileStart) * 1e6) / 1e6,
    cutFrames: constantFrameRate ? cleanCutPositions(packets).map(frameOf) : [],
  });
}
