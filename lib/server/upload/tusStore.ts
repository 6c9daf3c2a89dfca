// Where resumable uploads live while they arrive: one tus FileStore and one lock table per process, under DATA_DIR/tus.
import 'server-only';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { MemoryLocker } from '@tus/server';
import { getConfig } from '../config';

/** An unfinished upload is kept this long after it was created, then swept (and tus answers 410). */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

export interface TusParts {
  dir: string;
  /** Outcomes of finished uploads (`<uid>.json`), read by `GET .../uploads/:uid`. */
  outcomeDir: string;
  store: FileStore;
  locker: MemoryLocker;
}

const g = globalThis as unknown as { __inVideoTus?: TusParts };

export function tusParts(): TusParts {
  if (!g.__inVideoTus) {
    const dir = path.join(getConfig().DATA_DIR, 'tus');
    g.__inVideoTus = {
      dir,
      outcomeDir: path.join(getConfig().DATA_DIR, 'tus-outcomes'),
      store: new FileStore({ directory: dir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS }),
      locker: new MemoryLocker(),
    };
  }
  return g.__inVideoTus;
}
