import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatPercent, formatResolution, formatTimeLeft } from '@/lib/client/formatting';

describe('formatting for people', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [1_750_089, '1.7 MB'],
    [524_288_000, '500 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
  ])('formatBytes(%i) is %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [0, '0:00'],
    [59.9, '0:59'],
    [60, '1:00'],
    [3723, '1:02:03'],
    [-4, '0:00'],
  ])('formatClock(%d) is %s', (s, text) => expect(formatClock(s)).toBe(text));

  it('names common resolutions', () => {
    expect(formatResolution(1920, 1080)).toBe('1920×1080 (1080p)');
    expect(formatResolution(1080, 1920)).toBe('1080×1920 (1080p)');
    expect(formatResolution(3840, 2160)).toBe('3840×2160 (4K)');
    expect(formatResolution(undefined, 1080)).toBeNull();
  });

  it('says time left in seconds, then minutes', () => {
    expect(formatTimeLeft(0.2)).toBe('about 1 s left');
    expect(formatTimeLeft(42)).toBe('about 42 s left');
    expect(formatTimeLeft(150)).toBe('about 3 min left');
  });

  it('clamps percentages', () => {
    expect(formatPercent(0.456)).toBe('46%');
    expect(formatPercent(1.2)).toBe('100%');
  });
});
