// Hand-made keyframe indexes and sources for the fast-export unit tests (no files are read).
import type { VideoIndex } from '@/lib/engine/media/videoIndex';
import type { SmartSource } from '@/lib/engine/render/smart/copyEligibility';
import { probe } from '../fixtures';

/** A 1080p30 H.264 High camera file: 60 s, a clean keyframe every 60 frames. */
export function talkIndex(patch: Partial<VideoIndex> = {}): VideoIndex {
  return {
    codec: 'h264', profile: 'High', level: 40, pixFmt: 'yuv420p', width: 1920, height: 1080, sar: '1:1', rotation: 0,
    fieldOrder: 'progressive', fps: 30, constantFrameRate: true, reorderDelay: 2, frameCount: 1800, firstFrameSeconds: 0,
    cutFrames: Array.from({ length: 30 }, (_, i) => i * 60),
    ...patch,
  };
}

export function source(name: string, index: VideoIndex | null, kind: 'video' | 'image' = 'video'): SmartSource {
  return { name, probe: probe(kind, index?.width ?? 1200, index?.height ?? 1600, kind === 'video'), videoIndex: index };
}
