// The app on the npm-shipped ffmpeg/ffprobe (the fallback when a machine has no system ffmpeg):
// upload probing and a chat-edited export with pause cuts, music and a title. Outputs are checked
// with the system ffprobe, an independent binary.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { ffmpeg, ffprobe, silenceSeconds } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { exportFacts, greyFrame, meanAbsDiff } from '../render/outputChecks';

const require = createRequire(import.meta.url);
const NPM_FFMPEG = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const NPM_FFPROBE = (require('@ffprobe-installer/ffprobe') as { path: string }).path;
const TALK = mediaFile('talk-1080p.mp4');

type TimelineView = Extract<ChatEvent, { type: 'timeline' }>['timeline'];

const videoTrack = (timeline: TimelineView) => timeline.tracks.find((t) => t.type === 'video')!;

/** The source time shown at output time `t` (speed 1 segments, as pause cuts make them). */
function sourceTimeAt(timeline: TimelineView, t: number): number {
  const segment = videoTrack(timeline).segments.find((s) => s.start <= t && t < s.end)!;
  return segment.sourceIn! + (t - segment.start);
}

describe('the app on the npm-shipped ffmpeg 4.x and ffprobe', () => {
  let server: TestServer;
  let tmp: string;
  let still: string;
  beforeAll(async () => {
    expect(fs.existsSync(NPM_FFMPEG), NPM_FFMPEG).toBe(true);
    expect(fs.existsSync(NPM_FFPROBE), NPM_FFPROBE).toBe(true);
    server = await startServer({ env: { FFMPEG_PATH: NPM_FFMPEG, FFPROBE_PATH: NPM_FFPROBE } });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-'));
    still = path.join(tmp, 'still.jpg');
    ffmpeg(['-ss', '5', '-i', mediaFile('big-buck-bunny-30s.webm'), '-frames:v', '1', '-vf', 'scale=1200:900,setsar=1', still]);
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reports the npm binaries in /api/health', async () => {
    const { status, body } = await new ApiClient(server.baseUrl).json('/api/health');
    expect(status).toBe(200);
    expect(body.ffmpeg).toMatchObject({ path: NPM_FFMPEG, source: 'env' });
    expect(body.ffprobe).toMatchObject({ path: NPM_FFPROBE, source: 'env' });
  });

  it('probes uploads, cuts pauses, adds music and a title by chat, and exports a file that matches the timeline', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await client.createProject('Compat');
    const up = await client.upload(id, [{ path: TALK }, { path: still }]);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const talkDuration = Number(ffprobe(TALK).format.duration);
    const media = (await client.json(`/api/projects/${id}`)).body.media;
    expect(media).toEqual([
      expect.objectContaining({ kind: 'video', width: 1920, height: 1080, fps: 30, hasAudio: true, duration: expect.closeTo(talkDuration, 1) }),
      expect.objectContaining({ kind: 'image', width: 1200, height: 900, hasAudio: false }),
    ]);
    // Posters come from the npm ffmpeg too.
    for (const m of media) {
      const poster = await client.fetch(m.thumbnailUrl);
      expect(poster.status).toBe(200);
      expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }

    const events = await client.chat(id, 'cut out the pauses, add background music, and overlay text titles');
    expect(events.filter((e) => e.type === 'error'), JSON.stringify(events)).toEqual([]);
    const timeline = (events.filter((e) => e.type === 'timeline').pop() as Extract<ChatEvent, { type: 'timeline' }>).timeline;
    expect(new Set(timeline.tracks.map((t) => t.type))).toEqual(new Set(['video', 'audio', 'text']));
    // Pauses were found in the npm ffmpeg's audio decode and cut: the talk got shorter.
    const talkOnTimeline = videoTrack(timeline).segments.filter((s) => s.sourceId === media[0].id);
    expect(talkOnTimeline.length).toBeGreaterThan(3);
    expect(talkOnTimeline.reduce((sum, s) => sum + s.end - s.start, 0)).toBeLessThan(talkDuration - 5);

    const started = await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'high' } });
    expect(started.status).toBe(202);
    const done = await client.waitForExport(id, started.body.export.id);
    expect(done.status, `${done.error}\n${server.logs().slice(-3000)}`).toBe('completed');
    const file = path.join(tmp, 'export.mp4');
    await client.download(done.url, file);

    const facts = exportFacts(file);
    expect(facts).toMatchObject({ width: 1920, height: 1080, videoCodec: 'h264', pixFmt: 'yuv420p', audioCodec: 'aac', sampleRate: 48000, channels: 2 });
    const frame = 1 / timeline.canvas.fps;
    for (const d of [facts.duration, facts.videoDuration, facts.audioDuration]) expect(Math.abs(d - timeline.duration)).toBeLessThanOrEqual(frame);

    // Music fills what were pauses, so nothing is silent any more (amix and adelay ran on 4.x).
    expect(silenceSeconds(file)).toBeLessThan(0.5);
    // The title (a bold centre card, rows 46-58 of 108, first 3 s) is drawn, and only while shown (drawtext ran on 4.x).
    const [w, h] = [192, 108];
    const band = (f: Buffer) => Buffer.from([...f].filter((_, i) => i >= 46 * w && i < 58 * w && i % w >= w * 0.35 && i % w < w * 0.65));
    const bandDiff = (t: number) => meanAbsDiff(band(greyFrame(file, t, w, h)), band(greyFrame(TALK, sourceTimeAt(timeline, t), w, h)));
    expect(bandDiff(1.5)).toBeGreaterThan(8);
    expect(bandDiff(5)).toBeLessThan(2);
  });
});
