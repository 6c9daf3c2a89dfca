// A throwaway PostgreSQL cluster for tests: Debian's initdb into a temp folder, served on a free loopback port, removed after.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server';

export interface ThrowawayPostgres {
  /** URL of the cluster's `postgres` database (the admin connection). */
  url: string;
  /** Makes a fresh empty database and returns its URL. */
  newDatabase(): Promise<string>;
  /** Stops the server and deletes the cluster folder. */
  stop(): Promise<void>;
}

/** Debian installs the server binaries per major version, off PATH; the newest one wins. */
export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) {
    throw new Error(`No PostgreSQL server under ${base}: install Debian's postgresql package (npm test does so as root).`);
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(base, versions[0], 'bin');
}

// initdb refuses to run as root; Debian's package creates the `postgres` user for exactly this.
const asRoot = process.getuid?.() === 0;

function runAsServerUser(cmd: string, args: string[]): void {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** Starts a cluster on `port` (a free one when not given: a test may point a store at it before it is up). */
export async function startPostgres(options: { port?: number } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-pg-'));
  if (asRoot) runAsServerUser('true', []); // fails early and plainly when the postgres user is missing
  if (asRoot) spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = options.port ?? (await freePort());
  runAsServerUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // fsync off: a test cluster is thrown away, and the machine is shared.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  runAsServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '120', 'start']);

  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let n = 0;
  return {
    url,
    async newDatabase() {
      const name = `t${++n}_${process.pid}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await admin.end().catch(() => {});
      runAsServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
