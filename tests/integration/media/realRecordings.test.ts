// Files as browsers and cameras really make them: a MediaRecorder WebM with no stated length is measured and exports;
// files over the limits (length, pixels, streams) are refused with a reason and leave nothing on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { ffmpeg, ffprobe } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

const makers: Record<string, (dir: string) => string> = {
  'a 61 s file over a 1 minute cap': () => mediaFile('music-vibe-ace.ogg'),
  'a video larger than 8K': (dir) => {
    const p = path.join(dir, 'huge.mkv');
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=7712x4352:r=1:d=1', '-c:v', 'mjpeg', '-q:v', '31', p]);
    return p;
  },
  'a file with 17 audio tracks': (dir) => {
    const p = path.join(dir, 'tracks.mka');
    ffmpeg(['-f', 'lavfi', '-i', 'sine=d=1', ...Array.from({ length: 17 }, () => ['-map', '0:a']).flat(), '-c:a', 'flac', p]);
    return p;
  },
};

describe('real recordings and limits', () => {
  let server: TestServer;
  let client: ApiClient;
  let tmp: string;

  const fixtures: Record<string, string> = {};

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-real-'));
    // Made before the server starts: a synchronous ffmpeg between requests blocks the event loop past the server's
    // keep-alive, and the next request goes out on a socket the server has already closed.
    for (const [name, make] of Object.entries(makers)) fixtures[name] = make(tmp);
    // -live 1 writes the file as a browser does: unknown sizes, no Duration element, no cues.
    fixtures.webm = path.join(tmp, 'screen-recording.webm');
    ffmpeg(['-i', mediaFile('talk-example-12s.webm'), '-c', 'copy', '-f', 'webm', '-live', '1', fixtures.webm]);
    // A one-minute length cap stands in for the default four hours, so the over-long file can be a real one.
    server = await startServer({ env: { MAX_MEDIA_MINUTES: '1' } });
    client = new ApiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a MediaRecorder-style WebM (VP9 + Opus, written live, no duration) uploads with its measured length and exports', async () => {
    const recorded = fixtures.webm;
    expect(ffprobe(recorded).format.duration).toBeUndefined();

    const id = await client.createProject('Browser recording');
    const up = await client.upload(id, [{ path: recorded }]);
    expect(up.status).toBe(201);
    expect(up.body.media[0].kind).toBe('video');
    expect(up.body.media[0].duration).toBeCloseTo(12, 0);

    const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } });
    expect(started.status).toBe(202);
    const done = await client.waitForExport(id, started.body.export.id);
    expect(done.status).toBe('completed');
    const out = path.join(tmp, 'out.mp4');
    await client.download(done.url, out);
    expect(Number(ffprobe(out).format.duration)).toBeCloseTo(12, 0);
  });

  const cases: Array<[string, RegExp]> = [
    [
      'a 61 s file over a 1 minute cap',
      /"music-vibe-ace\.ogg" cannot be used: it is 1 min 1 s long; the longest accepted is 1 min: cut it into parts first/,
    ],
    [
      'a video larger than 8K',
      /"huge\.mkv" cannot be used: it is 7712x4352 \(33\.6 megapixels\); the largest picture accepted is 33\.2 megapixels \(8K, 7680x4320\)/,
    ],
    [
      'a file with 17 audio tracks',
      /"tracks\.mka" cannot be used: it has 17 streams; files with at most 16/,
    ],
  ];

  it.each(cases)('%s is refused with 4001 and a reason, leaving nothing behind', async (title, message) => {
    const file = fixtures[title];
    const id = await client.createProject('Limits');
    const res = await client.upload(id, [{ path: file }]);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe(4001);
    expect(res.body.error.message).toMatch(message);
    expect(await server.allFiles(`media/${id}`)).toEqual([]);
    expect((await client.json(`/api/projects/${id}`)).body.media).toEqual([]);
  });
});
