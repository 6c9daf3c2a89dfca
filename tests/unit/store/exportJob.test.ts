// Export job state is read through one discriminated union; rows from before the backend tag are tagged by shape.
import { describe, expect, it } from 'vitest';
import { parseExportJob } from '@/lib/store/exportJob';

describe('parseExportJob', () => {
  it('keeps tagged local and NemoVideo states', () => {
    expect(parseExportJob({ backend: 'local', pid: 42 })).toEqual({ backend: 'local', pid: 42 });
    expect(parseExportJob({ backend: 'nemo', renderId: 'render_1', lastPollAt: 5 })).toEqual({ backend: 'nemo', renderId: 'render_1', lastPollAt: 5 });
  });

  it('tags rows written before the tag existed by their shape', () => {
    expect(parseExportJob({ pid: 7 })).toEqual({ backend: 'local', pid: 7 });
    expect(parseExportJob({ renderId: 'render_2', lastPollAt: 9, outputUrl: 'https://x.test/a.mp4' })).toEqual({
      backend: 'nemo',
      renderId: 'render_2',
      lastPollAt: 9,
      outputUrl: 'https://x.test/a.mp4',
    });
  });

  it('reads nothing, or a state that fits no backend, as no state', () => {
    expect(parseExportJob(null)).toBeNull();
    expect(parseExportJob({ backend: 'nemo' })).toBeNull();
    expect(parseExportJob({ backend: 'elsewhere', renderId: 'r' })).toBeNull();
  });
});
