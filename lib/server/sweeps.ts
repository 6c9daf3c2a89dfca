// Housekeeping: at start-up remove files no row points to; every hour delete projects untouched for RETENTION_DAYS.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { thumbnailPath } from '@/lib/engine/media/mediaPaths';
import { getConfig } from './config';
import { getStore } from './context';
import { removeProject } from './deletion';
import type { Store } from '@/lib/store/types';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Uploads cut off by a crash (`*.incoming`), files of media rows that were never written or were
 * deleted, folders of deleted projects, finished exports without a row. Runs before any request,
 * so nothing it removes can belong to work in progress. Export partials are recoverExports' job.
 */
export async function sweepOrphanFiles(store: Store, dataDir: string): Promise<string[]> {
  const known = await store.listKnownFiles();
  const projects = new Set(known.projectIds);
  const media = new Set(known.mediaPaths.flatMap((p) => [p, thumbnailPath(p)]));
  const exportIds = new Set(known.exportIds);
  const removed: string[] = [];
  const remove = async (p: string) => {
    await fs.rm(p, { recursive: true, force: true });
    removed.push(p);
  };

  const mediaRoot = path.join(dataDir, 'media');
  for (const projectId of await names(mediaRoot)) {
    const dir = path.join(mediaRoot, projectId);
    if (!projects.has(projectId)) {
      await remove(dir);
      continue;
    }
    for (const name of await names(dir)) {
      if (!media.has(path.join(dir, name))) await remove(path.join(dir, name));
    }
  }
  const exportsDir = path.join(dataDir, 'exports');
  for (const name of await names(exportsDir)) {
    if (name.endsWith('.mp4') && !name.includes('.partial.') && !exportIds.has(name.split('.')[0])) {
      await remove(path.join(exportsDir, name));
    }
  }
  return removed;
}

/** Projects nobody touched for RETENTION_DAYS go, with their files (owners are anonymous browsers that may never return). */
export async function sweepStaleProjects(store: Store, retentionDays: number, now = Date.now()): Promise<number> {
  const before = new Date(now - retentionDays * DAY_MS).toISOString();
  const stale = await store.listProjectsUpdatedBefore(before);
  for (const project of stale) {
    await removeProject(project, async (exportId) => {
      await store.updateExport(exportId, { status: 'canceled', finishedAt: new Date().toISOString() });
    });
  }
  return stale.length;
}

async function names(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

/** Called once, from instrumentation at start-up. */
export async function startSweeps(): Promise<void> {
  const config = getConfig();
  const store = getStore();
  const orphans = await sweepOrphanFiles(store, config.DATA_DIR);
  if (orphans.length > 0) console.log(`[sweep] removed ${orphans.length} file(s) no project points to`);
  const retention = async () => {
    const n = await sweepStaleProjects(store, config.RETENTION_DAYS);
    if (n > 0) console.log(`[sweep] deleted ${n} project(s) untouched for ${config.RETENTION_DAYS} days`);
  };
  await retention().catch((err) => console.error('[sweep] retention failed', err));
  setInterval(() => void retention().catch((err) => console.error('[sweep] retention failed', err)), SWEEP_EVERY_MS).unref();
}
