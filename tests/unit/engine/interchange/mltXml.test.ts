import { execFileSync } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';
import { buildCutList } from '@/lib/engine/interchange/cutList';
import { writeInterchange } from '@/lib/engine/interchange/writeInterchange';
import { segmentPlacements } from '@/lib/engine/timeline/duration';
import { writeTemp } from '../../../helpers/interchange/writeTemp';
import { xpath } from '../../../helpers/interchange/xpath';
import { CANVASES, MEDIA, mixedTimeline } from './fixtures';

vi.setConfig({ testTimeout: 60_000 });

// melt renders these files in tests/integration/interchange; here, the structure MLT reads.
describe.each(CANVASES)('MLT XML on %s', (_, canvas) => {
  const timeline = mixedTimeline(canvas);
  const edit = buildCutList(timeline, MEDIA, { title: 'Cut' });
  const file = writeTemp('timeline.mlt', writeInterchange(edit, 'mlt'));

  test('is well-formed, with a profile at the canvas size and exact rate', () => {
    expect(execFileSync('xmllint', ['--noout', file], { encoding: 'utf8' })).toBe('');
    const rate = canvas.fps === 30 ? ['30', '1'] : ['30000', '1001'];
    expect(xpath(file, '/mlt/profile/@frame_rate_num').concat(xpath(file, '/mlt/profile/@frame_rate_den'))).toEqual(rate);
    expect(xpath(file, '/mlt/profile/@width').concat(xpath(file, '/mlt/profile/@height'))).toEqual([String(canvas.width), String(canvas.height)]);
  });

  test('plays each piece for exactly the frames the render gives it (out is inclusive)', () => {
    const ins = xpath(file, '//playlist[@id="video"]/entry/@in').map(Number);
    const outs = xpath(file, '//playlist[@id="video"]/entry/@out').map(Number);
    const lengths = segmentPlacements(timeline).map(({ start, end }) => Math.round(end * canvas.fps) - Math.round(start * canvas.fps));
    expect(outs.map((o, i) => o - ins[i] + 1)).toEqual(lengths);
    expect(xpath(file, '//tractor/@out')).toEqual([String(edit.durationFrames - 1)]);
  });

  test('plays sped-up pieces through timewarp producers at their speed', () => {
    expect(xpath(file, '//producer/property[@name="warp_speed"]/text()')).toEqual(['2', '0.5']);
    expect(xpath(file, '//producer/property[@name="resource"]/text()')).toContain('2:b-roll 25.mp4');
  });

  test('mixes the music track in, after a blank, with its level and fades as keyframes', () => {
    expect(xpath(file, '//playlist[@id="music1"]/blank/@length')).toEqual([String(Math.round(0.5 * canvas.fps))]);
    expect(xpath(file, '//playlist[@id="music1"]/entry/filter/property[@name="level"]/text()')[0]).toMatch(/^0=-60;\d+=-10.46$/);
    expect(xpath(file, '//transition[@mlt_service="mix"]/@b_track')).toEqual(['1']);
  });
});
