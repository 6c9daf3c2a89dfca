// Process-wide singletons (store, backend), kept on globalThis so every route bundle shares them.
import 'server-only';
import path from 'node:path';
import type { EditingBackend } from '@/lib/backend/types';
import { getConfig } from './config';
import { SqliteStore } from './store/sqliteStore';
import type { Store } from './store/types';

const g = globalThis as unknown as { __inVideoStore?: Store; __inVideoBackend?: EditingBackend };

export function getStore(): Store {
  g.__inVideoStore ??= new SqliteStore(path.join(getConfig().DATA_DIR, 'in-video.sqlite'));
  return g.__inVideoStore;
}

/** Tests and the backend selector install the backend here; see lib/backend/selectBackend.ts. */
export function setBackend(backend: EditingBackend) {
  g.__inVideoBackend = backend;
}
export function peekBackend(): EditingBackend | undefined {
  return g.__inVideoBackend;
}
