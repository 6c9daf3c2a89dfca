// Both Store implementations, each on a fresh empty database per test: the store suite runs once per entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PostgresStore } from '@/lib/store/postgresStore';
import { SqliteStore } from '@/lib/store/sqliteStore';
import type { Store } from '@/lib/store/types';
import { startPostgres, type ThrowawayPostgres } from '@/tests/helpers/postgres';

export interface StoreUnderTest {
  name: 'SQLite' | 'Postgres';
  /** Starts what the store needs for the whole file (a Postgres cluster); idempotent. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A store on a new, empty database. `open()` gives another store on the same database (a second process, or a reopen). */
  fresh(): Promise<{ store: Store; open(): Promise<Store>; where: string }>;
}

const sqliteDirs: string[] = [];
const sqlite: StoreUnderTest = {
  name: 'SQLite',
  async start() {},
  async stop() {
    for (const dir of sqliteDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  },
  async fresh() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    sqliteDirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    return { store: new SqliteStore(file), open: async () => new SqliteStore(file), where: file };
  },
};

let cluster: ThrowawayPostgres | null = null;
const postgres: StoreUnderTest = {
  name: 'Postgres',
  async start() {
    cluster ??= await startPostgres();
  },
  async stop() {
    await cluster?.stop();
    cluster = null;
  },
  async fresh() {
    const url = await cluster!.newDatabase();
    const open = async () => {
      const store = new PostgresStore(url);
      await store.ready();
      return store;
    };
    return { store: await open(), open, where: url };
  },
};

export const STORES: StoreUnderTest[] = [sqlite, postgres];
