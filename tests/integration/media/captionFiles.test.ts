// Caption files (SRT, WebVTT) upload like media and become a captions track through the chat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

const SRT = `1
00:00:01,000 --> 00:00:03,500
Hello and welcome

2
00:00:04,000 --> 00:00:06,000
<i>This is</i> a test, 100% "quoted"
`;
const VTT = `WEBVTT

00:00:02.000 --> 00:00:04.000
第一行字幕
`;

describe('caption files', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'captions-'));
    fs.writeFileSync(path.join(dir, 'subs.srt'), SRT);
    fs.writeFileSync(path.join(dir, 'zh.vtt'), VTT);
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('upload as subtitle media that stays off the timeline, then "add captions from subs.srt" lays them out', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject();
    const up = await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }, { path: path.join(dir, 'subs.srt') }]);
    expect(up.status).toBe(201);
    expect(up.body.media.map((m: { kind: string }) => m.kind)).toEqual(['video', 'subtitle']);
    const before = (await c.json(`/api/projects/${id}/timeline`)).body;
    expect(before.tracks.map((t: { type: string }) => t.type)).toEqual(['video']);

    const events = await c.chat(id, 'add captions from subs.srt');
    const timeline = events.findLast((e) => e.type === 'timeline');
    if (timeline?.type !== 'timeline') throw new Error(`no timeline event: ${JSON.stringify(events)}`);
    const captions = timeline.timeline.tracks.find((t) => t.name === 'Captions')!;
    expect(captions.segments.map((s) => [s.start, s.end])).toEqual([
      [1, 3.5],
      [4, 6],
    ]);
    expect(captions.segments[0].text).toBe('Hello and welcome');
    expect(captions.segments[1].text).toContain('100% "quoted"');
    expect(captions.segments[1].text).not.toContain('<i>');
  });

  it('reads WebVTT with Chinese text', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject();
    await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }, { path: path.join(dir, 'zh.vtt') }]);
    const events = await c.chat(id, '添加字幕');
    const timeline = events.findLast((e) => e.type === 'timeline');
    if (timeline?.type !== 'timeline') throw new Error(`no timeline event: ${JSON.stringify(events)}`);
    expect(timeline.timeline.tracks.find((t) => t.name === 'Captions')?.segments[0]).toMatchObject({ start: 2, end: 4, text: '第一行字幕' });
  });
});
