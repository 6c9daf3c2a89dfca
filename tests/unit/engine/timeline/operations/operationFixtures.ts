// Timelines and operation contexts for the operation tests (plain data, no I/O).
import type { AudioAnalysis } from '@/lib/engine/media/schema';
import { MUSIC_LIBRARY } from '@/lib/engine/music/library';
import type { OperationContext } from '@/lib/engine/timeline/operations/operationContext';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';

export function timelineOf(segments: { sourceId: string; in?: number; out: number; speed?: number }[], extra: Partial<Timeline> = {}): Timeline {
  return timelineSchema.parse({
    canvas: { width: 1920, height: 1080, fps: 30 },
    video: segments.map((s, i) => ({ id: `seg${i + 1}`, in: 0, speed: 1, volume: 1, ...s })),
    ...extra,
  });
}

export function contextWith(extra: Partial<OperationContext> = {}): OperationContext {
  let n = 0;
  return {
    media: [
      { id: 'm-talk', name: 'talk.mp4', kind: 'video', duration: 60 },
      { id: 'm-a', name: 'a.mp4', kind: 'video', duration: 20 },
      { id: 'm-b', name: 'b.mp4', kind: 'video', duration: 20 },
      { id: 'm-song', name: 'song.mp3', kind: 'audio', duration: 61 },
    ],
    analyses: {},
    captions: {},
    music: MUSIC_LIBRARY,
    defaultTitle: 'Talk',
    newId: () => `new${++n}`,
    ...extra,
  };
}

/** A 10 ms envelope: speech everywhere except the given silent [start, end) ranges. */
export function envelope(seconds: number, silences: [number, number][]): AudioAnalysis {
  const rmsDb = Array.from({ length: Math.round(seconds * 100) }, (_, i) => (silences.some(([a, b]) => i / 100 >= a && i / 100 < b) ? -80 : -15));
  return { windowSeconds: 0.01, rmsDb };
}
