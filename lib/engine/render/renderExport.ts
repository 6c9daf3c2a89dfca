// Renders one claimed export: plan, one ffmpeg run with throttled progress, probe, rename into place, record.
import 'server-only';
import fs from 'node:fs/promises';
import { FfmpegError, runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { AppError } from '@/lib/errors';
import type { ExportRecord, Store } from '@/lib/server/store/types';
import { buildExportArgs } from './buildExportArgs';
import { exportPaths } from './exportPaths';
import { prepareRender } from './prepareRender';
import { probeOutput } from './probeOutput';
import { renderTimeCapMessage, renderTimeCapMs, type RenderTimeLimits } from './renderTimeCap';

const PROGRESS_INTERVAL_MS = 500;

/** What the user reads when a render fails; details go to the server log only. */
export function failureMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof FfmpegError) {
    return 'The video could not be rendered. Try exporting again; if it fails again, one of the clips may be damaged: remove it and retry.';
  }
  return 'The export failed on the server. Try exporting again.';
}

/** Resolves when the export is completed; throws on failure or abort (the worker records those). */
export async function renderExport(
  store: Store,
  record: ExportRecord,
  dataDir: string,
  signal: AbortSignal,
  limits: RenderTimeLimits = { factor: 10, graceSeconds: 60 },
): Promise<void> {
  const paths = exportPaths(dataDir, record.id, record.attempts);
  await fs.mkdir(paths.dir, { recursive: true });
  try {
    const plan = await prepareRender(store, record, paths);
    const duration = timelineDuration(plan.timeline);
    const capMs = renderTimeCapMs(duration, limits);
    const overtime = AbortSignal.timeout(capMs);
    let lastWrite = 0;
    await runFfmpeg(buildExportArgs(plan, record.quality), {
      signal: AbortSignal.any([signal, overtime]),
      onStart: (pid) => void store.updateExport(record.id, { backendState: { pid } }),
      onProgress: ({ outTimeSeconds }) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = now;
        void store.updateExport(record.id, { progress: Math.min(0.99, Math.max(0, outTimeSeconds / duration)) });
      },
    }).catch((err) => {
      throw overtime.aborted && !signal.aborted ? new AppError(500, renderTimeCapMessage(capMs)) : err;
    });
    const info = await probeOutput(paths.partial);
    signal.throwIfAborted();
    // A cancel that landed while ffmpeg was finishing wins over the finished file.
    if ((await store.getExport(record.id))?.status === 'canceled') return;
    await fs.rename(paths.partial, paths.final);
    await store.updateExport(record.id, {
      status: 'completed',
      progress: 1,
      path: paths.final,
      width: info.width,
      height: info.height,
      duration: info.duration,
      size: info.size,
      error: null,
      backendState: null,
      finishedAt: new Date().toISOString(),
    });
  } finally {
    await fs.rm(paths.work, { recursive: true, force: true });
    await fs.rm(paths.partial, { force: true });
  }
}
