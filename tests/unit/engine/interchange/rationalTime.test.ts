import { describe, expect, test } from 'vitest';
import { fcpxTime, framesToRational, framesToTimecode, frameRateOf, timecodeToFrames } from '@/lib/engine/interchange/rationalTime';

describe('frame rates become exact ratios', () => {
  test.each([
    [23.976, { num: 24000, den: 1001 }],
    [24, { num: 24, den: 1 }],
    [25, { num: 25, den: 1 }],
    [29.97, { num: 30000, den: 1001 }],
    [30, { num: 30, den: 1 }],
    [59.94, { num: 60000, den: 1001 }],
    [12.5, { num: 25, den: 2 }],
  ])('%s fps is %o', (fps, rate) => expect(frameRateOf(fps)).toEqual(rate));

  test('a rate of 0 is refused with the value quoted', () => expect(() => frameRateOf(0)).toThrow('must be greater than 0, but was 0'));
});

describe('FCPXML times are reduced fractions of a second', () => {
  test.each([
    [0, { num: 30, den: 1 }, '0s'],
    [60, { num: 30, den: 1 }, '2s'],
    [1, { num: 30000, den: 1001 }, '1001/30000s'],
    [24, { num: 24000, den: 1001 }, '1001/1000s'],
    [7, { num: 25, den: 1 }, '7/25s'],
  ])('%s frames at %o is %s', (frames, rate, text) => expect(fcpxTime(framesToRational(frames, rate))).toBe(text));
});

describe('timecode', () => {
  const ntsc = { num: 30000, den: 1001 };
  test.each([
    ['01:00:00:00', { num: 24000, den: 1001 }, 86400],
    ['10:00:00:00', { num: 25, den: 1 }, 900000],
    ['00:00:01:05', { num: 30, den: 1 }, 35],
    // Drop-frame: one minute in, the labels ;00 and ;01 do not exist.
    ['00:01:00;02', ntsc, 1800],
    ['00:10:00;00', ntsc, 17982],
    ['00:59:58;00', ntsc, 107832],
  ])('%s at %o is frame %s, and back', (tc, rate, frames) => {
    expect(timecodeToFrames(tc, rate)).toBe(frames);
    expect(framesToTimecode(frames, rate, tc.includes(';'))).toBe(tc);
  });

  test('every drop-frame label round-trips over eleven minutes', () => {
    for (let f = 0; f < 30 * 60 * 11; f += 7) expect(timecodeToFrames(framesToTimecode(f, ntsc, true), ntsc)).toBe(f);
  });

  test.each(['', '1:00:00', '01:61:00:00', '01:00:00:30', 'garbage'])('"%s" is not a timecode at 30 fps', (tc) =>
    expect(timecodeToFrames(tc, { num: 30, den: 1 })).toBeNull(),
  );
});
