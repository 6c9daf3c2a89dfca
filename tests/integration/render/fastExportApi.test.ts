// The export object says which path made the file: a cut talk comes back as a fast export, "full" on request encodes everything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { ffprobe } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { decodeErrors } from './smartChecks';

describe('fast export through the HTTP API', () => {
  let server: TestServer;
  let tmp: string;
  beforeAll(async () => {
    server = await startServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fast-export-it-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('copies what it can by default, and encodes every frame when full quality is asked for', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await client.createProject('Fast export');
    expect((await client.upload(id, [{ path: mediaFile('talk-1080p.mp4') }])).status).toBe(201);
    // Two short pieces with a cut between them, committed as an edit would be.
    const store = server.openStore();
    const head = await store.getTimelineHead(id);
    const sourceId = head.current.timeline.video[0].sourceId;
    const video = [[1.2, 4.3], [13.5, 16.1]].map(([from, to], i) => ({ id: `p${i}`, sourceId, in: from, out: to, speed: 1, volume: 1 }));
    await store.commitTimeline(id, { ...head.current.timeline, video }, 'two pieces');
    expect((await store.listMedia(id))[0].videoIndex).toMatchObject({ codec: 'h264', profile: 'High', constantFrameRate: true, cutFrames: expect.arrayContaining([0, 54, 114]) });
    await store.close();

    const exportWith = async (body: object) => {
      const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body });
      expect(started.status).toBe(202);
      const done = await client.waitForExport(id, started.body.export.id, 550_000);
      expect(done.status, `${done.error}\n${server.logs().slice(-3000)}`).toBe('completed');
      const file = path.join(tmp, `${done.id}.mp4`);
      await client.download(done.url, file);
      return { done, file };
    };

    const fast = await exportWith({ quality: 'high' });
    expect(fast.done).toMatchObject({ render: 'smart', width: 1920, height: 1080 });
    expect(fast.done.renderReason).toBeUndefined();
    const full = await exportWith({ quality: 'high', render: 'full' });
    expect(full.done).toMatchObject({ render: 'full', renderReason: 'full quality was asked for' });
    for (const { file } of [fast, full]) {
      const v = ffprobe(file).streams.find((s) => s.codec_type === 'video')!;
      expect([v.codec_name, v.profile, v.nb_frames]).toEqual(['h264', 'High', '171']);
      expect(decodeErrors(file)).toBe('');
    }
  }, 600_000);
});
