import { describe, expect, it } from 'vitest';
import { MAX_DECODED_GAP_SECONDS, pieceWindow, planSourceReads } from '@/lib/engine/render/sourceReads';
import { MEDIA, timeline } from './fixtures';

const piece = (sourceId: string, from: number, to: number) => ({ id: `${sourceId}${from}`, sourceId, in: from, out: to });
const reads = (...video: ReturnType<typeof piece>[]) =>
  planSourceReads(timeline({ video }), MEDIA).map((r) => [r.sourceId, r.fromSeconds, r.toSeconds, r.positions]);

describe('one decoder per source file', () => {
  it('pieces of one source in source order (a pause cut) are one read, however many', () => {
    const video = Array.from({ length: 300 }, (_, i) => piece('talk', i * 2, i * 2 + 1.5));
    const planned = planSourceReads(timeline({ video }), MEDIA);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ sourceId: 'talk', kind: 'video', fromSeconds: 0, toSeconds: 599.5 });
    expect(planned[0].positions).toEqual(video.map((_, i) => i));
  });

  it('two sources taking turns keep one read each', () => {
    expect(reads(piece('talk', 0, 2), piece('phone', 0, 3), piece('talk', 4, 6), piece('phone', 5, 7))).toEqual([
      ['talk', 0, 6, [0, 2]],
      ['phone', 0, 7, [1, 3]],
    ]);
  });

  it('a piece that goes back in its source (reordered or repeated) opens a new read: nothing waits in memory for it', () => {
    expect(reads(piece('talk', 10, 12), piece('talk', 2, 4), piece('talk', 12, 13))).toEqual([
      ['talk', 10, 12, [0]],
      ['talk', 2, 13, [1, 2]],
    ]);
  });

  it('touching pieces (a split) share a read; a long gap is skipped by seeking instead of decoding', () => {
    expect(reads(piece('talk', 0, 5), piece('talk', 5, 9))).toEqual([['talk', 0, 9, [0, 1]]]);
    const far = 9 + MAX_DECODED_GAP_SECONDS + 1;
    expect(reads(piece('talk', 0, 9), piece('talk', far, far + 2))).toEqual([
      ['talk', 0, 9, [0]],
      ['talk', far, far + 2, [1]],
    ]);
  });

  it('every still is its own read', () => {
    expect(reads(piece('still', 0, 3), piece('still', 0, 3))).toEqual([
      ['still', 0, 0, [0]],
      ['still', 0, 0, [1]],
    ]);
  });

  it("places a piece in its read's frames at the canvas rate", () => {
    const t = timeline({ video: [piece('talk', 1, 3), piece('talk', 3.51, 5)] });
    const [read] = planSourceReads(t, MEDIA);
    expect(pieceWindow(t.video[1], read, 30)).toEqual({ startFrame: 75, frameCount: 45 });
  });
});
