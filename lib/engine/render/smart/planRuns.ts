// The fast-export planner: splits the output's frames into runs copied from a source's GOPs and runs to encode.
import { segmentFrames } from '@/lib/engine/timeline/duration';
import type { Timeline } from '@/lib/engine/timeline/schema';
import type { OutputSize } from '../outputFormat';
import { decodeWindows, windowFrames } from './checkWindows';
import { copyRefusal, joinFormatOf, sameJoinFormat, type JoinFormat, type SmartSource } from './copyEligibility';

/** Part of an encode run: exact frames of a copyable source, or a whole segment through the full render's chain. */
export type Piece =
  | { kind: 'frames'; segmentIndex: number; sourceId: string; sourceFrame: number; frames: number }
  | { kind: 'segment'; segmentIndex: number; frames: number };

export type Run =
  | { kind: 'copy'; startFrame: number; frames: number; sourceId: string; sourceFrame: number }
  | { kind: 'encode'; startFrame: number; frames: number; pieces: Piece[] };

export type SmartPlan =
  | { path: 'smart'; runs: Run[]; totalFrames: number; copiedFrames: number; join: JoinFormat }
  | { path: 'full'; reason: string };

export interface SmartPlanInput {
  timeline: Timeline;
  out: OutputSize;
  /** Sources of the main-track segments, by media id. */
  sources: Record<string, SmartSource>;
  /** Output spans something is drawn over (titles, captions), in seconds, ends included. */
  overlays: { start: number; end: number }[];
  /** Full when the copy would not save enough work (see smartCostShare); off for callers that want every eligible copy. */
  onlyWhenFaster?: boolean;
}

/**
 * What a fast export costs, in frames of the full render's single pass (CPU, 1080p H.264, measured with
 * `npm run bench -- export smartExport`): an encoded frame costs more than in the single pass (each run
 * decodes from its keyframe and starts its own encoder), the check decodes the encoded runs again with
 * the copied GOPs at each join (decodeWindows), and each run adds a process, a seek and a join check.
 */
export const SMART_COST = { encodedFrame: 1.3, checkedFrame: 0.15, run: 45 } as const;
/** A fast export is taken only when it should need at most this share of the full render's work. */
export const MAX_SMART_COST_SHARE = 0.75;

/** The estimated cost of the runs as a share of encoding every frame once; `checkedFrames`: frames the check decodes. */
export function smartCostShare(runs: Run[], totalFrames: number, checkedFrames: number): number {
  const encoded = runs.reduce((n, r) => n + (r.kind === 'encode' ? r.frames : 0), 0);
  const cost = encoded * SMART_COST.encodedFrame + checkedFrames * SMART_COST.checkedFrame + runs.length * SMART_COST.run;
  return cost / totalFrames;
}

/**
 * Below this share of copied frames the encode runs, the joins and the checks cost about as
 * much as encoding everything, and the full render's single pass is the better file.
 */
export const MIN_COPIED_SHARE = 0.2;

/** The first frame at or after `in`: what input seeking to `in` keeps (a frame exactly at `in` counts). */
export function firstFrameAt(inSeconds: number, firstFrameSeconds: number, fps: number): number {
  return Math.max(0, Math.ceil((inSeconds - firstFrameSeconds) * fps - 1e-6));
}

interface Placed {
  index: number;
  startFrame: number;
  frames: number;
  /** Source frame shown at startFrame, when the segment's frames can be taken one for one. */
  sourceFrame: number | null;
}

/** Output frames nothing may be copied under: overlays and timeline fades (ends rounded outwards). */
function blockedFrames(input: SmartPlanInput, total: number): Uint8Array {
  const { fps } = input.out;
  const blocked = new Uint8Array(total);
  const block = (from: number, to: number) => blocked.fill(1, Math.max(0, from), Math.min(total, to));
  for (const o of input.overlays) block(Math.floor(o.start * fps), Math.ceil(o.end * fps) + 1);
  const { fadeInSeconds, fadeOutSeconds } = input.timeline;
  if (fadeInSeconds > 0) block(0, Math.ceil(fadeInSeconds * fps) + 1);
  if (fadeOutSeconds > 0) block(total - Math.ceil(fadeOutSeconds * fps) - 1, total);
  return blocked;
}

