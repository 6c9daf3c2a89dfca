// Starts the built app on a free loopback port with its own DATA_DIR, for real-HTTP tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Store } from '@/lib/store/types';
import { PostgresStore } from '@/lib/store/postgresStore';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { ROOT } from './paths';

export interface TestServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL database the server uses (TEST_STORE=postgres or a test's own DATABASE_URL); undefined on SQLite. */
  databaseUrl?: string;
  /** Opens the store the server uses, for tests that look at rows; close it when done. */
  openStore(): Store;
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

export async function startServer(
  options: { env?: Record<string, string>; dataDir?: string; port?: number; allowUnhealthy?: boolean; nodeArgs?: string[] } = {},
): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDataDir();
  const databaseUrl = options.env?.DATABASE_URL ?? (await databaseFor(dataDir));
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
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
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
  return { baseUrl, port, dataDir, databaseUrl, openStore, pid: child.pid!, logs: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
