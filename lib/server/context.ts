// What route handlers and server modules take from the composition root (lib/server/root.ts).
import 'server-only';
import type { EditingBackend } from '@/lib/backend/types';
import type { BlobStore } from '@/lib/blob/types';
import type { Store } from '@/lib/store/types';
import { appRoot } from './root';
import type { TusParts } from './upload/tusStore';

export function getStore(): Store {
  return appRoot().store;
}

export function getBlobs(): BlobStore {
  return appRoot().blobs;
}

export function getBackend(): EditingBackend {
  return appRoot().backend;
}

export function tusParts(): TusParts {
  return appRoot().tus;
}
