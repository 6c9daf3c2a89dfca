// Which ffmpeg input feeds which main-track pieces: one decoder per source file, not one per piece.
import { segmentFrames } from '@/lib/engine/timeline/duration';
import type { Timeline } from '@/lib/engine/timeline/schema';
import type { SegmentMedia } from './segmentFilters';

/**
 * One opened input: the source is decoded once from `fromSeconds` to `toSeconds` and its pieces
 * are cut from that one stream by frame and sample number. Pieces of a read are in source order
 * and do not overlap, so each frame is either used once or dropped, and nothing waits in memory
 * for a later piece. Plain data: a planner that copies unchanged stretches can split it further.
 */
export interface SourceRead {
  sourceId: string;
  kind: 'video' | 'audio' | 'image';
  fromSeconds: number;
  toSeconds: number;
  /** Positions on the main track (indexes into timeline.video), in timeline order. */
  positions: number[];
}

/**
 * A gap longer than this between two pieces opens a new input that seeks past it: decoding and
 * dropping a few seconds of pauses is cheaper than a second decoder, a long stretch is not.
 */
export const MAX_DECODED_GAP_SECONDS = 10;

/**
 * Groups the main track into reads. A piece joins the newest read of its source when it starts
 * at or after that read's last piece (within one frame) and within MAX_DECODED_GAP_SECONDS of it;
 * otherwise (reordered or repeated pieces, long gaps) it opens a new read. Images are one read each.
 */
export function planSourceReads(timeline: Timeline, media: Record<string, SegmentMedia>): SourceRead[] {
  const frame = 1 / timeline.canvas.fps;
  const reads: SourceRead[] = [];
  const open = new Map<string, SourceRead>();
  timeline.video.forEach((segment, k) => {
    const m = media[segment.sourceId];
    if (!m) return;
    const kind = m.probe.kind === 'image' ? 'image' : m.probe.kind === 'audio' ? 'audio' : 'video';
    const last = open.get(segment.sourceId);
    if (kind !== 'image' && last && segment.in >= last.toSeconds - frame && segment.in - last.toSeconds <= MAX_DECODED_GAP_SECONDS) {
      last.positions.push(k);
      last.toSeconds = Math.max(last.toSeconds, segment.out);
      return;
    }
    const read: SourceRead = { sourceId: segment.sourceId, kind, fromSeconds: kind === 'image' ? 0 : segment.in, toSeconds: kind === 'image' ? 0 : segment.out, positions: [k] };
    reads.push(read);
    if (kind !== 'image') open.set(segment.sourceId, read);
  });
  return reads;
}

/** Where a piece sits in its read's decoded stream, in frames of the canvas rate and in samples. */
export function pieceWindow(segment: Timeline['video'][number], read: SourceRead, fps: number): { startFrame: number; frameCount: number } {
  return { startFrame: Math.round((segment.in - read.fromSeconds) * fps), frameCount: segmentFrames(segment, fps) };
}
