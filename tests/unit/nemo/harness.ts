// In-process harness: the real backend and SQLite store against the fake NemoVideo through msw's setupServer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupServer } from 'msw/node';
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import type { BackendContext, EditingBackend } from '@/lib/backend/types';
import { mediaRecordSchema, type MediaRecord } from '@/lib/engine/media/schema';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { createNemoBackend } from '@/lib/nemo/nemoBackend';
import type { NemoOverrides } from '@/lib/nemo/nemoDeps';
import { parseConfig } from '@/lib/server/config';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { FakeNemo, nemoHandlers } from '@/tests/helpers/fakeNemo';
import { mediaFile } from '@/tests/helpers/paths';

/** Never reached over the network: msw answers in-process (and a miss would hit a closed loopback port). */
export const BASE = 'http://127.0.0.1:9';

export interface Harness {
  fake: FakeNemo;
  dir: string;
  store: SqliteStore;
  make(env?: Record<string, string>, overrides?: NemoOverrides): EditingBackend;
  project(ownerId?: string): Promise<BackendContext>;
}

export function useFakeNemo(): Harness {
  const server = setupServer();
  const h = {} as Harness;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    h.fake = new FakeNemo();
    h.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nemo-unit-'));
    h.store = new SqliteStore(path.join(h.dir, 'db.sqlite'));
    server.resetHandlers(...nemoHandlers(h.fake, BASE));
    h.make = (env = {}, overrides = {}) =>
      createNemoBackend(parseConfig({ EDIT_BACKEND: 'nemo', NEMO_API_BASE: BASE, DATA_DIR: h.dir, ...env }), h.store, overrides);
    h.project = async (ownerId = 'owner-1') => {
      const project = await h.store.createProject({ id: nanoid(12), ownerId, title: 'Test', timeline: emptyTimeline() });
      return { ownerId, project };
    };
  });
  afterEach(async () => {
    // Every request the backend made carried the attribution headers (and a token where one is needed).
    expect(h.fake.violations).toEqual([]);
    await h.store.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });
  afterAll(() => server.close());
  return h;
}

export async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export const texts = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
export const statuses = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'status' ? [e.message] : []));

/** A stored media record for a real shared file, as our ingest would have made it. */
export async function storedMedia(h: Harness, ctx: BackendContext, file = 'talk-1080p.mp4', name = file): Promise<MediaRecord> {
  const filePath = mediaFile(file);
  const record = mediaRecordSchema.parse({
    id: nanoid(10),
    projectId: ctx.project.id,
    name,
    path: filePath,
    size: fs.statSync(filePath).size,
    probe: { kind: 'video', format: 'mov,mp4', duration: 60, width: 1920, height: 1080, fps: 30, rotation: 0, hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac' },
    analysis: null,
    peaks: null,
    hasThumbnail: false,
    createdAt: new Date().toISOString(),
  });
  await h.store.addMedia(record);
  return record;
}
