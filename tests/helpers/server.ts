// Starts the built app on a free loopback port with its own DATA_DIR, for real-HTTP tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { BlobStore } from '@/lib/blob/types';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import { S3BlobStore, s3ClientFor } from '@/lib/blob/s3BlobStore';
import type { Store } from '@/lib/store/types';
import { PostgresStore } from '@/lib/store/postgresStore';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { ROOT } from './paths';
import { TEST_S3_KEY } from './s3';

export interface TestServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL database the server uses (TEST_STORE=postgres or a test's own DATABASE_URL); undefined on SQLite. */
  databaseUrl?: string;
  /** Opens the store the server uses, for tests that look at rows; close it when done. */
  openStore(): Store;
  /** The S3 variables the server runs with (TEST_BLOBS=s3 or a test's own); undefined on local disk. */
  s3Env?: Record<string, string>;
  /** Where the server keeps work files (tus parts, render partials): DATA_DIR, or its BLOB_CACHE_DIR with S3. */
  workDir: string;
  /** The server's files as the app stores them (local disk under DATA_DIR, or its bucket), for tests that look at files. */
  blobs(): BlobStore;
  /** Every stored file's key under a folder-like prefix (`media/<project>`, `exports`), sorted; on local disk every file there. */
  storedFiles(prefix: string): Promise<string[]>;
  /**
   * Stored files under `prefix` plus, with S3, the files under the same folder of workDir (`work:<relative path>`)
   * and, for `media`, uploads waiting in the server's temp folder (`tmp:<relative path>`): nothing left anywhere.
   */
  allFiles(prefix: string): Promise<string[]>;
  /** The server's process id (benchmarks read its children's CPU time from /proc). */
  pid: number;
  /** Output the server printed, for failure messages. */
  logs(): string;
  /** Graceful stop (SIGTERM) and wait. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export function tempDataDir(prefix = 'in-video-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// One database per data folder, so a test that restarts a server on its folder finds its rows again.
const databases = new Map<string, string>();
let databaseCount = 0;

/** Under TEST_STORE=postgres: the data folder's own database on the run's shared cluster. */
async function databaseFor(dataDir: string): Promise<string | undefined> {
  if (process.env.TEST_STORE !== 'postgres') return undefined;
  // Only inside vitest (benchmarks use this helper too): the cluster comes from tests/helpers/sharedPostgres.ts.
  const { inject } = await import('vitest');
  const admin = inject('pgAdminUrl');
  const known = databases.get(dataDir);
  if (known) return known;
  const name = `srv_${process.pid}_${++databaseCount}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  databases.set(dataDir, url.toString());
  return url.toString();
}

// One bucket and one cache folder per data folder (TEST_BLOBS=s3), for the same reason.
// Promises, so two servers started at once on one folder share one bucket.
const buckets = new Map<string, Promise<Record<string, string>>>();
let bucketCount = 0;

/** Under TEST_BLOBS=s3: the data folder's own bucket on the run's s3rver, and its cache folder outside DATA_DIR. */
async function s3EnvFor(dataDir: string): Promise<Record<string, string> | undefined> {
  if (process.env.TEST_BLOBS !== 's3') return undefined;
  let env = buckets.get(dataDir);
  if (!env) buckets.set(dataDir, (env = newBucket()));
  return env;
}

async function newBucket(): Promise<Record<string, string>> {
  const { inject } = await import('vitest');
  const endpoint = inject('s3Endpoint');
  const bucket = `srv-${process.pid}-${++bucketCount}`;
  const client = s3ClientFor({ endpoint, region: 'us-east-1', ...TEST_S3_KEY });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  const env = {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: TEST_S3_KEY.accessKeyId,
    S3_SECRET_ACCESS_KEY: TEST_S3_KEY.secretAccessKey,
    BLOB_CACHE_DIR: path.join(inject('s3CacheRoot'), bucket),
    // Uploads wait in the OS temp folder with S3 (lib/server/ingest.ts): the server's own, so tests can see what is left there.
    TMPDIR: path.join(inject('s3CacheRoot'), `${bucket}-tmp`),
  };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  return env;
}

/** The blob view a server with these variables has (what lib/server/root.ts blobsFor builds), opened from outside. */
function blobsFor(dataDir: string, s3Env: Record<string, string> | undefined, cacheDir: string): BlobStore {
  if (!s3Env) return new LocalBlobStore(dataDir);
  const client = s3ClientFor({
    endpoint: s3Env.S3_ENDPOINT,
    region: s3Env.S3_REGION ?? 'us-east-1',
    accessKeyId: s3Env.S3_ACCESS_KEY_ID,
    secretAccessKey: s3Env.S3_SECRET_ACCESS_KEY,
  });
  // Its own cache folder: a file the test localizes is never one the server could take for its own.
  return new S3BlobStore(client, { bucket: s3Env.S3_BUCKET, cacheDir });
}

export async function startServer(
  options: { env?: Record<string, string>; dataDir?: string; port?: number; allowUnhealthy?: boolean; nodeArgs?: string[] } = {},
): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDataDir();
  const databaseUrl = options.env?.DATABASE_URL ?? (await databaseFor(dataDir));
  const ownS3 = options.env?.S3_BUCKET ? options.env : undefined;
  const s3Env = ownS3 ?? (await s3EnvFor(dataDir));
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    // nodeArgs: flags Node refuses in NODE_OPTIONS (the load bench's --trace-gc).
    [...(options.nodeArgs ?? []), path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        PORT: String(port),
        // On the shared queue a killed server's render comes back after its lease runs out (lib/local/exports/
        // sharedRenderQueue.ts): pg-boss's shortest lease keeps restart tests within their time, as a deployment may choose.
        ...(databaseUrl ? { DATABASE_URL: databaseUrl, RENDER_LEASE_SECONDS: '10' } : {}),
        ...(s3Env ?? {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok || (res.status === 503 && options.allowUnhealthy)) break;
      if (res.status === 503) {
        child.kill('SIGKILL');
        throw new Error(`Server is unhealthy: ${await res.text()}\n${output}`);
      }
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('Server is unhealthy')) throw err;
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Server did not start in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const openStore = () => (databaseUrl ? new PostgresStore(databaseUrl) : new SqliteStore(path.join(dataDir, 'in-video.sqlite')));
  const workDir = s3Env ? path.resolve(s3Env.BLOB_CACHE_DIR ?? path.join(os.tmpdir(), 'in-video-cache')) : dataDir;
  let view: BlobStore | undefined;
  // A test's downloads go beside the server's cache folder (under the run's cache root, removed after the run).
  const blobs = () => (view ??= blobsFor(dataDir, s3Env, `${workDir}-test-view`));
  return {
    baseUrl,
    port,
    dataDir,
    databaseUrl,
    openStore,
    s3Env,
    workDir,
    blobs,
    storedFiles: (prefix) => blobs().list(prefix),
    allFiles: async (prefix) => {
      const stored = await blobs().list(prefix);
      if (workDir === dataDir) return stored;
      const dir = path.join(workDir, prefix);
      const filesIn = (root: string, sub: string, tag: string) =>
        fs.existsSync(path.join(root, sub))
          ? fs
              .readdirSync(path.join(root, sub), { recursive: true, withFileTypes: true })
              .filter((d) => d.isFile())
              .map((d) => `${tag}:${path.relative(root, path.join(d.parentPath, d.name))}`)
          : [];
      const tmp = s3Env?.TMPDIR;
      const uploads =
        tmp && prefix.split('/')[0] === 'media' && fs.existsSync(tmp)
          ? fs.readdirSync(tmp).filter((n) => n.startsWith('in-video-upload-')).flatMap((n) => filesIn(tmp, n, 'tmp'))
          : [];
      return [...stored, ...filesIn(workDir, prefix, 'work'), ...uploads];
    },
    pid: child.pid!,
    logs: () => output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
