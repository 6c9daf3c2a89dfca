// Where the joined file is decoded for its check: the encoded runs and the GOPs on both sides of every join, not the copied GOPs between them.
import type { Run } from './planRuns';
import { PACKET_HASH_BSF, seekSeconds } from './copyRunArgs';

/** A stretch of output frames decoded on its own, from a keyframe of the joined file. */
export interface DecodeWindow {
  startFrame: number;
  frames: number;
}

/** Output frame where a copy run's first GOP ends (the run's second cut point, or the run's end). */
function firstGopEnd(run: Extract<Run, { kind: 'copy' }>, cutFrames: number[]): number {
  const next = cutFrames.find((c) => c > run.sourceFrame && c < run.sourceFrame + run.frames);
  return run.startFrame + (next === undefined ? run.frames : next - run.sourceFrame);
}

/** Output frame where a copy run's last GOP starts (the run's last cut point). */
function lastGopStart(run: Extract<Run, { kind: 'copy' }>, cutFrames: number[]): number {
  let last = run.sourceFrame;
  for (const c of cutFrames) if (c >= run.sourceFrame && c < run.sourceFrame + run.frames) last = Math.max(last, c);
  return run.startFrame + (last - run.sourceFrame);
}

/**
 * The windows a decode must cover so that every frame a join can affect is decoded as a player
 * decodes it: each encoded run whole, and on the copied side of each join the GOP that touches it
 * (the last one before, the first one after), from its keyframe. Copied GOPs in between are the
 * source's own packets from an IDR (proven by packet hashes and the IDR check), which decode as
 * they do in the source. Overlapping or touching windows are merged into one decode.
 */
export function decodeWindows(runs: Run[], cutFramesOf: (sourceId: string) => number[]): DecodeWindow[] {
  const spans: [number, number][] = [];
  for (let i = 1; i < runs.length; i++) {
    const [prev, cur] = [runs[i - 1], runs[i]];
    const from = prev.kind === 'copy' ? lastGopStart(prev, cutFramesOf(prev.sourceId)) : prev.startFrame;
    const to = cur.kind === 'copy' ? firstGopEnd(cur, cutFramesOf(cur.sourceId)) : cur.startFrame + cur.frames;
    spans.push([from, to]);
  }
  // A timeline of one encoded run has no join; the planner never sends it here, but decode it whole.
  if (runs.length === 1 && runs[0].kind === 'encode') spans.push([0, runs[0].frames]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged.map(([from, to]) => ({ startFrame: from, frames: to - from }));
}

/** Output frames the windows decode, for the cost estimate. */
export const windowFrames = (windows: DecodeWindow[]) => windows.reduce((n, w) => n + w.frames, 0);

const sixDecimals = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * One window decoded from its keyframe. The seek lands half a frame into the window's first frame
 * and `-noaccurate_seek` keeps everything from the keyframe at or before it, i.e. from exactly
 * that frame (a keyframe: an IDR of an encoded run or a copied GOP). `trim` stops the decode at
 * the window's end. Join frames are picked by their own timestamps (`-copyts`), not by counting,
 * so a seek that landed anywhere else cannot pass another frame off as the join frame: it is
 * missing from the output, which the check counts. Errors are printed at `-v error`.
 */
export function buildWindowDecodeArgs(file: string, window: DecodeWindow, joinFrames: number[], timing: { fps: number; startSeconds: number }, rawOut: string): string[] {
  const { fps, startSeconds } = timing;
  const at = (frame: number) => startSeconds + frame / fps;
  const select = joinFrames.map((n) => `lt(abs(t-${sixDecimals(at(n))})\\,${sixDecimals(0.5 / fps)})`).join('+');
  return [
    '-v', 'error', '-copyts', '-noaccurate_seek', '-ss', seekSeconds(at(window.startFrame + 0.5)), '-i', file,
    '-filter_complex', `[0:v:0]trim=end_frame=${window.frames},select='${select}',format=gray[joins]`,
    '-map', '[joins]', '-vsync', '0', '-f', 'rawvideo', rawOut,
  ];
}

/**
 * The joined file's packets hashed as the copy runs hashed theirs (no picture decoded: the copied
 * runs are checked by their bytes), and its sound decoded whole (cheap, and it is one pass).
 */
export function buildPacketHashPassArgs(file: string, hashOut: string): string[] {
  return [
    '-v', 'error', '-i', file,
    '-map', '0:a:0', '-f', 'null', '-',
    '-map', '0:v:0', '-c:v', 'copy', '-bsf:v', PACKET_HASH_BSF, '-f', 'framemd5', hashOut,
  ];
}

/** framemd5's first packet's presentation time, or null when it lists none. */
export function firstPacketPts(text: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const fields = line.split(',').map((f) => f.trim());
    return fields.length >= 6 ? Number(fields[2]) : null;
  }
  return null;
}

/**
 * A copied run must start on an IDR picture: only an IDR empties the decoder's reference list, so
 * only then do the run's identical packets decode to the source's own pictures whatever came
 * before them in the joined file. A keyframe that is a plain I picture (some encoders mark those
 * as sync samples) may leave later pictures referring back past it. The copy run lists its
 * packets (`hashes`) and the first packet holding IDR slices (`idr`); they must be the same one.
 */
export function idrProblems(copies: { startFrame: number; hashes: string; idr: string }[]): string[] {
  for (const { startFrame, hashes, idr } of copies) {
    const first = firstPacketPts(hashes);
    if (first === null || firstPacketPts(idr) !== first) return [`the copied run starting at frame ${startFrame} does not start on an IDR picture`];
  }
  return [];
}
