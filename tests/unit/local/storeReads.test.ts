// Counts the database reads of the hot paths (a chat turn, the timeline view, undo) through a counting wrapper around the real SQLite store: the figures the issue note quotes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { ENVELOPE_WINDOW_SECONDS, PEAKS_PER_SECOND } from '@/lib/engine/media/loudness';
import { mediaRecordSchema, type MediaRecord } from '@/lib/engine/media/schema';
import { SPEECH_WINDOW_SECONDS } from '@/lib/engine/media/speech/speechMeter';
import { rulePlanner } from '@/lib/engine/planner/planner';
import { appendMedia } from '@/lib/engine/timeline/operations/appendMedia';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import { createLocalBackend } from '@/lib/local/localBackend';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { callsOf, countingStore, readTotals } from '../../helpers/countingStore';

const CLIP_SECONDS = 60;
const CLIPS = 3;

/** A 60 s clip with analysis arrays of the sizes an upload stores (envelope, speech, peaks, keyframe index). */
function clip(dir: string, i: number): MediaRecord {
  const windows = (seconds: number) => Math.round(CLIP_SECONDS / seconds);
  return mediaRecordSchema.parse({
    id: `m${i}`,
    projectId: 'p1',
    name: `talk-${i}.mp4`,
    path: path.join(dir, `talk-${i}.mp4`),
    size: 1,
    probe: { kind: 'video', format: 'mp4', duration: CLIP_SECONDS, width: 1920, height: 1080, fps: 30, hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac' },
    analysis: {
      windowSeconds: ENVELOPE_WINDOW_SECONDS,
      rmsDb: Array.from({ length: windows(ENVELOPE_WINDOW_SECONDS) }, (_, k) => (k % 150 < 100 ? -20.5 : -62.25)),
      speech: { windowSeconds: SPEECH_WINDOW_SECONDS, probability: Array.from({ length: windows(SPEECH_WINDOW_SECONDS) }, (_, k) => (k % 47 < 30 ? 0.93 : 0.04)) },
    },
    peaks: Array.from({ length: CLIP_SECONDS * PEAKS_PER_SECOND }, (_, k) => (k % 7) / 10),
    hasThumbnail: true,
    createdAt: new Date().toISOString(),
    videoIndex: {
      codec: 'h264', profile: 'High', level: 40, pixFmt: 'yuv420p', width: 1920, height: 1080, sar: '1:1', rotation: 0, fieldOrder: 'progressive',
      fps: 30, timeBase: '1/15360', constantFrameRate: true, reorderDelay: 2, frameCount: CLIP_SECONDS * 30, firstFrameSeconds: 0,
      cutFrames: Array.from({ length: CLIP_SECONDS / 2 }, (_, k) => k * 60),
    },
  });
}

let dir: string;
let sqlite: SqliteStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-reads-'));
  sqlite = new SqliteStore(path.join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function project() {
  const record = await sqlite.createProject({ id: 'p1', ownerId: 'o1', title: 'Talk', timeline: emptyTimeline() });
  const media = Array.from({ length: CLIPS }, (_, i) => clip(dir, i));
  for (const m of media) await sqlite.addMedia(m);
  await sqlite.commitTimeline('p1', appendMedia(emptyTimeline(), media), 'Added the talks');
  const counted = countingStore(sqlite);
  const tools = () => ({ ffmpeg: 'unused-ffmpeg', ffprobe: 'unused-ffprobe', run: () => Promise.reject(new Error('no process runs here')) });
  const queue = { async queued() {}, async canceled() {} };
  const settings = { dataDir: dir, renderConcurrency: 1, maxUploadBytes: 500 * 1024 * 1024, maxRunningPerOwner: 1, renderTimeFactor: 10, renderTimeGraceSeconds: 60 };
  const backend = createLocalBackend({ store: counted.store, blobs: new LocalBlobStore(dir), settings, tools, planner: rulePlanner }, queue);
  return { ctx: { ownerId: 'o1', project: record }, backend, ...counted };
}

async function chat(backend: Awaited<ReturnType<typeof project>>['backend'], ctx: Awaited<ReturnType<typeof project>>['ctx'], message: string) {
  const events: ChatEvent[] = [];
  for await (const e of backend.chat(ctx, message, new AbortController().signal)) events.push(e);
  expect(events.find((e) => e.type === 'timeline')).toBeDefined();
}

const report = (what: string, reads: Parameters<typeof readTotals>[0]) =>
  console.log(`[store reads] ${what}: ${JSON.stringify(Object.fromEntries(reads))}; totals ${JSON.stringify(readTotals(reads))}`);

describe('database reads of the hot paths', () => {
  it('a chat turn that adds a title', async () => {
    const { ctx, backend, reads } = await project();
    await chat(backend, ctx, 'add a title "Hello"');
    report('chat turn (title)', reads);
    // Before: listMedia, every clip with its envelope, speech, peaks and keyframe index (158 kB for these three clips).
    expect(callsOf(reads)).toEqual({ getTimelineHead: 1, listMediaSummaries: 1, commitTimeline: 1 });
    expect(readTotals(reads).bytes).toBeLessThan(5_000);
  });

  it('a chat turn that cuts the pauses', async () => {
    const { ctx, backend, reads } = await project();
    await chat(backend, ctx, 'cut out the pauses');
    report('chat turn (pauses)', reads);
    // Pause detection is the one edit that reads the analyses, and only them (no peaks, no keyframe index).
    expect(callsOf(reads)).toEqual({ getTimelineHead: 1, listMediaSummaries: 1, listMediaAnalyses: 1, commitTimeline: 1 });
  });

  it('the timeline view', async () => {
    const { ctx, backend, reads } = await project();
    await backend.timeline(ctx);
    report('timeline view', reads);
    expect(callsOf(reads)).toEqual({ getTimelineHead: 1, listMediaSummaries: 1 });
    expect(readTotals(reads).bytes).toBeLessThan(5_000);
  });

  it('undo', async () => {
    const { ctx, backend, reads, reset } = await project();
    await chat(backend, ctx, 'add a title "Hello"');
    reset();
    await backend.undo(ctx);
    report('undo', reads);
    expect(callsOf(reads)).toEqual({ undo: 1, listMediaSummaries: 1 });
    expect(readTotals(reads).bytes).toBeLessThan(5_000);
  });
});
