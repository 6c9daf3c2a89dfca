// Upload reuse through HTTP: the same bytes uploaded again by the same owner take the earlier analysis and start no
// ffmpeg or ffprobe; another owner's upload, or bytes that differ in one place, are analysed anew.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaViewSchema, type MediaView } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

describe('uploading the same file again', () => {
  let server: TestServer;
  let files: http.Server;
  let origin: string;
  let tmp: string;
  let runsLog: string;
  let owner: ApiClient;
  const talkPath = mediaFile('talk-1080p.mp4');
  const talk = fs.readFileSync(talkPath);
  const firstUpload: { projectId?: string; media?: MediaView } = {};

  beforeAll(async () => {
    // ffmpeg and ffprobe behind scripts that write down every run (its arguments name the file) and then run the real one.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-reuse-'));
    runsLog = path.join(tmp, 'runs.log');
    fs.writeFileSync(runsLog, '');
    const wrap = (name: string) => {
      const real = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      const script = path.join(tmp, name);
      fs.writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> '${runsLog}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
      return script;
    };
    files = http.createServer((req, res) => {
      if (req.url !== '/talk.mp4') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'video/mp4' });
      fs.createReadStream(talkPath).pipe(res);
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    server = await startServer({ env: { FFMPEG_PATH: wrap('ffmpeg'), FFPROBE_PATH: wrap('ffprobe'), URL_IMPORT_ALLOW_LOOPBACK: '1' } });
    owner = new ApiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    files?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** ffmpeg/ffprobe runs whose arguments mention any of `marks` (a project id names its folder, a tus id its file). */
  const runsNaming = (...marks: string[]) => fs.readFileSync(runsLog, 'utf8').split('\n').filter((line) => marks.some((m) => line.includes(m)));

  async function uploadInto(client: ApiClient, projectId: string, file: string, as = 'talk.mp4'): Promise<MediaView> {
    const res = await client.upload(projectId, [{ path: file, as }]);
    expect(res.status).toBe(201);
    return mediaViewSchema.parse(res.body.media[0]);
  }

  async function rows(...ids: string[]) {
    const store = server.openStore();
    try {
      return await Promise.all(ids.map(async (id) => (await store.getMedia(id))!));
    } finally {
      await store.close();
    }
  }

  const bytesOf = async (client: ApiClient, url: string) => {
    const res = await client.fetch(url);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('analyses the first upload (ffprobe and ffmpeg run on it)', async () => {
    firstUpload.projectId = await owner.createProject('First');
    firstUpload.media = await uploadInto(owner, firstUpload.projectId, talkPath);
    const runs = runsNaming(firstUpload.projectId);
    expect(runs.some((l) => l.startsWith('ffprobe '))).toBe(true);
    expect(runs.some((l) => l.startsWith('ffmpeg ') && l.includes('pcm'))).toBe(true);
    const [row] = await rows(firstUpload.media.id);
    expect(row.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.analysis?.speech?.probability.length).toBeGreaterThan(0);
  });

  it('takes the analysis over for the same bytes in another project of the owner, running no ffmpeg or ffprobe', async () => {
    const projectId = await owner.createProject('Second');
    const second = await uploadInto(owner, projectId, talkPath, 'same talk again.mp4');
    expect(runsNaming(projectId)).toEqual([]);
    expect(server.logs()).toContain(`upload ${second.id}: same bytes as media ${firstUpload.media!.id}, its analysis reused`);

    const [a, b] = await rows(firstUpload.media!.id, second.id);
    expect(b.id).not.toBe(a.id);
    expect(b.path).not.toBe(a.path);
    expect(b.name).toBe('same talk again.mp4');
    expect({ probe: b.probe, analysis: b.analysis, peaks: b.peaks, videoIndex: b.videoIndex, size: b.size, sha: b.contentSha256 })
      .toEqual({ probe: a.probe, analysis: a.analysis, peaks: a.peaks, videoIndex: a.videoIndex, size: a.size, sha: a.contentSha256 });
    expect(second).toMatchObject({ kind: 'video', duration: firstUpload.media!.duration, width: 1920, height: 1080, hasAudio: true });
    // Its own copy of the file and the poster, served as the first one's.
    expect(second.thumbnailUrl).toBeTruthy();
    expect(await bytesOf(owner, second.thumbnailUrl!)).toEqual(await bytesOf(owner, firstUpload.media!.thumbnailUrl!));
    expect((await bytesOf(owner, second.url!)).equals(talk)).toBe(true);
    expect(await bytesOf(owner, second.peaksUrl!)).toEqual(await bytesOf(owner, firstUpload.media!.peaksUrl!));
  });

  it('reuses it for a resumable (tus) upload and a URL import of the same bytes too', async () => {
    const projectId = await owner.createProject('Third');
    // Two parts, so the running hash is carried from one PATCH to the next.
    const location = await owner.resumableUploadInTwoParts(projectId, talk, 'resumed.mp4');
    const uid = location.split('/').pop()!;
    const outcome = await owner.json(location);
    expect(outcome.status).toBe(200);
    const imported = await owner.json(`/api/projects/${projectId}/media`, { method: 'POST', body: { urls: [`${origin}/talk.mp4`] } });
    expect(imported.status).toBe(201);

    expect(runsNaming(projectId, uid)).toEqual([]);
    for (const id of [outcome.body.media.id, imported.body.media[0].id]) expect(server.logs()).toContain(`upload ${id}: same bytes as media`);
    const [first, resumed, fromUrl] = await rows(firstUpload.media!.id, outcome.body.media.id, imported.body.media[0].id);
    expect(resumed.contentSha256).toBe(first.contentSha256);
    expect(fromUrl.contentSha256).toBe(first.contentSha256);
    expect(resumed.analysis).toEqual(first.analysis);
  });

  it('analyses the same file anew for another owner', async () => {
    const stranger = new ApiClient(server.baseUrl);
    const projectId = await stranger.createProject('Theirs');
    const theirs = await uploadInto(stranger, projectId, talkPath);
    expect(runsNaming(projectId).some((l) => l.startsWith('ffmpeg ') && l.includes('pcm'))).toBe(true);
    expect(server.logs()).not.toContain(`upload ${theirs.id}: same bytes`);
    const [mine, their] = await rows(firstUpload.media!.id, theirs.id);
    expect(their.contentSha256).toBe(mine.contentSha256);
  });

  it('analyses a file that differs in one byte anew', async () => {
    const changed = Buffer.from(talk);
    const at = changed.indexOf('Lavf'); // the encoder tag: the picture and sound stay the same, the bytes do not
    expect(at).toBeGreaterThan(0);
    changed[at + 3] = 'g'.charCodeAt(0);
    const file = path.join(tmp, 'talk-one-byte.mp4');
    fs.writeFileSync(file, changed);
    const projectId = await owner.createProject('Changed');
    const media = await uploadInto(owner, projectId, file);
    expect(runsNaming(projectId).some((l) => l.startsWith('ffmpeg ') && l.includes('pcm'))).toBe(true);
    expect(server.logs()).not.toContain(`upload ${media.id}: same bytes`);
    const [first, other] = await rows(firstUpload.media!.id, media.id);
    expect(other.contentSha256).not.toBe(first.contentSha256);
    expect(other.size).toBe(first.size);
  });

  it('keeps a reused copy whole when the first project is deleted', async () => {
    const projectId = await owner.createProject('Survivor');
    const copy = await uploadInto(owner, projectId, talkPath);
    expect(server.logs()).toContain(`upload ${copy.id}: same bytes as media`);
    expect((await owner.json(`/api/projects/${firstUpload.projectId}`, { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await owner.fetch(firstUpload.media!.url!)).status).toBe(404);
    expect((await bytesOf(owner, copy.url!)).equals(talk)).toBe(true);
    expect((await bytesOf(owner, copy.thumbnailUrl!)).length).toBeGreaterThan(1000);
  });
});
