import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, tempDataDir, type TestServer } from '../../helpers/server';
import { sql } from '../../helpers/serverDb';

describe('housekeeping at start-up', () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('deletes projects untouched for RETENTION_DAYS and files no row points to, and keeps the rest', async () => {
    const dataDir = tempDataDir();
    server = await startServer({ dataDir });
    const c = new ApiClient(server.baseUrl);
    const stale = await c.createProject('Forgotten');
    const fresh = await c.createProject('Recent');
    for (const id of [stale, fresh]) expect((await c.upload(id, [{ path: mediaFile('sar-2by3.mp4') }])).status).toBe(201);
    await server.stop();

    await sql(server, 'UPDATE projects SET updated_at = ? WHERE id = ?', [new Date(Date.now() - 40 * 86_400_000).toISOString(), stale]);
    // Written where the server keeps files (DATA_DIR, or its bucket under TEST_BLOBS=s3).
    const blobs = server.blobs();
    const orphans = ['media/no-such-project/x.mp4', `media/${fresh}/cutoff.incoming`, `media/${fresh}/unknownmedia.mp4`, 'exports/no-such-export.mp4'];
    for (const key of orphans) await blobs.put(key, Readable.from([Buffer.from('left over')]));

    server = await startServer({ dataDir, env: { RETENTION_DAYS: '30' } });
    const after = new ApiClient(server.baseUrl);
    after.cookie = c.cookie;
    expect((await after.json('/api/projects')).body.projects.map((p: { id: string }) => p.id)).toEqual([fresh]);
    expect(await server.allFiles(`media/${stale}`)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'media', stale))).toBe(false);
    for (const key of orphans) expect(await blobs.stat(key), key).toBeNull();
    const kept = (await after.json(`/api/projects/${fresh}/media`)).body.media[0];
    expect((await after.fetch(`/api/projects/${fresh}/media/${kept.id}/file`)).status).toBe(200);
  });
});
