import { describe, expect, test } from 'vitest';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { setAspect, setFit } from '@/lib/engine/timeline/operations/canvas';
import { fadeIn, fadeOut, setSpeed } from '@/lib/engine/timeline/operations/speedAndFades';
import { contextWith, timelineOf } from './operationFixtures';

const ctx = contextWith();
const talk = () => timelineOf([{ sourceId: 'm-talk', out: 60 }]);

describe('setAspect and setFit', () => {
  test.each([
    ['16:9', [1920, 1080]],
    ['9:16', [1080, 1920]],
    ['1:1', [1080, 1080]],
    ['4:5', [1080, 1350]],
  ] as const)('%s is %j and locks the canvas', (aspect, size) => {
    const { timeline } = setAspect(talk(), { type: 'setAspect', aspect });
    expect([timeline.canvas.width, timeline.canvas.height]).toEqual(size);
    expect(timeline.canvasLocked).toBe(true);
    expect(timeline.canvas.fps).toBe(30);
  });
  test('takes a fill mode along, or keeps the current one', () => {
    expect(setAspect(talk(), { type: 'setAspect', aspect: '9:16', fit: 'crop' }).timeline.fit).toBe('crop');
    expect(setAspect(talk(), { type: 'setAspect', aspect: '9:16' }).timeline.fit).toBe('blur');
    expect(setFit(talk(), { type: 'setFit', fit: 'bars' }).said).toBe('Clips of another shape now fill the frame with black bars.');
  });
});

describe('setSpeed', () => {
  test.each([
    [2, 30],
    [0.5, 120],
  ])('x%s makes 60 s last %s s', (factor, duration) => {
    expect(timelineDuration(setSpeed(talk(), { type: 'setSpeed', factor }, ctx).timeline)).toBe(duration);
  });
  test('one clip only', () => {
    const t = timelineOf([{ sourceId: 'm-a', out: 20 }, { sourceId: 'm-b', out: 20 }]);
    const r = setSpeed(t, { type: 'setSpeed', factor: 2, clip: { position: 2 } }, ctx);
    expect(r.timeline.video.map((s) => s.speed)).toEqual([1, 2]);
    expect(r.said).toBe('Sped up the second clip to 2x.');
  });
  test('speeds multiply and stay within the allowed range', () => {
    const once = setSpeed(talk(), { type: 'setSpeed', factor: 10 }, ctx).timeline;
    expect(setSpeed(once, { type: 'setSpeed', factor: 10 }, ctx).timeline.video[0].speed).toBe(16);
  });
});

describe('fades', () => {
  test('set the fade lengths and say so', () => {
    expect(fadeIn(talk(), { type: 'fadeIn', seconds: 2 })).toMatchObject({ timeline: { fadeInSeconds: 2 }, said: 'Added a 2 s fade-in from black.' });
    expect(fadeOut(talk(), { type: 'fadeOut', seconds: 0 })).toMatchObject({ timeline: { fadeOutSeconds: 0 }, said: 'Removed the fade-out.' });
  });
});
