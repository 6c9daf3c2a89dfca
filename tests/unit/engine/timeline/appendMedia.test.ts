import { describe, expect, it } from 'vitest';
import { appendMedia, STILL_SECONDS } from '@/lib/engine/timeline/operations/appendMedia';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import type { ProbeResult } from '@/lib/engine/media/schema';

const probe = (over: Partial<ProbeResult>): ProbeResult => ({
  kind: 'video', format: 'mp4', duration: 10, width: 1920, height: 1080, fps: 30, rotation: 0,
  hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac', ...over,
});

describe('uploads land on the timeline', () => {
  it('appends videos in upload order, keeps audio in the media list and makes images 3 s stills', () => {
    const t = appendMedia(emptyTimeline(), [
      { id: 'v1', probe: probe({ duration: 12 }) },
      { id: 'a1', probe: probe({ kind: 'audio', width: null, height: null, hasVideo: false }) },
      { id: 'i1', probe: probe({ kind: 'image', duration: 0 }) },
      { id: 'v2', probe: probe({ duration: 4.5 }) },
    ]);
    expect(t.video.map((s) => [s.sourceId, s.in, s.out])).toEqual([
      ['v1', 0, 12],
      ['i1', 0, STILL_SECONDS],
      ['v2', 0, 4.5],
    ]);
    expect(t.audio).toEqual([]);
  });

  it('makes the canvas portrait when the first clip is portrait, until the user picks an aspect', () => {
    const portrait = appendMedia(emptyTimeline(), [{ id: 'v', probe: probe({ width: 1080, height: 1920 }) }]);
    expect(portrait.canvas).toMatchObject({ width: 1080, height: 1920 });
    const locked = appendMedia({ ...emptyTimeline(), canvasLocked: true }, [{ id: 'v', probe: probe({ width: 1080, height: 1920 }) }]);
    expect(locked.canvas).toMatchObject({ width: 1920, height: 1080 });
  });

  it('leaves the canvas alone for later uploads', () => {
    const first = appendMedia(emptyTimeline(), [{ id: 'v', probe: probe({}) }]);
    const second = appendMedia(first, [{ id: 'p', probe: probe({ width: 320, height: 568 }) }]);
    expect(second.canvas).toMatchObject({ width: 1920, height: 1080 });
  });
});
