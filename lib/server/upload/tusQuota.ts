// Unfinished resumable uploads count against their owner's stored bytes; this is where quotas learn of them.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { storageFull, storageRoom } from '../limits/quotas';
import { readTusInfo } from './tusUploadInfo';

/**
 * Bytes promised by this owner's unfinished, unexpired uploads: their declared Upload-Length,
 * since that is the room they will take. A finished upload's bytes have moved into the media
 * folder (its data file is gone) and count as media from then on.
 */
export async function pendingUploadBytes(dir: string, ownerId: string, expiryMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let total = 0;
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const info = await readTusInfo(dir, name.slice(0, -'.json'.length));
    if (!info || info.metadata?.ownerId !== ownerId) continue;
    if (info.creation_date && now - Date.parse(info.creation_date) > expiryMs) continue;
    const onDisk = await fs.stat(path.join(dir, info.id)).catch(() => null);
    if (!onDisk) continue;
    total += info.size ?? onDisk.size;
  }
  return total;
}

/**
 * Refuses (413, saying what to delete) an upload whose declared bytes would not fit the owner's
 * storage quota beside what they store and what their other unfinished uploads promise.
 */
export async function assertRoomForUpload(ownerId: string, bytes: number, pendingBytes: number): Promise<void> {
  const room = (await storageRoom(ownerId)) - pendingBytes;
  if (bytes > room) throw storageFull(bytes, room);
}
