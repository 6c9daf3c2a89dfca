// Output durations snapped to whole frames, so the view, the render and ffprobe agree.
import type { Timeline, VideoSegment } from './schema';

export function frames(seconds: number, fps: number): number {
  return Math.max(0, Math.round(seconds * fps));
}

/** Output length of one segment in whole frames of the canvas rate. */
export function segmentFrames(segment: Pick<VideoSegment, 'in' | 'out' | 'speed'>, fps: number): number {
  return frames((segment.out - segment.in) / segment.speed, fps);
}

export function segmentOutputSeconds(segment: Pick<VideoSegment, 'in' | 'out' | 'speed'>, fps: number): number {
  return segmentFrames(segment, fps) / fps;
}

/** Start and end (output seconds) of each main-track segment. */
export function segmentPlacements(timeline: Timeline): { segment: VideoSegment; start: number; end: number }[] {
  const { fps } = timeline.canvas;
  let frameCursor = 0;
  return timeline.video.map((segment) => {
    const n = segmentFrames(segment, fps);
    const placed = { segment, start: frameCursor / fps, end: (frameCursor + n) / fps };
    frameCursor += n;
    return placed;
  });
}

export function timelineDuration(timeline: Timeline): number {
  const { fps } = timeline.canvas;
  const total = timeline.video.reduce((sum, s) => sum + segmentFrames(s, fps), 0);
  return total / fps;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
export { round as roundSeconds };
