// The Postgres connection: a pool whose rows come back in the shape the shared row mappers read, migrations, transactions.
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';

/** A pool or one checked-out client (inside a transaction): both answer `query`. */
export type Queryable = Pick<pg.Pool, 'query'>;

const { builtins } = pg.types;
const defaultTimestamptz = pg.types.getTypeParser(builtins.TIMESTAMPTZ);
const asText = (value: string) => value;

// Per-pool parsers (the global pg.types is left alone) so rows match SQLite's: JSON stays text for the
// mappers to parse and validate, bigint counters are plain numbers (ids stay far below 2^53), and a
// timestamp is the ISO string the app wrote.
const rowShape: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === builtins.JSON || oid === builtins.JSONB) return asText;
    if (oid === builtins.INT8) return (value: string) => Number(value);
    if (oid === builtins.TIMESTAMPTZ) return (value: string) => (defaultTimestamptz(value) as Date).toISOString();
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(connectionString: string): pg.Pool {
  // A bounded connect wait, so a database out of reach is an error (and a health problem), not a hang.
  const pool = new pg.Pool({ connectionString, types: rowShape, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client's connection dropping (a database restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('[store] idle Postgres connection failed:', err.message));
  return pool;
}

/** Runs `work` in one transaction on one client; rolls back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

// Any fixed number: every process starting against the database takes this lock, so two web servers
// starting at once apply each migration exactly once.
const MIGRATION_LOCK = 0x1f_5e_ed_16;

/** Applies the migrations this database has not seen yet, each recorded in schema_migrations. */
export async function migrate(pool: pg.Pool, migrations: string[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const applied: number[] = [];
    for (let version = (rows[0].v ?? 0) + 1; version <= migrations.length; version++) {
      await client.query(migrations[version - 1]);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
    return applied;
  });
}
