import { describe, expect, it } from 'vitest';
import { decodeWindows, firstPacketPts, idrProblems, windowFrames } from '@/lib/engine/render/smart/checkWindows';
import type { Run } from '@/lib/engine/render/smart/planRuns';

const encode = (startFrame: number, frames: number): Run => ({ kind: 'encode', startFrame, frames, pieces: [] });
const copy = (startFrame: number, frames: number, sourceFrame = startFrame, sourceId = 'talk'): Run => ({ kind: 'copy', startFrame, frames, sourceId, sourceFrame });
/** Keyframes every 60 frames, as talk-1080p.mp4 has (2-s GOPs at 30 fps). */
const every60 = () => Array.from({ length: 30 }, (_, i) => i * 60);

describe('the frames the check decodes', () => {
  const cases: { name: string; runs: Run[]; windows: [number, number][] }[] = [
    {
      name: 'encoded runs whole, with the first copied GOP after and the last copied GOP before each join',
      // copy 45..164 has GOPs starting at 45, 60, 120; copy 231..290 has GOPs at 231, 240.
      runs: [encode(0, 45), copy(45, 120), encode(165, 66), copy(231, 60), encode(291, 27)],
      windows: [[0, 60], [120, 198]],
    },
    {
      name: 'a long copied stretch between two cuts: only its edge GOPs',
      // The copy shows source frames 60..1769: its first GOP is output 30..89, its last 1710..1739.
      runs: [encode(0, 30), copy(30, 1710, 60), encode(1740, 60)],
      windows: [[0, 90], [1710, 90]],
    },
    {
      name: 'two copied runs joined directly: the last GOP of one and the first of the other',
      runs: [copy(0, 300, 0), copy(300, 300, 900)],
      windows: [[240, 120]],
    },
    {
      name: 'a copied run of one GOP between encoded runs: one window over all three',
      runs: [encode(0, 20), copy(20, 60, 120), encode(80, 40)],
      windows: [[0, 120]],
    },
  ];
  it.each(cases)('$name', ({ runs, windows }) => {
    const got = decodeWindows(runs, () => every60());
    expect(got.map((w) => [w.startFrame, w.frames])).toEqual(windows);
    expect(windowFrames(got)).toBe(windows.reduce((n, [, f]) => n + f, 0));
  });

  it('reads the copied GOP boundaries of each run from its own source', () => {
    const cuts: Record<string, number[]> = { a: [0, 60, 120, 180], b: [0, 25, 50, 75, 100] };
    expect(decodeWindows([copy(0, 180, 0, 'a'), copy(180, 100, 0, 'b')], (id) => cuts[id])).toEqual([{ startFrame: 120, frames: 85 }]);
  });
});

// framemd5 as ffmpeg 5.1 writes it for a copy run of talk-1080p.mp4 from 1.8 s (its packets, and
// the first packet holding an IDR slice), and for an open-GOP x264 file whose keyframe is a plain I picture.
const HEADER = '#format: frame checksums\n#version: 2\n#hash: MD5\n#tb 0: 1/15360\n#media_type 0: video\n#codec_id 0: h264\n#dimensions 0: 1920x1080\n#sar 0: 1/1\n#stream#, dts,        pts, duration,     size, hash\n';
const RUN = `${HEADER}0,      -1024,          0,      512,     4153, 08a93818c25e725abd23efc5d0832be8\n0,       -512,       2048,      512,     1984, a2019b5e37fbdbd09d77aca428fbd7c6\n`;
const RUN_IDR = `${HEADER}0,      -1024,          0,      512,     4153, 08a93818c25e725abd23efc5d0832be8\n`;

describe('copied runs start on an IDR picture', () => {
  it('reads the first packet\'s presentation time, none from a header alone', () => {
    expect(firstPacketPts(RUN)).toBe(0);
    expect(firstPacketPts(HEADER)).toBeNull();
  });

  it('accepts a run whose first packet is its first IDR', () => {
    expect(idrProblems([{ startFrame: 45, hashes: RUN, idr: RUN_IDR }])).toEqual([]);
  });

  it('refuses a run whose keyframe is not an IDR (nothing listed) or whose first IDR comes later', () => {
    expect(idrProblems([{ startFrame: 45, hashes: RUN, idr: HEADER }])).toEqual(['the copied run starting at frame 45 does not start on an IDR picture']);
    const later = `${HEADER}0,        512,       30720,      512,     4000, 0123456789abcdef0123456789abcdef\n`;
    expect(idrProblems([{ startFrame: 90, hashes: RUN, idr: later }])).toEqual(['the copied run starting at frame 90 does not start on an IDR picture']);
  });
});
