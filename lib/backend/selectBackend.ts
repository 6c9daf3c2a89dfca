// Picks the editing backend from config once per process.
import 'server-only';
import { getConfig } from '@/lib/server/config';
import { getStore, peekBackend, setBackend } from '@/lib/server/context';
import { createNemoBackend } from '@/lib/nemo/nemoBackend';
import { createLocalBackend } from './localBackend';
import type { EditingBackend } from './types';

export function getBackend(): EditingBackend {
  const existing = peekBackend();
  if (existing) return existing;
  const config = getConfig();
  const backend = config.EDIT_BACKEND === 'nemo' ? createNemoBackend(config, getStore()) : createLocalBackend(getStore());
  setBackend(backend);
  return backend;
}
