// The composition root: builds config, store, planner, editing backend and (for the local backend) the render queue, once per process.
import 'server-only';
import path from 'node:path';
import type { EditingBackend } from '@/lib/backend/types';
import type { Planner } from '@/lib/engine/planner/planner';
import { RenderWorker } from '@/lib/local/exports/renderWorker';
import { SharedRenderQueue } from '@/lib/local/exports/sharedRenderQueue';
import { createLocalBackend } from '@/lib/local/localBackend';
import type { ExportQueue, LocalDeps } from '@/lib/local/localDeps';
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
  /** The local render queue (in-process on SQLite, pg-boss on PostgreSQL); null when NemoVideo renders remotely. */
  worker: ExportQueue | null;
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

/** What the local engine's renders need; also used by the worker process (lib/server/workerProcess.ts). */
export function localDepsFor(config: Config, store: Store, planner: Planner = plannerFor(config)): LocalDeps {
  return {
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
}

/**
 * The render queue: with DATABASE_URL the shared one (pg-boss), which this process also works unless
 * WEB_ONLY=1 (then `npm run worker` processes render); else the embedded in-process one.
 */
function exportQueueFor(config: Config, deps: LocalDeps): ExportQueue {
  if (config.DATABASE_URL) {
    return new SharedRenderQueue(deps, {
      databaseUrl: config.DATABASE_URL,
      leaseSeconds: config.RENDER_LEASE_SECONDS,
      work: config.WEB_ONLY !== '1',
      name: `web-${process.pid}`,
    });
  }
  const worker = new RenderWorker(deps);
  process.once('exit', () => worker.abortAll());
  return worker;
}

/** Wires one app from a config and a store (tests may pass their own store). */
export function buildRoot(config: Config, store: Store = storeFor(config)): AppRoot {
  const planner = plannerFor(config);
  const tus = createTusParts(config.DATA_DIR);
  if (config.EDIT_BACKEND === 'nemo') {
    return { config, store, planner, backend: createNemoBackend(config, store), worker: null, tus, limits: createLimitsState() };
  }
  const deps = localDepsFor(config, store, planner);
  const worker = exportQueueFor(config, deps);
  return { config, store, planner, backend: createLocalBackend(deps, worker), worker, tus, limits: createLimitsState() };
}

// Next bundles the route handlers and instrumentation.ts separately, so each bundle has its own copy of
// this module. This one globalThis slot makes them share a single root: one SQLite connection and one
// render queue per process (two in-process workers would claim and render the same queue twice). It is the only
// process-wide slot in the app; everything else hangs off the root.
const g = globalThis as unknown as { __inVideoRoot?: AppRoot };

/** The process's root, built on first use. */
export function appRoot(): AppRoot {
  g.__inVideoRoot ??= buildRoot(getConfig());
  return g.__inVideoRoot;
}
