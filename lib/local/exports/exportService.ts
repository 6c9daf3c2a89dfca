// The local backend's exports: queue a render of the current timeline version, cancel it, open the file.
import 'server-only';
import { blobFile } from '@/lib/backend/blobFile';
import type { BlobStore } from '@/lib/blob/types';
import { nanoid } from 'nanoid';
import type { ExportFile } from '@/lib/backend/types';
import { AppError } from '@/lib/errors';
import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import { requireClips } from '@/lib/engine/timeline/requireClips';
import type { ExportRecord, Store } from '@/lib/store/types';
import type { ExportQueue } from '@/lib/local/localDeps';

/** `fullReason` set: the export skips fast export, and the record says why. */
export async function startLocalExport(store: Store, queue: ExportQueue, projectId: string, quality: ExportQuality, fullReason: string | null = null): Promise<ExportRecord> {
  const head = await store.getTimelineHead(projectId);
  requireClips(head.current.timeline);
  const now = new Date().toISOString();
  const record: ExportRecord = {
    id: nanoid(16),
    projectId,
    status: 'queued',
    progress: 0,
    quality,
    // The render uses this version even if the timeline is edited while it waits or runs.
    timelineVersion: head.current.version,
    width: null,
    height: null,
    duration: null,
    size: null,
    path: null,
    error: null,
    attempts: 0,
    backendState: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
    render: fullReason ? 'full' : null,
    renderReason: fullReason,
  };
  await store.createExport(record);
  await queue.queued(record);
  return record;
}

export async function cancelLocalExport(store: Store, queue: ExportQueue, exportId: string): Promise<ExportRecord> {
  const record = await store.getExport(exportId);
  if (!record) throw new AppError(404, 'Export not found.');
  if (record.status === 'canceled') return record;
  if (record.status === 'completed' || record.status === 'failed') {
    throw new AppError(409, `The export has already ${record.status === 'completed' ? 'finished' : 'failed'}; there is nothing to cancel.`);
  }
  // Record first, then stop ffmpeg: the worker sees the abort and leaves the status alone.
  const canceled = await store.updateExport(exportId, { status: 'canceled', finishedAt: new Date().toISOString() });
  await queue.canceled(exportId);
  return canceled;
}

export async function localExportFile(blobs: BlobStore, record: ExportRecord): Promise<ExportFile> {
  if (record.status !== 'completed' || !record.path) {
    throw new AppError(409, 'The export is not ready yet: wait until it is completed.');
  }
  const file = await blobFile(blobs, blobs.keyOf(record.path), 'video/mp4');
  if (!file) throw new AppError(404, 'The exported file is no longer on the server. Export again.');
  return file;
}
