import { describe, expect, it } from 'vitest';
import { checkJoinedStreams, frameSpacingProblems, lumaPsnr } from '@/lib/engine/render/smart/verifyJoined';

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
