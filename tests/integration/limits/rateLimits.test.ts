import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

/** A loopback server that accepts requests and never answers: a slow model endpoint, a slow download. */
async function hangingServer() {
  const open = new Set<http.ServerResponse>();
  const srv = http.createServer((_req, res) => void open.add(res));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    close: async () => {
      for (const res of open) res.destroy();
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    },
  };
}

describe('rate limits per owner and per address, with Retry-After', () => {
  let server: TestServer;
  let hanging: Awaited<ReturnType<typeof hangingServer>>;
  beforeAll(async () => {
    hanging = await hangingServer();
    server = await startServer({
      env: {
        RATE_PROJECTS_PER_MIN: '3',
        RATE_UPLOADS_PER_MIN: '2',
        RATE_CHAT_PER_MIN: '30',
        QUOTA_CHAT_STREAMS: '1',
        QUOTA_URL_IMPORTS: '1',
        QUOTA_PROJECTS: '100',
        URL_IMPORT_ALLOW_LOOPBACK: '1',
        LLM_BASE_URL: `${hanging.url}/v1`,
        LLM_MODEL: 'slow',
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await hanging?.close();
  });

  it('counts new projects per address, so fresh cookies and a made-up X-Forwarded-For do not help', async () => {
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await new ApiClient(server.baseUrl).fetch('/api/projects', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: '{}',
      });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await limited!.json();
    expect(body.error).toMatchObject({ code: 429, message: expect.stringMatching(/Too many new projects.*Wait \d+ s/) });
  });

  it('limits uploads per owner', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await createWhenAllowed(c);
    // Sent together, so a slow machine cannot refill the bucket between them (one token comes back every 30 s).
    const results = await Promise.all([1, 2, 3].map(() => c.upload(id, [{ path: mediaFile('sar-2by3.mp4') }])));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 429]);
    expect(results.find((r) => r.status === 429)!.body.error.message).toMatch(/Too many uploads/);
    expect((await c.json(`/api/projects/${id}/media`)).body.media).toHaveLength(2);
  });

  it('keeps at most one open chat stream per owner and frees the place when the stream ends', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await createWhenAllowed(c);
    const first = new AbortController();
    const open = await c.fetch(`/api/projects/${id}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'make it feel cinematic and punchy' }),
      signal: first.signal,
    });
    expect(open.status).toBe(200);
    const second = await c.json(`/api/projects/${id}/chat`, { method: 'POST', body: { message: 'hello' } });
    expect(second.status).toBe(429);
    expect(second.body.error.message).toMatch(/chat replies in progress/);
    first.abort();
    await open.body?.cancel().catch(() => {});
    await expect.poll(async () => (await c.json(`/api/projects/${id}/chat`, { method: 'POST', body: { message: 'status' } })).status, {
      timeout: 15_000,
    }).toBe(200);
  });

  it('runs one URL import at a time per owner', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await createWhenAllowed(c);
    const slow = new AbortController();
    const pending = c.fetch(`/api/projects/${id}/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ urls: [`${hanging.url}/slow.mp4`] }),
      signal: slow.signal,
    }).catch(() => null);
    await new Promise((r) => setTimeout(r, 1000));
    const second = await c.json(`/api/projects/${id}/media`, { method: 'POST', body: { urls: [`${hanging.url}/other.mp4`] } });
    expect(second.status).toBe(429);
    expect(second.body.error.message).toMatch(/URL imports running/);
    slow.abort();
    await pending;
  });
});

/** Project creation from this address may be rate limited by an earlier test: wait for Retry-After. */
async function createWhenAllowed(c: ApiClient): Promise<string> {
  for (;;) {
    const res = await c.fetch('/api/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (res.status === 201) return (await res.json()).project.id;
    expect(res.status).toBe(429);
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
  }
}
