// Media and projects for the chat tests: fixtures made once with ffmpeg from ../shared/media, fresh projects per case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ChatEvent, TimelineView } from '@/lib/api/schemas';
import { ApiClient } from '@/tests/helpers/client';
import { ffmpeg } from '@/tests/helpers/ffprobe';
import { mediaFile } from '@/tests/helpers/paths';
import { startServer, type TestServer } from '@/tests/helpers/server';

export type SetupKind = 'talk' | 'talk+song' | 'two' | 'vertical' | 'talk+subs';

export interface Fixtures {
  dir: string;
  files: Record<SetupKind, { path: string; as: string }[]>;
}

export function makeFixtures(): Fixtures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-chat-'));
  const talk = mediaFile('talk-1080p.mp4');
  const song = path.join(dir, 'song.mp3');
  ffmpeg(['-i', mediaFile('music-vibe-ace.ogg'), '-c:a', 'libmp3lame', '-b:a', '128k', song]);
  const a = path.join(dir, 'a.mp4');
  const b = path.join(dir, 'b.mp4');
  // Stream copy keeps this fast; a cut at a keyframe is fine for ordering tests.
  ffmpeg(['-i', talk, '-t', '20', '-c', 'copy', a]);
  ffmpeg(['-sseof', '-20', '-i', talk, '-c', 'copy', b]);
  return {
    dir,
    files: {
      talk: [{ path: talk, as: 'talk-1080p.mp4' }],
      'talk+song': [{ path: talk, as: 'talk-1080p.mp4' }, { path: song, as: 'song.mp3' }],
      two: [{ path: a, as: 'a.mp4' }, { path: b, as: 'b.mp4' }],
      vertical: [{ path: mediaFile('talk-vertical-1080x1920.mp4'), as: 'talk-vertical-1080x1920.mp4' }],
      'talk+subs': [{ path: talk, as: 'talk-1080p.mp4' }, { path: mediaFile('webvtt-subs.mkv'), as: 'webvtt-subs.mkv' }],
    },
  };
}

export async function projectWith(client: ApiClient, fixtures: Fixtures, kind: SetupKind): Promise<string> {
  const id = await client.createProject();
  // One request per file keeps the upload order (and so the timeline order) certain.
  for (const file of fixtures.files[kind]) {
    const res = await client.upload(id, [file]);
    if (res.status !== 201) throw new Error(`upload of ${file.as} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

export async function timelineOf(client: ApiClient, id: string): Promise<TimelineView> {
  const { status, body } = await client.json<TimelineView>(`/api/projects/${id}/timeline`);
  expect(status).toBe(200);
  return body;
}

/** Every reply is well formed: ends with done, has no error event. */
export function expectWellFormed(events: ChatEvent[]) {
  expect(events.at(-1)?.type).toBe('done');
  expect(events.filter((e) => e.type === 'error')).toEqual([]);
}

export const replyText = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
export const timelineEvent = (events: ChatEvent[]) => events.findLast((e) => e.type === 'timeline')?.timeline;

/** Renders nobody will look at only cost CI time. */
export async function cancelExports(client: ApiClient, id: string, events: ChatEvent[]) {
  for (const e of events) if (e.type === 'export') await client.fetch(`/api/projects/${id}/exports/${e.export.id}`, { method: 'DELETE' });
}

/**
 * These files play hundreds of visitors through one test client (a project per case), so the
 * per-owner rate limits and quotas, which have tests of their own (tests/integration/limits), are
 * raised here: what is tested is how the chat reads words, not how often one browser may ask.
 */
export const MANY_VISITORS_ENV = {
  RATE_CHAT_PER_MIN: '100000',
  RATE_PROJECTS_PER_MIN: '100000',
  RATE_UPLOADS_PER_MIN: '100000',
  QUOTA_PROJECTS: '100000',
  QUOTA_CHAT_STREAMS: '100',
  QUOTA_STORAGE_MB: '1000000',
};

/** Starts the app and makes the fixtures once for a test file; the handles are filled in beforeAll. */
export function useChatApp(): { server: TestServer; client: ApiClient; fixtures: Fixtures } {
  const app = {} as { server: TestServer; client: ApiClient; fixtures: Fixtures };
  beforeAll(async () => {
    app.fixtures = makeFixtures();
    app.server = await startServer({ env: MANY_VISITORS_ENV });
    app.client = new ApiClient(app.server.baseUrl);
  });
  afterAll(async () => {
    await app.server?.stop();
    if (app.fixtures) fs.rmSync(app.fixtures.dir, { recursive: true, force: true });
  });
  return app;
}
