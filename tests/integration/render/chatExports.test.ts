import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { ffmpeg, silenceSeconds } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { exportFacts, greyFrame, meanAbsDiff, rmsDb, silences } from './outputChecks';

const TALK = mediaFile('talk-1080p.mp4');

/** Rows [from, to) of a grey frame `w` pixels wide. */
const rows = (frame: Buffer, w: number, from: number, to: number) => frame.subarray(from * w, to * w);

describe('what the chat asks for shows up in the exported file', () => {
  let server: TestServer;
  let tmp: string;
  let still: string;
  beforeAll(async () => {
    server = await startServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-chat-'));
    still = path.join(tmp, 'still.png');
    ffmpeg(['-ss', '5', '-i', mediaFile('big-buck-bunny-30s.webm'), '-frames:v', '1', still]);
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function project(files: { path: string; as?: string }[]) {
    const client = new ApiClient(server.baseUrl);
    const id = await client.createProject();
    const up = await client.upload(id, files);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return { client, id };
  }

  async function say(client: ApiClient, id: string, message: string): Promise<ChatEvent[]> {
    const events = await client.chat(id, message);
    expect(events.filter((e) => e.type === 'error'), JSON.stringify(events)).toEqual([]);
    return events;
  }

  /** Says "export", follows the export the reply started, downloads the MP4. */
  async function exportByChat(client: ApiClient, id: string): Promise<string> {
    const events = await say(client, id, 'export');
    const started = events.find((e) => e.type === 'export');
    expect(started, JSON.stringify(events)).toBeDefined();
    const done = await client.waitForExport(id, (started as Extract<ChatEvent, { type: 'export' }>).export.id);
    expect(done.status, `${done.error}\n${server.logs().slice(-3000)}`).toBe('completed');
    const file = path.join(tmp, `${done.id}.mp4`);
    await client.download(done.url, file);
    return file;
  }

  it('"cut out the pauses": silence drops by at least 70% and speech time stays at 97% or more', async () => {
    const { client, id } = await project([{ path: TALK }]);
    const events = await say(client, id, 'cut out the pauses');
    expect(events.some((e) => e.type === 'timeline')).toBe(true);
    const file = await exportByChat(client, id);
    const sourceSilence = silenceSeconds(TALK);
    const sourceDuration = exportFacts(TALK).duration;
    const outSilence = silenceSeconds(file);
    const outDuration = exportFacts(file).duration;
    expect(sourceSilence).toBeGreaterThan(5);
    expect(outSilence).toBeLessThanOrEqual(sourceSilence * 0.3);
    expect(outDuration - outSilence).toBeGreaterThanOrEqual((sourceDuration - sourceSilence) * 0.97);
  });

  /** Pauses carry music only; speech sections stay at least 6 dB louder (the music ducks under speech). */
  function expectMusicUnderSpeech(file: string) {
    const duration = exportFacts(file).duration;
    // The source's pauses (away from the music's fade in and fade out) carry only music now.
    const pauses = silences(TALK).filter(([s, e]) => s > 1.5 && e < duration - 2.5 && e - s >= 0.5);
    expect(pauses.length).toBeGreaterThanOrEqual(5);
    const musicOnly = pauses.map(([s, e]) => rmsDb(file, s + 0.15, e - s - 0.3));
    for (const level of musicOnly) expect(level).toBeGreaterThan(-40);
    expect(silenceSeconds(file)).toBeLessThan(0.5);
    // Speech: the stretches between pauses that last at least 1.5 s.
    const speech: [number, number][] = [];
    let cursor = 1.5;
    for (const [s, e] of silences(TALK)) {
      if (s - cursor >= 1.5) speech.push([cursor + 0.2, s - 0.2]);
      cursor = e;
    }
    const speechLevels = speech.filter(([, e]) => e < duration - 2.5).map(([s, e]) => rmsDb(file, s, e - s));
    expect(speechLevels.length).toBeGreaterThanOrEqual(3);
    const powerMean = (dbs: number[]) => 10 * Math.log10(dbs.reduce((sum, db) => sum + 10 ** (db / 10), 0) / dbs.length);
    expect(powerMean(speechLevels) - powerMean(musicOnly)).toBeGreaterThanOrEqual(6);
  }

  it('"add background music": pauses are no longer silent and speech is at least 6 dB above the music alone', async () => {
    const { client, id } = await project([{ path: TALK }]);
    await say(client, id, 'add background music');
    expectMusicUnderSpeech(await exportByChat(client, id));
  });

  it('an uploaded song as background music loops, ducks and fills the pauses the same way', async () => {
    const { client, id } = await project([{ path: TALK }, { path: mediaFile('loop-garzul.flac'), as: 'song.flac' }]);
    const events = await say(client, id, 'use song.flac as background music');
    const timeline = events.find((e) => e.type === 'timeline') as Extract<ChatEvent, { type: 'timeline' }>;
    expect(timeline.timeline.tracks.some((t) => t.type === 'audio')).toBe(true);
    expectMusicUnderSpeech(await exportByChat(client, id));
  });

  it('a title changes the pixels of its region only while it is shown', async () => {
    const { client, id } = await project([{ path: TALK }]);
    const events = await say(client, id, 'add a title "Urban Dreams" for the first 3 seconds');
    const timeline = events.find((e) => e.type === 'timeline') as Extract<ChatEvent, { type: 'timeline' }>;
    expect(timeline.timeline.summary).toContain('Urban Dreams');
    const file = await exportByChat(client, id);
    const [w, h] = [192, 108];
    const diff = (t: number, from: number, to: number) => meanAbsDiff(rows(greyFrame(file, t, w, h), w, from, to), rows(greyFrame(TALK, t, w, h), w, from, to));
    // A new title is a bold centre card: its band (about 42%..56% of the height) clearly changes while
    // shown; the same band later, and the top and bottom thirds while it is shown, stay as in the source.
    expect(diff(1.5, 46, 58)).toBeGreaterThan(8);
    expect(diff(5, 46, 58)).toBeLessThan(2);
    expect(diff(1.5, 0, 36)).toBeLessThan(2);
    expect(diff(1.5, 72, 108)).toBeLessThan(2);
  });

  it('"make it vertical for TikTok" exports 1080x1920', async () => {
    const { client, id } = await project([{ path: mediaFile('clip.avi') }]);
    await say(client, id, 'make it vertical for TikTok');
    const facts = exportFacts(await exportByChat(client, id));
    expect(facts).toMatchObject({ width: 1080, height: 1920, profile: 'High', pixFmt: 'yuv420p' });
  });

  const hostile: [string, string][] = [
    ['injection characters', `add a title "'; rm -rf / %{pts} \\:,[]"`],
    ['500 characters', `add a title "${'Long title text that keeps going and going. '.repeat(12).slice(0, 500)}"`],
    ['Chinese', '加标题“城市之梦”'],
    ['emoji', 'add a title "Party time 🎉🔥 tonight"'],
  ];
  it.each(hostile)('a title with %s renders with no ffmpeg error and no expansion', async (_name, message) => {
    // Two stills (3 s each): the title shows on the first only, over a picture that does not move.
    const { client, id } = await project([{ path: still }, { path: still, as: 'still-2.png' }]);
    const events = await say(client, id, message);
    expect(events.some((e) => e.type === 'timeline'), JSON.stringify(events)).toBe(true);
    const file = await exportByChat(client, id);
    const [w, h] = [192, 108];
    const shownEarly = greyFrame(file, 0.5, w, h);
    const shownLate = greyFrame(file, 2.5, w, h);
    const notShown = greyFrame(file, 4.5, w, h);
    expect(meanAbsDiff(shownEarly, notShown)).toBeGreaterThan(1);
    // Expanded %{pts} (or anything time-dependent) would change the drawn text between frames.
    expect(meanAbsDiff(shownEarly, shownLate)).toBeLessThan(0.5);
    // Nothing is drawn in the outer 4% of the width: long text was wrapped or shrunk to fit.
    const edge = (f: Buffer) => [...f].filter((_, i) => i % w < w * 0.04 || i % w >= w * 0.96);
    expect(meanAbsDiff(Buffer.from(edge(shownEarly)), Buffer.from(edge(notShown)))).toBeLessThan(1);
  });
});
