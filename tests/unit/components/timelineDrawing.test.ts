import { describe, expect, it } from 'vitest';
import { rulerStep, rulerTicks, tickLabel } from '@/components/project/timeline/rulerTicks';
import { slicePeaks } from '@/components/project/timeline/Waveform';

describe('the time ruler', () => {
  it.each([
    [60, 1000, 5],
    [60, 260, 15],
    [10, 1000, 1],
    [2, 1000, 0.5],
    [3600, 800, 300],
  ])('over %d s in %d px labels every %d s', (duration, width, step) => expect(rulerStep(duration, width)).toBe(step));

  it('starts at zero and never passes the end', () => {
    expect(rulerTicks(45.5, 15)).toEqual([0, 15, 30, 45]);
    expect(rulerTicks(1, 0.5)).toEqual([0, 0.5, 1]);
  });

  it('labels seconds, then minutes', () => {
    expect(tickLabel(15, 15)).toBe('15s');
    expect(tickLabel(90, 30)).toBe('1:30');
    expect(tickLabel(1.5, 0.5)).toBe('1.5s');
  });
});

describe('slicePeaks', () => {
  const peaks = Array.from({ length: 40 }, (_, i) => i / 40); // 2 s at 20 per second

  it('takes the part of the source a clip plays', () => {
    expect(slicePeaks(peaks, 20, 0.5, 1)).toEqual(peaks.slice(10, 20));
  });

  it('loops when a music clip is longer than its source', () => {
    const out = slicePeaks(peaks, 20, 1.5, 2.5);
    expect(out).toEqual([...peaks.slice(30, 40), ...peaks.slice(0, 10)]);
  });

  it('gives nothing for an empty range or no peaks', () => {
    expect(slicePeaks(peaks, 20, 1, 1)).toEqual([]);
    expect(slicePeaks([], 20, 0, 1)).toEqual([]);
  });
});
