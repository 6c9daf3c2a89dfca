// Uploads land on the timeline: videos append to the main track, images become 3 s stills, audio waits.
import { nanoid } from 'nanoid';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { LANDSCAPE_CANVAS, PORTRAIT_CANVAS, type Timeline } from '../schema';

export const STILL_SECONDS = 3;

export function appendMedia(timeline: Timeline, media: Pick<MediaRecord, 'id' | 'probe'>[]): Timeline {
  const video = [...timeline.video];
  for (const m of media) {
    if (m.probe.kind === 'video' && m.probe.duration > 0) {
      video.push({ id: nanoid(10), sourceId: m.id, in: 0, out: m.probe.duration, speed: 1, volume: 1 });
    } else if (m.probe.kind === 'image') {
      video.push({ id: nanoid(10), sourceId: m.id, in: 0, out: STILL_SECONDS, speed: 1, volume: 1 });
    }
  }
  let canvas = timeline.canvas;
  if (!timeline.canvasLocked && timeline.video.length === 0 && video.length > 0) {
    // The canvas follows the first clip until the user picks an aspect.
    const first = media.find((m) => m.id === video[0].sourceId);
    const portrait = first?.probe.width && first.probe.height ? first.probe.height > first.probe.width : false;
    canvas = { ...(portrait ? PORTRAIT_CANVAS : LANDSCAPE_CANVAS), fps: canvas.fps };
  }
  return { ...timeline, canvas, video };
}
