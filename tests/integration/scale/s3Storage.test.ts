// A web process on PostgreSQL and S3 (s3rver on loopback): upload, chat edit, export and ranged downloads go through the bucket, deletion empties it, and nothing lands under DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startPostgres, type ThrowawayPostgres } from '../../helpers/postgres';
import { startS3, type ThrowawayS3 } from '../../helpers/s3';
import { startServer, tempDataDir, type TestServer } from '../../helpers/server';
import { filesUnder } from '../media/diskFiles';
import { exportFacts } from '../render/outputChecks';

/** Every entry (files and folders) under a folder: a file written and later removed still leaves its folder. */
const nothingUnder = (dir: string) => fs.readdirSync(dir, { recursive: true });

const TALK = mediaFile('talk-example-12s.webm');
const BUNNY = mediaFile('big-buck-bunny-30s.webm');
const BUCKET = 'in-video-media';

describe('media and exports in S3-compatible storage', () => {
  let cluster: ThrowawayPostgres;
  let s3: ThrowawayS3;
  let dataDir: string;
  let cacheDir: string;
  let scratch: string;
  let web: TestServer;

  beforeAll(async () => {
    [cluster, s3] = await Promise.all([startPostgres(), startS3()]);
    await s3.newBucket(BUCKET);
    // Left by a crashed process: no row points to them, so the start-up sweep must find them in the bucket.
    for (const Key of ['media/ghost-project/m1.mp4', 'exports/ghost-export.mp4']) {
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'left over' }));
    }
    dataDir = tempDataDir('in-video-s3-data-');
    cacheDir = tempDataDir('in-video-s3-cache-');
    scratch = tempDataDir('in-video-s3-test-');
    web = await startServer({
      dataDir,
      env: {
        DATABASE_URL: await cluster.newDatabase(),
        ...s3.env(BUCKET),
        BLOB_CACHE_DIR: cacheDir,
        SESSION_SECRET: 'the-s3-storage-test-session-secret-0123456789',
        // 2 MiB: two 0.57 MB talks fit with a 1.29 MB clip only once one talk is deleted.
        QUOTA_STORAGE_MB: '2',
      },
    });
  });
  afterAll(async () => {
    await web?.stop();
    await Promise.all([cluster?.stop(), s3?.stop()]);
    for (const dir of [dataDir, cacheDir, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const logs = () => web.logs().slice(-3000);

  it('sweeps objects no row points to at start-up', async () => {
    expect(await s3.keys(BUCKET)).toEqual([]);
  });

  it('keeps uploads and exports in the bucket, serves byte ranges of both, and deleting the project leaves no object', async () => {
    const client = new ApiClient(web.baseUrl);
    const id = await client.createProject('In the bucket');
    const up = await client.upload(id, [{ path: TALK }]);
    expect(up.status, `${JSON.stringify(up.body)}\n${logs()}`).toBe(201);
    const media = up.body.media[0] as { id: string; hasThumbnail: boolean };
    expect(await s3.keys(BUCKET)).toEqual([`media/${id}/${media.id}.thumb.jpg`, `media/${id}/${media.id}.webm`]);

    // The source through our route, by range: the same bytes as the file that was uploaded.
    const source = fs.readFileSync(TALK);
    const part = await client.fetch(`/api/projects/${id}/media/${media.id}/file`, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${source.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(source.subarray(1000, 2000))).toBe(true);
    const poster = await client.fetch(`/api/projects/${id}/media/${media.id}/thumbnail`);
    expect(poster.status).toBe(200);
    expect([...Buffer.from(await poster.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]); // a JPEG

    const full = (await client.json(`/api/projects/${id}/timeline`)).body.duration as number;
    const events = await client.chat(id, 'trim 2 seconds off the start');
    expect(events.filter((e) => e.type === 'error'), JSON.stringify(events)).toEqual([]);

    const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const done = await client.waitForExport(id, started.body.export.id);
    expect(done.status, `${done.error}\n${logs()}`).toBe('completed');
    const exportKey = `exports/${done.id}.mp4`;
    expect(await s3.keys(BUCKET)).toContain(exportKey);

    // A player's first request, then the whole file, checked with ffprobe.
    const head = await client.fetch(done.url, { headers: { range: 'bytes=0-1023' } });
    expect(head.status).toBe(206);
    const size = Number(head.headers.get('content-range')?.split('/')[1]);
    expect(size).toBe(done.size);
    const first = Buffer.from(await head.arrayBuffer());
    expect(first.length).toBe(1024);
    expect(first.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const file = path.join(scratch, 'export.mp4');
    await client.download(done.url, file);
    expect(fs.statSync(file).size).toBe(size);
    expect(fs.readFileSync(file).subarray(0, 1024).equals(first)).toBe(true);
    const facts = exportFacts(file);
    expect(facts.videoCodec).toBe('h264');
    expect(facts.duration).toBeGreaterThan(full - 2 - 0.5);
    expect(facts.duration).toBeLessThan(full - 2 + 0.5);

    // The web process wrote nothing under DATA_DIR: uploads, posters, the render and its work files
    // all passed through its cache folder, which holds no upload or render once they are done.
    expect(nothingUnder(dataDir)).toEqual([]);
    expect(filesUnder(cacheDir).filter((f) => /\.(incoming|partial\.mp4)$/.test(f) || f.includes('.work'))).toEqual([]);

    const deleted = await client.fetch(`/api/projects/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await s3.keys(BUCKET)).toEqual([]);
    expect((await client.fetch(done.url)).status).toBe(404);
    expect(nothingUnder(dataDir)).toEqual([]);
  });

  it('deletes one upload and one export from the bucket, and counts their bytes against the owner until then', async () => {
    const client = new ApiClient(web.baseUrl);
    const id = await client.createProject('Pieces');
    const up = await client.upload(id, [{ path: TALK }, { path: TALK, as: 'second.webm' }]);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const [keep, drop] = up.body.media as { id: string }[];

    // The quota reads stored sizes from the rows, wherever the bytes are.
    const over = await client.upload(id, [{ path: BUNNY }]);
    expect(over.status, JSON.stringify(over.body)).toBe(413);
    const removed = await client.fetch(`/api/projects/${id}/media/${drop.id}?force=1`, { method: 'DELETE' });
    expect(removed.status, await removed.clone().text()).toBeLessThan(300);
    expect(await s3.keys(BUCKET)).toEqual([`media/${id}/${keep.id}.thumb.jpg`, `media/${id}/${keep.id}.webm`]);
    const fits = await client.upload(id, [{ path: BUNNY }]);
    expect(fits.status, JSON.stringify(fits.body)).toBe(201);
    const bunny = (fits.body.media as { id: string }[])[0];
    const stored = [`media/${id}/${bunny.id}.thumb.jpg`, `media/${id}/${bunny.id}.webm`, `media/${id}/${keep.id}.thumb.jpg`, `media/${id}/${keep.id}.webm`].sort();
    expect(await s3.keys(BUCKET)).toEqual(stored);

    const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } });
    const done = await client.waitForExport(id, started.body.export.id);
    expect(done.status, `${done.error}\n${logs()}`).toBe('completed');
    expect(await s3.keys(BUCKET)).toContain(`exports/${done.id}.mp4`);
    const gone = await client.fetch(`/api/projects/${id}/exports/${done.id}`, { method: 'DELETE' });
    expect(gone.status).toBeLessThan(300);
    expect(await s3.keys(BUCKET)).toEqual(stored);
    expect(nothingUnder(dataDir)).toEqual([]);
  });

  it('takes a resumable upload into the bucket once its last byte arrives', async () => {
    const client = new ApiClient(web.baseUrl);
    const id = await client.createProject('Resumable');
    const talk = fs.readFileSync(TALK);
    const location = await client.resumableUploadInTwoParts(id, talk, 'talk.webm');
    const done = await client.json(location);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const mediaId = done.body.media.id as string;
    expect((await s3.keys(BUCKET)).filter((k) => k.startsWith(`media/${id}/`))).toEqual([`media/${id}/${mediaId}.thumb.jpg`, `media/${id}/${mediaId}.webm`]);
    const whole = await client.fetch(`/api/projects/${id}/media/${mediaId}/file`);
    expect(Buffer.from(await whole.arrayBuffer()).equals(talk)).toBe(true);
    expect(nothingUnder(dataDir)).toEqual([]);

    expect((await client.fetch(`/api/projects/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await s3.keys(BUCKET)).filter((k) => k.startsWith(`media/${id}/`))).toEqual([]);
  });
});
