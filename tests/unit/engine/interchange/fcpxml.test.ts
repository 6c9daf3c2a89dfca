import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { buildCutList } from '@/lib/engine/interchange/cutList';
import { writeInterchange } from '@/lib/engine/interchange/writeInterchange';
import { expectSameCuts } from '../../../helpers/interchange/cutListReading';
import { readFcpxml } from '../../../helpers/interchange/readFcpxml';
import { writeTemp } from '../../../helpers/interchange/writeTemp';
import { xpath } from '../../../helpers/interchange/xpath';
import { SHARED } from '../../../helpers/paths';
import { CANVASES, MEDIA, NAMES, RATES, mixedTimeline } from './fixtures';

// xmllint runs once per value read; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 60_000 });

const DTDS = { fcpxml: 'FCPXMLv1_10.dtd', 'fcpxml-1.11': 'FCPXMLv1_11.dtd' } as const;

/** Apple's DTD, read where the project keeps its references (never copied into the repo). */
function validate(file: string, dtd: string): string {
  try {
    return execFileSync('xmllint', ['--noout', '--dtdvalid', path.join(SHARED, 'interchange', dtd), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error('xmllint is missing: apt-get install libxml2-utils (npm test installs it when run as root)');
    throw new Error(`xmllint refused the file:\n${e.stderr}`);
  }
}

describe.each(CANVASES)('FCPXML on %s', (_, canvas) => {
  const timeline = mixedTimeline(canvas);
  const edit = buildCutList(timeline, MEDIA, { title: 'Interview <cut> & "final"' });

  describe.each(Object.entries(DTDS))('version %s', (format, dtd) => {
    const file = writeTemp('timeline.fcpxml', writeInterchange(edit, format as keyof typeof DTDS));

    test(`validates against Apple's ${dtd}`, () => {
      expect(validate(file, dtd)).toBe('');
    });

    test('reads back as the timeline: pieces, source ranges after the start timecode, speeds, length', () => {
      const read = readFcpxml(file);
      expectSameCuts(read.cuts, timeline, NAMES, RATES, read.durationSeconds);
    });
  });

  const file = writeTemp('timeline.fcpxml', writeInterchange(edit, 'fcpxml'));
  test('declares the sequence at the canvas size and rate, and each source at its own rate', () => {
    const frame = canvas.fps === 30 ? '1/30s' : '1001/30000s';
    expect(xpath(file, '//sequence/@format')).toEqual(['r1']);
    expect(xpath(file, '//format[@id="r1"]/@frameDuration')).toEqual([frame]);
    expect(xpath(file, '//format[@id="r1"]/@width').concat(xpath(file, '//format[@id="r1"]/@height'))).toEqual([String(canvas.width), String(canvas.height)]);
    expect(xpath(file, '//resources/format/@frameDuration').slice(1)).toEqual(['1001/24000s', '1/25s', '1001/30000s', '1/30s']);
  });

  test('starts each asset at its timecode: 01:00:00:00 at 23.976 is 86400 frames', () => {
    // 86400 * 1001/24000 s = 3603.6 s
    expect(xpath(file, '//asset[@name="interview 23.976.mov"]/@start')).toEqual(['18018/5s']);
    expect(xpath(file, '//asset[@name="b-roll 25.mp4"]/@start')).toEqual(['36000s']);
  });

  test('carries the music under the story with its level and fades, and the titles above it', () => {
    expect(xpath(file, '//asset-clip[@lane="-1"]/@name')).toEqual(['Song', 'Song']);
    expect(xpath(file, '//asset-clip[@lane="-1"]/adjust-volume/@amount')).toEqual(['-10.46dB', '-10.46dB']);
    // Fades are whole frames of the sequence: 30 frames at 29.97 fps last 1.001 s.
    const [oneSecond, twoSeconds] = canvas.fps === 30 ? ['1s', '2s'] : ['1001/1000s', '1001/500s'];
    expect(xpath(file, '//adjust-volume/param/fadeIn/@duration')).toEqual([oneSecond]);
    expect(xpath(file, '//adjust-volume/param/fadeOut/@duration')).toEqual([twoSeconds]);
    expect(xpath(file, '//title/text/text-style/text()')).toEqual(['Urban <Dreams> & more', 'Second line', 'of a caption']);
  });

  test('refers to sources by file name, relative to the exported file', () => {
    expect(xpath(file, '//media-rep/@src').map(decodeURIComponent)).toEqual(MEDIA.map((m) => `./${m.name}`));
  });
});

test('a still and a library track still make a valid FCPXML 1.10', () => {
  const still = { id: 'photo', name: 'photo.png', probe: { ...MEDIA[3].probe, kind: 'image' as const, fps: null, duration: 0, hasAudio: false, startTimecode: null } };
  const timeline = mixedTimeline({ width: 1080, height: 1920, fps: 30 }, {
    video: [{ id: 'p', sourceId: 'photo', in: 0, out: 3 }, { id: 'c', sourceId: 'cam25', in: 1, out: 2 }],
    audio: [{ id: 'm', name: 'Lo-fi Morning', source: { kind: 'library', trackId: 'lofi' } }],
  });
  const edit = buildCutList(timeline, [...MEDIA, still], { title: 'Still', extraAudio: [{ key: 'library:lofi', fileName: 'Lo-fi Morning.wav', durationSeconds: 30 }] });
  expect(edit.sources.map((s) => s.fileName)).toEqual(['photo.png', 'b-roll 25.mp4', 'Lo-fi Morning.wav']);
  expect(validate(writeTemp('still.fcpxml', writeInterchange(edit, 'fcpxml')), DTDS.fcpxml)).toBe('');
});
