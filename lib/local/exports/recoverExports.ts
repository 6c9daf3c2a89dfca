// Start-up recovery: renders cut off by a crash or restart go back in the queue, or fail plainly after 3 tries.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportRecord, Store } from '@/lib/store/types';
import { isUnfinishedExportFile } from '@/lib/engine/render/exportPaths';

export const MAX_ATTEMPTS = 3;

/** Stops an ffmpeg left running by a killed server, only if that pid is still our render of this export. */
async function stopOrphan(record: ExportRecord): Promise<void> {
  const pid = record.backendState?.backend === 'local' ? record.backendState.pid : undefined;
  if (typeof pid !== 'number' || process.platform !== 'linux') return;
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('ffmpeg') && cmdline.includes(record.id)) process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export async function recoverExports(store: Store, dataDir: string): Promise<{ requeued: number; failed: number }> {
  let requeued = 0;
  let failed = 0;
  for (const record of await store.listExportsByStatus(['rendering'])) {
    // A remote render (NemoVideo's) runs on, polled by its backend: not ours to requeue.
    if (record.backendState?.backend === 'nemo') continue;
    await stopOrphan(record);
    if (record.attempts >= MAX_ATTEMPTS) {
      failed++;
      await store.updateExport(record.id, {
        status: 'failed',
        error: `The export was interrupted ${record.attempts} times by server restarts and was stopped. Export again to retry.`,
        backendState: null,
        finishedAt: new Date().toISOString(),
      });
    } else {
      requeued++;
      await store.updateExport(record.id, { status: 'queued', progress: 0, backendState: null });
    }
  }
  const dir = path.join(dataDir, 'exports');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter(isUnfinishedExportFile).map((n) => fs.rm(path.join(dir, n), { recursive: true, force: true })));
  return { requeued, failed };
}
