// The local engine's timeline: one zod schema, times in seconds, sources by media id.
import { z } from 'zod';

export const canvasSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().positive(),
});
export type Canvas = z.infer<typeof canvasSchema>;

/** A piece of a source on the main video track. `in`/`out` are source seconds. */
export const videoSegmentSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  in: z.number().min(0),
  out: z.number().positive(),
  speed: z.number().min(0.1).max(16).default(1),
  volume: z.number().min(0).max(4).default(1),
});
export type VideoSegment = z.infer<typeof videoSegmentSchema>;

export const audioSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('media'), mediaId: z.string() }),
  z.object({ kind: z.literal('library'), trackId: z.string() }),
]);

/** A background audio clip laid over the video; it loops to cover `start..end` when `loop` is set. */
export const audioClipSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: audioSourceSchema,
  start: z.number().min(0).default(0),
  /** Output seconds; null means "until the end of the video". */
  end: z.number().positive().nullable().default(null),
  volume: z.number().min(0).max(2).default(0.3),
  duck: z.boolean().default(true),
  loop: z.boolean().default(true),
  fadeInSeconds: z.number().min(0).default(1),
  fadeOutSeconds: z.number().min(0).default(2),
});
export type AudioClip = z.infer<typeof audioClipSchema>;

export const textPositionSchema = z.enum(['top', 'center', 'bottom']);
export const textSizeSchema = z.enum(['small', 'medium', 'large', 'xlarge']);

/** Named title styles: bold centre card, lower third, subtitle bar, minimal. Captions have none. */
export const titleLookSchema = z.enum(['card', 'lower-third', 'subtitle-bar', 'minimal']);
export type TitleLook = z.infer<typeof titleLookSchema>;

export const textItemSchema = z.object({
  id: z.string(),
  text: z.string().min(1).max(1000),
  start: z.number().min(0),
  end: z.number().positive(),
  position: textPositionSchema.default('top'),
  size: textSizeSchema.default('large'),
  style: z.enum(['title', 'caption']).default('title'),
  look: titleLookSchema.optional(),
});
export type TextItem = z.infer<typeof textItemSchema>;

export const fitSchema = z.enum(['blur', 'bars', 'crop']);

/** How loud the export's sound is made: -14 LUFS for social video (the default), -16 for podcasts, or as recorded. */
export const loudnessTargetSchema = z.enum(['social', 'podcast', 'off']);
export type LoudnessTarget = z.infer<typeof loudnessTargetSchema>;

export const timelineSchema = z.object({
  canvas: canvasSchema,
  fit: fitSchema.default('blur'),
  /** False until the user picks an aspect: then the canvas follows the first clip. */
  canvasLocked: z.boolean().default(false),
  video: z.array(videoSegmentSchema).default([]),
  audio: z.array(audioClipSchema).default([]),
  texts: z.array(textItemSchema).default([]),
  voiceVolume: z.number().min(0).max(4).default(1),
  fadeInSeconds: z.number().min(0).default(0),
  fadeOutSeconds: z.number().min(0).default(0),
  loudness: loudnessTargetSchema.default('social'),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const LANDSCAPE_CANVAS: Canvas = { width: 1920, height: 1080, fps: 30 };
export const PORTRAIT_CANVAS: Canvas = { width: 1080, height: 1920, fps: 30 };

export function emptyTimeline(): Timeline {
  return timelineSchema.parse({ canvas: LANDSCAPE_CANVAS });
}
