import { describe, expect, it } from 'vitest';
import { checkJoinedStreams, copiedPacketProblems, frameSpacingProblems, lumaPsnr, parseFrameMd5 } from '@/lib/engine/render/smart/verifyJoined';

/** ffprobe's answer for a joined file: 1/90000 picture ticks, `pts` in presentation order given. */
function probed(pts: number[], opts: { audioStart?: number; dts?: number[] } = {}) {
  const dts = opts.dts ?? pts.map((_, i) => i * 3000 - 6000);
  return {
    streams: [
      { index: 0, codec_type: 'video', profile: 'High', pix_fmt: 'yuv420p', width: 1920, height: 1080, time_base: '1/90000', start_time: '0.000000' },
      { index: 1, codec_type: 'audio', time_base: '1/48000', start_time: String(opts.audioStart ?? 0) },
    ],
    packets: pts.map((p, i) => ({ stream_index: 0, pts: p, dts: dts[i] })),
  };
}
const expected = { frames: 5, fps: 30, width: 1920, height: 1080 };

describe('checks on the joined file', () => {
  it('passes five frames one frame apart, sound starting with the picture', () => {
    expect(checkJoinedStreams(probed([0, 6000, 3000, 9000, 12000]), expected)).toEqual([]);
  });

  it('finds a frame shown twice, a frame missing, and decode times going backwards', () => {
    expect(checkJoinedStreams(probed([0, 3000, 3000, 9000, 12000]), expected)).toEqual(['a frame is shown twice after frame 1', 'a frame is missing after frame 2']);
    expect(checkJoinedStreams(probed([0, 3000, 9000, 12000]), expected)).toEqual(['4 frames instead of 5', 'a frame is missing after frame 1']);
    expect(checkJoinedStreams(probed([0, 3000, 6000, 9000, 12000], { dts: [0, 3000, 2000, 9000, 12000] }), expected)).toEqual(['decode timestamps go backwards at packet 2']);
  });

  it('finds sound that starts more than a frame away from the picture', () => {
    expect(checkJoinedStreams(probed([0, 3000, 6000, 9000, 12000], { audioStart: 0.05 }), expected)).toEqual(['picture starts at 0s, sound at 0.05s']);
  });

  it('allows the one-tick wobble of a rate that is not a whole number of ticks', () => {
    expect(frameSpacingProblems([0, 20, 40, 61, 81], 20.02)).toEqual([]);
  });

  it('measures PSNR: identical frames are infinite, one level off everywhere is 48 dB', () => {
    const a = new Uint8Array([10, 20, 30, 40]);
    expect(lumaPsnr(a, a)).toBe(Infinity);
    expect(lumaPsnr(a, new Uint8Array([11, 21, 31, 41]))).toBeCloseTo(48.13, 2);
  });
});

describe('copied packets against the joined file', () => {
  // Real framemd5 output of ffmpeg 5.1 (stream copy through filter_units), header and all.
  const FRAMEMD5 = [
    '#format: frame checksums',
    '#version: 2',
    '#hash: MD5',
    '#tb 0: 1/15360',
    '#stream#, dts,        pts, duration,     size, hash',
    '0,      -4096,      -3072,      512,     4153, 08a93818c25e725abd23efc5d0832be8',
    '0,      -3584,      -1024,      512,     1984, a2019b5e37fbdbd09d77aca428fbd7c6',
    '0,      -3072,      -2048,      512,      708, c73b3acb1b5a1839117c1a8a1d2403e6',
    '',
  ].join('\n');

  it('reads size and hash per packet, in decode order, skipping the header', () => {
    expect(parseFrameMd5(FRAMEMD5)).toEqual(['4153:08a93818c25e725abd23efc5d0832be8', '1984:a2019b5e37fbdbd09d77aca428fbd7c6', '708:c73b3acb1b5a1839117c1a8a1d2403e6']);
  });

  it('passes runs whose packets sit at their output frames', () => {
    expect(copiedPacketProblems(['e0', 'e1', 'c0', 'c1', 'c2', 'e2', 'd0'], [{ startFrame: 2, hashes: ['c0', 'c1', 'c2'] }, { startFrame: 6, hashes: ['d0'] }])).toEqual([]);
  });

  it('finds a packet lost, doubled, altered or out of place at a join', () => {
    const run = [{ startFrame: 2, hashes: ['c0', 'c1', 'c2'] }];
    expect(copiedPacketProblems(['e0', 'e1', 'c0', 'c2', 'e2'], run)).toEqual(["frame 3 is not the source's own copied picture"]);
    expect(copiedPacketProblems(['e0', 'e1', 'c0', 'c0', 'c1', 'c2'], run)).toEqual(["frame 3 is not the source's own copied picture"]);
    expect(copiedPacketProblems(['e0', 'e1', 'c0', 'cX', 'c2'], run)).toEqual(["frame 3 is not the source's own copied picture"]);
    expect(copiedPacketProblems(['e0', 'c0', 'c1', 'c2', 'e1'], run)).toEqual(["frame 2 is not the source's own copied picture"]);
    expect(copiedPacketProblems(['e0', 'e1', 'c0', 'c1'], run)).toEqual(["frame 4 is not the source's own copied picture"]);
  });

  it('refuses a copied run with no packets hashed (its hash file came out empty)', () => {
    expect(copiedPacketProblems(['e0'], [{ startFrame: 0, hashes: [] }])).toEqual(['a copied run starting at frame 0 has no packets']);
  });
});
