// The one schema for ffprobe's JSON (-print_format json): every field any of our ffprobe runs asks for, each optional, because each run asks for different entries.
import { z } from 'zod';

const numeric = z.union([z.string(), z.number()]).optional();

export const ffprobeStreamSchema = z.object({
  index: z.number().optional(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  level: z.number().optional(),
  pix_fmt: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  sample_aspect_ratio: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  time_base: z.string().optional(),
  has_b_frames: z.number().optional(),
  field_order: z.string().optional(),
  start_time: numeric,
  bit_rate: numeric,
  duration: numeric,
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(z.object({ side_data_type: z.string().optional(), rotation: z.number().optional() })).optional(),
});

export const ffprobeOutputSchema = z.object({
  streams: z.array(ffprobeStreamSchema).default([]),
  format: z
    .object({
      format_name: z.string().optional(),
      duration: numeric,
      size: numeric,
      start_time: numeric,
      tags: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  packets: z.array(z.object({ stream_index: z.number().optional(), pts: z.number().optional(), dts: z.number().optional(), flags: z.string().optional() })).default([]),
});
export type FfprobeOutput = z.infer<typeof ffprobeOutputSchema>;
export type FfprobeStream = z.infer<typeof ffprobeStreamSchema>;

/** ffprobe writes most numbers as strings, and "N/A" for unknown ones: a number, or null. */
export function ffprobeNumber(value: string | number | undefined): number | null {
  if (value === undefined || value === '' || value === 'N/A') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
