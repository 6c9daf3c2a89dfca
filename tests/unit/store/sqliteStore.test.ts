import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import type { ExportRecord } from '@/lib/store/types';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  store = new SqliteStore(path.join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const withWidth = (width: number) => ({ ...emptyTimeline(), canvas: { width, height: 1080, fps: 30 } });

const exportRow = (id: string, projectId: string, createdAt: string): ExportRecord => ({
  id, projectId, status: 'queued', progress: 0, quality: 'high', timelineVersion: 1, width: null, height: null,
  duration: null, size: null, path: null, error: null, attempts: 0, backendState: null, createdAt, updatedAt: createdAt,
  startedAt: null, finishedAt: null,
});

describe('the SQLite store', () => {
  it('keeps every timeline version and walks undo and redo', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const v1 = (await store.getTimelineHead('p')).current.version;
    const v2 = await store.commitTimeline('p', withWidth(1000), 'two');
    const v3 = await store.commitTimeline('p', withWidth(1100), 'three');
    expect(v3.parentVersion).toBe(v2.version);

    const undone = await store.undo('p');
    expect(undone?.current.version).toBe(v2.version);
    expect(undone?.canRedo).toBe(true);
    expect((await store.undo('p'))?.current.version).toBe(v1);
    expect(await store.undo('p')).toBeNull();

    expect((await store.redo('p'))?.current.timeline.canvas.width).toBe(1000);
    expect((await store.redo('p'))?.current.timeline.canvas.width).toBe(1100);
    expect(await store.redo('p')).toBeNull();
  });

  it('drops the redo stack when a new edit follows an undo', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    await store.commitTimeline('p', withWidth(1000), 'a');
    await store.undo('p');
    await store.commitTimeline('p', withWidth(1200), 'b');
    const head = await store.getTimelineHead('p');
    expect(head.canRedo).toBe(false);
    expect(await store.redo('p')).toBeNull();
    expect(head.current.timeline.canvas.width).toBe(1200);
  });

  it('refuses a commit on a head that moved', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const start = (await store.getTimelineHead('p')).current.version;
    await store.commitTimeline('p', withWidth(1000), 'a', start);
    await expect(store.commitTimeline('p', withWidth(1300), 'b', start)).rejects.toMatchObject({ code: 409 });
  });

  it('hands each queued export to exactly one claimer, oldest first', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    await store.createExport(exportRow('e2', 'p', '2026-01-02T00:00:00.000Z'));
    await store.createExport(exportRow('e1', 'p', '2026-01-01T00:00:00.000Z'));
    const first = await store.claimNextExport();
    expect(first).toMatchObject({ id: 'e1', status: 'rendering', attempts: 1 });
    expect((await store.claimNextExport())?.id).toBe('e2');
    expect(await store.claimNextExport()).toBeNull();
    const done = await store.updateExport('e1', { status: 'completed', progress: 1, backendState: { backend: 'nemo', renderId: 'r', lastPollAt: 0 } });
    expect(done.backendState).toEqual({ backend: 'nemo', renderId: 'r', lastPollAt: 0 });
    expect((await store.listExportsByStatus(['rendering'])).map((e) => e.id)).toEqual(['e2']);
  });

  it('survives a reopen with everything in place', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'Keep me', timeline: emptyTimeline() });
    await store.setOwnerState('o', { clientId: 'c' });
    await store.addMessage({ id: 'm', projectId: 'p', role: 'user', text: 'hi', createdAt: new Date().toISOString() });
    await store.close();
    store = new SqliteStore(path.join(dir, 'db.sqlite'));
    expect((await store.listProjects('o')).map((p) => p.title)).toEqual(['Keep me']);
    expect(await store.getOwnerState('o')).toEqual({ clientId: 'c' });
    expect((await store.listMessages('p')).map((m) => m.text)).toEqual(['hi']);
  });

  it('finds a project by its share token only while it is set', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    await store.updateProject('p', { shareToken: 'tok' });
    expect((await store.findProjectByShareToken('tok'))?.id).toBe('p');
    await store.updateProject('p', { shareToken: null });
    expect(await store.findProjectByShareToken('tok')).toBeNull();
  });
});

