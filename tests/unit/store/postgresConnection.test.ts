// A Postgres store outlives its database's absence: it says so in plain words, then works once the database is up.
import { afterAll, describe, expect, it } from 'vitest';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { PostgresStore } from '@/lib/store/postgresStore';
import { startPostgres, type ThrowawayPostgres } from '@/tests/helpers/postgres';
import { freePort } from '@/tests/helpers/server';

let cluster: ThrowawayPostgres | undefined;
afterAll(() => cluster?.stop(), 60_000);

describe('a Postgres store started before its database', () => {
  it('reports the database as out of reach, then migrates and works when it comes up', async () => {
    const port = await freePort();
    const store = new PostgresStore(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    try {
      expect(await store.problem()).toMatch(/^The database in DATABASE_URL cannot be used \(.*ECONNREFUSED.*\): check the URL/);
      await expect(store.getProject('p')).rejects.toThrow(/ECONNREFUSED/);

      cluster = await startPostgres({ port });
      expect(await store.problem()).toBeNull();
      await store.createProject({ id: 'p', ownerId: 'o', title: 'Late', timeline: emptyTimeline() });
      expect((await store.getProject('p'))?.title).toBe('Late');
    } finally {
      await store.close();
    }
  }, 120_000);
});
