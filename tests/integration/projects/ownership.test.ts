import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { startServer, type TestServer } from '../../helpers/server';

describe('projects belong to the browser that made them', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates a project, sets an HttpOnly SameSite=Lax cookie and lists it', async () => {
    const owner = new ApiClient(server.baseUrl);
    const res = await owner.fetch('/api/projects', { method: 'POST', body: '{"title":"Trip"}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie()[0];
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const { project } = await res.json();
    expect(project.title).toBe('Trip');
    const list = await owner.json('/api/projects');
    expect(list.body.projects.map((p: { id: string }) => p.id)).toEqual([project.id]);
    const detail = await owner.json(`/api/projects/${project.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.summary).toMatch(/empty/);
  });

  it('gives another browser 404 for reading, editing, uploading and exporting', async () => {
    const owner = new ApiClient(server.baseUrl);
    const id = await owner.createProject();
    const stranger = new ApiClient(server.baseUrl);
    await stranger.createProject();
    const attempts = await Promise.all([
      stranger.json(`/api/projects/${id}`),
      stranger.json(`/api/projects/${id}/timeline`),
      stranger.json(`/api/projects/${id}/timeline`, { method: 'POST', body: { action: 'undo' } }),
      stranger.json(`/api/projects/${id}/chat`, { method: 'POST', body: { message: 'trim the first 5 seconds' } }),
      stranger.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} }),
      stranger.json(`/api/projects/${id}/media`, { method: 'POST', body: { urls: ['https://example.com/a.mp4'] } }),
      new ApiClient(server.baseUrl).json(`/api/projects/${id}`),
    ]);
    for (const a of attempts) {
      expect(a.status).toBe(404);
      expect(a.body.error.code).toBe(1002);
    }
    expect((await stranger.json('/api/projects')).body.projects.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await owner.json(`/api/projects/${id}`)).status).toBe(200);
  });

  it('rejects a malformed body with code 400 and the failing field', async () => {
    const c = new ApiClient(server.baseUrl);
    const r = await c.json('/api/projects', { method: 'POST', body: { title: 42 } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(400);
    expect(r.body.error.fields).toHaveProperty('title');
  });

  it('reports which ffmpeg it uses', async () => {
    const r = await new ApiClient(server.baseUrl).json('/api/health');
    expect(r.body).toMatchObject({ ok: true, backend: 'local', ffmpeg: { path: expect.any(String), version: expect.any(String) } });
  });
});
