// The HTTP API's shapes (see DESIGN.md), one zod schema each, shared by server, client and tests.
import { z } from 'zod';
import { mediaKindSchema } from '@/lib/engine/media/schema';
import { timelineViewSchema } from '@/lib/engine/timeline/viewSchema';
import { exportQualitySchema } from '@/lib/engine/render/exportQuality';
import { exportStatusSchema } from '@/lib/store/exportJob';

// Shapes the engine and the store own (they must not import this file), part of the HTTP API all the same.
export { exportQualitySchema, type ExportQuality } from '@/lib/engine/render/exportQuality';
export { exportStatusSchema, type ExportStatus } from '@/lib/store/exportJob';
export { mediaKindSchema, type MediaKind } from '@/lib/engine/media/schema';
export {
  timelineSegmentViewSchema,
  timelineTrackViewSchema,
  trackRoleSchema,
  timelineViewSchema,
  type TimelineTrackView,
  type TrackRole,
  type TimelineView,
} from '@/lib/engine/timeline/viewSchema';


export const mediaViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: mediaKindSchema,
  duration: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  fps: z.number().nullable(),
  hasAudio: z.boolean(),
  size: z.number(),
  thumbnailUrl: z.string().nullable().optional(),
  peaksUrl: z.string().nullable().optional(),
  /** The uploaded file itself (inline, with Range), for playing a source clip. */
  url: z.string().optional(),
});
export type MediaView = z.infer<typeof mediaViewSchema>;


export const exportViewSchema = z.object({
  id: z.string(),
  status: exportStatusSchema,
  progress: z.number().min(0).max(1),
  quality: exportQualitySchema.optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration: z.number().optional(),
  size: z.number().optional(),
  url: z.string().optional(),
  error: z.string().optional(),
  createdAt: z.string().optional(),
  etaSeconds: z.number().nullable().optional(),
  /** "smart": unchanged stretches were copied (Fast export); "full": every frame was encoded. */
  render: z.enum(['smart', 'full']).optional(),
  /** Why a high-quality export took the full path, in plain words. */
  renderReason: z.string().optional(),
  /** Measured on the finished file: integrated loudness (LUFS) and true peak (dBTP). */
  loudness: z.object({ integratedLufs: z.number(), truePeakDb: z.number() }).optional(),
});
export type ExportView = z.infer<typeof exportViewSchema>;

export const messageViewSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const projectViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  duration: z.number().optional(),
  thumbnailUrl: z.string().nullable().optional(),
  lastExport: exportViewSchema.nullable().optional(),
  shared: z.boolean().optional(),
});
export type ProjectView = z.infer<typeof projectViewSchema>;

export const projectDetailSchema = z.object({
  project: projectViewSchema,
  media: z.array(mediaViewSchema),
  timeline: timelineViewSchema,
  exports: z.array(exportViewSchema),
  messages: z.array(messageViewSchema),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const creditsViewSchema = z.object({
  available: z.number().nullable(),
  frozen: z.number(),
  total: z.number().nullable(),
});
export type CreditsView = z.infer<typeof creditsViewSchema>;

export const chatEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), message: z.string() }),
  z.object({ type: z.literal('text'), delta: z.string() }),
  z.object({ type: z.literal('timeline'), timeline: timelineViewSchema }),
  z.object({ type: z.literal('export'), export: exportViewSchema }),
  z.object({ type: z.literal('heartbeat') }),
  z.object({ type: z.literal('error'), code: z.union([z.number(), z.string()]), message: z.string() }),
  z.object({ type: z.literal('done') }),
  // When the planner is unsure it changes nothing and offers these; each is a message the UI can send as it is.
  z.object({ type: z.literal('suggestions'), items: z.array(z.string().min(1).max(200)).max(6) }),
]);
export type ChatEvent = z.infer<typeof chatEventSchema>;

// Request bodies.
export const createProjectBodySchema = z.object({ title: z.string().trim().min(1).max(200).optional() });
export const chatBodySchema = z.object({ message: z.string().trim().min(1).max(4000) });
export const createExportBodySchema = z.object({
  quality: exportQualitySchema.default('high'),
  /** "full" encodes every frame even where fast export could copy. */
  render: z.enum(['auto', 'full']).default('auto'),
});
export const urlImportBodySchema = z.object({ urls: z.array(z.string().url()).min(1).max(10) });
export const timelineActionBodySchema = z.object({ action: z.enum(['undo', 'redo']) });

// What a share link shows: read-only, no ids of media or edit state.
export const sharedProjectViewSchema = z.object({
  title: z.string(),
  timeline: z.object({ duration: z.number(), canvas: timelineViewSchema.shape.canvas, summary: z.string() }),
  export: z
    .object({
      width: z.number().optional(),
      height: z.number().optional(),
      duration: z.number().optional(),
      size: z.number().optional(),
      url: z.string(),
    })
    .nullable(),
});
export type SharedProjectView = z.infer<typeof sharedProjectViewSchema>;
export const shareLinkSchema = z.object({ url: z.string() });

/** `GET .../media/:mid/peaks`: the waveform, `peaksPerSecond` values (0..1) per second of audio. */
export const mediaPeaksViewSchema = z.object({
  peaksPerSecond: z.number().positive(),
  duration: z.number(),
  peaks: z.array(z.number().min(0).max(1)),
});
export type MediaPeaksView = z.infer<typeof mediaPeaksViewSchema>;
