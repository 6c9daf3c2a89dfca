import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/lib/server/limits/rateLimiter';

describe('a token bucket per key', () => {
  it('allows a burst of perMinute, then says how long to wait, and refills with time', () => {
    let now = 0;
    const l = new RateLimiter(3, () => now);
    expect([l.take('a'), l.take('a'), l.take('a')]).toEqual([0, 0, 0]);
    expect(l.take('a')).toBe(20); // one token comes back every 20 s
    expect(l.take('b')).toBe(0);
    now += 10_000;
    expect(l.take('a')).toBe(10);
    now += 10_000;
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBe(20);
  });

  it('never refills above the burst size', () => {
    let now = 0;
    const l = new RateLimiter(2, () => now);
    now += 3_600_000;
    expect([l.take('a'), l.take('a'), l.take('a')]).toEqual([0, 0, 30]);
  });
});
