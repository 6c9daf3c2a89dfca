import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { ffmpeg } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { exportFacts, greyFrame, meanAbsDiff, processesMentioning, topLevelBoxes } from './outputChecks';

describe('exports through the HTTP API (real ffmpeg, checked with ffprobe)', () => {
  let server: TestServer;
  let tmp: string;
  let still: string;
  beforeAll(async () => {
    server = await startServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-it-'));
    still = path.join(tmp, 'bunny-still.jpg');
    ffmpeg(['-ss', '5', '-i', mediaFile('big-buck-bunny-30s.webm'), '-frames:v', '1', '-vf', 'scale=1200:900', still]);
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function projectWith(client: ApiClient, files: { path: string; as?: string }[]) {
    const id = await client.createProject('Render test: "mixed" ../clips');
    const up = await client.upload(id, files);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return id;
  }

  async function exportAndDownload(client: ApiClient, id: string, quality: ExportQuality = 'high') {
    const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality } });
    expect(started.status).toBe(202);
    expect(started.body.export).toMatchObject({ status: 'queued', progress: 0 });
    const done = await client.waitForExport(id, started.body.export.id);
    expect(done.status, `${done.error}\n${server.logs().slice(-3000)}`).toBe('completed');
    const file = path.join(tmp, `${done.id}.mp4`);
    await client.download(done.url, file);
    return { record: done, file };
  }

  it('a timeline mixing AVI, an MPEG-2 timelapse without sound, a still image, a rotated VFR iPhone MOV and non-square pixels', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await projectWith(client, [
      { path: mediaFile('clip.avi') },
      { path: mediaFile('city-timelapse.mpg') },
      { path: still },
      { path: mediaFile('iphone-rotated-vfr.mov') },
      { path: mediaFile('sar-2by3.mp4') },
    ]);
    const timeline = (await client.json(`/api/projects/${id}/timeline`)).body;
    expect(timeline.tracks[0].segments).toHaveLength(5);

    const { record, file } = await exportAndDownload(client, id);
    const facts = exportFacts(file);
    expect(facts).toMatchObject({
      width: 1920, height: 1080, videoCodec: 'h264', profile: 'High', pixFmt: 'yuv420p',
      audioCodec: 'aac', sampleRate: 48000, channels: 2,
    });
    expect(facts.rFrameRate).toBe('30/1');
    expect(facts.avgFrameRate).toBe(facts.rFrameRate);
    const frame = 1 / 30;
    expect(Math.abs(facts.videoDuration - timeline.duration)).toBeLessThanOrEqual(frame);
    expect(Math.abs(facts.duration - timeline.duration)).toBeLessThanOrEqual(frame);
    expect(Math.abs(facts.audioDuration - timeline.duration)).toBeLessThanOrEqual(frame);
    const boxes = topLevelBoxes(file);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(record).toMatchObject({ width: 1920, height: 1080, progress: 1 });
    expect(Math.abs(record.duration - timeline.duration)).toBeLessThanOrEqual(frame);

    // Range requests: first bytes, a suffix, and a range past the end.
    const size = fs.statSync(file).size;
    const first = await client.fetch(record.url, { headers: { range: 'bytes=0-99' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="Render test mixed \.\. clips\.mp4"/);
    expect(Buffer.from(await first.arrayBuffer())).toEqual(fs.readFileSync(file).subarray(0, 100));
    const tail = await client.fetch(record.url, { headers: { range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(fs.readFileSync(file).subarray(size - 10));
    const past = await client.fetch(record.url, { headers: { range: `bytes=${size}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);

    // Preview quality of the same timeline.
    const preview = await exportAndDownload(client, id, 'preview');
    expect(exportFacts(preview.file)).toMatchObject({ width: 960, height: 540, videoCodec: 'h264', sampleRate: 48000, channels: 2 });
  });

  it('the rotated iPhone clip alone makes a 1080x1920 export that is upright', async () => {
    const client = new ApiClient(server.baseUrl);
    const source = mediaFile('iphone-rotated-vfr.mov');
    const id = await projectWith(client, [{ path: source }]);
    const { file } = await exportAndDownload(client, id);
    const facts = exportFacts(file);
    expect(facts).toMatchObject({ width: 1080, height: 1920, profile: 'High', pixFmt: 'yuv420p' });
    expect(facts.avgFrameRate).toBe(facts.rFrameRate);
    // ffmpeg's own decode of the source applies the rotation: the export must look like it,
    // not like the stored (sideways) picture turned either way.
    const ours = greyFrame(file, 1, 36, 64);
    const upright = greyFrame(source, 1, 36, 64);
    const sidewaysA = greyFrame(source, 1, 36, 64, 'transpose=1');
    const sidewaysB = greyFrame(source, 1, 36, 64, 'transpose=2');
    const d = meanAbsDiff(ours, upright);
    expect(d).toBeLessThan(12);
    expect(d * 2).toBeLessThan(meanAbsDiff(ours, sidewaysA));
    expect(d * 2).toBeLessThan(meanAbsDiff(ours, sidewaysB));
  });

  it('cancel stops ffmpeg, removes the partial file and says canceled', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await projectWith(client, [{ path: mediaFile('talk-1080p.mp4') }, { path: mediaFile('big-buck-bunny-30s.webm') }]);
    const started = (await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} })).body.export;
    for (let i = 0; i < 400; i++) {
      const e = (await client.json(`/api/projects/${id}/exports/${started.id}`)).body.export;
      if (e.status === 'rendering' && processesMentioning(started.id).length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(processesMentioning(started.id).length).toBeGreaterThan(0);
    const canceled = await client.json(`/api/projects/${id}/exports/${started.id}`, { method: 'DELETE' });
    expect(canceled.status).toBe(200);
    expect(canceled.body.export.status).toBe('canceled');
    await new Promise((r) => setTimeout(r, 1500));
    expect(processesMentioning(started.id)).toEqual([]);
    expect((await client.json(`/api/projects/${id}/exports/${started.id}`)).body.export.status).toBe('canceled');
    expect((await server.allFiles('exports')).filter((n) => n.includes(started.id))).toEqual([]);
    const file = await client.json(`/api/projects/${id}/exports/${started.id}/file`);
    expect(file.status).toBe(409);
    expect(file.body.error.message).toMatch(/not ready/);
  });

  it('an empty timeline cannot be exported (409, plain words)', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await client.createProject();
    const r = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 409, message: expect.stringMatching(/timeline is empty/) });
    const bad = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: '4k' } });
    expect(bad.status).toBe(400);
    const missing = await client.json(`/api/projects/${id}/exports/nope`);
    expect(missing.status).toBe(404);
  });
});
