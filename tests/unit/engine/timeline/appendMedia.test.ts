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

describe('a project with sound and no picture (a podcast)', () => {
  const audio = (id: string, duration = 1800) => ({ id, probe: probe({ kind: 'audio', duration, width: null, height: null, hasVideo: false }) });
  const image = (id: string) => ({ id, probe: probe({ kind: 'image', duration: 0, width: 3000, height: 3000 }) });

  it('puts an audio upload on an empty main track, whole, and keeps the 16:9 canvas', () => {
    const t = appendMedia(emptyTimeline(), [audio('ep')]);
    expect(t.video.map((s) => [s.sourceId, s.in, s.out])).toEqual([['ep', 0, 1800]]);
    expect(t.canvas).toMatchObject({ width: 1920, height: 1080 });
  });

  it('keeps an image uploaded with or after the audio off the track: it becomes the background', () => {
    const both = appendMedia(emptyTimeline(), [image('cover'), audio('ep')]);
    expect(both.video.map((s) => s.sourceId)).toEqual(['ep']);
    const first = appendMedia(emptyTimeline(), [audio('ep')]);
    const later = appendMedia(first, [image('cover')], [audio('ep'), image('cover')]);
    expect(later.video.map((s) => s.sourceId)).toEqual(['ep']);
  });

  it('gives the track back to a video uploaded later: the audio waits as music again', () => {
    const first = appendMedia(emptyTimeline(), [audio('song', 200)]);
    const next = appendMedia(first, [{ id: 'v', probe: probe({ duration: 12 }) }], [audio('song', 200)]);
    expect(next.video.map((s) => s.sourceId)).toEqual(['v']);
  });

  it('leaves audio waiting when the track already has pictures, or when a video comes in the same upload', () => {
    const withStill = appendMedia(emptyTimeline(), [image('cover')]);
    expect(appendMedia(withStill, [audio('ep')], [image('cover'), audio('ep')]).video.map((s) => s.sourceId)).toEqual(['cover']);
    expect(appendMedia(emptyTimeline(), [audio('ep'), { id: 'v', probe: probe({}) }]).video.map((s) => s.sourceId)).toEqual(['v']);
  });
});
