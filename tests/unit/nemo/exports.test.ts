import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { collect, storedMedia, useFakeNemo } from './harness';

const h = useFakeNemo();

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('exports', () => {
  // Its upload, render, download and file checks pass vitest's 5 s default on a machine at load ~30: a bound, not a timing check.
  it('renders the latest draft, polls no more often than NEMO_POLL_MS, and streams the file with ranges', { timeout: 30_000 }, async () => {
    let clock = Date.now();
    const backend = h.make({ NEMO_POLL_MS: '30000' }, { now: () => clock });
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.output = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    h.fake.pollsToComplete = 2;

    const started = await backend.startExport(ctx, 'high');
    expect(started).toMatchObject({ status: 'rendering', progress: 0, quality: 'high', width: 1920, height: 1080, duration: 10 });
    const [render] = h.fake.requestsTo('render');
    const [sessionId, session] = [...h.fake.sessions.entries()][0];
    expect(render.body).toEqual({
      id: expect.stringMatching(/^render_\d+$/),
      sessionId,
      draft: session.draft,
      output: { format: 'mp4', quality: 'high' },
    });
    expect(JSON.stringify(started)).not.toContain('files/');

    expect((await backend.getExport(ctx, started.id)).status).toBe('rendering');
    expect(h.fake.requestsTo('renderStatus')).toHaveLength(0);
    clock += 30_000;
    expect(await backend.getExport(ctx, started.id)).toMatchObject({ status: 'rendering', progress: 0.5 });
    expect(await backend.getExport(ctx, started.id)).toMatchObject({ status: 'rendering' });
    expect(h.fake.requestsTo('renderStatus')).toHaveLength(1);
    clock += 30_000;
    const done = await backend.getExport(ctx, started.id);
    expect(done).toMatchObject({ status: 'completed', progress: 1 });
    expect(h.fake.requestsTo('renderStatus')).toHaveLength(2);

    // Completed means the file is ours: downloaded once, into DATA_DIR/exports.
    expect(h.fake.requestsTo('file')).toHaveLength(1);
    expect(fs.readFileSync(path.join(h.dir, 'exports', `${started.id}.mp4`)).equals(h.fake.output)).toBe(true);
    expect(fs.readdirSync(path.join(h.dir, 'exports'))).toEqual([`${started.id}.mp4`]);

    const file = await backend.exportFile(ctx, started.id);
    expect(file).toMatchObject({ size: 5000, contentType: 'video/mp4' });
    expect((await readAll(await file.open())).equals(h.fake.output)).toBe(true);
    expect((await readAll(await file.open({ start: 100, end: 199 }))).equals(h.fake.output.subarray(100, 200))).toBe(true);
    expect(h.fake.requestsTo('file')).toHaveLength(1);
    // The output URL stays in the export's server-side state only.
    expect((await h.store.getExport(started.id))!).toMatchObject({ size: 5000, backendState: { outputUrl: expect.stringContaining('/files/') } });
  });

  it('fails a render larger than NEMO_EXPORT_MAX_MB in plain words and keeps nothing of it', async () => {
    let clock = Date.now();
    const backend = h.make({ NEMO_POLL_MS: '1000', NEMO_EXPORT_MAX_MB: '1' }, { now: () => clock });
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.output = Buffer.alloc(1024 * 1024 + 1, 7);
    h.fake.pollsToComplete = 1;
    const started = await backend.startExport(ctx, 'high');
    clock += 1000;
    expect(await backend.getExport(ctx, started.id)).toMatchObject({
      status: 'failed',
      error: 'The finished video is larger than 1 MB, more than this server keeps. Export a shorter part.',
    });
    const exportsDir = path.join(h.dir, 'exports');
    expect(fs.existsSync(exportsDir) ? fs.readdirSync(exportsDir) : []).toEqual([]);
  });

  it('leaves the export rendering when the download fails, and keeps the file on the next poll', async () => {
    let clock = Date.now();
    const backend = h.make({ NEMO_POLL_MS: '1000' }, { now: () => clock });
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.output = Buffer.from('a finished render');
    h.fake.pollsToComplete = 1;
    const started = await backend.startExport(ctx, 'high');
    clock += 1000;
    h.fake.failNext('file', { code: 0, status: 503, message: 'storage busy' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await backend.getExport(ctx, started.id)).toMatchObject({ status: 'rendering' });
    warn.mockRestore();
    clock += 1000;
    expect(await backend.getExport(ctx, started.id)).toMatchObject({ status: 'completed', size: h.fake.output.length });
    expect(h.fake.requestsTo('file')).toHaveLength(2);
  });

  it('says "register or upgrade" on 402, which is not a credits problem', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.failNext('render', { code: 402, message: 'free plan' });
    const err = await backend.startExport(ctx, 'high').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 402, status: 402, message: 'Register or upgrade your plan to unlock export.' });
  });

  it('refuses to export an empty project without calling the renderer', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await expect(backend.startExport(ctx, 'high')).rejects.toMatchObject({ code: 409 });
    expect(h.fake.requestsTo('render')).toHaveLength(0);
  });

  it('marks a render NemoVideo reports failed, and cancels without polling again', async () => {
    let clock = Date.now();
    const backend = h.make({ NEMO_POLL_MS: '1000' }, { now: () => clock });
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    const first = await backend.startExport(ctx, 'high');
    const second = await backend.startExport(ctx, 'preview');
    clock += 1000;
    h.fake.failNext('renderStatus', { code: 0, status: 500, message: 'lambda crashed' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(backend.getExport(ctx, first.id)).rejects.toMatchObject({ code: 502, message: expect.not.stringContaining('lambda') });
    warn.mockRestore();
    expect(await backend.cancelExport(ctx, second.id)).toMatchObject({ status: 'canceled' });
    clock += 5000;
    expect(await backend.getExport(ctx, second.id)).toMatchObject({ status: 'canceled' });
    expect(h.fake.requestsTo('renderStatus')).toHaveLength(1);
  });
});

