import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { eventually, filesUnder } from './diskFiles';

// One server with a 1 MB cap: every bad input gets its code, leaves no file, and the server keeps serving.
describe('bad uploads', () => {
  let server: TestServer;
  let client: ApiClient;
  let projectId: string;
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-bad-'));
    server = await startServer({ env: { MAX_UPLOAD_MB: '1', URL_IMPORT_ALLOW_LOOPBACK: '0' } });
    client = new ApiClient(server.baseUrl);
    projectId = await client.createProject('Bad input');
  });
  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function expectStillServing() {
    expect((await client.json('/api/health')).status).toBe(200);
    expect((await client.json(`/api/projects/${projectId}`)).body.media).toEqual([]);
  }

  function fixture(name: string, bytes: Buffer | string): string {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, bytes);
    return p;
  }

  const cases: Array<[string, () => { path: string; as?: string }[], number, number, RegExp]> = [
    ['a zero-byte file', () => [{ path: fixture('empty.mp4', '') }], 415, 4001, /"empty\.mp4".*is empty.*MP4, MOV/],
    [
      'the first 100 KB of a real MP4',
      () => [{ path: fixture('cut.mp4', fs.readFileSync(mediaFile('talk-1080p.mp4')).subarray(0, 100 * 1024)) }],
      415,
      4001,
      /"cut\.mp4".*cut short/,
    ],
    ['a text file named .mp4', () => [{ path: fixture('notes.mp4', fs.readFileSync(mediaFile('../media/SOURCES.md'))) }], 415, 4001, /"notes\.mp4".*not a (video|supported)/],
    ['a file over the 1 MB cap', () => [{ path: mediaFile('talk-example-720p.mp4') }], 413, 4002, /"talk-example-720p\.mp4" is larger than the 1 MB/],
    [
      'a good file followed by a bad one (the whole request fails, naming the bad one)',
      () => [{ path: mediaFile('sar-2by3.mp4') }, { path: fixture('readme.mp4', 'just some words\n'.repeat(100)) }],
      415,
      4001,
      /"readme\.mp4"/,
    ],
  ];

  it.each(cases)('%s is refused and leaves nothing on disk', async (_title, files, status, code, message) => {
    const res = await client.upload(projectId, files());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    expect(await server.allFiles('media')).toEqual([]);
    await expectStillServing();
  });

  it('refuses a body that is not multipart or JSON urls with 400', async () => {
    const res = await client.json(`/api/projects/${projectId}/media`, { method: 'POST', body: { files: 'nope' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(400);
    await expectStillServing();
  });

  it('removes the partial file when the client disconnects mid-upload', async () => {
    const boundary = 'media-test-boundary';
    const url = new URL(`/api/projects/${projectId}/media`, server.baseUrl);
    const req = http.request(url, {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => {}); // we are the ones hanging up
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="slow.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
    const bytes = fs.readFileSync(mediaFile('talk-1080p.mp4')).subarray(0, 400 * 1024);
    for (let i = 0; i < 4; i++) {
      req.write(bytes.subarray(i * 64 * 1024, (i + 1) * 64 * 1024));
      await new Promise((r) => setTimeout(r, 150));
    }
    // The server has started writing the file; now the "browser tab closes".
    await eventually(async () => expect((await server.allFiles('media')).length).toBe(1));
    req.destroy();
    await eventually(async () => expect(await server.allFiles('media')).toEqual([]));
    await expectStillServing();
  });

  it('refuses URLs to loopback, private and metadata addresses with 4003 when loopback is not allowed', async () => {
    // A real loopback server: had the app connected to it, it would have seen the request.
    const seen: string[] = [];
    const fixtureServer = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => fixtureServer.listen(0, '127.0.0.1', r));
    const port = (fixtureServer.address() as { port: number }).port;
    try {
      for (const [target, reason] of [
        [`http://127.0.0.1:${port}/clip.mp4`, /loopback/],
        [`http://[::1]:${port}/clip.mp4`, /loopback/],
        ['http://10.0.0.1/clip.mp4', /inside our network/],
        ['http://169.254.169.254/latest/meta-data/', /inside our network \(cloud metadata/],
        ['http://[::ffff:169.254.169.254]/latest/meta-data/', /cloud metadata/],
        ['file:///etc/passwd', /only http and https/],
      ] as const) {
        const res = await client.json(`/api/projects/${projectId}/media`, { method: 'POST', body: { urls: [target] } });
        expect(res.status, target).toBe(400);
        expect(res.body.error.code).toBe(4003);
        expect(res.body.error.message).toMatch(/^That URL cannot be imported: /);
        expect(res.body.error.message).toMatch(reason);
      }
      expect(seen).toEqual([]);
    } finally {
      fixtureServer.close();
    }
    expect(await server.allFiles('media')).toEqual([]);
    await expectStillServing();
  });

  it('accepts a name with ../ and quotes, stores it under our own name (inside DATA_DIR, or the bucket)', async () => {
    const res = await client.upload(projectId, [{ path: mediaFile('sar-2by3.mp4'), as: '../../evil "quoted" \'name\'.mp4' }]);
    expect(res.status).toBe(201);
    const [m] = res.body.media;
    expect(m.name).toBe("evil 'quoted' 'name'.mp4");
    const stored = (await server.storedFiles('media')).filter((p) => p.includes(m.id));
    expect(stored).toEqual([`media/${projectId}/${m.id}.mp4`, `media/${projectId}/${m.id}.thumb.jpg`].sort());
    expect(filesUnder(server.dataDir).filter((p) => p.includes(m.id))).toEqual(server.s3Env ? [] : stored.map((k) => path.join(server.dataDir, k)));
    expect(fs.readdirSync(path.dirname(server.dataDir)).some((f) => f.includes('evil'))).toBe(false);
  });
});
