import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaViewSchema } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

// URL import against a real file server on 127.0.0.1 (the test switch allows loopback, and nothing else).
describe('URL import', () => {
  let server: TestServer;
  let files: http.Server;
  let origin: string;
  let client: ApiClient;
  let projectId: string;
  const requests: string[] = [];

  beforeAll(async () => {
    files = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      const redirect = (to: string) => res.writeHead(302, { location: to }).end();
      const hop = /^\/hop\/(\d+)$/.exec(req.url ?? '');
      if (req.url === '/media/sar.mp4') {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-disposition': 'attachment; filename="from the web.mp4"' });
        fs.createReadStream(mediaFile('sar-2by3.mp4')).pipe(res);
      } else if (req.url === '/media/big.mpg') {
        // No Content-Length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'video/mpeg' });
        fs.createReadStream(mediaFile('city-timelapse.mpg')).pipe(res);
      } else if (req.url === '/media/slow.mp4') {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        const timer = setInterval(() => res.write(Buffer.alloc(1024)), 200);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/to-private') redirect('http://10.0.0.1/clip.mp4');
      else if (req.url === '/to-metadata') redirect('http://169.254.169.254/latest/meta-data/');
      else if (req.url === '/to-good') redirect('/media/sar.mp4');
      else if (hop) redirect(`/hop/${Number(hop[1]) + 1}`);
      else res.writeHead(404).end('missing');
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    server = await startServer({ env: { URL_IMPORT_ALLOW_LOOPBACK: '1', MAX_UPLOAD_MB: '1', URL_IMPORT_TIMEOUT_MS: '3000' } });
    client = new ApiClient(server.baseUrl);
    projectId = await client.createProject('Imports');
  });
  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    files?.close();
  });

  const importUrls = (urls: string[]) => client.json(`/api/projects/${projectId}/media`, { method: 'POST', body: { urls } });

  it('imports a file from a URL through the same path as an upload', async () => {
    const res = await importUrls([`${origin}/to-good`]);
    expect(res.status).toBe(201);
    const [m] = res.body.media.map((x: unknown) => mediaViewSchema.parse(x));
    expect(m).toMatchObject({ name: 'from the web.mp4', kind: 'video', width: 427, height: 360, size: fs.statSync(mediaFile('sar-2by3.mp4')).size });
    expect(requests.slice(-2)).toEqual(['/to-good', '/media/sar.mp4']);
    const timeline = await client.json(`/api/projects/${projectId}/timeline`);
    expect(timeline.body.tracks.find((t: { type: string }) => t.type === 'video').segments.map((s: { sourceId: string }) => s.sourceId)).toEqual([m.id]);
  });

  it.each([
    ['a redirect to a private address', '/to-private', /inside our network \(private address\)/],
    ['a redirect to the cloud metadata address', '/to-metadata', /cloud metadata/],
    ['more than 5 redirects', '/hop/0', /redirects more than 5 times/],
    ['a 404', '/nothing-here', /answered 404/],
    ['a download slower than the time cap', '/media/slow.mp4', /did not finish downloading within 3 s/],
  ])('refuses %s with 4003 and keeps nothing', async (_title, pathname, reason) => {
    const before = await server.allFiles('media');
    const res = await importUrls([`${origin}${pathname}`]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(4003);
    expect(res.body.error.message).toMatch(reason);
    expect(await server.allFiles('media')).toEqual(before);
  });

  it('stops a download at the size cap with 4002, even when the server sends no length', async () => {
    const before = await server.allFiles('media');
    const res = await importUrls([`${origin}/media/sar.mp4`, `${origin}/media/big.mpg`]);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 4002, message: expect.stringMatching(/"big\.mpg" is larger than the 1 MB/) });
    expect(await server.allFiles('media')).toEqual(before);
    expect((await client.json('/api/health')).status).toBe(200);
  });

  it('never asked the redirect targets: every request the file server saw was on loopback', () => {
    expect(requests.every((r) => r.startsWith('/'))).toBe(true);
    expect(requests).toContain('/to-private');
    expect(requests).toContain('/hop/5');
    expect(requests).not.toContain('/hop/6');
  });
});
