import { describe, expect, it } from 'vitest';
import { parseProgressBlock } from '@/lib/engine/ffmpeg/runFfmpeg';

describe("reading ffmpeg's -progress output", () => {
  it('takes out_time_us and the continue/end marker', () => {
    const block = 'frame=120\nfps=60.0\nout_time_us=4000000\nout_time_ms=4000000\nout_time=00:00:04.000000\nspeed=2x\nprogress=continue\n';
    expect(parseProgressBlock(block)).toEqual({ outTimeSeconds: 4, done: false });
    expect(parseProgressBlock('out_time_us=12500000\nprogress=end\n')).toEqual({ outTimeSeconds: 12.5, done: true });
  });

  it('ignores N/A times at the start', () => {
    expect(parseProgressBlock('out_time_us=N/A\nout_time_ms=N/A\nprogress=continue\n')).toBeNull();
  });
});