describe('uploads, state and history', () => {
  it('streams each stored file as multipart `files` to the session, creating the session on first need', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx, 'talk-1080p.mp4'), await storedMedia(h, ctx, 'clip.avi')]);
    expect(h.fake.requestsTo('session')).toHaveLength(1);
    const [session] = h.fake.sessions.values();
    expect(session.uploads).toEqual([
      { name: 'talk-1080p.mp4', size: 1750089 },
      { name: 'clip.avi', size: 643230 },
    ]);
    expect(h.fake.requestsTo('upload')[0].path).toBe(`/api/upload-video/nemo_agent/me/${[...h.fake.sessions.keys()][0]}`);
    expect((await backend.timeline(ctx)).summary).toBe('Timeline (1 track): 1. Video: talk-1080p.mp4, clip.avi (0-20s, 2 segments)');
  });

  it('maps 4001 and 4002 to our error codes, naming the file', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await expect(backend.mediaAdded(ctx, [await storedMedia(h, ctx, 'city-timelapse.mpg')])).rejects.toMatchObject({
      code: 4001,
      status: 415,
      message: expect.stringContaining('"city-timelapse.mpg"'),
    });
    h.fake.maxUploadBytes = 1_000_000;
    await expect(backend.mediaAdded(ctx, [await storedMedia(h, ctx, 'talk-1080p.mp4')])).rejects.toMatchObject({
      code: 4002,
      status: 413,
      message: expect.stringContaining('Compress it or trim it'),
    });
  });

  it('shows a project without a session as an empty timeline without calling NemoVideo', async () => {
    const backend = h.make();
    const ctx = await h.project();
    expect(await backend.timeline(ctx)).toMatchObject({ tracks: [], duration: 0, summary: 'Timeline (empty): upload a clip to start.' });
    expect(h.fake.requests).toHaveLength(0);
    expect(await backend.undo(ctx)).toBeNull();
  });

  it('moves the version only when the draft changes', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    const a = await backend.timeline(ctx);
    const b = await backend.timeline(ctx);
    expect(b.version).toBe(a.version);
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx, 'clip.avi')]);
    expect((await backend.timeline(ctx)).version).toBe(a.version + 1);
  });

  it('sends undo and redo to the agent and shows the state after each', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.scriptTurn([{ edit: (d) => d.t.push({ id: 'x', tt: 7, sg: [{ st: 0, d: 3000, m: { text: 'Hi' } }] }) }, { final: 'Added.' }]);
    await collect(backend.chat(ctx, 'add a title Hi', new AbortController().signal));
    const undone = await backend.undo(ctx);
    expect(undone).toMatchObject({ summary: 'Timeline (1 track): 1. Video: talk-1080p.mp4 (0-10s)', canRedo: true });
    const redone = await backend.redo(ctx);
    expect(redone).toMatchObject({ summary: 'Timeline (2 tracks): 1. Video: talk-1080p.mp4 (0-10s) 2. Title: "Hi" (0-3s)', canRedo: false });
    expect([...h.fake.sessions.values()][0].messages).toEqual(['add a title Hi', 'undo', 'redo']);
  });
});
