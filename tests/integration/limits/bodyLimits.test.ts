import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { startServer, type TestServer } from '../../helpers/server';

/** Streams `total` bytes of JSON-looking body in chunks, stopping as soon as the server answers. */
function streamBody(baseUrl: string, pathname: string, total: number, headers: Record<string, string>) {
  return new Promise<{ status: number; sent: number; body: string; retryAfter?: string }>((resolve, reject) => {
    const url = new URL(pathname, baseUrl);
    const req = http.request(url, { method: 'POST', headers });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, sent, body });
      });
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(sent === chunk.length ? Buffer.concat([Buffer.from('{"title":"'), chunk.subarray(10)]) : chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('JSON bodies are small and really JSON', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Loopback socket buffers can take ~10 MB that nobody reads (the client's send buffer plus the
  // server's receive buffer, each auto-tuned to a few MB), so a body that small can be "sent" whole
  // while the server reads none of it. The bodies here are 64 MB: a server that answers without
  // reading them leaves the client stuck well short of the end.
  const bigBody = 64 * 1024 * 1024;

  it('refuses a 64 MB JSON body without a length before it is read whole', async () => {
    const r = await streamBody(server.baseUrl, '/api/projects', bigBody, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/larger than 64 KB/);
    // The answer came while most of the body was still unsent.
    expect(r.sent).toBeLessThan(bigBody / 2);
  });

  it('refuses a declared 64 MB body at once', async () => {
    const r = await streamBody(server.baseUrl, '/api/projects', bigBody, {
      'content-type': 'application/json',
      'content-length': String(bigBody),
    });
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(bigBody / 2);
    expect((await new ApiClient(server.baseUrl).json('/api/projects')).body.projects).toEqual([]);
  });

  it('wants application/json for a body, and takes an empty body as {}', async () => {
    const c = new ApiClient(server.baseUrl);
    const plain = await c.fetch('/api/projects', { method: 'POST', body: '{"title":"x"}', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(400);
    expect((await plain.json()).error.message).toMatch(/Content-Type: application\/json/);
    const form = await c.fetch('/api/projects', { method: 'POST', body: new URLSearchParams({ title: 'x' }) });
    expect(form.status).toBe(400);
    const empty = await c.fetch('/api/projects', { method: 'POST' });
    expect(empty.status).toBe(201);
  });
});
