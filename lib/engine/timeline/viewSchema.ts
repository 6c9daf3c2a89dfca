// The timeline as both backends show it (the API's TimelineView): tracks of timed segments, a summary, undo/redo flags.
import { z } from 'zod';

export const timelineSegmentViewSchema = z.object({
  id: z.string(),
  start: z.number(),
  end: z.number(),
  sourceId: z.string().optional(),
  sourceIn: z.number().optional(),
  sourceOut: z.number().optional(),
  text: z.string().optional(),
  volume: z.number().optional(),
  name: z.string().optional(),
});

/** What a track is for; code matches on this, never on `name`, which is display text only. */
export const trackRoleSchema = z.enum(['main', 'music', 'title', 'captions']);
export type TrackRole = z.infer<typeof trackRoleSchema>;

/** Views stored before tracks had a role (NemoVideo's last view) said it only through the display name. */
function withRole(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'role' in raw) return raw;
  const { type, name } = raw as { type?: unknown; name?: unknown };
  const role = type === 'video' ? 'main' : type === 'audio' ? 'music' : name === 'Captions' ? 'captions' : 'title';
  return { ...raw, role };
}

export const timelineTrackViewSchema = z.preprocess(
  withRole,
  z.object({
    id: z.string(),
    type: z.enum(['video', 'audio', 'text']),
    role: trackRoleSchema,
    name: z.string(),
    segments: z.array(timelineSegmentViewSchema),
  }),
);

export const timelineViewSchema = z.object({
  version: z.number().int(),
  duration: z.number(),
  canvas: z.object({ width: z.number(), height: z.number(), fps: z.number() }),
  summary: z.string(),
  tracks: z.array(timelineTrackViewSchema),
  canUndo: z.boolean().optional(),
  canRedo: z.boolean().optional(),
});
export type TimelineView = z.infer<typeof timelineViewSchema>;
export type TimelineTrackView = z.infer<typeof timelineTrackViewSchema>;
