// Renders one claimed export: plan, measure the sound, one ffmpeg run with throttled progress, probe and measure, hand to the blob store, record.
import 'server-only';
import fs from 'node:fs/promises';
import { FfmpegError, runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { exportKey } from '@/lib/blob/blobKeys';
import { AppError, asAppError } from '@/lib/errors';
import type { LocalDeps } from '@/lib/local/localDeps';
import type { ExportRecord, Store } from '@/lib/store/types';
import { buildExportArgs, buildLoudnessMeasureArgs, graphFiles } from '@/lib/engine/render/buildExportArgs';
import { compileFilterGraph } from '@/lib/engine/render/compileFilterGraph';
import { measureLoudnessArgs, parseEbur128Summary, parseLoudnormJson } from '@/lib/engine/render/loudness';
import { exportPaths } from '@/lib/engine/render/exportPaths';
import { prepareRender } from './prepareRender';
import { probeOutput } from '@/lib/engine/render/probeOutput';
import { tryFastExport } from './fastExport';
import { renderTimeCapMessage, renderTimeCapMs } from '@/lib/engine/render/renderTimeCap';

const PROGRESS_INTERVAL_MS = 500;

/** What the user reads when a render fails; details go to the server log only. */
export function failureMessage(err: unknown): string {
  const known = asAppError(err);
  if (known) return known.message;
  if (err instanceof FfmpegError) {
    return 'The video could not be rendered. Try exporting again; if it fails again, one of the clips may be damaged: remove it and retry.';
  }
  return 'The export failed on the server. Try exporting again.';
}

/**
 * Runs a measuring ffmpeg; a measurement that fails costs the export its normalisation or its
 * reported loudness (logged), not the export itself. A cancel still stops everything.
 */
async function measureOrNull<T>(ffmpegPath: string, args: string[], signal: AbortSignal, parse: (stderr: string) => T | null): Promise<T | null> {
  try {
    return parse((await runFfmpeg(args, { ffmpegPath, signal })).stderrTail);
  } catch (err) {
    signal.throwIfAborted();
    console.error('[render] loudness measurement failed:', err instanceof Error ? err.message : err);
    return null;
  }
}

/** Resolves when the export is completed; throws on failure or abort (the worker records those). */
export async function renderExport(deps: LocalDeps, record: ExportRecord, signal: AbortSignal): Promise<void> {
  const { store } = deps;
  const tools = deps.tools();
  const dataDir = deps.settings.dataDir;
  const paths = exportPaths(dataDir, record.id, record.attempts);
  await fs.mkdir(paths.dir, { recursive: true });
  try {
    const plan = await prepareRender(store, deps.blobs, tools, dataDir, record, paths);
    const duration = timelineDuration(plan.timeline);
    const capMs = renderTimeCapMs(duration, { factor: deps.settings.renderTimeFactor, graceSeconds: deps.settings.renderTimeGraceSeconds });
    const overtime = AbortSignal.timeout(capMs);
    const bounded = AbortSignal.any([signal, overtime]);
    const graphs = graphFiles(plan);
    let choice: Awaited<ReturnType<typeof tryFastExport>>;
    try {
    if (plan.loudness) {
      // First pass: the sound alone, measured, so the second can apply one steady gain.
      await fs.writeFile(graphs.loudness, compileFilterGraph(plan, { measureLoudness: true }), 'utf8');
      plan.loudness = { ...plan.loudness, measured: await measureOrNull(tools.ffmpeg, buildLoudnessMeasureArgs(plan), bounded, parseLoudnormJson) };
    }
    await fs.writeFile(graphs.export, compileFilterGraph(plan), 'utf8');
    let lastWrite = 0;
    const report = (fraction: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      void store.updateExport(record.id, { progress: Math.min(0.99, Math.max(0, fraction)) });
    };
    // Fast export first where it may apply; it leaves no file behind when the full render must run.
    choice = await tryFastExport(record, plan, await store.listMedia(record.projectId), paths.work, { tools, signal: bounded, onProgress: report });
    if (choice.render === 'full') {
      await runFfmpeg(buildExportArgs(plan, record.quality), {
        ffmpegPath: tools.ffmpeg,
        signal: bounded,
        onStart: (pid) => void store.updateExport(record.id, { backendState: { backend: 'local', pid } }),
        onProgress: ({ outTimeSeconds }) => report(outTimeSeconds / duration),
      });
    }
    } catch (err) {
      throw overtime.aborted && !signal.aborted ? new AppError(500, renderTimeCapMessage(capMs)) : err;
    }
    const info = await probeOutput(tools, paths.partial);
    const loudness = await measureOrNull(tools.ffmpeg, measureLoudnessArgs(paths.partial), signal, parseEbur128Summary);
    signal.throwIfAborted();
    // A cancel that landed while ffmpeg was finishing wins over the finished file.
    if ((await store.getExport(record.id))?.status === 'canceled') return;
    // Local disk: a rename into DATA_DIR/exports; S3: a multipart upload from this machine's work folder.
    const key = exportKey(record.id);
    await deps.blobs.moveIn(key, paths.partial);
    await store.updateExport(record.id, {
      status: 'completed',
      progress: 1,
      path: deps.blobs.recordedName(key),
      width: info.width,
      height: info.height,
      duration: info.duration,
      size: info.size,
      render: choice.render,
      renderReason: choice.reason,
      loudness,
      error: null,
      backendState: null,
      finishedAt: new Date().toISOString(),
    });
  } finally {
    await fs.rm(paths.work, { recursive: true, force: true });
    await fs.rm(paths.partial, { force: true });
  }
}
