// Everything the NemoVideo modules share (config, store, HTTP, auth, clock), built once per backend.
import 'server-only';
import type { BlobStore } from '@/lib/blob/types';
import type { Store } from '@/lib/store/types';
import { attributionHeaders, detectPlatform } from './attribution';
import { createNemoAuth, type NemoAuth } from './auth';
import { createNemoHttp, type NemoHttp } from './client';

/** The settings this backend reads: a slice of the app config (lib/server/config.ts), passed in by the composition root. */
export interface NemoConfig {
  NEMO_API_BASE: string;
  NEMO_TOKEN?: string;
  NEMO_POLL_MS: number;
  NEMO_SKILL_PLATFORM?: 'clawhub' | 'cursor' | 'unknown';
  NEMO_RETRY_AFTER_MS: number;
  NEMO_STILL_WORKING_MS: number;
  NEMO_TURN_TIMEOUT_MS: number;
  NEMO_REGISTER_URL: string;
  /** Finished renders are kept under DATA_DIR/exports, up to NEMO_EXPORT_MAX_MB each. */
  DATA_DIR: string;
  NEMO_EXPORT_MAX_MB: number;
}

export interface NemoDeps {
  config: NemoConfig;
  store: Store;
  http: NemoHttp;
  auth: NemoAuth;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** Where uploads are kept (S3 or DATA_DIR); unset, a media row's path is the file itself. */
  blobs?: BlobStore;
}

/** Test seams: unit tests swap the clock or the install path; msw intercepts fetch itself. */
export interface NemoOverrides {
  fetch?: typeof fetch;
  sleep?: NemoDeps['sleep'];
  now?: () => number;
  installPath?: string;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createNemoDeps(config: NemoConfig, store: Store, overrides: NemoOverrides = {}, blobs?: BlobStore): NemoDeps {
  const platform = detectPlatform(overrides.installPath ?? process.cwd(), config.NEMO_SKILL_PLATFORM);
  const http = createNemoHttp({ baseUrl: config.NEMO_API_BASE, attribution: attributionHeaders(platform), fetch: overrides.fetch });
  const sleep = overrides.sleep ?? abortableSleep;
  const now = overrides.now ?? (() => Date.now());
  const auth = createNemoAuth({ http, store, fixedToken: config.NEMO_TOKEN, retryAfterMs: config.NEMO_RETRY_AFTER_MS, sleep, now });
  return { config, store, http, auth, sleep, now, blobs };
}
