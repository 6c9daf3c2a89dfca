import { describe, expect, it } from 'vitest';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';
import { segmentPlacements, timelineDuration } from '@/lib/engine/timeline/duration';
import { toTimelineView } from '@/lib/engine/timeline/view';

const timeline = (over: Partial<Timeline>): Timeline =>
  timelineSchema.parse({ canvas: { width: 1920, height: 1080, fps: 30 }, ...over });

describe('timeline durations are whole frames', () => {
  it('snaps every segment to frames of the canvas rate and sums them', () => {
    const t = timeline({
      video: [
        { id: 'a', sourceId: 'm1', in: 0, out: 1.01, speed: 1, volume: 1 },
        { id: 'b', sourceId: 'm1', in: 2, out: 3.02, speed: 2, volume: 1 },
      ],
    });
    // 1.01 s -> 30 frames; 1.02 s at 2x -> 0.51 s -> 15 frames
    expect(timelineDuration(t)).toBe(45 / 30);
    expect(segmentPlacements(t).map((p) => [p.start, p.end])).toEqual([
      [0, 1],
      [1, 1.5],
    ]);
  });
});

describe('the timeline view and its summary line', () => {
  const t = timeline({
    video: [{ id: 's1', sourceId: 'm1', in: 0, out: 94.2, speed: 1, volume: 1 }],
    audio: [
      {
        id: 'bgm', name: 'Lo-fi Morning', source: { kind: 'library', trackId: 'lofi' },
        start: 0, end: null, volume: 0.3, duck: true, loop: true, fadeInSeconds: 1, fadeOutSeconds: 2,
      },
    ],
    texts: [{ id: 't1', text: 'Urban Dreams', start: 0, end: 3, position: 'top', size: 'large', style: 'title' }],
  });

  it('reads like the design document', () => {
    const view = toTimelineView(t, { version: 7, mediaNames: { m1: 'interview.mp4' } });
    expect(view.summary).toBe(
      'Timeline (3 tracks): 1. Video: interview.mp4 (0-94.2s) 2. BGM: Lo-fi Morning (0-94.2s, 30%) 3. Title: "Urban Dreams" (0-3s)',
    );
    expect(view.version).toBe(7);
    expect(view.duration).toBe(94.2);
    expect(view.tracks.map((tr) => tr.type)).toEqual(['video', 'audio', 'text']);
    expect(view.tracks[0].segments[0]).toMatchObject({ sourceId: 'm1', sourceIn: 0, sourceOut: 94.2, start: 0, end: 94.2 });
  });

  it('counts segments and says so when a clip was cut', () => {
    const cut = timeline({
      video: [
        { id: 'a', sourceId: 'm1', in: 0, out: 5, speed: 1, volume: 1 },
        { id: 'b', sourceId: 'm1', in: 6, out: 10, speed: 1, volume: 1 },
      ],
    });
    expect(toTimelineView(cut, { version: 1, mediaNames: { m1: 'talk.mp4' } }).summary).toBe(
      'Timeline (1 track): 1. Video: talk.mp4 (0-9s, 2 segments)',
    );
  });

  it('says how to start when empty', () => {
    expect(toTimelineView(timeline({}), { version: 1, mediaNames: {} }).summary).toMatch(/empty/);
  });

  it('ends music that runs past the video at the video end', () => {
    const long = { ...t, audio: [{ ...t.audio[0], end: 500 }] };
    const view = toTimelineView(long, { version: 1, mediaNames: { m1: 'x.mp4' } });
    expect(view.tracks[1].segments[0].end).toBe(94.2);
  });
});
