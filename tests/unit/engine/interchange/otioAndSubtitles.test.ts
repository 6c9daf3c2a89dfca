import { describe, expect, test } from 'vitest';
import { parseSync } from 'subtitle';
import { buildCutList } from '@/lib/engine/interchange/cutList';
import { writeInterchange } from '@/lib/engine/interchange/writeInterchange';
import { expectSameCuts } from '../../../helpers/interchange/cutListReading';
import { readOtio } from '../../../helpers/interchange/readOtio';
import { CANVASES, MEDIA, NAMES, RATES, mixedTimeline } from './fixtures';

describe.each(CANVASES)('OpenTimelineIO on %s', (_, canvas) => {
  const timeline = mixedTimeline(canvas);
  const edit = buildCutList(timeline, MEDIA, { title: 'Cut' });
  const { tracks, cutsOf } = readOtio(writeInterchange(edit, 'otio'));

  test('reads back as the timeline on the picture and the voice tracks', () => {
    expect(tracks.map((t) => [t.name, t.kind])).toEqual([['V1', 'Video'], ['A1', 'Audio'], ['A2', 'Audio']]);
    expectSameCuts(cutsOf(tracks[0]), timeline, NAMES, RATES);
    expectSameCuts(cutsOf(tracks[1]), timeline, NAMES, RATES);
  });

  test('lays the looping song on its own track from 0.5 s to the end', () => {
    const music = cutsOf(tracks[2]);
    expect(music.map((c) => c.file)).toEqual(['song.mp3', 'song.mp3']);
    expect(music[0].recordIn).toBeCloseTo(Math.round(0.5 * canvas.fps) / canvas.fps, 4);
    expect(music[1].recordOut).toBeCloseTo(edit.durationFrames / (edit.rate.num / edit.rate.den), 4);
  });

  test('marks the titles on the picture track', () => {
    expect(tracks[0].markers.map((m) => m.name)).toEqual(['Urban <Dreams> & more', 'Second line\nof a caption']);
  });
});

describe.each(['srt', 'vtt'] as const)('%s', (format) => {
  const timeline = mixedTimeline({ width: 1080, height: 1920, fps: 30 }, {
    texts: [
      { id: 'a', text: 'Hello <there> & --> you', start: 0, end: 1.5 },
      { id: 'b', text: 'Two\n\nparagraphs', start: 2.25, end: 3.5, style: 'caption' },
      { id: 'c', text: 'Past the end', start: 1000, end: 1001 },
    ],
  });
  const text = writeInterchange(buildCutList(timeline, MEDIA, { title: 'Cut' }), format);

  // 2.25 s is frame 67.5 at 30 fps: the cue starts on frame 68, as the burnt-in title does.
  test('parses with the subtitle package into the cues the output shows, timed to the frame', () => {
    const cues = parseSync(text).filter((n) => n.type === 'cue').map((n) => n.data as { start: number; end: number; text: string });
    expect(cues.map((c) => [c.start, c.end])).toEqual([[0, 1500], [2267, 3500]]);
    expect(cues[1].text).toBe('Two\nparagraphs');
    expect(cues[0].text).toContain('Hello');
  });
});
