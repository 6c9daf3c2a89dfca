// Small hand-made media records and timelines for the render unit tests (no files are read).
import type { ProbeResult } from '@/lib/engine/media/schema';
import type { SegmentMedia } from '@/lib/engine/render/segmentFilters';
import type { z } from 'zod';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';

export function probe(kind: ProbeResult['kind'], width: number | null, height: number | null, hasAudio: boolean): ProbeResult {
  const format = kind === 'image' ? 'png_pipe' : kind === 'audio' ? 'mp3' : 'mov,mp4,m4a,3gp,3g2,mj2';
  return { kind, format, duration: 60, width, height, fps: 30, rotation: 0, hasAudio, hasVideo: kind !== 'audio', videoCodec: null, audioCodec: null };
}

export const MEDIA: Record<string, SegmentMedia> = {
  talk: { path: '/data/media/talk.mp4', probe: probe('video', 1920, 1080, true) },
  phone: { path: '/data/media/phone.mov', probe: probe('video', 1080, 1920, true) },
  silent: { path: '/data/media/city.mpg', probe: probe('video', 720, 405, false) },
  still: { path: '/data/media/photo.png', probe: probe('image', 1200, 1600, false) },
  podcast: { path: '/data/media/episode.mp3', probe: probe('audio', null, null, true) },
};

/** A parsed timeline (schema defaults applied) on a 1920x1080 canvas unless given. */
export function timeline(patch: Partial<z.input<typeof timelineSchema>>): Timeline {
  return timelineSchema.parse({ canvas: { width: 1920, height: 1080, fps: 30 }, ...patch });
}
