// The composition root: builds config, store, planner, editing backend and (for the local backend) the render worker, once per process.
import 'server-only';
import path from 'node:path';
import type { EditingBackend } from '@/lib/backend/types';
import type { Planner } from '@/lib/engine/planner/planner';
import { RenderWorker } from '@/lib/local/exports/renderWorker';
import { createLocalBackend } from '@/lib/local/localBackend';
import type { LocalDeps } from '@/lib/local/localDeps';
import { createNemoBackend } from '@/lib/nemo/nemoBackend';
import { PostgresStore } from '@/lib/store/postgresStore';
import { SqliteStore } from '@/lib/store/sqliteStore';
import type { Store } from '@/lib/store/types';
import { tools } from './binaries';
import { getConfig, type Config } from './config';
import { createLimitsState, type LimitsState } from './limits/limitsState';
import { plannerFor } from './plannerFromConfig';
import { createTusParts, type TusParts } from './upload/tusStore';

export interface AppRoot {
  config: Config;
  store: Store;
  planner: Planner;
  backend: EditingBackend;
  /** The local render queue; null when NemoVideo renders remotely. */
  worker: RenderWorker | null;
  /** Resumable uploads in progress (either backend ingests them). */
  tus: TusParts;
  /** Rate buckets, things in progress and promised bytes (lib/server/limits). */
  limits: LimitsState;
}

/** Postgres when DATABASE_URL is set (shared by every web process), else the embedded SQLite file under DATA_DIR. */
export function storeFor(config: Config): Store {
  if (config.DATABASE_URL) return new PostgresStore(config.DATABASE_URL);
  return new SqliteStore(path.join(config.DATA_DIR, 'in-video.sqlite'));
}

/** Wires one app from a config and a store (tests may pass their own store). */
export function buildRoot(config: Config, store: Store = storeFor(config)): AppRoot {
  const planner = plannerFor(config);
  const tus = createTusParts(config.DATA_DIR);
  if (config.EDIT_BACKEND === 'nemo') {
    return { config, store, planner, backend: createNemoBackend(config, store), worker: null, tus, limits: createLimitsState() };
  }
  const deps: LocalDeps = {
    store,
    settings: {
      dataDir: config.DATA_DIR,
      renderConcurrency: config.RENDER_CONCURRENCY,
      maxUploadBytes: config.maxUploadBytes,
      fastExport: config.FAST_EXPORT !== '0',
      maxRunningPerOwner: config.QUOTA_RENDERS_RUNNING,
      renderTimeFactor: config.RENDER_TIME_FACTOR,
      renderTimeGraceSeconds: config.RENDER_TIME_GRACE_SECONDS,
    },
    tools,
    planner,
  };
  const worker = new RenderWorker(deps);
  process.once('exit', () => worker.abortAll());
  return { config, store, planner, backend: createLocalBackend(deps, worker), worker, tus, limits: createLimitsState() };
}

// Next bundles the route handlers and instrumentation.ts separately, so each bundle has its own copy of
// this module. This one globalThis slot makes them share a single root: one SQLite connection and one
// render worker per process (two workers would claim and render the same queue twice). It is the only
// process-wide slot in the app; everything else hangs off the root.
const g = globalThis as unknown as { __inVideoRoot?: AppRoot };

/** The process's root, built on first use. */
export function appRoot(): AppRoot {
  g.__inVideoRoot ??= buildRoot(getConfig());
  return g.__inVideoRoot;
}
