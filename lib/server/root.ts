// The composition root: builds config, store, planner, editing backend and (for the local backend) the render worker, once per process.
import 'server-only';
import path from 'node:path';
import type { EditingBackend } from '@/lib/backend/types';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import { S3BlobStore, s3ClientFor } from '@/lib/blob/s3BlobStore';
import type { BlobStore } from '@/lib/blob/types';
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
  /** Media, posters and exports: DATA_DIR, or the S3 bucket when S3_BUCKET is set. */
  blobs: BlobStore;
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

/** The bucket when S3_BUCKET is set (files shared by every machine), else files under DATA_DIR. */
export function blobsFor(config: Config): BlobStore {
  if (!config.S3_BUCKET) return new LocalBlobStore(config.DATA_DIR);
  const client = s3ClientFor({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
  });
  return new S3BlobStore(client, { bucket: config.S3_BUCKET, cacheDir: config.BLOB_CACHE_DIR });
}

/**
 * This machine's folder for files in the making (uploads being analysed, resumable uploads, renders,
 * generated music): DATA_DIR on the embedded default, where they are renamed into place; with S3 the
 * cache folder, so nothing of a web process lands under DATA_DIR.
 */
export function workDirFor(config: Config): string {
  return config.S3_BUCKET ? config.BLOB_CACHE_DIR : config.DATA_DIR;
}

/** What the local engine's renders need; also used by the worker process (lib/server/workerProcess.ts). */
export function localDepsFor(config: Config, store: Store, blobs: BlobStore = blobsFor(config), planner: Planner = plannerFor(config)): LocalDeps {
  return {
    store,
    blobs,
    settings: {
      dataDir: workDirFor(config),
      renderConcurrency: config.RENDER_CONCURRENCY,
      maxUploadBytes: config.maxUploadBytes,
      fastExport: config.FAST_EXPORT !== '0',
      fastExportAlways: config.FAST_EXPORT === 'always',
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
  const blobs = blobsFor(config);
  const tus = createTusParts(workDirFor(config));
  if (config.EDIT_BACKEND === 'nemo') {
    return { config, store, blobs, planner, backend: createNemoBackend(config, store, {}, blobs), worker: null, tus, limits: createLimitsState() };
  }
  const deps = localDepsFor(config, store, blobs, planner);
  const worker = exportQueueFor(config, deps);
  return { config, store, blobs, planner, backend: createLocalBackend(deps, worker), worker, tus, limits: createLimitsState() };
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
