// Counts the store calls of one local chat turn (a counting wrapper around the real SQLite store): the figure the architecture note quotes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { mediaRecordSchema } from '@/lib/engine/media/schema';
import { rulePlanner } from '@/lib/engine/planner/planner';
import { appendMedia } from '@/lib/engine/timeline/operations/appendMedia';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import { createLocalBackend } from '@/lib/local/localBackend';
import { SqliteStore } from '@/lib/store/sqliteStore';
import type { Store } from '@/lib/store/types';

/** The store, with every method call counted by name. */
function counting(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { store: wrapped, calls };
}

let dir: string;
let sqlite: SqliteStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-reads-'));
  sqlite = new SqliteStore(path.join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('one local chat turn', () => {
  it('reads the store a fixed, small number of times', async () => {
    const project = await sqlite.createProject({ id: 'p1', ownerId: 'o1', title: 'Talk', timeline: emptyTimeline() });
    const media = mediaRecordSchema.parse({
      id: 'm1',
      projectId: 'p1',
      name: 'talk.mp4',
      path: path.join(dir, 'talk.mp4'),
      size: 1,
      probe: { kind: 'video', format: 'mp4', duration: 30, width: 1920, height: 1080, fps: 30, hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac' },
      analysis: null,
      peaks: null,
      hasThumbnail: false,
      createdAt: new Date().toISOString(),
    });
    await sqlite.addMedia(media);
    await sqlite.commitTimeline('p1', appendMedia(emptyTimeline(), [media]), 'Added talk.mp4');

    const { store, calls } = counting(sqlite);
    const tools = () => ({ ffmpeg: 'unused-ffmpeg', ffprobe: 'unused-ffprobe' });
    const queue = { async queued() {}, async canceled() {} };
    const backend = createLocalBackend({ store, blobs: new LocalBlobStore(dir), settings: { dataDir: dir, renderConcurrency: 1, maxUploadBytes: 500 * 1024 * 1024, maxRunningPerOwner: 1, renderTimeFactor: 10, renderTimeGraceSeconds: 60 }, tools, planner: rulePlanner }, queue);

    const events: ChatEvent[] = [];
    for await (const e of backend.chat({ ownerId: 'o1', project }, 'add a title "Hello"', new AbortController().signal)) events.push(e);

    expect(events.find((e) => e.type === 'timeline')).toBeDefined();
    const reads = [...calls].filter(([name]) => name.startsWith('get') || name.startsWith('list'));
    const total = reads.reduce((sum, [, n]) => sum + n, 0);
    console.log(`[chat turn] store calls: ${JSON.stringify(Object.fromEntries(calls))}; reads: ${total}`);
    // Before the seams work: getTimelineHead 2, listMedia 2 (4 reads, media parsed twice with their analysis arrays).
    expect(Object.fromEntries(calls)).toEqual({ getTimelineHead: 1, listMedia: 1, commitTimeline: 1 });
  });
});
