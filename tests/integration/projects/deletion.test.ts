import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { count } from '../../helpers/serverDb';

describe('deleting takes the data back', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Row counts that mention the project, read straight from the database. */
  async function rowsOf(projectId: string): Promise<Record<string, number>> {
    const n = (table: string, column: string) => count(server, `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [projectId]);
    return {
      projects: await n('projects', 'id'),
      media: await n('media', 'project_id'),
      versions: await n('timeline_versions', 'project_id'),
      messages: await n('messages', 'project_id'),
      exports: await n('exports', 'project_id'),
    };
  }

  it('a deleted project leaves no file or row behind', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Gone soon');
    expect((await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }, { path: mediaFile('commentary.mp3') }])).status).toBe(201);
    await c.chat(id, 'add a title "Hello" at the start');
    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } });
    const done = await c.waitForExport(id, started.body.export.id);
    expect(done.status).toBe('completed');
    expect((await c.json(`/api/projects/${id}/share`, { method: 'POST' })).status).toBe(200);
    const before = (await rowsOf(id));
    expect(before).toMatchObject({ projects: 1, media: 2, exports: 1 });
    expect(before.messages).toBeGreaterThan(0);
    expect((await server.storedFiles(`media/${id}`)).length).toBeGreaterThan(2);
    expect((await server.storedFiles('exports')).some((f) => f.includes(done.id))).toBe(true);

    const del = await c.json(`/api/projects/${id}`, { method: 'DELETE' });
    expect(del).toEqual({ status: 200, body: { deleted: id } });
    expect((await rowsOf(id))).toEqual({ projects: 0, media: 0, versions: 0, messages: 0, exports: 0 });
    expect(await server.allFiles(`media/${id}`)).toEqual([]);
    expect(fs.existsSync(path.join(server.dataDir, 'media', id))).toBe(false);
    expect((await server.allFiles('exports')).filter((f) => f.includes(done.id))).toEqual([]);
    expect((await c.json(`/api/projects/${id}`)).status).toBe(404);
    expect((await c.json('/api/projects')).body.projects).toEqual([]);
  });

  it('stops a running render of a deleted project', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Rendering');
    await c.upload(id, [{ path: mediaFile('big-buck-bunny-30s.webm') }]);
    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} });
    await expect.poll(async () => (await c.json(`/api/projects/${id}/exports/${started.body.export.id}`)).body.export.status, { timeout: 30_000 }).toBe('rendering');
    expect((await c.json(`/api/projects/${id}`, { method: 'DELETE' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await server.allFiles('exports')).filter((f) => f.includes(started.body.export.id))).toEqual([]);
    expect((await rowsOf(id)).exports).toBe(0);
  });

  it('refuses to delete media the timeline uses with 409, removes its pieces on ?force=1', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Media');
    const up = await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }, { path: mediaFile('clip.avi') }]);
    const [talk, clip] = up.body.media;
    const refused = await c.json(`/api/projects/${id}/media/${clip.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/"clip.avi" is used once on the timeline\. Remove it from the timeline first, or delete it with its pieces/);
    expect((await c.json(`/api/projects/${id}/media`)).body.media).toHaveLength(2);

    const forced = await c.json(`/api/projects/${id}/media/${clip.id}?force=1`, { method: 'DELETE' });
    expect(forced).toEqual({ status: 200, body: { deleted: clip.id } });
    const timeline = (await c.json(`/api/projects/${id}/timeline`)).body;
    expect(timeline.summary).not.toMatch(/clip\.avi/);
    expect(timeline.summary).toMatch(/talk-1080p\.mp4/);
    expect((await server.allFiles(`media/${id}`)).filter((f) => f.includes(clip.id))).toEqual([]);
    expect((await c.json(`/api/projects/${id}/media/${clip.id}/file`)).status).toBe(404);
    expect((await c.json(`/api/projects/${id}/media`)).body.media.map((m: { id: string }) => m.id)).toEqual([talk.id]);
  });

  it('deletes a finished export with its file, and cancels an unfinished one', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Exports');
    await c.upload(id, [{ path: mediaFile('sar-2by3.mp4') }]);
    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } });
    const done = await c.waitForExport(id, started.body.export.id);
    expect(done.status).toBe('completed');
    const file = (await server.storedFiles('exports')).find((f) => f.includes(done.id) && f.endsWith('.mp4'));
    expect(file).toBeDefined();
    expect(await c.json(`/api/projects/${id}/exports/${done.id}`, { method: 'DELETE' })).toEqual({ status: 200, body: { deleted: done.id } });
    expect(await server.blobs().stat(file!)).toBeNull();
    expect((await c.json(`/api/projects/${id}/exports/${done.id}`)).status).toBe(404);
    expect((await rowsOf(id)).exports).toBe(0);

    const queued = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} });
    const canceled = await c.json(`/api/projects/${id}/exports/${queued.body.export.id}`, { method: 'DELETE' });
    expect(canceled.body.export.status).toBe('canceled');
  });

  it('lets nobody else delete', async () => {
    const owner = new ApiClient(server.baseUrl);
    const id = await owner.createProject('Mine');
    const stranger = new ApiClient(server.baseUrl);
    expect((await stranger.json(`/api/projects/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await owner.json(`/api/projects/${id}`)).status).toBe(200);
  });
});
