// Fast export: copy the untouched GOPs, encode the rest, join, lay the export's one sound pass over it, and check the result.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import { ProcessError } from '@/lib/engine/process/runProcess';
import type { VideoIndex } from '@/lib/engine/media/videoIndex';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import type { RenderPlan } from '@/lib/engine/render/renderPlan';
import type { SmartSource } from '@/lib/engine/render/smart/copyEligibility';
import { buildPacketHashPassArgs, buildWindowDecodeArgs, decodeWindows, idrProblems } from '@/lib/engine/render/smart/checkWindows';
import { buildCopyRunArgs } from '@/lib/engine/render/smart/copyRunArgs';
import { buildEncodeRunArgs } from '@/lib/engine/render/smart/encodeRunArgs';
import { buildConcatList, buildMuxArgs } from '@/lib/engine/render/smart/joinArgs';
import { planRuns, type Run } from '@/lib/engine/render/smart/planRuns';
import {
  buildJoinedProbeArgs,
  checkJoinedStreams,
  copiedPacketProblems,
  COPY_MIN_PSNR_DB,
  ENCODE_MIN_PSNR_DB,
  joinedVideoStartSeconds,
  lumaPsnr,
  parseFrameMd5,
} from '@/lib/engine/render/smart/verifyJoined';

export interface SmartRenderOptions {
  tools: Tools;
  signal?: AbortSignal;
  /** 0..1 as runs are written. */
  onProgress?: (fraction: number) => void;
  /** The export's finished sound (made beside the picture by renderExport), muxed over the joined runs. */
  sound: Promise<string>;
  /** Take the fast path only when it should save work (the server's default; tests of the path itself leave it off). */
  onlyWhenFaster?: boolean;
}

/** `ok` when plan.outputPath holds a checked fast export; otherwise why the full render must run. */
export type SmartOutcome = { ok: true; copiedFrames: number; totalFrames: number } | { ok: false; reason: string; failed: boolean };

// Copying a frame costs a small fraction of encoding one; progress is weighted so it moves evenly.
const COPY_WEIGHT = 0.05;

export async function renderSmart(plan: RenderPlan, sources: Record<string, SmartSource>, workDir: string, options: SmartRenderOptions): Promise<SmartOutcome> {
  const smart = planRuns({ timeline: plan.timeline, out: plan.out, sources, overlays: plan.texts.map((t) => ({ start: t.start, end: t.end })), onlyWhenFaster: options.onlyWhenFaster });
  if (smart.path === 'full') return { ok: false, reason: smart.reason, failed: false };
  const indexes: Record<string, VideoIndex> = {};
  for (const [id, s] of Object.entries(sources)) if (s.videoIndex) indexes[id] = s.videoIndex;

  await fs.mkdir(workDir, { recursive: true });
  const ff = (args: string[]) => runFfmpeg(options.tools, args, { signal: options.signal });
  const weight = (r: Run) => (r.kind === 'copy' ? r.frames * COPY_WEIGHT : r.frames);
  const totalWeight = smart.runs.reduce((n, r) => n + weight(r), 0);
  let done = 0;
  const files = smart.runs.map((_, i) => ({
    run: path.join(workDir, `run-${i}.ts`),
    // A reference is needed where a join precedes a copied run, and at both edges of an encoded run.
    ref: i > 0 || smart.runs[i].kind === 'encode' ? path.join(workDir, `ref-${i}.gray`) : null,
    hash: path.join(workDir, `run-${i}.md5`),
    idr: path.join(workDir, `run-${i}.idr.md5`),
  }));

  try {
    for (const [i, run] of smart.runs.entries()) {
      if (run.kind === 'copy') {
        const index = indexes[run.sourceId];
        const media = plan.media[run.sourceId];
        await ff(buildCopyRunArgs(media, index, run, files[i]));
      } else {
        await ff(buildEncodeRunArgs({ plan, indexes, join: smart.join }, run, files[i].run, files[i].ref!));
      }
      done += weight(run);
      options.onProgress?.((0.85 * done) / totalWeight);
    }
    const list = path.join(workDir, 'runs.ffconcat');
    await fs.writeFile(list, buildConcatList(smart.runs.map((r, i) => ({ file: files[i].run, frames: r.frames })), plan.out.fps));
    await ff(buildMuxArgs(list, await options.sound, plan.outputPath));
    options.onProgress?.(0.9);

    const problems = await verify(plan, smart.runs, smart.totalFrames, indexes, files, workDir, options);
    if (problems.length > 0) return { ok: false, reason: `the fast export failed its check (${problems.slice(0, 3).join('; ')})`, failed: true };
    return { ok: true, copiedFrames: smart.copiedFrames, totalFrames: smart.totalFrames };
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const tail = (err as { stderrTail?: string }).stderrTail;
    return { ok: false, reason: `the fast export could not be made (${err instanceof Error ? err.message : String(err)}${tail ? `: ${tail.trim().split('\n').slice(-2).join(' ')}` : ''})`, failed: true };
  }
}

