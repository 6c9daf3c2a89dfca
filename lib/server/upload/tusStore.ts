// Where resumable uploads live while they arrive: one tus FileStore and one lock table per app (held by the composition root), under DATA_DIR/tus.
import 'server-only';
import path from 'node:path';
import { MemoryLocker } from '@tus/server';
import { HashingFileStore } from './hashingFileStore';
import type { UploadOutcome } from './tusUploadInfo';

/** An unfinished upload is kept this long after it was created, then swept (and tus answers 410). */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

export interface TusParts {
  dir: string;
  /** Outcomes of finished uploads (`<uid>.json`), read by `GET .../uploads/:uid`. */
  outcomeDir: string;
  /** tus's file store, hashing each upload as it arrives. */
  store: HashingFileStore;
  locker: MemoryLocker;
  /** Ingests running now, by upload id, so a GET and the last PATCH share one. */
  ingests: Map<string, Promise<UploadOutcome>>;
  /** When the last sweep of day-old uploads ran (ms since epoch). */
  sweptAt: number;
}

export function createTusParts(dataDir: string): TusParts {
  const dir = path.join(dataDir, 'tus');
  return {
    dir,
    outcomeDir: path.join(dataDir, 'tus-outcomes'),
    store: new HashingFileStore({ directory: dir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS }),
    locker: new MemoryLocker(),
    ingests: new Map(),
    sweptAt: 0,
  };
}
