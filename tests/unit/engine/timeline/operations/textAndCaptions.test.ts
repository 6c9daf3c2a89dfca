import { describe, expect, test } from 'vitest';
import { addCaptions } from '@/lib/engine/timeline/operations/captions';
import { OperationError } from '@/lib/engine/timeline/operations/operationContext';
import { addText, editText, removeText } from '@/lib/engine/timeline/operations/text';
import { contextWith, timelineOf } from './operationFixtures';

const ctx = contextWith();
const talk = () => timelineOf([{ sourceId: 'm-talk', out: 60 }]);
const span = (t: { start: number; end: number }) => [t.start, t.end];

describe('addText', () => {
  test.each([
    ['a title lasts 3 s from the start', {}, [0, 3]],
    ['"for the first 5 seconds"', { startSeconds: 0, durationSeconds: 5 }, [0, 5]],
    ['"at the end"', { anchor: 'end' as const }, [57, 60]],
    ['"from 5 to 8 s"', { startSeconds: 5, endSeconds: 8 }, [5, 8]],
    ['"at 10 s"', { startSeconds: 10 }, [10, 13]],
    ['clipped at the end of the video', { startSeconds: 58 }, [58, 60]],
  ])('%s', (_name, timing, expected) => {
    const { timeline } = addText(talk(), { type: 'addText', text: 'Hi', ...timing }, ctx);
    expect(span(timeline.texts[0])).toEqual(expected);
  });
  test('titles are bold centre cards (centre, large), captions bottom and medium with no look, unless told', () => {
    const a = addText(talk(), { type: 'addText', text: 'T' }, ctx);
    const b = addText(talk(), { type: 'addText', text: 'C', style: 'caption' }, ctx).timeline.texts[0];
    const c = addText(talk(), { type: 'addText', text: 'X', position: 'top', size: 'small' }, ctx).timeline.texts[0];
    const t = a.timeline.texts[0];
    expect([t.look, t.position, t.size, b.look, b.position, b.size, c.look, c.position, c.size]).toEqual([
      'card', 'center', 'large', undefined, 'bottom', 'medium', 'card', 'top', 'small',
    ]);
    expect(a.said).toBe('Added the title "T" as a bold centre card from 0 s to 3 s.');
  });
  test.each([
    ['lower-third', 'bottom', 'medium'],
    ['subtitle-bar', 'bottom', 'medium'],
    ['minimal', 'top', 'medium'],
  ] as const)('a %s title starts at the %s, %s', (look, position, size) => {
    const t = addText(talk(), { type: 'addText', text: 'T', look }, ctx).timeline.texts[0];
    expect([t.look, t.position, t.size]).toEqual([look, position, size]);
  });
  test('refuses a start past the end', () => {
    expect(() => addText(talk(), { type: 'addText', text: 'Late', startSeconds: 70 }, ctx)).toThrow(/only 60 s long/);
  });
});

describe('restyling a title', () => {
  const titled = () => addText(talk(), { type: 'addText', text: 'Urban Dreams' }, ctx).timeline;
  test('"lower-third style" moves it to the lower third at its size, and says so', () => {
    const { timeline, said } = editText(titled(), { type: 'editText', look: 'lower-third' });
    expect(timeline.texts[0]).toMatchObject({ look: 'lower-third', position: 'bottom', size: 'medium' });
    expect(said).toBe('Changed "Urban Dreams": its style to lower third, its size to medium, its place to the bottom.');
  });
  test('a place or size said with the style wins over its defaults', () => {
    const { timeline } = editText(titled(), { type: 'editText', look: 'minimal', position: 'bottom', size: 'bigger' });
    expect(timeline.texts[0]).toMatchObject({ look: 'minimal', position: 'bottom', size: 'xlarge' });
  });
});

describe('editText and removeText', () => {
  const titled = () => {
    let t = addText(talk(), { type: 'addText', text: 'First' }, ctx).timeline;
    t = addText(t, { type: 'addText', text: 'Second', startSeconds: 10 }, ctx).timeline;
    return t;
  };
  test('"make the title bigger" steps the latest title up one size', () => {
    const r = editText(titled(), { type: 'editText', size: 'bigger' });
    expect(r.timeline.texts.map((t) => t.size)).toEqual(['large', 'xlarge']);
    expect(r.said).toBe('Changed "Second": its size to xlarge.');
  });
  test('changes the words of the text it matches', () => {
    expect(editText(titled(), { type: 'editText', match: 'first', text: 'Hello' }).timeline.texts.map((t) => t.text)).toEqual(['Hello', 'Second']);
  });
  test('moves timing, keeping the length when only the start is given', () => {
    expect(span(editText(titled(), { type: 'editText', startSeconds: 20 }).timeline.texts[1])).toEqual([20, 23]);
  });
  test('says when the biggest size cannot grow', () => {
    const big = editText(titled(), { type: 'editText', size: 'xlarge' }).timeline;
    expect(editText(big, { type: 'editText', size: 'bigger' }).said).toContain('nothing about its size (it is already xlarge)');
  });
  test.each([
    ['latest', undefined, ['First']],
    ['all', undefined, []],
    ['latest', 'first', ['Second']],
  ] as const)('removeText %s %s', (which, match, left) => {
    expect(removeText(titled(), { type: 'removeText', which, ...(match ? { match } : {}) }).timeline.texts.map((t) => t.text)).toEqual(left);
  });
  test('refuses when there is no text', () => {
    expect(() => editText(talk(), { type: 'editText', size: 'bigger' })).toThrow(OperationError);
    expect(() => removeText(talk(), { type: 'removeText', which: 'all' })).toThrow(/no text/);
  });
});

describe('addCaptions', () => {
  const cues = [
    { startSeconds: 0.5, endSeconds: 1, text: 'oop' },
    { startSeconds: 1.5, endSeconds: 1.9, text: 'boop' },
  ];
  test('a standalone subtitle file keeps its times', () => {
    const c = contextWith({ media: [...ctx.media, { id: 'm-subs', name: 'subs.srt', kind: 'audio', duration: 2 }], captions: { 'm-subs': cues } });
    const r = addCaptions(talk(), { type: 'addCaptions' }, c);
    expect(r.timeline.texts.map((t) => [t.text, t.start, t.end, t.style, t.position])).toEqual([['oop', 0.5, 1, 'caption', 'bottom'], ['boop', 1.5, 1.9, 'caption', 'bottom']]);
    expect(r.said).toBe('Added 2 caption lines from subs.srt.');
  });
  test('subtitles inside a clip follow that clip on the timeline', () => {
    const t = timelineOf([{ sourceId: 'm-talk', out: 60 }, { sourceId: 'm-a', out: 2 }]);
    const r = addCaptions(t, { type: 'addCaptions', file: 'a.mp4' }, contextWith({ captions: { 'm-a': cues } }));
    expect(r.timeline.texts.map((x) => [x.text, x.start, x.end])).toEqual([['oop', 60.5, 61], ['boop', 61.5, 61.9]]);
  });
  test('says how to get captions when there are no subtitles', () => {
    expect(() => addCaptions(talk(), { type: 'addCaptions' }, ctx)).toThrow(/upload an \.srt or \.vtt file/);
  });
});
