// Per-owner quotas from config: stored bytes, projects, renders, URL imports and chat streams at once.
import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import 'server-only';
import type { BackendContext, BackendExport, EditingBackend } from '@/lib/backend/types';
import { megabytes } from '../upload/receiveMultipart';
import { getConfig } from '../config';
import { getStore } from '../context';
import { appRoot } from '../root';
import { acquireSlot } from './inFlight';
import { LimitError } from './limitError';

const DELETE_HINT = 'Delete files, finished exports or projects you no longer need, then try again.';

// Bytes promised to uploads still arriving (so two at once cannot both take the last free space) live on the root.
const reserved = () => appRoot().limits.reservedBytes;

/** The 413 for an upload of `bytes` when only `room` bytes of the owner's quota are free. */
export function storageFull(bytes: number, room: number): LimitError {
  const quota = getConfig().quotaStorageBytes;
  return new LimitError(413, `This upload needs ${megabytes(bytes)} but only ${megabytes(Math.max(0, room))} of your ${megabytes(quota)} storage is free. ${DELETE_HINT}`);
}

/** Free bytes this owner may still store (never below 0). */
export async function storageRoom(ownerId: string): Promise<number> {
  const used = (await getStore().ownerUsage(ownerId)).storedBytes + (reserved().get(ownerId) ?? 0);
  return Math.max(0, getConfig().quotaStorageBytes - used);
}

/**
 * Refuses with 413 when `bytes` more would not fit this owner's storage quota; otherwise holds
 * them until release() (call it once the file is stored or dropped). Uploads of every kind call
 * this before the first byte is written: multipart with Content-Length, tus with Upload-Length.
 */
export async function reserveStorage(ownerId: string, bytes: number): Promise<() => void> {
  const room = await storageRoom(ownerId);
  if (bytes > room) throw storageFull(bytes, room);
  const held = reserved();
  held.set(ownerId, (held.get(ownerId) ?? 0) + bytes);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(ownerId) ?? bytes) - bytes;
    if (left <= 0) held.delete(ownerId);
    else held.set(ownerId, left);
  };
}

export async function assertProjectRoom(ownerId: string): Promise<void> {
  const max = getConfig().QUOTA_PROJECTS;
  if ((await getStore().ownerUsage(ownerId)).projects >= max) {
    throw new LimitError(429, `You have ${max} projects, the most one browser may keep. Delete a project you no longer need, then try again.`);
  }
}

/** Before an export is queued: a free place in this owner's share of the queue, room to store it, a timeline not too long. */
export async function assertExportAllowed(ownerId: string, timelineSeconds: number): Promise<void> {
  const config = getConfig();
  const maxSeconds = config.MAX_TIMELINE_MINUTES * 60;
  if (timelineSeconds > maxSeconds) {
    throw new LimitError(
      413,
      `The timeline is ${(timelineSeconds / 60).toFixed(1)} minutes long; exports may be at most ${config.MAX_TIMELINE_MINUTES} minutes. Trim or remove clips, then export again.`,
    );
  }
  const usage = await getStore().ownerUsage(ownerId);
  const max = config.QUOTA_RENDERS_RUNNING + config.QUOTA_RENDERS_QUEUED;
  if (usage.rendersRunning + usage.rendersQueued >= max) {
    throw new LimitError(
      429,
      `You already have ${max} exports rendering or waiting. Wait for one to finish, or cancel one you do not need, then export again.`,
      30,
    );
  }
  if (usage.storedBytes >= config.quotaStorageBytes) {
    throw new LimitError(413, `Your ${megabytes(config.quotaStorageBytes)} of storage is full, so there is no room for the export. ${DELETE_HINT}`);
  }
}

// Check-then-queue runs one at a time per owner, so two quick requests cannot both take the last place.

/** Every export (the export route and the chat's "export") starts here. */
export async function startExportWithinQuota(
  backend: EditingBackend,
  ctx: BackendContext,
  quality: ExportQuality,
  options?: { forceFull?: boolean },
): Promise<BackendExport> {
  const exportTurns = appRoot().limits.exportTurns;
  const previous = exportTurns.get(ctx.ownerId) ?? Promise.resolve();
  const turn = previous.catch(() => {}).then(async () => {
    await assertExportAllowed(ctx.ownerId, (await backend.timeline(ctx)).duration);
    return backend.startExport(ctx, quality, options);
  });
  exportTurns.set(ctx.ownerId, turn);
  try {
    return await turn;
  } finally {
    if (exportTurns.get(ctx.ownerId) === turn) exportTurns.delete(ctx.ownerId);
  }
}

export function acquireUrlImportSlot(ownerId: string): () => void {
  const max = getConfig().QUOTA_URL_IMPORTS;
  return acquireSlot('urlImports', ownerId, max, `You already have ${max} URL imports running. Wait for one to finish, then try again.`, 10);
}

export function acquireChatStreamSlot(ownerId: string): () => void {
  const max = getConfig().QUOTA_CHAT_STREAMS;
  return acquireSlot('chatStreams', ownerId, max, `You already have ${max} chat replies in progress. Wait for one to finish, then send again.`, 5);
}