export function planRuns(input: SmartPlanInput): SmartPlan {
  const { timeline, out, sources } = input;
  let cursor = 0;
  let join: JoinFormat | null = null;
  let firstRefusal: string | null = null;
  const placed: Placed[] = timeline.video.map((segment, index) => {
    const frames = segmentFrames(segment, out.fps);
    const at = cursor;
    cursor += frames;
    const source = sources[segment.sourceId];
    let refusal = source ? copyRefusal(source, out) : 'a clip has no media';
    const vi = source?.videoIndex;
    if (!refusal && vi && join && !sameJoinFormat(join, joinFormatOf(vi))) refusal = `"${source.name}" is encoded differently from the clip copied first`;
    if (!refusal && segment.speed !== 1) refusal = 'a clip plays at another speed';
    let sourceFrame: number | null = null;
    if (!refusal && vi) {
      sourceFrame = firstFrameAt(segment.in, vi.firstFrameSeconds, out.fps);
      // Past the source's last frame the full render repeats it; that needs encoding.
      if (sourceFrame + frames > vi.frameCount) sourceFrame = null;
      else join ??= joinFormatOf(vi);
    }
    firstRefusal ??= refusal;
    return { index, startFrame: at, frames, sourceFrame };
  });
  const total = cursor;
  if (total === 0) return { path: 'full', reason: 'the timeline is empty' };
  const blocked = blockedFrames(input, total);

  const copies: Run[] = [];
  for (const p of placed) {
    if (p.sourceFrame === null) continue;
    const segment = timeline.video[p.index];
    const vi = sources[segment.sourceId].videoIndex!;
    const first = p.sourceFrame;
    const last = first + p.frames; // exclusive
    const cuts = [...vi.cutFrames.filter((c) => c >= first && c <= last), ...(vi.frameCount <= last ? [vi.frameCount] : [])];
    const unique = [...new Set(cuts)].sort((a, b) => a - b);
    for (let i = 0; i + 1 < unique.length; i++) {
      const [a, b] = [unique[i], unique[i + 1]];
      const from = p.startFrame + (a - first);
      if (blocked.subarray(from, from + (b - a)).some((x) => x === 1)) continue;
      const prev = copies[copies.length - 1];
      if (prev?.kind === 'copy' && prev.sourceId === segment.sourceId && prev.startFrame + prev.frames === from && prev.sourceFrame + prev.frames === a) {
        prev.frames += b - a;
      } else {
        copies.push({ kind: 'copy', startFrame: from, frames: b - a, sourceId: segment.sourceId, sourceFrame: a });
      }
    }
  }
  const copiedFrames = copies.reduce((n, r) => n + r.frames, 0);
  if (copiedFrames === 0 || !join) {
    return { path: 'full', reason: firstRefusal ?? 'no whole stretch between keyframes is left untouched (titles, fades or cuts cover them all)' };
  }
  if (copiedFrames < total * MIN_COPIED_SHARE) {
    return { path: 'full', reason: `only ${Math.round((copiedFrames / total) * 100)}% of the frames could be copied` };
  }

  const runs: Run[] = [];
  let frame = 0;
  for (const copy of [...copies, null]) {
    const gapEnd = copy ? copy.startFrame : total;
    if (gapEnd > frame) runs.push({ kind: 'encode', startFrame: frame, frames: gapEnd - frame, pieces: piecesOf(placed, timeline, frame, gapEnd) });
    if (copy) {
      runs.push(copy);
      frame = copy.startFrame + copy.frames;
    }
  }
  const checked = windowFrames(decodeWindows(runs, (id) => sources[id]?.videoIndex?.cutFrames ?? []));
  const share = smartCostShare(runs, total, checked);
  if (input.onlyWhenFaster && share > MAX_SMART_COST_SHARE) {
    return {
      path: 'full',
      reason: `a fast export would not be faster here (${runs.length} runs to join, about ${Math.round(share * 100)}% of the full render's work)`,
    };
  }
  return { path: 'smart', runs, totalFrames: total, copiedFrames, join };
}

/** The segments' frames in [from, to): exact source frames where the segment allows it, whole segments otherwise. */
function piecesOf(placed: Placed[], timeline: Timeline, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  for (const p of placed) {
    const start = Math.max(from, p.startFrame);
    const end = Math.min(to, p.startFrame + p.frames);
    if (end <= start) continue;
    if (p.sourceFrame === null) {
      // Only copyable segments are ever split: any other lies wholly inside one encode run.
      if (start !== p.startFrame || end !== p.startFrame + p.frames) throw new Error(`segment ${p.index} was split but cannot be taken frame for frame`);
      pieces.push({ kind: 'segment', segmentIndex: p.index, frames: p.frames });
    } else {
      pieces.push({
        kind: 'frames',
        segmentIndex: p.index,
        sourceId: timeline.video[p.index].sourceId,
        sourceFrame: p.sourceFrame + (start - p.startFrame),
        frames: end - start,
      });
    }
  }
  return pieces;
}
