// Starts the built app on a free loopback port with its own DATA_DIR, for real-HTTP tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths';

export interface TestServer {
  baseUrl: string;
  port: number;
  dataDir: string;
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

/**
 * Under TEST_POSTGRES=1 (tests/helpers/postgresForServers.ts), the database of a server's DATA_DIR on
 * the run's cluster: one per folder, so a server restarted on the same folder finds its rows again.
 */
async function databaseFor(dataDir: string): Promise<Record<string, string>> {
  const admin = process.env.TEST_POSTGRES_ADMIN_URL;
  if (!admin) return {};
  const name = `s_${createHash('sha1').update(dataDir).digest('hex').slice(0, 16)}`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

export async function startServer(
  options: { env?: Record<string, string>; dataDir?: string; port?: number; allowUnhealthy?: boolean } = {},
): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDataDir();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        PORT: String(port),
        ...(options.env?.DATABASE_URL ? {} : await databaseFor(dataDir)),
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
  return { baseUrl, port, dataDir, pid: child.pid!, logs: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
