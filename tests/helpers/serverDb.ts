// Plain SQL against the database a test server uses (SQLite file or its PostgreSQL database), for tests that look at rows.
import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';

type Row = Record<string, unknown>;

/** Runs one statement with `?` placeholders; timestamps come back as ISO strings on both databases. */
export async function sql(server: { dataDir: string; databaseUrl?: string }, text: string, params: unknown[] = []): Promise<Row[]> {
  if (!server.databaseUrl) {
    const db = new Database(path.join(server.dataDir, 'in-video.sqlite'));
    try {
      const statement = db.prepare(text);
      return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
    } finally {
      db.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(text.replace(/\?/g, () => `$${++n}`), params);
    return rows.map((row: Row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
  } finally {
    await client.end();
  }
}

/** `SELECT COUNT(*) AS n ...` as a number on both databases (PostgreSQL counts in bigint, which pg gives as text). */
export async function count(server: { dataDir: string; databaseUrl?: string }, text: string, params: unknown[] = []): Promise<number> {
  return Number((await sql(server, text, params))[0].n);
}
