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
import { buildCopyReferenceArgs, buildCopyRunArgs } from '@/lib/engine/render/smart/copyRunArgs';
import { buildEncodeRunArgs } from '@/lib/engine/render/smart/encodeRunArgs';
import { buildConcatList, buildMuxArgs } from '@/lib/engine/render/smart/joinArgs';
import { planRuns, type Run } from '@/lib/engine/render/smart/planRuns';
import {
  buildDecodePassArgs,
  buildJoinedProbeArgs,
  checkJoinedStreams,
  copiedPacketProblems,
  COPY_MIN_PSNR_DB,
  ENCODE_MIN_PSNR_DB,
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
}

/** `ok` when plan.outputPath holds a checked fast export; otherwise why the full render must run. */
export type SmartOutcome = { ok: true; copiedFrames: number; totalFrames: number } | { ok: false; reason: string; failed: boolean };

// Copying a frame costs a small fraction of encoding one; progress is weighted so it moves evenly.
const COPY_WEIGHT = 0.05;

export async function renderSmart(plan: RenderPlan, sources: Record<string, SmartSource>, workDir: string, options: SmartRenderOptions): Promise<SmartOutcome> {
  const smart = planRuns({ timeline: plan.timeline, out: plan.out, sources, overlays: plan.texts.map((t) => ({ start: t.start, end: t.end })) });
  if (smart.path === 'full') return { ok: false, reason: smart.reason, failed: false };
  const indexes: Record<string, VideoIndex> = {};
  for (const [id, s] of Object.entries(sources)) if (s.videoIndex) indexes[id] = s.videoIndex;

  await fs.mkdir(workDir, { recursive: true });
  const ff = (args: string[]) => runFfmpeg(options.tools, args, { signal: options.signal });
  const weight = (r: Run) => (r.kind === 'copy' ? r.frames * COPY_WEIGHT : r.frames);
  const totalWeight = smart.runs.reduce((n, r) => n + weight(r), 0);
  let done = 0;
  const files = smart.runs.map((_, i) => ({ run: path.join(workDir, `run-${i}.ts`), ref: path.join(workDir, `ref-${i}.gray`), hash: path.join(workDir, `run-${i}.md5`) }));

  try {
    for (const [i, run] of smart.runs.entries()) {
      if (run.kind === 'copy') {
        const index = indexes[run.sourceId];
        const media = plan.media[run.sourceId];
        await ff(buildCopyRunArgs(media, index, run, files[i].run, files[i].hash));
        await ff(buildCopyReferenceArgs(media, index, run, files[i].ref));
      } else {
        await ff(buildEncodeRunArgs({ plan, indexes, join: smart.join }, run, files[i].run, files[i].ref));
      }
      done += weight(run);
      options.onProgress?.((0.85 * done) / totalWeight);
    }
    const list = path.join(workDir, 'runs.ffconcat');
    await fs.writeFile(list, buildConcatList(smart.runs.map((r, i) => ({ file: files[i].run, frames: r.frames })), plan.out.fps));
    await ff(buildMuxArgs(list, await options.sound, plan.outputPath));
    options.onProgress?.(0.9);

    const problems = await verify(plan, smart.runs, smart.totalFrames, files, workDir, options);
    if (problems.length > 0) return { ok: false, reason: `the fast export failed its check (${problems.slice(0, 3).join('; ')})`, failed: true };
    return { ok: true, copiedFrames: smart.copiedFrames, totalFrames: smart.totalFrames };
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const tail = (err as { stderrTail?: string }).stderrTail;
    return { ok: false, reason: `the fast export could not be made (${err instanceof Error ? err.message : String(err)}${tail ? `: ${tail.trim().split('\n').slice(-2).join(' ')}` : ''})`, failed: true };
  }
}

async function verify(plan: RenderPlan, runs: Run[], totalFrames: number, files: { ref: string; hash: string }[], workDir: string, options: SmartRenderOptions): Promise<string[]> {
  const { width, height, fps } = plan.out;
  const probed = await options.tools.run(options.tools.ffprobe, buildJoinedProbeArgs(plan.outputPath), { signal: options.signal, timeoutMs: 300_000 }).catch((err: unknown) => {
    if (err instanceof ProcessError) return err;
    throw err;
  });
  if (probed instanceof ProcessError) return [`ffprobe failed: ${probed.stderrTail}`];
  const problems = checkJoinedStreams(JSON.parse(probed.stdout), { frames: totalFrames, fps, width, height });
  if (problems.length > 0) return problems;

  // Each output frame at a join, with the run it belongs to and whether it is that run's first or
  // last frame. A copy run's last frame is not decoded here: its packet hashes stand for it.
  const expected = new Map<number, { run: number; position: 0 | 1 }>();
  runs.forEach((run, i) => {
    if (i > 0) expected.set(run.startFrame, { run: i, position: 0 });
    if (i < runs.length - 1 && run.kind === 'encode') expected.set(run.startFrame + run.frames - 1, { run: i, position: run.frames === 1 ? 0 : 1 });
  });
  const joinFrames = [...expected.keys()].sort((a, b) => a - b);
  const raw = path.join(workDir, 'joins.gray');
  const hashes = path.join(workDir, 'joined.md5');
  const decoded = await runFfmpeg(options.tools, buildDecodePassArgs(plan.outputPath, joinFrames, raw, hashes), { signal: options.signal });
  const errors = decoded.stderrTail.trim();
  if (errors) return [`decoding reported: ${errors.split('\n').slice(-2).join(' ')}`];
  const joined = parseFrameMd5(await fs.readFile(hashes, 'utf8'));
  const copies = await Promise.all(
    runs.flatMap((run, i) => (run.kind === 'copy' ? [fs.readFile(files[i].hash, 'utf8').then((text) => ({ startFrame: run.startFrame, hashes: parseFrameMd5(text) }))] : [])),
  );
  const copied = copiedPacketProblems(joined, copies);
  if (copied.length > 0) return copied;

  const size = width * height;
  const file = await fs.open(raw, 'r');
  try {
    const { size: bytes } = await file.stat();
    if (bytes !== size * joinFrames.length) return [`the decode pass gave ${bytes / size} join frames instead of ${joinFrames.length}`];
    const refCache = new Map<number, Buffer>();
    const frame = Buffer.alloc(size);
    for (const [k, n] of joinFrames.entries()) {
      await file.read(frame, 0, size, k * size);
      const { run, position } = expected.get(n)!;
      if (!refCache.has(run)) refCache.set(run, await fs.readFile(files[run].ref));
      const ref = refCache.get(run)!.subarray(position * size, (position + 1) * size);
      const psnr = lumaPsnr(frame, ref);
      const min = runs[run].kind === 'copy' ? COPY_MIN_PSNR_DB : ENCODE_MIN_PSNR_DB;
      if (!(psnr >= min)) return [`frame ${n} differs from its reference (${psnr.toFixed(1)} dB, at least ${min} dB expected)`];
      refCache.delete(run - 1);
    }
  } finally {
    await file.close();
  }
  return [];
}
