import { describe, expect, test } from 'vitest';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { cutOutputRanges, normalizeRanges, remapTime } from '@/lib/engine/timeline/operations/cutOutputRanges';
import { OperationError } from '@/lib/engine/timeline/operations/operationContext';
import { cutRange, keepRange, trimEnd, trimStart } from '@/lib/engine/timeline/operations/trim';
import { contextWith, timelineOf } from './operationFixtures';

const ctx = contextWith();
const talk = () => timelineOf([{ sourceId: 'm-talk', out: 60 }]);
const pieces = (t: ReturnType<typeof talk>) => t.video.map((s) => [s.sourceId, s.in, s.out]);

describe('normalizeRanges and remapTime', () => {
  test('sorts, merges, clips and drops empty ranges', () => {
    expect(normalizeRanges([[5, 6], [1, 2], [1.5, 3], [9, 12], [4, 4]], 10)).toEqual([[1, 3], [5, 6], [9, 10]]);
  });
  test.each([
    [0.5, 0.5],
    [1.5, 1],
    [4, 2],
    [7, 4],
  ])('time %s lands at %s after cutting 1-3 and 5-6', (t, expected) => expect(remapTime(t, [[1, 3], [5, 6]])).toBe(expected));
});

describe('cutOutputRanges', () => {
  test('cuts across two clips and keeps source in/out', () => {
    const t = timelineOf([{ sourceId: 'm-a', out: 20 }, { sourceId: 'm-b', out: 20 }]);
    const cut = cutOutputRanges(t, [[18, 22]], ctx.newId);
    expect(pieces(cut)).toEqual([['m-a', 0, 18], ['m-b', 2, 20]]);
  });
  test('respects speed: output seconds become source seconds times the speed', () => {
    const t = timelineOf([{ sourceId: 'm-talk', out: 60, speed: 2 }]);
    const cut = cutOutputRanges(t, [[10, 15]], ctx.newId);
    expect(pieces(cut)).toEqual([['m-talk', 0, 20], ['m-talk', 30, 60]]);
    expect(timelineDuration(cut)).toBe(25);
  });
  test('moves texts after the cut and shortens texts that span it', () => {
    const t = timelineOf([{ sourceId: 'm-talk', out: 60 }], {
      texts: [
        { id: 't1', text: 'Before', start: 0, end: 3, position: 'top', size: 'large', style: 'title' },
        { id: 't2', text: 'After', start: 20, end: 23, position: 'top', size: 'large', style: 'title' },
        { id: 't3', text: 'Inside', start: 11, end: 12, position: 'top', size: 'large', style: 'title' },
      ],
    });
    const cut = cutOutputRanges(t, [[10, 15]], ctx.newId);
    expect(cut.texts.map((x) => [x.text, x.start, x.end])).toEqual([['Before', 0, 3], ['After', 15, 18]]);
  });
});

describe('trim operations', () => {
  test('trimStart removes the first seconds', () => {
    const r = trimStart(talk(), { type: 'trimStart', seconds: 5 }, ctx);
    expect(pieces(r.timeline)).toEqual([['m-talk', 5, 60]]);
    expect(r.said).toBe('Trimmed the first 5 s.');
  });
  test('trimEnd removes the last seconds', () => {
    expect(pieces(trimEnd(talk(), { type: 'trimEnd', seconds: 3 }, ctx).timeline)).toEqual([['m-talk', 0, 57]]);
  });
  test('cutRange removes the middle, in either order', () => {
    expect(pieces(cutRange(talk(), { type: 'cutRange', startSeconds: 15, endSeconds: 10 }, ctx).timeline)).toEqual([['m-talk', 0, 10], ['m-talk', 15, 60]]);
  });
  test('keepRange keeps only the range', () => {
    expect(pieces(keepRange(talk(), { type: 'keepRange', startSeconds: 10, endSeconds: 40 }, ctx).timeline)).toEqual([['m-talk', 10, 40]]);
  });
  test.each([
    ['trimming everything', () => trimStart(talk(), { type: 'trimStart', seconds: 60 }, ctx), /whole video/],
    ['a range past the end', () => cutRange(talk(), { type: 'cutRange', startSeconds: 70, endSeconds: 80 }, ctx), /only 60 s long/],
    ['an empty timeline', () => trimEnd(timelineOf([]), { type: 'trimEnd', seconds: 1 }, ctx), /upload a clip/],
  ])('refuses %s in plain words', (_name, run, message) => {
    expect(run).toThrow(OperationError);
    expect(run).toThrow(message);
  });
});
