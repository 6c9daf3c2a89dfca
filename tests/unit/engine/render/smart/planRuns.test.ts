import { describe, expect, it } from 'vitest';
import { firstFrameAt, MAX_SMART_COST_SHARE, planRuns, smartCostShare, type Run } from '@/lib/engine/render/smart/planRuns';
import { decodeWindows, windowFrames } from '@/lib/engine/render/smart/checkWindows';
import { timeline } from '../fixtures';
import { source, talkIndex } from './fixtures';

const out = { width: 1920, height: 1080, fps: 30 };
const sources = { talk: source('talk.mp4', talkIndex()) };

describe('the fast-export planner', () => {
  it('copies the whole GOPs inside each piece and encodes the partial GOPs around every cut, as one run across the cut', () => {
    // 0.5-6.3 s is frames 15..189; 12.1-16.9 s is frames 363..507; keyframes every 60 frames.
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0.5, out: 6.3 }, { id: 'b', sourceId: 'talk', in: 12.1, out: 16.9 }] });
    expect(planRuns({ timeline: t, out, sources, overlays: [] })).toEqual({
      path: 'smart',
      totalFrames: 318,
      copiedFrames: 180,
      join: { level: 40, reorderDelay: 2 },
      runs: [
        { kind: 'encode', startFrame: 0, frames: 45, pieces: [{ kind: 'frames', segmentIndex: 0, sourceId: 'talk', sourceFrame: 15, frames: 45 }] },
        { kind: 'copy', startFrame: 45, frames: 120, sourceId: 'talk', sourceFrame: 60 },
        {
          kind: 'encode', startFrame: 165, frames: 66, pieces: [
            { kind: 'frames', segmentIndex: 0, sourceId: 'talk', sourceFrame: 180, frames: 9 },
            { kind: 'frames', segmentIndex: 1, sourceId: 'talk', sourceFrame: 363, frames: 57 },
          ],
        },
        { kind: 'copy', startFrame: 231, frames: 60, sourceId: 'talk', sourceFrame: 420 },
        { kind: 'encode', startFrame: 291, frames: 27, pieces: [{ kind: 'frames', segmentIndex: 1, sourceId: 'talk', sourceFrame: 480, frames: 27 }] },
      ],
    });
  });

  it('never copies under a title or a fade: those frames join the encode runs', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 20 }], fadeOutSeconds: 1 });
    const plan = planRuns({ timeline: t, out, sources, overlays: [{ start: 2.5, end: 5.5 }] });
    if (plan.path !== 'smart') throw new Error(plan.reason);
    expect(plan.runs.map((r) => [r.kind, r.startFrame, r.frames])).toEqual([
      ['copy', 0, 60],
      ['encode', 60, 120],
      ['copy', 180, 360],
      ['encode', 540, 60],
    ]);
  });

  it.each([
    ['HEVC', talkIndex({ codec: 'hevc' }), '"x.mp4" is HEVC, not H.264 like the export'],
    ['variable frame rate', talkIndex({ constantFrameRate: false, cutFrames: [] }), '"x.mp4" has a variable frame rate'],
    ['another rate', talkIndex({ fps: 25 }), '"x.mp4" runs at 25 fps, the export at 30'],
    ['another size', talkIndex({ width: 1280, height: 720 }), '"x.mp4" is 1280x720, the export 1920x1080'],
    ['rotated', talkIndex({ rotation: 90 }), '"x.mp4" is 1920x1080 turned 90°, the export 1920x1080'],
    ['Main profile', talkIndex({ profile: 'Main' }), '"x.mp4" is H.264 Main, not High like the export'],
    ['4:2:2', talkIndex({ pixFmt: 'yuv422p' }), '"x.mp4" stores yuv422p pixels, not yuv420p like the export'],
    ['no index', null, '"x.mp4" has no keyframe index (it was uploaded before fast export existed)'],
  ])('goes the full way for a source with %s, and says why', (_, index, reason) => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'x', in: 0, out: 20 }] });
    expect(planRuns({ timeline: t, out, sources: { x: source('x.mp4', index) }, overlays: [] })).toEqual({ path: 'full', reason });
  });

  it('encodes a sped-up piece and an image whole, through the full render chain, between copied stretches', () => {
    const t = timeline({
      video: [
        { id: 'a', sourceId: 'talk', in: 0, out: 4 },
        { id: 'b', sourceId: 'talk', in: 10, out: 12, speed: 2 },
        { id: 'c', sourceId: 'still', in: 0, out: 1 },
        { id: 'd', sourceId: 'talk', in: 20, out: 24 },
      ],
    });
    const plan = planRuns({ timeline: t, out, sources: { ...sources, still: source('photo.png', null, 'image') }, overlays: [] });
    if (plan.path !== 'smart') throw new Error(plan.reason);
    expect(plan.runs).toEqual([
      { kind: 'copy', startFrame: 0, frames: 120, sourceId: 'talk', sourceFrame: 0 },
      { kind: 'encode', startFrame: 120, frames: 60, pieces: [{ kind: 'segment', segmentIndex: 1, frames: 30 }, { kind: 'segment', segmentIndex: 2, frames: 30 }] },
      { kind: 'copy', startFrame: 180, frames: 120, sourceId: 'talk', sourceFrame: 600 },
    ]);
  });

  it('goes the full way when too little could be copied', () => {
    // Frames 15..75 hold no whole GOP.
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0.5, out: 2.5 }] });
    expect(planRuns({ timeline: t, out, sources, overlays: [] })).toEqual({
      path: 'full',
      reason: 'no whole stretch between keyframes is left untouched (titles, fades or cuts cover them all)',
    });
    // 60 of 318 frames (45..123 copies 60..120; 210..450 holds no clean keyframe pair).
    const sparse = { talk: source('talk.mp4', talkIndex({ cutFrames: [0, 60, 120, 600] })) };
    const mostlyCut = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 1.5, out: 4.1 }, { id: 'b', sourceId: 'talk', in: 7, out: 15 }] });
    expect(planRuns({ timeline: mostlyCut, out, sources: sparse, overlays: [] })).toEqual({ path: 'full', reason: 'only 19% of the frames could be copied' });
  });

  it('copies one source only when a second one is encoded differently (its reorder delay would collide at the joins)', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'other', in: 0, out: 4 }] });
    const plan = planRuns({ timeline: t, out, sources: { ...sources, other: source('other.mp4', talkIndex({ reorderDelay: 1 })) }, overlays: [] });
    if (plan.path !== 'smart') throw new Error(plan.reason);
    expect(plan.runs.map((r) => r.kind)).toEqual(['copy', 'encode']);
  });

  it('takes the first frame at or after the cut, as input seeking does', () => {
    expect(firstFrameAt(0, 0, 30)).toBe(0);
    expect(firstFrameAt(1.8, 0, 30)).toBe(54);
    expect(firstFrameAt(12.345, 0, 30)).toBe(371);
    expect(firstFrameAt(1, 0.0667, 30)).toBe(28);
  });

  describe('takes the fast path only when it saves work', () => {
    const encode = (startFrame: number, frames: number): Run => ({ kind: 'encode', startFrame, frames, pieces: [] });
    const copy = (startFrame: number, frames: number): Run => ({ kind: 'copy', startFrame, frames, sourceId: 'talk', sourceFrame: startFrame });

    it('estimates the cost from encoded frames, the frames the check decodes and the runs to join', () => {
      // 138 encoded x 1.3 + 258 checked x 0.15 + 5 runs x 45 = 443.1 frames of work for 318 frames.
      expect(smartCostShare([encode(0, 45), copy(45, 120), encode(165, 66), copy(231, 60), encode(291, 27)], 318, 258)).toBeCloseTo(443.1 / 318, 6);
      // One long copied stretch: its last GOP and the encoded end are checked, not the 1680 frames before.
      expect(smartCostShare([copy(0, 1740), encode(1740, 60)], 1800, 120)).toBeCloseTo((60 * 1.3 + 120 * 0.15 + 2 * 45) / 1800, 6);
    });

    it('renders in full, saying why, when cuts every few seconds leave short copies', () => {
      const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0.5, out: 6.3 }, { id: 'b', sourceId: 'talk', in: 12.1, out: 16.9 }] });
      expect(planRuns({ timeline: t, out, sources, overlays: [] }).path).toBe('smart');
      const plan = planRuns({ timeline: t, out, sources, overlays: [], onlyWhenFaster: true });
      // Copies of one or two GOPs each sit wholly in the check's windows: every frame is decoded again.
      expect(plan).toEqual({ path: 'full', reason: "a fast export would not be faster here (5 runs to join, about 142% of the full render's work)" });
    });

    it('copies a long talk with one cut', () => {
      const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0.5, out: 30.3 }, { id: 'b', sourceId: 'talk', in: 35, out: 59.9 }] });
      const plan = planRuns({ timeline: t, out, sources, overlays: [], onlyWhenFaster: true });
      if (plan.path !== 'smart') throw new Error(plan.reason);
      const checked = windowFrames(decodeWindows(plan.runs, () => talkIndex().cutFrames));
      // The encoded edges and one GOP each side of the cut: under a quarter of the 1641 frames.
      expect(checked).toBe(381);
      expect(checked).toBeLessThan(plan.totalFrames / 4);
      expect(smartCostShare(plan.runs, plan.totalFrames, checked)).toBeLessThan(MAX_SMART_COST_SHARE);
      expect(plan.copiedFrames / plan.totalFrames).toBeGreaterThan(0.9);
    });
  });
});
