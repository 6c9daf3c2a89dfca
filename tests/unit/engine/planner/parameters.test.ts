import { describe, expect, test } from 'vitest';
import { findClipRefs, findFileNames, findOrdinalClips } from '@/lib/engine/planner/parameters/clipRefs';
import { chineseNumber, findClockTimes, findDurations, findEdgeSeconds, findPercent, findRange } from '@/lib/engine/planner/parameters/numbers';
import { maskQuotes } from '@/lib/engine/planner/parameters/quotes';
import { findAspect, findFit, findMood } from '@/lib/engine/planner/parameters/vocabulary';

describe('durations', () => {
  test.each([
    ['1.5 s', [1.5]],
    ['500ms', [0.5]],
    ['two seconds', [2]],
    ['half a second', [0.5]],
    ['only pauses over a second', [1]],
    ['3秒', [3]],
    ['两秒', [2]],
    ['1 minute', [60]],
    ['from 2s with 200 milliseconds', [2, 0.2]],
    ['no time here', []],
    ['b.mp4 is 2x', []],
  ])('%s', (text, expected) => expect(findDurations(text)).toEqual(expected));
});

describe('numbers, times, percentages, ranges, edges', () => {
  test.each([
    ['十', 10],
    ['二十五', 25],
    ['三', 3],
    ['半', 0.5],
  ])('chinese %s = %s', (text, n) => expect(chineseNumber(text)).toBe(n));
  test('clock times', () => expect(findClockTimes('from 1:30 to 0:05.5')).toEqual([90, 5.5]));
  test.each([
    ['20%', 0.2],
    ['at 15 percent', 0.15],
    ['百分之二十', 0.2],
    ['150%', 1.5],
    ['no number', undefined],
  ])('percent %s', (text, expected) => expect(findPercent(text)).toBe(expected));
  test.each([
    ['from 10 to 15 seconds', [10, 15]],
    ['10-15s', [10, 15]],
    ['between 0:10 and 0:20', [10, 20]],
    ['keep only 0:10 to 0:40', [10, 40]],
    ['从10秒到15秒', [10, 15]],
    ['from 15 to 10', undefined],
    ['trim the first 5 seconds', undefined],
  ])('range %s', (text, expected) => expect(findRange(text)).toEqual(expected));
  test.each([
    ['trim the first 5 seconds', { edge: 'start', seconds: 5 }],
    ['cut the last 3 seconds', { edge: 'end', seconds: 3 }],
    ['the final 500ms', { edge: 'end', seconds: 0.5 }],
    ['2.5 seconds off the start', { edge: 'start', seconds: 2.5 }],
    ['前5秒', { edge: 'start', seconds: 5 }],
    ['最后两秒', { edge: 'end', seconds: 2 }],
    ['add music', undefined],
  ])('edge %s', (text, expected) => expect(findEdgeSeconds(text)).toEqual(expected));
});

describe('quotes', () => {
  test.each([
    ['add a title "Urban Dreams"', ['Urban Dreams']],
    ["put the text 'Subscribe!' at the end", ['Subscribe!']],
    ['加标题“城市之梦”', ['城市之梦']],
    ['title ‘Hi’ and 「你好」', ['Hi', '你好']],
    ["don't cut it's fine", []],
  ])('%s', (text, expected) => expect(maskQuotes(text).quotes).toEqual(expected));
  test('quoted words are masked so they are not read as commands', () => {
    expect(maskQuotes('add a title "Export, now"').text).toBe('add a title ⟦0⟧');
  });
});

describe('clip references', () => {
  const uploads = ['a.mp4', 'b.mp4', 'My Clip.mov'];
  test.each([
    ['put b.mp4 first', [{ name: 'b.mp4' }]],
    ['use My Clip.mov', [{ name: 'My Clip.mov' }]],
    ['move B.MP4 to the end', [{ name: 'b.mp4' }]],
    ['move the second clip to the end', [{ position: 2 }]],
    ['delete clip 3', [{ position: 3 }]],
    ['remove the last video', [{ position: -1 }]],
    ['swap clips 1 and 2', [{ position: 1 }, { position: 2 }]],
    ['删除第二个片段', [{ position: 2 }]],
  ])('%s', (text, expected) => expect(findClipRefs(text, uploads)).toEqual(expected));
  test('file names not uploaded are still read', () => expect(findFileNames('use song.mp3', [])).toEqual(['song.mp3']));
  test('no ordinal without a clip noun', () => expect(findOrdinalClips('trim the first 5 seconds')).toEqual([]));
});

describe('moods, platforms, fill', () => {
  test.each([
    ['upbeat', 'upbeat'],
    ['some chill lo-fi', 'lofi'],
    ['epic', 'cinematic'],
    ['欢快的', 'happy'],
    ['corporate', 'corporate'],
    ['relaxing', 'calm'],
    ['background', undefined],
  ])('mood %s', (text, mood) => expect(findMood(text)).toBe(mood));
  test.each([
    ['make it vertical for TikTok', '9:16'],
    ['for reels', '9:16'],
    ['youtube shorts', '9:16'],
    ['instagram stories', '9:16'],
    ['instagram', '1:1'],
    ['make it square', '1:1'],
    ['4:5 for instagram', '4:5'],
    ['16:9 for YouTube', '16:9'],
    ['横屏', '16:9'],
    ['抖音', '9:16'],
    ['make the title bigger', undefined],
  ])('aspect %s', (text, aspect) => expect(findAspect(text)).toBe(aspect));
  test.each([
    ['with a blurred background', 'blur'],
    ['with black bars', 'bars'],
    ['crop to fill', 'crop'],
    ['加黑边', 'bars'],
    ['vertical', undefined],
  ])('fit %s', (text, fit) => expect(findFit(text)).toBe(fit));
});
