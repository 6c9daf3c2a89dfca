import { describe, expect, it } from 'vitest';
import { parseStepTimes, StepTimes } from '@/lib/local/exports/stepTimes';

describe('export step times', () => {
  it('times steps in the job order, sums a step run twice, leaves out steps that did not run', async () => {
    let clock = 0;
    const times = new StepTimes(() => clock);
    times.add('wait', 0.0123);
    await times.time('picture', async () => {
      clock += 41_500;
    });
    await times.time('prepare', async () => {
      clock += 420;
    });
    await times.time('mux', async () => {
      clock += 300;
    });
    await times.time('mux', async () => {
      clock += 100;
    });
    expect(times.line()).toBe('wait=0.01s prepare=0.42s picture=41.50s mux=0.40s');
  });

  it('counts a failed step and passes its error on', async () => {
    let clock = 0;
    const times = new StepTimes(() => clock);
    await expect(
      times.time('sound', async () => {
        clock += 2_000;
        throw new Error('ffmpeg failed');
      }),
    ).rejects.toThrow('ffmpeg failed');
    expect(times.line()).toBe('sound=2.00s');
  });

  it('reads the steps back from the job log line, ignoring other numbers', () => {
    const line = '[render] export abc completed (full) in 62.31s: wait=0.01s prepare=0.42s music=3.10s picture=41.50s crf=20s mux=0.40s';
    expect(parseStepTimes(line.slice(line.indexOf(':')))).toEqual({ wait: 0.01, prepare: 0.42, music: 3.1, picture: 41.5, mux: 0.4 });
    expect(parseStepTimes('')).toEqual({});
  });
});
