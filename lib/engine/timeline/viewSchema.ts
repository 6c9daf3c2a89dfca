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

export const timelineTrackViewSchema = z.object({
  id: z.string(),
  type: z.enum(['video', 'audio', 'text']),
  name: z.string(),
  segments: z.array(timelineSegmentViewSchema),
});

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
