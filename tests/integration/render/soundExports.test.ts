import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { ffmpeg } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { ebur128, exportFacts, greyFrame } from './outputChecks';

describe('sound ready to post, audio-only projects and long cut lists (real ffmpeg)', () => {
  let server: TestServer;
  let tmp: string;
  beforeAll(async () => {
    server = await startServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-sound-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function project(client: ApiClient, title: string, files: { path: string }[]) {
    const id = await client.createProject(title);
    const up = await client.upload(id, files);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return id;
  }

  async function say(client: ApiClient, id: string, message: string): Promise<ChatEvent[]> {
    const events = await client.chat(id, message);
    expect(events.filter((e) => e.type === 'error'), JSON.stringify(events)).toEqual([]);
    return events;
  }

  async function exportFile(client: ApiClient, id: string, quality: ExportQuality = 'high') {
    const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const done = await client.waitForExport(id, started.body.export.id);
    expect(done.status, `${done.error}\n${server.logs().slice(-3000)}`).toBe('completed');
    const file = path.join(tmp, `${done.id}.mp4`);
    await client.download(done.url, file);
    return { record: done, file };
  }

  it('a talk exports at -14 LUFS (within 1 LU) with true peaks at or under -1 dBTP, and the export says so', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await project(client, 'Loud talk', [{ path: mediaFile('talk-1080p.mp4') }]);
    const { record, file } = await exportFile(client, id, 'preview');
    const measured = ebur128(file);
    expect(Math.abs(measured.integratedLufs - -14)).toBeLessThanOrEqual(1);
    expect(measured.truePeakDb).toBeLessThanOrEqual(-1);
    expect(Math.abs(record.loudness.integratedLufs - measured.integratedLufs)).toBeLessThanOrEqual(0.2);
    expect(record.loudness.truePeakDb).toBeLessThanOrEqual(-1);
  });

  it('"normalise for podcast" exports at -16 LUFS; "no normalisation" leaves the sound as recorded', async () => {
    const client = new ApiClient(server.baseUrl);
    const source = mediaFile('talk-1080p.mp4');
    const id = await project(client, 'Podcast level', [{ path: source }]);
    await say(client, id, 'normalise for podcast');
    const podcast = ebur128((await exportFile(client, id, 'preview')).file);
    expect(Math.abs(podcast.integratedLufs - -16)).toBeLessThanOrEqual(1);
    expect(podcast.truePeakDb).toBeLessThanOrEqual(-1);

    await say(client, id, 'no normalisation');
    const asRecorded = ebur128((await exportFile(client, id, 'preview')).file);
    expect(Math.abs(asRecorded.integratedLufs - ebur128(source).integratedLufs)).toBeLessThanOrEqual(0.5);
  });

  it('an audio-only upload exports a 1080p MP4 with picture and sound as long as the audio, over the uploaded image', async () => {
    const client = new ApiClient(server.baseUrl);
    const cover = path.join(tmp, 'cover.png');
    // A bright red cover: the exported frame's corners must show it, not the plain dark background.
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=red:s=1200x1200', '-frames:v', '1', cover]);
    const id = await project(client, 'Episode 12: the podcast', [{ path: mediaFile('commentary.mp3') }]);
    const timeline = (await client.json(`/api/projects/${id}/timeline`)).body;
    expect(timeline.tracks[0].segments).toHaveLength(1);
    const up = await client.upload(id, [{ path: cover }]);
    expect(up.status).toBe(201);

    const { file } = await exportFile(client, id);
    const facts = exportFacts(file);
    expect(facts).toMatchObject({ width: 1920, height: 1080, videoCodec: 'h264', audioCodec: 'aac' });
    const source = 6.732;
    expect(Math.abs(facts.videoDuration - source)).toBeLessThanOrEqual(1 / 30 + 0.001);
    expect(Math.abs(facts.audioDuration - source)).toBeLessThanOrEqual(1 / 30 + 0.03);
    // Blurred-fill background from the square red cover: red even in the top-left corner (the plain background is dark).
    const frame = greyFrame(file, 3, 64, 36, 'format=rgb24,extractplanes=r');
    expect(frame[2 * 64 + 1]).toBeGreaterThan(150);
  });

  it('"make a video from this audio" after the audio went in as music: the audio becomes the video', async () => {
    const client = new ApiClient(server.baseUrl);
    const still = path.join(tmp, 'still.png');
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=blue:s=640x360', '-frames:v', '1', still]);
    // The still came first, so it is on the track and the audio waits as a music candidate.
    const id = await project(client, 'Slides first', [{ path: still }]);
    expect((await client.upload(id, [{ path: mediaFile('commentary.mp3') }])).status).toBe(201);
    expect((await client.json(`/api/projects/${id}/timeline`)).body.duration).toBe(3);
    const events = await say(client, id, 'make a video from this audio');
    const said = events.filter((e) => e.type === 'text').map((e) => (e as { delta: string }).delta).join('');
    expect(said).toMatch(/commentary\.mp3 is now the video/);
    const { file } = await exportFile(client, id, 'preview');
    expect(Math.abs(exportFacts(file).duration - 6.732)).toBeLessThanOrEqual(0.05);
  });

  it('three hundred pieces cut from one source export completely, to the frame', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await project(client, 'Many cuts', [{ path: mediaFile('talk-1080p.mp4') }]);
    const store = server.openStore();
    try {
      const head = await store.getTimelineHead(id);
      const sourceId = head.current.timeline.video[0].sourceId;
      // 300 pieces of 0.1 s, 0.1 s apart: like a very dense pause cut of the whole minute.
      const video = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, sourceId, in: i * 0.2, out: i * 0.2 + 0.1, speed: 1, volume: 1 }));
      await store.commitTimeline(id, { ...head.current.timeline, video }, 'test: 300 pieces');
    } finally {
      await store.close();
    }
    const { file } = await exportFile(client, id, 'preview');
    const facts = exportFacts(file);
    expect(Math.abs(facts.videoDuration - 30)).toBeLessThanOrEqual(1 / 30);
    expect(Math.abs(facts.audioDuration - 30)).toBeLessThanOrEqual(0.03);
  });
});
