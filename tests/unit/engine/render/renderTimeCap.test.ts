import { describe, expect, it } from 'vitest';
import { renderTimeCapMessage, renderTimeCapMs } from '@/lib/engine/render/renderTimeCap';

describe('the wall-clock cap of one render', () => {
  it.each([
    [60, { factor: 10, graceSeconds: 60 }, 660_000],
    [0, { factor: 10, graceSeconds: 60 }, 60_000],
    [90, { factor: 0.01, graceSeconds: 0 }, 900],
  ])('%s s of output with %o may take %s ms', (seconds, limits, ms) => expect(renderTimeCapMs(seconds, limits)).toBe(ms));

  it('says how long it waited and what to try', () => {
    expect(renderTimeCapMessage(660_000)).toMatch(/^The render took longer than 11 minutes and was stopped.*Try a preview export, or shorten the timeline\.$/);
    expect(renderTimeCapMessage(900)).toMatch(/longer than 1 s and/);
  });
});
