// The two stores' schemas stay twins, and Postgres migrations run once per database however many processes start.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '@/lib/store/migrations';
import { createPool, migrate } from '@/lib/store/postgresDb';
import { POSTGRES_MIGRATIONS } from '@/lib/store/postgresMigrations';
import { PostgresStore } from '@/lib/store/postgresStore';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { startPostgres, type ThrowawayPostgres } from '@/tests/helpers/postgres';

// Columns only one side has, and why: SQLite orders exports by its implicit rowid, Postgres needs a column.
const ONLY_IN_POSTGRES = new Set(['exports.seq']);

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterAll(() => cluster?.stop(), 60_000);

async function postgresColumns(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ c: string }>(
    `SELECT table_name || '.' || column_name AS c FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
  );
  await client.end();
  return rows.map((r) => r.c).filter((c) => !ONLY_IN_POSTGRES.has(c)).sort();
}

function sqliteColumns(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const columns = tables.flatMap(({ name }) =>
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `${name}.${c.name}`),
  );
  db.close();
  return columns.sort();
}

describe('the store schemas', () => {
  it('have the same migrations, tables and columns in SQLite and Postgres', async () => {
    expect(POSTGRES_MIGRATIONS).toHaveLength(MIGRATIONS.length);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    const file = path.join(dir, 'db.sqlite');
    await new SqliteStore(file).close();
    const url = await cluster.newDatabase();
    const store = new PostgresStore(url);
    await store.ready();
    await store.close();
    const fromSqlite = sqliteColumns(file);
    expect(fromSqlite.length).toBeGreaterThan(40);
    expect(await postgresColumns(url)).toEqual(fromSqlite);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('Postgres migrations', () => {
  it('are applied once when several processes start on an empty database at the same moment', async () => {
    const url = await cluster.newDatabase();
    const pools = [createPool(url), createPool(url), createPool(url)];
    const applied = await Promise.all(pools.map((p) => migrate(p)));
    expect(applied.flat()).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    const { rows } = await pools[0].query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    await Promise.all(pools.map((p) => p.end()));
  });

  it('apply only the steps a database has not seen, and a failing step leaves it as it was', async () => {
    const url = await cluster.newDatabase();
    const pool = createPool(url);
    try {
      expect(await migrate(pool, ['CREATE TABLE a (x INT)'])).toEqual([1]);
      expect(await migrate(pool, ['CREATE TABLE a (x INT)', 'ALTER TABLE a ADD COLUMN y INT'])).toEqual([2]);
      await expect(migrate(pool, ['-', '-', 'ALTER TABLE a ADD COLUMN z INT', 'ALTER TABLE nowhere ADD COLUMN w INT'])).rejects.toThrow(/nowhere/);
      const { rows } = await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'a' ORDER BY column_name");
      expect(rows.map((r) => r.column_name)).toEqual(['x', 'y']);
      expect((await pool.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v).toBe(2);
    } finally {
      await pool.end();
    }
  });
});

// Labels written before versions stored their operation kinds carried them as a prefix; the migration moves them over.
const OLD_LABELS: [string, string[], string][] = [
  ['removePauses+addMusic: Cut 9 pauses. Added calm music.', ['removePauses', 'addMusic'], 'Cut 9 pauses. Added calm music.'],
  ['addText: Added the title "Hello: world".', ['addText'], 'Added the title "Hello: world".'],
  ['Added talk.mp4, b-roll: 2.mp4', [], 'Added talk.mp4, b-roll: 2.mp4'],
  ['Start', [], 'Start'],
];

describe('the operation-kinds migration', () => {
  // Databases as they were just before it (later migrations run after it on open).
  const before = (list: string[]) => list.findIndex((m) => m.includes('ADD COLUMN operations'));
  const project = ['p', 'o', 'T', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1];

  it('moves the kinds out of old SQLite labels and leaves other labels alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinds-'));
    const file = path.join(dir, 'db.sqlite');
    const db = new Database(file);
    MIGRATIONS.slice(0, before(MIGRATIONS)).forEach((m) => db.exec(m));
    db.pragma(`user_version = ${before(MIGRATIONS)}`);
    db.prepare('INSERT INTO projects (id, owner_id, title, created_at, updated_at, head_version) VALUES (?, ?, ?, ?, ?, ?)').run(...project);
    const insert = db.prepare('INSERT INTO timeline_versions (project_id, parent_version, timeline, label, created_at) VALUES (?, NULL, ?, ?, ?)');
    for (const [label] of OLD_LABELS) insert.run('p', JSON.stringify(emptyTimeline()), label, '2026-01-01T00:00:00.000Z');
    db.close();
    const store = new SqliteStore(file);
    const versions = await Promise.all(OLD_LABELS.map((_, i) => store.getTimelineVersion('p', i + 1)));
    expect(versions.map((v) => [v?.label, v?.operations])).toEqual(OLD_LABELS.map(([, kinds, label]) => [label, kinds]));
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does the same in Postgres', async () => {
    const url = await cluster.newDatabase();
    const pool = createPool(url);
    await migrate(pool, POSTGRES_MIGRATIONS.slice(0, before(POSTGRES_MIGRATIONS)));
    await pool.query('INSERT INTO projects (id, owner_id, title, created_at, updated_at, head_version) VALUES ($1, $2, $3, $4, $5, $6)', project);
    const ids: number[] = [];
    for (const [label] of OLD_LABELS) {
      const { rows } = await pool.query(
        'INSERT INTO timeline_versions (project_id, parent_version, timeline, label, created_at) VALUES ($1, NULL, $2, $3, $4) RETURNING version',
        ['p', JSON.stringify(emptyTimeline()), label, '2026-01-01T00:00:00.000Z'],
      );
      ids.push(Number(rows[0].version));
    }
    await pool.end();
    const store = new PostgresStore(url);
    await store.ready();
    const versions = await Promise.all(ids.map((v) => store.getTimelineVersion('p', v)));
    expect(versions.map((v) => [v?.label, v?.operations])).toEqual(OLD_LABELS.map(([, kinds, label]) => [label, kinds]));
    await store.close();
  });
});
