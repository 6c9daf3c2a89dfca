// Copies a finished NemoVideo render into our blob store (exports/<id>.mp4) once, so downloads and share views never call upstream again.
import 'server-only';
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { exportKey } from '@/lib/blob/blobKeys';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import type { BlobStore } from '@/lib/blob/types';
import { exportPaths } from '@/lib/engine/render/exportPaths';
import type { ExportRecord } from '@/lib/store/types';
import type { NemoDeps } from './nemoDeps';

/** The render is bigger than we agreed to hold: the export fails in plain words instead of filling the disk. */
export class OutputTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The finished video is larger than ${Math.round(limitBytes / (1024 * 1024))} MB, more than this server keeps. Export a shorter part.`);
  }
}

export interface KeptOutput {
  path: string;
  size: number;
}

/** Where exports are kept: the app's blob store (local disk or object storage); DATA_DIR itself when none was given (unit tests). */
export function heldBlobs(deps: NemoDeps): BlobStore {
  return deps.blobs ?? new LocalBlobStore(deps.config.DATA_DIR);
}

/** One download per export at a time: two polls that both see "completed" share it. */
const inFlight = new Map<string, Promise<KeptOutput>>();

export function keepNemoOutput(deps: NemoDeps, ownerId: string, record: ExportRecord, url: string): Promise<KeptOutput> {
  const running = inFlight.get(record.id);
  if (running) return running;
  const job = download(deps, ownerId, record, url).finally(() => inFlight.delete(record.id));
  inFlight.set(record.id, job);
  return job;
}

async function download(deps: NemoDeps, ownerId: string, record: ExportRecord, url: string): Promise<KeptOutput> {
  const limit = deps.config.NEMO_EXPORT_MAX_MB * 1024 * 1024;
  const { dir, partial } = exportPaths(deps.config.DATA_DIR, record.id, record.attempts);
  // Our token goes only to NemoVideo's own host, never to a storage URL it points at.
  const sameHost = new URL(url).origin === new URL(deps.http.baseUrl).origin;
  const res = await deps.auth.authorized(ownerId, ({ token, clientId }) => deps.http.send({ path: url, ...(sameHost ? { token, clientId } : {}) }));
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    void res.body?.cancel().catch(() => undefined);
    throw new OutputTooLargeError(limit);
  }
  if (!res.body) throw new Error('NemoVideo sent an empty file.');
  await fs.promises.mkdir(dir, { recursive: true });
  let size = 0;
  // Counted while writing: a missing or false Content-Length cannot get more than the limit onto the disk.
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > limit ? new OutputTooLargeError(limit) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as NodeWebStream<Uint8Array>), counter, fs.createWriteStream(partial));
    if (size === 0) throw new Error('NemoVideo sent an empty file.');
    const blobs = heldBlobs(deps);
    const key = exportKey(record.id);
    await blobs.moveIn(key, partial);
    return { path: blobs.recordedName(key), size };
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}
