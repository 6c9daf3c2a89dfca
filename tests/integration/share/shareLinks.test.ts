// Share links over real HTTP: random revocable tokens, a read-only view, the export streamed with Range.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedProjectViewSchema } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

describe('share links', () => {
  let server: TestServer;
  let owner: ApiClient;
  let projectId: string;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    owner = new ApiClient(server.baseUrl);
    projectId = await owner.createProject('Beach day');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('gives the owner a link with a token of at least 128 bits, the same one on every ask', async () => {
    const first = await owner.json(`/api/projects/${projectId}/share`, { method: 'POST' });
    expect(first.status).toBe(200);
    const url = new URL(first.body.url);
    expect(url.origin).toBe(server.baseUrl);
    const match = /^\/share\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    expect(match).not.toBeNull();
    token = match![1];
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const again = await owner.json(`/api/projects/${projectId}/share`, { method: 'POST' });
    expect(again.body.url).toBe(first.body.url);
    expect((await owner.json(`/api/projects/${projectId}`)).body.project.shared).toBe(true);
  });

  it('shows a stranger the title and summary, and says when nothing is exported yet', async () => {
    const stranger = new ApiClient(server.baseUrl);
    const view = await stranger.json(`/api/share/${token}`);
    expect(view.status).toBe(200);
    const parsed = sharedProjectViewSchema.parse(view.body);
    expect(parsed.title).toBe('Beach day');
    expect(parsed.timeline.summary).toMatch(/empty/i);
    expect(parsed.export).toBeNull();
    expect(JSON.stringify(view.body)).not.toContain(projectId);
    const file = await stranger.json(`/api/share/${token}/file`);
    expect(file.status).toBe(404);
    expect(file.body.error.message).toMatch(/exported/);
  });

  it('streams the latest export to a stranger, with byte ranges for seeking', async () => {
    const up = await owner.upload(projectId, [{ path: mediaFile('testsrc.mkv') }]);
    expect(up.status).toBe(201);
    const started = await owner.json(`/api/projects/${projectId}/exports`, { method: 'POST', body: { quality: 'preview' } });
    expect(started.status).toBe(202);
    const done = await owner.waitForExport(projectId, started.body.export.id);
    expect(done.status).toBe('completed');

    const stranger = new ApiClient(server.baseUrl);
    const view = sharedProjectViewSchema.parse((await stranger.json(`/api/share/${token}`)).body);
    expect(view.export?.url).toBe(`/api/share/${token}/file`);
    const whole = await stranger.fetch(view.export!.url);
    expect(whole.status).toBe(200);
    const size = (await whole.arrayBuffer()).byteLength;
    expect(size).toBe(view.export!.size);
    const part = await stranger.fetch(view.export!.url, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
  });

  it('lets only the owner make or stop a link', async () => {
    const stranger = new ApiClient(server.baseUrl);
    await stranger.createProject();
    for (const method of ['POST', 'DELETE']) {
      const res = await stranger.json(`/api/projects/${projectId}/share`, { method });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe(1002);
    }
    expect((await stranger.json(`/api/share/${token}`)).status).toBe(200);
  });

  it('stops answering once the owner revokes it, and a new link is a new token', async () => {
    const revoked = await owner.json(`/api/projects/${projectId}/share`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const stranger = new ApiClient(server.baseUrl);
    for (const path of [`/api/share/${token}`, `/api/share/${token}/file`]) {
      const res = await stranger.json(path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe(1002);
    }
    const page = await stranger.fetch(`/share/${token}`);
    expect(page.status).toBe(404);
    const again = await owner.json(`/api/projects/${projectId}/share`, { method: 'POST' });
    expect(again.body.url).not.toContain(token);
  });

  it('answers not found for made-up and malformed tokens', async () => {
    const stranger = new ApiClient(server.baseUrl);
    for (const bad of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'short', '..%2F..%2Fetc']) {
      expect((await stranger.json(`/api/share/${bad}`)).status).toBe(404);
    }
  });
});
