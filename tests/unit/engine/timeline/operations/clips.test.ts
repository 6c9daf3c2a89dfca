import { describe, expect, test } from 'vitest';
import { deleteClip, moveClip, split } from '@/lib/engine/timeline/operations/clips';
import { OperationError } from '@/lib/engine/timeline/operations/operationContext';
import { contextWith, timelineOf } from './operationFixtures';

const ctx = contextWith();
const two = () => timelineOf([{ sourceId: 'm-a', out: 20 }, { sourceId: 'm-b', out: 20 }]);
const three = () => timelineOf([{ sourceId: 'm-a', out: 20 }, { sourceId: 'm-b', out: 20 }, { sourceId: 'm-talk', out: 60 }]);
const order = (t: ReturnType<typeof two>) => t.video.map((s) => s.sourceId);

describe('split', () => {
  test('splits the clip running at that time into two pieces', () => {
    const r = split(two(), { type: 'split', atSeconds: 25 }, ctx);
    expect(r.timeline.video.map((s) => [s.sourceId, s.in, s.out])).toEqual([['m-a', 0, 20], ['m-b', 0, 5], ['m-b', 5, 20]]);
  });
  test('splits at source time through the speed', () => {
    const t = timelineOf([{ sourceId: 'm-talk', out: 60, speed: 2 }]);
    expect(split(t, { type: 'split', atSeconds: 10 }, ctx).timeline.video.map((s) => [s.in, s.out])).toEqual([[0, 20], [20, 60]]);
  });
  test('refuses a time on a clip boundary or past the end', () => {
    expect(() => split(two(), { type: 'split', atSeconds: 20 }, ctx)).toThrow(OperationError);
    expect(() => split(two(), { type: 'split', atSeconds: 99 }, ctx)).toThrow(/no clip running at 99 s/);
  });
});

describe('moveClip', () => {
  test.each([
    [{ name: 'b.mp4' }, 'start' as const, ['m-b', 'm-a', 'm-talk']],
    [{ position: 1 }, 'end' as const, ['m-b', 'm-talk', 'm-a']],
    [{ position: -1 }, 2, ['m-a', 'm-talk', 'm-b']],
    [{ name: 'B' }, 'start' as const, ['m-b', 'm-a', 'm-talk']],
  ])('moves %j to %s', (clip, to, expected) => {
    expect(order(moveClip(three(), { type: 'moveClip', clip, to }, ctx).timeline)).toEqual(expected);
  });
  test('says so when the clip is already there, changing nothing', () => {
    const t = two();
    const r = moveClip(t, { type: 'moveClip', clip: { name: 'a.mp4' }, to: 'start' }, ctx);
    expect(r.timeline).toBe(t);
    expect(r.said).toBe('a.mp4 is already first.');
  });
  test('names the clips there are when a name is unknown', () => {
    expect(() => moveClip(two(), { type: 'moveClip', clip: { name: 'c.mp4' }, to: 'start' }, ctx)).toThrow('There is no clip called c.mp4 on the timeline (it has a.mp4, b.mp4).');
  });
  test('refuses a position that does not exist', () => {
    expect(() => moveClip(two(), { type: 'moveClip', clip: { position: 3 }, to: 'start' }, ctx)).toThrow('There are only 2 clips on the timeline, so there is no third clip.');
  });
});

describe('deleteClip', () => {
  test('deletes every piece of a clip by name', () => {
    const t = timelineOf([{ sourceId: 'm-a', out: 5 }, { sourceId: 'm-b', out: 20 }, { sourceId: 'm-a', in: 10, out: 20 }]);
    expect(order(deleteClip(t, { type: 'deleteClip', clip: { name: 'a.mp4' } }, ctx).timeline)).toEqual(['m-b']);
  });
  test('deletes by position', () => {
    expect(order(deleteClip(two(), { type: 'deleteClip', clip: { position: -1 } }, ctx).timeline)).toEqual(['m-a']);
  });
  test('will not delete the only clip', () => {
    expect(() => deleteClip(timelineOf([{ sourceId: 'm-a', out: 20 }]), { type: 'deleteClip', clip: { position: 1 } }, ctx)).toThrow(/leave nothing to export/);
  });
});
