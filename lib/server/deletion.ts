// Taking data back: a whole project, one uploaded file, or a finished export, with every file and row it left.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackendContext, BackendExport } from '@/lib/backend/types';
import { exportKey, projectMediaPrefix, recordedKey, thumbnailKey } from '@/lib/blob/blobKeys';
import type { BlobStore } from '@/lib/blob/types';
import { projectMediaDir } from '@/lib/engine/media/mediaPaths';
import { mediaUseCount, removeMediaUses } from '@/lib/engine/timeline/operations/removeMediaUses';
import { AppError } from '@/lib/errors';
import { getConfig } from './config';
import { getBackend, getBlobs, getStore } from './context';
import { workDirFor } from './root';
import type { ExportRecord, ProjectRecord } from '@/lib/store/types';


const unfinished = (e: Pick<ExportRecord, 'status'>) => e.status === 'queued' || e.status === 'rendering';

/** Everything an export may have left: its blob, and partial attempts and scratch folder in this machine's work folder. */
async function removeExportFiles(blobs: BlobStore, workDir: string, exportId: string, recordedPath: string | null): Promise<void> {
  const dir = path.join(workDir, 'exports');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const mine = names.filter((n) => n.startsWith(`${exportId}.`)).map((n) => path.join(dir, n));
  await Promise.all(mine.map((p) => fs.rm(p, { recursive: true, force: true })));
  const recorded = recordedPath ? recordedKey(blobs, recordedPath) : null;
  const keys = new Set([exportKey(exportId), ...(recorded ? [recorded] : [])]);
  await Promise.all([...keys].map((key) => blobs.delete(key)));
}

/** The project, its media, versions, messages, exports and files; renders of it are stopped first. */
export async function deleteProject(ctx: BackendContext): Promise<void> {
  await removeProject(ctx.project, (exportId) => getBackend().cancelExport(ctx, exportId));
}

/** Shared with the retention sweep, which has no request but the same duty to stop renders. */
export async function removeProject(project: ProjectRecord, cancel: (exportId: string) => Promise<unknown>): Promise<void> {
  const store = getStore();
  const blobs = getBlobs();
  const workDir = workDirFor(getConfig());
  const exports = await store.listExports(project.id);
  for (const e of exports.filter(unfinished)) await cancel(e.id).catch(() => {});
  await store.deleteProject(project.id);
  // Rows first: a reader never finds a row whose file is already gone, only files without rows (the start-up sweep's job).
  await blobs.deleteAll(projectMediaPrefix(project.id));
  // Uploads still arriving or being analysed here (with S3 they wait outside the bucket).
  await fs.rm(projectMediaDir(workDir, project.id), { recursive: true, force: true });
  for (const e of exports) await removeExportFiles(blobs, workDir, e.id, e.path);
}

/**
 * One uploaded file. While the timeline uses it the answer is 409 naming how often; with
 * `force` its pieces leave the timeline first, as one undoable version.
 */
export async function deleteMedia(ctx: BackendContext, mediaId: string, force: boolean): Promise<void> {
  const store = getStore();
  const media = await store.getMedia(mediaId);
  if (!media || media.projectId !== ctx.project.id) throw new AppError(404, 'Media not found.');
  const head = await store.getTimelineHead(ctx.project.id);
  const uses = mediaUseCount(head.current.timeline, mediaId);
  if (uses > 0 && !force) {
    throw new AppError(
      409,
      `"${media.name}" is used ${uses === 1 ? 'once' : `${uses} times`} on the timeline. Remove it from the timeline first, or delete it with its pieces.`,
    );
  }
  if (uses > 0) {
    await store.commitTimeline(ctx.project.id, removeMediaUses(head.current.timeline, mediaId), `Removed ${media.name}`, head.current.version);
  }
  await store.deleteMedia([mediaId]);
  const blobs = getBlobs();
  const key = recordedKey(blobs, media.path);
  if (key) await Promise.all([key, thumbnailKey(key)].map((k) => blobs.delete(k)));
}

/** A finished export's file and row; an unfinished one is canceled instead (and returned; null after a delete). */
export async function deleteExport(ctx: BackendContext, exportId: string): Promise<BackendExport | null> {
  const backend = getBackend();
  const view = await backend.getExport(ctx, exportId); // also the ownership check
  if (unfinished(view)) return backend.cancelExport(ctx, exportId);
  const store = getStore();
  const record = await store.getExport(exportId);
  await store.deleteExport(exportId);
  await removeExportFiles(getBlobs(), workDirFor(getConfig()), exportId, record?.path ?? null);
  return null;
}
