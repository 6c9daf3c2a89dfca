import { describe, expect, test } from 'vitest';
import { buildCutList } from '@/lib/engine/interchange/cutList';
import { segmentPlacements, timelineDuration } from '@/lib/engine/timeline/duration';
import { CANVASES, MEDIA, mixedTimeline } from './fixtures';

describe.each(CANVASES)('the cut list on %s', (_, canvas) => {
  const timeline = mixedTimeline(canvas);
  const edit = buildCutList(timeline, MEDIA, { title: 'Test' });
  const fps = canvas.fps;

  test('places every piece on the frame the render puts it, and lasts as long as the export', () => {
    const placements = segmentPlacements(timeline);
    expect(edit.cuts.map((c) => [c.recordIn, c.recordOut])).toEqual(placements.map((p) => [Math.round(p.start * fps), Math.round(p.end * fps)]));
    expect(edit.durationFrames).toBe(Math.round(timelineDuration(timeline) * fps));
  });

  test('cuts each source on a whole frame of its own rate, within a frame of the timeline', () => {
    edit.cuts.forEach((cut, i) => {
      const segment = timeline.video[i];
      const sourceFps = cut.source.rate.num / cut.source.rate.den;
      expect(Number.isInteger(cut.sourceIn) && Number.isInteger(cut.sourceOut)).toBe(true);
      expect(Math.abs(cut.sourceIn / sourceFps - segment.in)).toBeLessThanOrEqual(0.5 / sourceFps + 1e-9);
      expect(Math.abs(cut.sourceOut / sourceFps - segment.out)).toBeLessThanOrEqual(0.5 / sourceFps + 1e-9);
    });
  });

  test('keeps each source at its own rate and timecode', () => {
    const byName = Object.fromEntries(edit.sources.map((s) => [s.fileName, s]));
    expect(byName['interview 23.976.mov']).toMatchObject({ rate: { num: 24000, den: 1001 }, startFrame: 86400, dropFrame: false });
    expect(byName['b-roll 25.mp4']).toMatchObject({ rate: { num: 25, den: 1 }, startFrame: 900000 });
    expect(byName['phone 29.97 & "vertical".mp4']).toMatchObject({ rate: { num: 30000, den: 1001 }, startFrame: 107832, dropFrame: true });
    expect(byName['screen 30.mp4']).toMatchObject({ rate: { num: 30, den: 1 }, startFrame: 0 });
  });

  test('loops the 7 s song in passes over its file, fading in on the first and out on the last', () => {
    // A pass is the file's whole frames: 7 s is 209.79 frames at 29.97 fps, so 209.
    const pass = Math.floor(7 * fps + 0.01);
    const start = Math.round(0.5 * fps);
    expect(edit.music.map((p) => [p.recordIn, p.recordOut - p.recordIn])).toEqual([
      [start, pass],
      [start + pass, edit.durationFrames - start - pass],
    ]);
    expect(edit.music.map((p) => [p.fadeInFrames, p.fadeOutFrames])).toEqual([[Math.round(fps), 0], [0, Math.round(2 * fps)]]);
  });
});

test('two uploads with one name get names of their own beside the export', () => {
  const twice = [MEDIA[0], { ...MEDIA[1], name: MEDIA[0].name }];
  const timeline = mixedTimeline({ width: 1920, height: 1080, fps: 30 }, { video: [{ id: 'a', sourceId: 'cam24', in: 0, out: 1 }, { id: 'b', sourceId: 'cam25', in: 0, out: 1 }], audio: [] });
  expect(buildCutList(timeline, twice, { title: 't' }).sources.map((s) => s.fileName)).toEqual(['interview 23.976.mov', 'interview 23.976 (2).mov']);
});
