import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];

describe('quotas per owner say what to delete', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      env: { QUOTA_STORAGE_MB: '4', QUOTA_PROJECTS: '2', QUOTA_RENDERS_RUNNING: '1', QUOTA_RENDERS_QUEUED: '1', MAX_TIMELINE_MINUTES: '1' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses an upload over the byte quota with 413 and stores nothing', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Quota');
    const big = await c.upload(id, [{ path: mediaFile('city-timelapse.mpg') }]); // 4.4 MB > 4 MB
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/only 4 MB of your 4 MB storage is free\. Delete files, finished exports or projects/);
    expect((await c.json(`/api/projects/${id}/media`)).body.media).toEqual([]);
    expect(await server.storedFiles('media')).toEqual([]);

    expect((await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }])).status).toBe(201); // 1.7 MB fits
    const second = await c.upload(id, [{ path: mediaFile('talk-example-720p.mp4') }]); // 1.7 + 2.9 MB does not
    expect(second.status).toBe(413);
    expect((await c.json(`/api/projects/${id}/media`)).body.media).toHaveLength(1);
  });

  it('refuses a resumable (tus) upload whose declared size is over the byte quota with 413, and stores nothing', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Quota tus');
    const create = (bytes: number, name: string) =>
      c.fetch(`/api/projects/${id}/uploads`, {
        method: 'POST',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(bytes), 'Upload-Metadata': `filename ${Buffer.from(name).toString('base64')}` },
      });
    const tusFiles = () => filesUnder(path.join(server.workDir, 'tus'));
    const before = tusFiles();

    const big = await create(5 * 1024 * 1024, 'big.mp4'); // 5 MB > 4 MB, well under the 500 MB upload cap
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toMatch(/^This upload needs 5 MB but only 4 MB of your 4 MB storage is free\. Delete files, finished exports or projects/);
    expect(tusFiles()).toEqual(before);
    expect((await c.json(`/api/projects/${id}/media`)).body.media).toEqual([]);

    // An unfinished upload holds the room it declared: a second one that would not fit beside it is refused too.
    const first = await create(3 * 1024 * 1024, 'first.mp4');
    expect(first.status).toBe(201);
    const held = tusFiles();
    const second = await create(2 * 1024 * 1024, 'second.mp4');
    expect(second.status).toBe(413);
    expect((await second.json()).error.message).toMatch(/^This upload needs 2 MB but only 1 MB of your 4 MB storage is free\./);
    expect(tusFiles()).toEqual(held);
  });

  it('refuses a third project with the words to delete one, and allows it after a delete', async () => {
    const c = new ApiClient(server.baseUrl);
    const first = await c.createProject('One');
    await c.createProject('Two');
    const third = await c.json('/api/projects', { method: 'POST', body: {} });
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/You have 2 projects.*Delete a project you no longer need/);
    expect(third).not.toHaveProperty('retryAfter');
    expect((await c.json(`/api/projects/${first}`, { method: 'DELETE' })).status).toBe(200);
    expect((await c.json('/api/projects', { method: 'POST', body: {} })).status).toBe(201);
  });

  it('holds one running and one queued export per owner, and caps the timeline length', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Renders');
    expect((await c.upload(id, [{ path: mediaFile('big-buck-bunny-30s.webm') }])).status).toBe(201);
    const started = await Promise.all([1, 2, 3].map(() => c.fetch(`/api/projects/${id}/exports`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"quality":"preview"}',
    })));
    const statuses = started.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 429]);
    const refused = started.find((r) => r.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()).error.message).toMatch(/already have 2 exports rendering or waiting/);
    // The chat's "export" is held to the same quota.
    const said = await c.chat(id, 'export');
    expect(said.find((e) => e.type === 'error')).toMatchObject({ code: 429 });

    // 30 s + 30 s + 30 s = 90 s is over the 1 minute cap.
    const other = new ApiClient(server.baseUrl);
    const long = await other.createProject('Long');
    const media = await other.upload(long, [{ path: mediaFile('big-buck-bunny-30s.webm') }, { path: mediaFile('big-buck-bunny-30s.webm') }, { path: mediaFile('big-buck-bunny-30s.webm') }]);
    expect(media.status).toBe(201);
    const tooLong = await other.json(`/api/projects/${long}/exports`, { method: 'POST', body: {} });
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.error.message).toMatch(/timeline is 1.5 minutes long; exports may be at most 1 minutes/);
  });
});
