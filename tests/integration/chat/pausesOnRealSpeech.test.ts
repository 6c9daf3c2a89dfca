// "Cut out the pauses" on real speech, checked on the audio with ffmpeg: silence mostly gone, speech kept, quiet recordings too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimelineView } from '@/lib/api/schemas';
import { ApiClient } from '@/tests/helpers/client';
import { ffmpeg, silenceSeconds } from '@/tests/helpers/ffprobe';
import { mediaFile } from '@/tests/helpers/paths';
import { startServer, type TestServer } from '@/tests/helpers/server';
import { timelineOf } from './chatFixtures';

let server: TestServer;
let client: ApiClient;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-pauses-'));
  // Made before the server starts: a synchronous ffmpeg between requests blocks the event loop past the server's
  // keep-alive, and the next request goes out on a socket the server has already closed ("other side closed").
  ffmpeg(['-i', mediaFile('talk-1080p.mp4'), '-c:v', 'copy', '-af', 'volume=-25dB', '-c:a', 'aac', '-b:a', '128k', path.join(dir, 'quiet.mp4')]);
  server = await startServer();
  client = new ApiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The source's audio with only the timeline's kept pieces, as the render would play it (single clip, 1x). */
function keptAudio(source: string, timeline: TimelineView, out: string): string {
  const keep = timeline.tracks[0].segments.map((s) => `between(t,${s.sourceIn},${s.sourceOut})`).join('+');
  ffmpeg(['-i', source, '-vn', '-af', `aselect='${keep}',asetpts=N/SR/TB`, '-ac', '1', '-ar', '48000', out]);
  return out;
}

async function cutPauses(file: string, message: string) {
  // A test before this one may have just blocked the event loop with synchronous ffmpeg checks past the server's
  // keep-alive: let the client see that socket close before reusing it ("other side closed" otherwise).
  await new Promise((r) => setTimeout(r, 50));
  const id = await client.createProject();
  expect((await client.upload(id, [{ path: file }])).status).toBe(201);
  const before = await timelineOf(client, id);
  await client.chat(id, message);
  return { before, after: await timelineOf(client, id) };
}

describe('pause removal on talk-1080p.mp4 (13 pauses, about 9.5 s)', () => {
  const source = mediaFile('talk-1080p.mp4');

  test('silence drops by 70% or more, speech time stays at 97% or more, 2.5-15 s shorter', async () => {
    const { before, after } = await cutPauses(source, 'cut out the pauses');
    const shrink = before.duration - after.duration;
    expect(shrink).toBeGreaterThanOrEqual(2.5);
    expect(shrink).toBeLessThanOrEqual(15);

    const cut = keptAudio(source, after, path.join(dir, 'cut.wav'));
    const silenceBefore = silenceSeconds(source);
    const silenceAfter = silenceSeconds(cut);
    expect(1 - silenceAfter / silenceBefore).toBeGreaterThanOrEqual(0.7);
    const speechBefore = before.duration - silenceBefore;
    const speechAfter = after.duration - silenceAfter;
    expect(speechAfter / speechBefore).toBeGreaterThanOrEqual(0.97);
  });

  test('a recording 25 dB quieter loses about the same pauses (the threshold follows its own loudness)', async () => {
    const quiet = path.join(dir, 'quiet.mp4');
    const loud = await cutPauses(source, 'remove the silences');
    const soft = await cutPauses(quiet, 'remove the silences');
    const shrinkLoud = loud.before.duration - loud.after.duration;
    const shrinkSoft = soft.before.duration - soft.after.duration;
    expect(shrinkSoft).toBeGreaterThanOrEqual(2.5);
    expect(Math.abs(shrinkSoft - shrinkLoud)).toBeLessThanOrEqual(1);
  });

  test('"only pauses over a second" cuts less than the default, "leave a bit more room" keeps more', async () => {
    const all = await cutPauses(source, 'cut out the pauses');
    const long = await cutPauses(source, 'only cut pauses over a second');
    const shrinkAll = all.before.duration - all.after.duration;
    const shrinkLong = long.before.duration - long.after.duration;
    expect(shrinkLong).toBeGreaterThan(0);
    expect(shrinkLong).toBeLessThan(shrinkAll);

    const id = await client.createProject();
    await client.upload(id, [{ path: source }]);
    await client.chat(id, 'cut out the pauses');
    const tight = await timelineOf(client, id);
    await client.chat(id, 'leave a bit more room');
    const roomy = await timelineOf(client, id);
    expect(roomy.duration).toBeGreaterThan(tight.duration);
    expect(roomy.version).toBe(tight.version + 1);
  });
});
