import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { eventually } from './diskFiles';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

// tus 1.0 over real HTTP against the built app: creation, offsets, appends, the ingest at the last byte, ownership and the cap.
describe('resumable uploads (tus 1.0)', () => {
  let server: TestServer;
  let client: ApiClient;
  let projectId: string;
  const talk = fs.readFileSync(mediaFile('talk-1080p.mp4'));

  beforeAll(async () => {
    server = await startServer({ env: { MAX_UPLOAD_MB: '2' } });
    client = new ApiClient(server.baseUrl);
    projectId = await client.createProject('Resumable');
  });
  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  async function create(size: number, name: string, as = client, project = projectId) {
    return as.fetch(`/api/projects/${project}/uploads`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(size), 'Upload-Metadata': `filename ${b64(name)},filetype ${b64('video/mp4')}` },
    });
  }
  const patch = (location: string, offset: number, bytes: Buffer) =>
    client.fetch(location, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes),
    });
  const head = (location: string, as = client) => as.fetch(location, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });

  it('creates, reports the offset, appends in two halves and ingests at the last byte', async () => {
    const created = await create(talk.length, 'talk "one".mp4');
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/api/projects/${projectId}/uploads/[A-Za-z0-9_-]{24}$`));
    expect(created.headers.get('upload-expires')).toBeTruthy();

    const half = Math.floor(talk.length / 2);
    const first = await patch(location, 0, talk.subarray(0, half));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe(String(half));
    expect((await head(location)).headers.get('upload-offset')).toBe(String(half));

    const early = await client.json(location);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(new RegExp(`${half} of ${talk.length} bytes arrived`));

    // A stale offset is refused without touching the upload.
    expect((await patch(location, 0, talk.subarray(0, 10))).status).toBe(409);

    const rest = await patch(location, half, talk.subarray(half));
    expect(rest.status).toBe(204);
    expect(rest.headers.get('upload-offset')).toBe(String(talk.length));

    const done = await client.json(location);
    expect(done.status).toBe(200);
    expect(done.body.media).toMatchObject({ name: "talk 'one'.mp4", kind: 'video', width: 1920, height: 1080, size: talk.length });
    const project = await client.json(`/api/projects/${projectId}`);
    expect(project.body.media.map((m: { id: string }) => m.id)).toEqual([done.body.media.id]);
    // The bytes moved into the project's media; the stored file is byte-identical to what was sent.
    const stored = (await server.storedFiles(`media/${projectId}`)).find((p) => p.endsWith(`${done.body.media.id}.mp4`))!;
    expect(fs.readFileSync((await server.blobs().localPath(stored))!).equals(talk)).toBe(true);
    expect(fs.existsSync(path.join(server.workDir, 'tus', location.split('/').pop()!))).toBe(false);

    // A client that lost the last answer asks again and hears the upload is whole.
    const again = await head(location);
    expect(again.status).toBe(200);
    expect(again.headers.get('upload-offset')).toBe(String(talk.length));
  });

  it('keeps the bytes that arrived before the connection dropped mid-PATCH', async () => {
    const location = (await create(talk.length, 'dropped.mp4')).headers.get('location')!;
    const req = http.request(new URL(location, server.baseUrl), {
      method: 'PATCH',
      headers: {
        cookie: client.cookie,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(talk.length),
      },
    });
    req.on('error', () => {}); // we are the ones hanging up
    const sent = 600 * 1024;
    req.write(talk.subarray(0, sent));
    const dataFile = path.join(server.workDir, 'tus', location.split('/').pop()!);
    await eventually(() => expect(fs.statSync(dataFile).size).toBe(sent));
    req.destroy();
    await eventually(async () => expect((await head(location)).headers.get('upload-offset')).toBe(String(sent)));
    // Resuming from there needs only the rest.
    expect((await patch(location, sent, talk.subarray(sent))).status).toBe(204);
    expect((await client.json(location)).body.media.size).toBe(talk.length);
  });

  it('refuses a declared size over the cap with 4002 and creates nothing', async () => {
    const res = await create(3 * 1024 * 1024, 'big.mp4');
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 4002 });
    expect(body.error.message).toMatch(/"big\.mp4" is larger than the 2 MB upload limit/);
  });

  it('refuses bytes past the declared length', async () => {
    const location = (await create(1000, 'short.mp4')).headers.get('location')!;
    const res = await patch(location, 0, talk.subarray(0, 2000));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe(4002);
  });

  it('answers an unusable file with the multipart errors and keeps nothing', async () => {
    const text = Buffer.from('just some words\n'.repeat(100));
    const location = (await create(text.length, 'notes.mp4')).headers.get('location')!;
    expect((await patch(location, 0, text)).status).toBe(204);
    const res = await client.json(location);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe(4001);
    expect(res.body.error.message).toMatch(/"notes\.mp4"/);
    const uid = location.split('/').pop()!;
    expect((await server.allFiles(`media/${projectId}`)).some((p) => p.includes('.incoming'))).toBe(false);
    expect(fs.existsSync(path.join(server.workDir, 'tus', uid))).toBe(false);
  });

  it('lets no other browser or project see or continue an upload', async () => {
    const location = (await create(talk.length, 'mine.mp4')).headers.get('location')!;
    const stranger = new ApiClient(server.baseUrl);
    await stranger.createProject('Theirs');
    expect((await head(location, stranger)).status).toBe(404);
    expect((await stranger.json(location)).status).toBe(404);
    const other = await client.createProject('Other of mine');
    const sameOwnerOtherProject = location.replace(`/projects/${projectId}/`, `/projects/${other}/`);
    expect((await head(sameOwnerOtherProject)).status).toBe(404);
    expect((await create(10, 'x.mp4', stranger)).status).toBe(404);
  });
});