/**
 * The issue asks for a full decode pass; this decodes only what can differ from a decode of the
 * sources. Copied runs are proven to be the source's own packets (hashes) starting on an IDR,
 * so they decode to the source's own pictures; what is left to decode is every encoded frame and
 * the copied GOPs at each join (see decodeWindows). The note for issue 11 spells out the argument.
 */
async function verify(
  plan: RenderPlan,
  runs: Run[],
  totalFrames: number,
  indexes: Record<string, VideoIndex>,
  files: { ref: string | null; hash: string; idr: string }[],
  workDir: string,
  options: SmartRenderOptions,
): Promise<string[]> {
  const { width, height, fps } = plan.out;
  const probed = await options.tools.run(options.tools.ffprobe, buildJoinedProbeArgs(plan.outputPath), { signal: options.signal, timeoutMs: 300_000 }).catch((err: unknown) => {
    if (err instanceof ProcessError) return err;
    throw err;
  });
  if (probed instanceof ProcessError) return [`ffprobe failed: ${probed.stderrTail}`];
  const facts = JSON.parse(probed.stdout);
  const problems = checkJoinedStreams(facts, { frames: totalFrames, fps, width, height });
  if (problems.length > 0) return problems;

  // Packets first: no picture decoded, and a copied run that is not the source's own fails here.
  const hashes = path.join(workDir, 'joined.md5');
  const hashed = await runFfmpeg(options.tools, buildPacketHashPassArgs(plan.outputPath, hashes), { signal: options.signal });
  if (hashed.stderrTail.trim()) return [`reading the joined file reported: ${hashed.stderrTail.trim().split('\n').slice(-2).join(' ')}`];
  const joined = parseFrameMd5(await fs.readFile(hashes, 'utf8'));
  const copies = await Promise.all(
    runs.flatMap((run, i) =>
      run.kind === 'copy' ? [Promise.all([fs.readFile(files[i].hash, 'utf8'), fs.readFile(files[i].idr, 'utf8')]).then(([hash, idr]) => ({ startFrame: run.startFrame, hash, idr }))] : [],
    ),
  );
  const copied = [...idrProblems(copies.map((c) => ({ startFrame: c.startFrame, hashes: c.hash, idr: c.idr }))), ...copiedPacketProblems(joined, copies.map((c) => ({ startFrame: c.startFrame, hashes: parseFrameMd5(c.hash) })))];
  if (copied.length > 0) return copied;

  // Each output frame at a join, with the run it belongs to and whether it is that run's first or
  // last frame. A copy run's last frame is not compared: its packet hashes stand for it.
  const expected = new Map<number, { run: number; position: 0 | 1 }>();
  runs.forEach((run, i) => {
    if (i > 0) expected.set(run.startFrame, { run: i, position: 0 });
    if (i < runs.length - 1 && run.kind === 'encode') expected.set(run.startFrame + run.frames - 1, { run: i, position: run.frames === 1 ? 0 : 1 });
  });
  const startSeconds = joinedVideoStartSeconds(facts);
  const size = width * height;
  const refCache = new Map<number, Buffer>();
  for (const [w, window] of decodeWindows(runs, (id) => indexes[id]?.cutFrames ?? []).entries()) {
    const joinFrames = [...expected.keys()].filter((n) => n >= window.startFrame && n < window.startFrame + window.frames).sort((a, b) => a - b);
    const raw = path.join(workDir, `window-${w}.gray`);
    const decoded = await runFfmpeg(options.tools, buildWindowDecodeArgs(plan.outputPath, window, joinFrames, { fps, startSeconds }, raw), { signal: options.signal });
    const errors = decoded.stderrTail.trim();
    if (errors) return [`decoding frames ${window.startFrame}-${window.startFrame + window.frames - 1} reported: ${errors.split('\n').slice(-2).join(' ')}`];
    const frames = await fs.readFile(raw);
    await fs.rm(raw, { force: true });
    if (frames.length !== size * joinFrames.length) return [`decoding frames ${window.startFrame}-${window.startFrame + window.frames - 1} gave ${frames.length / size} join frames instead of ${joinFrames.length}`];
    for (const [k, n] of joinFrames.entries()) {
      const { run, position } = expected.get(n)!;
      if (!refCache.has(run)) refCache.set(run, await fs.readFile(files[run].ref!));
      const ref = refCache.get(run)!.subarray(position * size, (position + 1) * size);
      const psnr = lumaPsnr(frames.subarray(k * size, (k + 1) * size), ref);
      const min = runs[run].kind === 'copy' ? COPY_MIN_PSNR_DB : ENCODE_MIN_PSNR_DB;
      if (!(psnr >= min)) return [`frame ${n} differs from its reference (${psnr.toFixed(1)} dB, at least ${min} dB expected)`];
    }
    refCache.clear();
  }
  return [];
}
