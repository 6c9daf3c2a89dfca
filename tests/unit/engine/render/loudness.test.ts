import { describe, expect, it } from 'vitest';
import { loudnessStep, loudnormFilter, measureLoudnessArgs, parseEbur128Summary, parseLoudnormJson } from '@/lib/engine/render/loudness';

// Tails of real ffmpeg output (5.1 and the 4.x npm build print these blocks the same way).
const LOUDNORM_STDERR = `size=N/A time=00:00:12.01 bitrate=N/A speed=56.8x
[Parsed_loudnorm_42 @ 0x5628a3ff2800] 
{
	"input_i" : "-20.57",
	"input_tp" : "-6.23",
	"input_lra" : "12.40",
	"input_thresh" : "-32.74",
	"output_i" : "-13.80",
	"output_tp" : "-5.21",
	"output_lra" : "0.00",
	"output_thresh" : "-23.80",
	"normalization_type" : "dynamic",
	"target_offset" : "-1.19"
}
`;
const EBUR128_STDERR = `video:0kB audio:2252kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown
[Parsed_ebur128_0 @ 0x561eaec65b80] Summary:

  Integrated loudness:
    I:         -14.0 LUFS
    Threshold: -24.2 LUFS

  Loudness range:
    LRA:         7.1 LU
    Threshold: -35.4 LUFS
    LRA low:   -20.7 LUFS
    LRA high:  -13.6 LUFS

  True peak:
    Peak:       -4.4 dBFS
`;

describe('loudness normalisation', () => {
  it('targets -14 LUFS for social video, -16 for podcasts, nothing when off', () => {
    expect(loudnessStep('social')).toEqual({ integratedLufs: -14, measured: null });
    expect(loudnessStep('podcast')).toEqual({ integratedLufs: -16, measured: null });
    expect(loudnessStep('off')).toBeNull();
  });

  it('measures in the first pass and applies the measured values in the second, back at 48 kHz', () => {
    const step = loudnessStep('social');
    expect(loudnormFilter(step, true)).toEqual(['loudnorm=I=-14:TP=-1.5:LRA=11:print_format=json']);
    const measured = parseLoudnormJson(LOUDNORM_STDERR);
    expect(measured).toEqual({ input_i: -20.57, input_tp: -6.23, input_lra: 12.4, input_thresh: -32.74, target_offset: -1.19 });
    expect(loudnormFilter({ integratedLufs: -16, measured }, false)).toEqual([
      'loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-20.57:measured_TP=-6.23:measured_LRA=12.4:measured_thresh=-32.74:offset=-1.19:linear=true:print_format=none',
      'aresample=48000',
    ]);
    expect(loudnormFilter(null, false)).toEqual([]);
  });

  it('applies one steady gain by volume where the peaks and the loudness range allow it, loudnorm where a limiter is needed', () => {
    const m = { input_i: -16.67, input_tp: -4.14, input_lra: 0.9, input_thresh: -26.72, target_offset: 0.11 };
    // commentary.mp3's first pass: +2.67 dB puts its true peak at -1.47 dBTP, over the -1.5 ceiling.
    expect(loudnormFilter({ integratedLufs: -14, measured: m }, false)).toEqual([
      'loudnorm=I=-14:TP=-1.5:LRA=11:measured_I=-16.67:measured_TP=-4.14:measured_LRA=0.9:measured_thresh=-26.72:offset=0.11:linear=true:print_format=none',
      'aresample=48000',
    ]);
    // For podcasts +0.67 dB is enough: peaks at -3.47 dBTP, so a plain gain, no 192 kHz round trip.
    expect(loudnormFilter({ integratedLufs: -16, measured: m }, false)).toEqual(['volume=0.67dB']);
    // Exactly at the ceiling still fits; a quieter source may need a cut.
    expect(loudnormFilter({ integratedLufs: -14, measured: { ...m, input_i: -20, input_tp: -7.5 } }, false)).toEqual(['volume=6dB']);
    expect(loudnormFilter({ integratedLufs: -14, measured: { ...m, input_i: -10.5, input_tp: -0.2 } }, false)).toEqual(['volume=-3.5dB']);
    // Peaks allow it but the range is wider than LRA: loudnorm, as its own linear mode would refuse too.
    expect(loudnormFilter({ integratedLufs: -14, measured: { ...m, input_i: -20, input_tp: -9, input_lra: 11.5 } }, false)[0]).toMatch(/^loudnorm=/);
  });

  it('leaves silence alone: there is nothing to bring up', () => {
    const silent = { input_i: -99, input_tp: -99, input_lra: 0, input_thresh: -70, target_offset: 0 };
    expect(loudnormFilter({ integratedLufs: -14, measured: silent }, false)).toEqual([]);
    expect(parseLoudnormJson('{"input_i" : "-inf", "input_tp" : "-inf", "input_lra" : "0.00", "input_thresh" : "-70.00", "target_offset" : "0.00"}')?.input_i).toBe(-99);
    expect(parseLoudnormJson('no json here')).toBeNull();
  });

  it("reads the finished file's integrated loudness and true peak from ebur128's summary", () => {
    expect(measureLoudnessArgs('/x/out.mp4')).toEqual(['-i', '/x/out.mp4', '-map', '0:a:0', '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-']);
    expect(parseEbur128Summary(EBUR128_STDERR)).toEqual({ integratedLufs: -14, truePeakDb: -4.4 });
    expect(parseEbur128Summary('Summary:\n I: -70.0 LUFS\n True peak:\n Peak: -inf dBFS')).toEqual({ integratedLufs: -70, truePeakDb: -99 });
    expect(parseEbur128Summary('nothing')).toBeNull();
  });
});
