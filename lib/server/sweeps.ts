// Housekeeping: at start-up remove files and blobs no row points to; every hour delete projects untouched for RETENTION_DAYS.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { projectMediaPrefix, recordedKey, thumbnailKey } from '@/lib/blob/blobKeys';
import type { BlobStore } from '@/lib/blob/types';
import { getConfig } from './config';
import { getBlobs, getStore } from './context';
import { workDirFor } from './root';
import { removeProject } from './deletion';
import type { Store } from '@/lib/store/types';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Uploads cut off by a crash (`*.incoming`), blobs of media rows that were never written or were
 * deleted, blobs of deleted projects, finished exports without a row: on local disk or in the bucket.
 * Runs before any request, so nothing it removes can belong to work in progress. Export partials are
 * recoverExports' job. With S3, uploads cut off while waiting in this machine's cache folder go too,
 * once a day old (another process on this machine may share the folder).
 */
export async function sweepOrphanFiles(store: Store, blobs: BlobStore, stagingDir: string | null, now = Date.now()): Promise<string[]> {
  const known = await store.listKnownFiles();
  const projects = new Set(known.projectIds);
  const media = new Set(
    known.mediaPaths.flatMap((p) => {
      const key = recordedKey(blobs, p);
      return key ? [key, thumbnailKey(key)] : [];
    }),
  );
  const exportIds = new Set(known.exportIds);
  const removed: string[] = [];

  const goneProjects = new Set<string>();
  for (const key of await blobs.list('media')) {
    const projectId = key.split('/')[1];
    if (!projects.has(projectId)) goneProjects.add(projectId);
    else if (!media.has(key)) {
      await blobs.delete(key);
      removed.push(key);
    }
  }
  for (const projectId of goneProjects) {
    await blobs.deleteAll(projectMediaPrefix(projectId));
    removed.push(projectMediaPrefix(projectId));
  }
  for (const key of await blobs.list('exports')) {
    const name = key.slice('exports/'.length);
    if (!name.includes('/') && name.endsWith('.mp4') && !name.includes('.partial.') && !exportIds.has(name.split('.')[0])) {
      await blobs.delete(key);
      removed.push(key);
    }
  }
  if (stagingDir) {
    const entries = await fs.readdir(stagingDir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries.filter((x) => x.isFile())) {
      const file = path.join(e.parentPath, e.name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > DAY_MS) {
        await fs.rm(file, { force: true });
        removed.push(file);
      }
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


/** Called once, from instrumentation at start-up. */
export async function startSweeps(): Promise<void> {
  const config = getConfig();
  const store = getStore();
  const orphans = await sweepOrphanFiles(store, getBlobs(), config.S3_BUCKET ? path.join(workDirFor(config), 'media') : null);
  if (orphans.length > 0) console.log(`[sweep] removed ${orphans.length} file(s) no project points to`);
  const retention = async () => {
    const n = await sweepStaleProjects(store, config.RETENTION_DAYS);
    if (n > 0) console.log(`[sweep] deleted ${n} project(s) untouched for ${config.RETENTION_DAYS} days`);
  };
  await retention().catch((err) => console.error('[sweep] retention failed', err));
  setInterval(() => void retention().catch((err) => console.error('[sweep] retention failed', err)), SWEEP_EVERY_MS).unref();
}
