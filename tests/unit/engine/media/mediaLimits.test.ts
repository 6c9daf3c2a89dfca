import { describe, expect, test } from 'vitest';
import { clock, DEFAULT_MEDIA_LIMITS, limitProblem } from '@/lib/engine/media/mediaLimits';
import type { ProbeResult } from '@/lib/engine/media/schema';

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({
  kind: 'video', format: 'matroska,webm', duration: 60, width: 1920, height: 1080, fps: 30,
  rotation: 0, hasAudio: true, hasVideo: true, videoCodec: 'vp9', audioCodec: 'opus', ...over,
});

describe('limitProblem', () => {
  test.each([
    ['a 1080p minute', probe(), 2, null],
    ['exactly 8K', probe({ width: 7680, height: 4320 }), 2, null],
    ['exactly 4 hours', probe({ duration: 4 * 3600 }), 2, null],
    ['a 50 MP phone photo', probe({ kind: 'image', duration: 0, width: 8160, height: 6120 }), 1, null],
    ['16 streams', probe(), 16, null],
    ['a 4 h 2 min talk', probe({ duration: 14520 }), 2, 'is 4 h 2 min long; the longest accepted is 4 h: cut it into parts first'],
    ['a 16K video', probe({ width: 15360, height: 8640 }), 2, 'is 15360x8640 (132.7 megapixels); the largest picture accepted is 33.2 megapixels (8K, 7680x4320): scale it down first'],
    ['a 200 MP image', probe({ kind: 'image', duration: 0, width: 16320, height: 12240 }), 1, 'is 16320x12240 (199.8 megapixels); the largest image accepted is 100 megapixels: scale it down first'],
    ['17 streams', probe(), 17, 'has 17 streams; files with at most 16 (video, audio and subtitle tracks together) are accepted'],
  ])('%s', (_name, p, streams, expected) => {
    expect(limitProblem(p, streams, DEFAULT_MEDIA_LIMITS)).toBe(expected);
  });

  test('limits come in as an argument', () => {
    expect(limitProblem(probe({ duration: 61 }), 2, { ...DEFAULT_MEDIA_LIMITS, maxDurationSeconds: 60 })).toMatch(/is 1 min 1 s long; the longest accepted is 1 min/);
  });
});

describe('clock', () => {
  test.each([[14520, '4 h 2 min'], [3600, '1 h'], [75, '1 min 15 s'], [60, '1 min'], [9.6, '10 s']])('%s s is %s', (s, text) => expect(clock(s)).toBe(text));
});
