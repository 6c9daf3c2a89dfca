import { describe, expect, test, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { buildCutList } from '@/lib/engine/interchange/cutList';
import { writeInterchange } from '@/lib/engine/interchange/writeInterchange';
import { expectSameCuts } from '../../../helpers/interchange/cutListReading';
import { parseEdl, readEdlCuts } from '../../../helpers/interchange/readEdl';
import { readFcp7 } from '../../../helpers/interchange/readFcp7';
import { writeTemp } from '../../../helpers/interchange/writeTemp';
import { xpath } from '../../../helpers/interchange/xpath';
import { CANVASES, MEDIA, NAMES, RATES, mixedTimeline } from './fixtures';

vi.setConfig({ testTimeout: 60_000 });

describe.each(CANVASES)('FCP7 XML on %s', (_, canvas) => {
  const timeline = mixedTimeline(canvas);
  const file = writeTemp('timeline.xml', writeInterchange(buildCutList(timeline, MEDIA, { title: 'Cut & "print"' }), 'fcp7'));

  test('is well-formed xmeml version 5 with a <format> (Resolve ignores sequences without one)', () => {
    expect(execFileSync('xmllint', ['--noout', file], { encoding: 'utf8' })).toBe('');
    expect(xpath(file, '/xmeml/@version')).toEqual(['5']);
    expect(xpath(file, '/xmeml/sequence/media/video/format/samplecharacteristics/width/text()')).toEqual([String(canvas.width)]);
  });

  test('reads back as the timeline, on the picture track and the sound track alike', () => {
    for (const track of ['video', 'audio'] as const) {
      const read = readFcp7(file, track);
      expectSameCuts(read.cuts, timeline, NAMES, RATES, read.durationSeconds);
      expect(read.sequenceFps).toBeCloseTo(canvas.fps, 2);
      expect([read.width, read.height]).toEqual([canvas.width, canvas.height]);
    }
  });

  test("gives each file its start timecode as it counts it (drop-frame stays drop-frame)", () => {
    expect(xpath(file, '//file[name]/timecode/string/text()')).toEqual(['01:00:00:00', '10:00:00:00', '00:59:58;00', '00:00:00:00', '00:00:00:00']);
    expect(xpath(file, '//file[name]/timecode/displayformat/text()')).toEqual(['NDF', 'NDF', 'DF', 'NDF', 'NDF']);
  });

  test('puts the music on a second sound track and the titles on markers', () => {
    expect(xpath(file, '/xmeml/sequence/media/audio/track[2]/clipitem/name/text()')).toEqual(['Song', 'Song']);
    expect(xpath(file, '/xmeml/sequence/marker/comment/text()')).toEqual(['title', 'caption']);
  });
});

describe.each(CANVASES)('CMX 3600 EDL on %s', (_, canvas) => {
  const timeline = mixedTimeline(canvas);
  const text = writeInterchange(buildCutList(timeline, MEDIA, { title: 'Cut & "print" — 终' }), 'edl');
  const sources = Object.fromEntries(MEDIA.map((m) => [m.name.replace(/[^\x20-\x7e]/g, '_'), { fps: RATES[m.name], startTimecode: m.probe.startTimecode ?? null }]));

  test('holds only header, event, M2 and clip-name lines, in ASCII, ending in CRLF', () => {
    const edl = parseEdl(text);
    expect(edl.fcm).toBe('NON-DROP FRAME');
    expect(edl.title).toBe('Cut & "print" _ _');
    expect(edl.events.map((e) => e.number)).toEqual(edl.events.map((_, i) => i + 1));
  });

  test('reads back as the timeline, with source timecode at each source rate after its start', () => {
    expectSameCuts(readEdlCuts(text, canvas.fps === 30 ? 30 : 30000 / 1001, sources), timeline, NAMES, RATES);
  });

  test('has a stereo sound event for every picture event of a source with sound', () => {
    const events = parseEdl(text).events;
    expect(events.filter((e) => e.track === 'AA').map((e) => [e.sourceIn, e.recordIn])).toEqual(events.filter((e) => e.track === 'V').map((e) => [e.sourceIn, e.recordIn]));
  });
});