describe('media rows', () => {
  it('come back in upload order and can be rolled back', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const probe = { kind: 'video' as const, format: 'mp4', duration: 2, width: 10, height: 10, fps: 30, rotation: 0, hasAudio: false, hasVideo: true, videoCodec: 'h264', audioCodec: null };
    for (const id of ['b', 'a', 'c']) {
      await store.addMedia({ id, projectId: 'p', name: `${id}.mp4`, path: `/x/${id}`, size: 1, probe, analysis: null, peaks: null, hasThumbnail: false, createdAt: new Date().toISOString() });
    }
    expect((await store.listMedia('p')).map((m) => m.id)).toEqual(['b', 'a', 'c']);
    await store.deleteMedia(['a', 'c']);
    expect((await store.listMedia('p')).map((m) => m.id)).toEqual(['b']);
  });
});

describe('what an owner holds', () => {
  const probe = { kind: 'video' as const, format: 'mp4', duration: 2, width: 10, height: 10, fps: 30, rotation: 0, hasAudio: false, hasVideo: true, videoCodec: 'h264', audioCodec: null };
  const media = (id: string, projectId: string, size: number) =>
    store.addMedia({ id, projectId, name: `${id}.mp4`, path: `/x/${id}.mp4`, size, probe, analysis: null, peaks: null, hasThumbnail: false, createdAt: new Date().toISOString() });

  it('counts bytes of media and finished exports, projects and renders, per owner', async () => {
    await store.createProject({ id: 'p1', ownerId: 'o', title: 'A', timeline: emptyTimeline() });
    await store.createProject({ id: 'p2', ownerId: 'o', title: 'B', timeline: emptyTimeline() });
    await store.createProject({ id: 'q', ownerId: 'other', title: 'C', timeline: emptyTimeline() });
    await media('m1', 'p1', 100);
    await media('m2', 'p2', 50);
    await media('m3', 'q', 1000);
    await store.createExport({ ...exportRow('e1', 'p1', '2026-01-01T00:00:00Z'), status: 'completed', size: 7, path: '/x/e1.mp4' });
    await store.createExport({ ...exportRow('e2', 'p1', '2026-01-01T00:00:01Z'), status: 'rendering', size: 999 });
    await store.createExport(exportRow('e3', 'p2', '2026-01-01T00:00:02Z'));
    expect(await store.ownerUsage('o')).toEqual({ storedBytes: 157, projects: 2, rendersRunning: 1, rendersQueued: 1 });
    expect(await store.ownerUsage('nobody')).toEqual({ storedBytes: 0, projects: 0, rendersRunning: 0, rendersQueued: 0 });
    expect(await store.listKnownFiles()).toEqual({
      projectIds: expect.arrayContaining(['p1', 'p2', 'q']),
      mediaPaths: expect.arrayContaining(['/x/m1.mp4', '/x/m2.mp4', '/x/m3.mp4']),
      exportPaths: ['/x/e1.mp4'],
      exportIds: expect.arrayContaining(['e1', 'e2', 'e3']),
    });
  });

  it('deletes a project with every row under it, and nothing of other projects', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'A', timeline: emptyTimeline() });
    await store.createProject({ id: 'q', ownerId: 'o', title: 'B', timeline: emptyTimeline() });
    await media('m1', 'p', 1);
    await media('m2', 'q', 1);
    await store.commitTimeline('p', withWidth(1000), 'two');
    await store.addMessage({ id: 'msg', projectId: 'p', role: 'user', text: 'hi', createdAt: new Date().toISOString() });
    await store.createExport(exportRow('e', 'p', '2026-01-01T00:00:00Z'));
    await store.deleteProject('p');
    expect(await store.getProject('p')).toBeNull();
    expect(await store.listMedia('p')).toEqual([]);
    expect(await store.listMessages('p')).toEqual([]);
    expect(await store.getExport('e')).toBeNull();
    expect(await store.getTimelineVersion('p', 1)).toBeNull();
    expect((await store.listMedia('q')).map((m) => m.id)).toEqual(['m2']);
  });

  it('lists projects untouched since a time, oldest first', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'A', timeline: emptyTimeline() });
    expect(await store.listProjectsUpdatedBefore('2000-01-01T00:00:00Z')).toEqual([]);
    expect((await store.listProjectsUpdatedBefore('2999-01-01T00:00:00Z')).map((p) => p.id)).toEqual(['p']);
  });
});
