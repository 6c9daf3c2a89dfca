// The store contract, run against both implementations (SQLite always; Postgres on a throwaway cluster).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import type { ExportRecord, Store } from '@/lib/store/types';
import { STORES } from './storesUnderTest';

const withWidth = (width: number) => ({ ...emptyTimeline(), canvas: { width, height: 1080, fps: 30 } });

const exportRow = (id: string, projectId: string, createdAt: string): ExportRecord => ({
  id, projectId, status: 'queued', progress: 0, quality: 'high', timelineVersion: 1, width: null, height: null,
  duration: null, size: null, path: null, error: null, attempts: 0, backendState: null, createdAt, updatedAt: createdAt,
  startedAt: null, finishedAt: null,
});

const probe = { kind: 'video' as const, format: 'mp4', duration: 2, width: 10, height: 10, fps: 30, rotation: 0, hasAudio: false, hasVideo: true, videoCodec: 'h264', audioCodec: null };

describe.each(STORES)('the $name store', (kind) => {
  let store: Store;
  let open: () => Promise<Store>;
  const others: Store[] = [];

  beforeAll(() => kind.start(), 120_000);
  afterAll(() => kind.stop(), 60_000);
  beforeEach(async () => {
    ({ store, open } = await kind.fresh());
  }, 30_000);
  afterEach(async () => {
    await Promise.all([store, ...others.splice(0)].map((s) => s.close()));
  });
  /** Another connection to the same database, as a second web process would hold. */
  const another = async () => {
    const s = await open();
    others.push(s);
    return s;
  };

  it('keeps every timeline version and walks undo and redo', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const v1 = (await store.getTimelineHead('p')).current.version;
    const v2 = await store.commitTimeline('p', withWidth(1000), 'two');
    const v3 = await store.commitTimeline('p', withWidth(1100), 'three');
    expect(v3.parentVersion).toBe(v2.version);
    expect(v3.label).toBe('three');

    const undone = await store.undo('p');
    expect(undone?.current.version).toBe(v2.version);
    expect(undone?.canRedo).toBe(true);
    expect((await store.undo('p'))?.current.version).toBe(v1);
    expect(await store.undo('p')).toBeNull();

    expect((await store.redo('p'))?.current.timeline.canvas.width).toBe(1000);
    expect((await store.redo('p'))?.current.timeline.canvas.width).toBe(1100);
    expect(await store.redo('p')).toBeNull();
    expect((await store.getTimelineVersion('p', v2.version))?.timeline.canvas.width).toBe(1000);
    expect(await store.getTimelineVersion('other', v2.version)).toBeNull();
  });

  it('keeps the operation kinds of each version beside its label, and none for a plain commit', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const cut = await store.commitTimeline('p', withWidth(100), 'Cut 3 pauses. Added calm music.', undefined, ['removePauses', 'addMusic']);
    expect(cut).toMatchObject({ label: 'Cut 3 pauses. Added calm music.', operations: ['removePauses', 'addMusic'] });
    const upload = await store.commitTimeline('p', withWidth(200), 'Added b.mp4');
    expect(upload.operations).toEqual([]);
    expect((await store.undo('p'))?.current.operations).toEqual(['removePauses', 'addMusic']);
    expect((await store.getTimelineHead('p')).current.label).toBe('Cut 3 pauses. Added calm music.');
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

  it('lets only one of two processes commit on the same head', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const second = await another();
    const start = (await store.getTimelineHead('p')).current.version;
    const results = await Promise.allSettled([
      store.commitTimeline('p', withWidth(1000), 'here', start),
      second.commitTimeline('p', withWidth(1400), 'there', start),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 409 } });
    const head = await second.getTimelineHead('p');
    expect(head.current.parentVersion).toBe(start);
  });

  it('answers 404 for the history of a project that does not exist', async () => {
    await expect(store.getTimelineHead('nope')).rejects.toMatchObject({ code: 1002 });
    await expect(store.commitTimeline('nope', withWidth(1000), 'a')).rejects.toMatchObject({ code: 1002 });
    await expect(store.redo('nope')).rejects.toMatchObject({ code: 1002 });
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

  it('splits a queue between two processes claiming at once, each export once', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const ids = Array.from({ length: 12 }, (_, i) => `e${String(i).padStart(2, '0')}`);
    for (const id of ids) await store.createExport(exportRow(id, 'p', '2026-01-01T00:00:00.000Z'));
    const second = await another();
    const drain = async (s: Store) => {
      const got: string[] = [];
      for (let e = await s.claimNextExport(); e; e = await s.claimNextExport()) got.push(e.id);
      return got;
    };
    const [a, b] = await Promise.all([drain(store), drain(second)]);
    expect([...a, ...b].sort()).toEqual(ids);
    expect((await store.listExportsByStatus(['rendering'])).every((e) => e.attempts === 1)).toBe(true);
  });

  it('starts a delivered export once per delivery, counting attempts, and not once it is canceled', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    await store.createExport(exportRow('e1', 'p', '2026-01-01T00:00:00.000Z'));
    const first = await store.beginExportRender('e1');
    expect(first).toMatchObject({ id: 'e1', status: 'rendering', attempts: 1 });
    // The queue hands it to another worker after the first one died: the row is still rendering.
    expect(await store.beginExportRender('e1', { maxRunningPerOwner: 1 })).toMatchObject({ status: 'rendering', attempts: 2 });
    await store.updateExport('e1', { status: 'canceled' });
    expect(await store.beginExportRender('e1')).toBeNull();
    expect(await store.beginExportRender('missing')).toBeNull();
  });

  it('lets three processes starting one owner\'s renders at once start only as many as the cap', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const ids = Array.from({ length: 24 }, (_, i) => `e${String(i).padStart(2, '0')}`);
    for (const id of ids) await store.createExport(exportRow(id, 'p', '2026-01-01T00:00:00.000Z'));
    const processes = [store, await another(), await another()];
    // Each process's connections warmed up first, so the starts below overlap rather than queue behind connecting.
    await Promise.all(processes.flatMap((s) => [0, 1, 2, 3].map(() => s.getExport('e00'))));
    const results = await Promise.all(ids.map((id, i) => processes[i % 3].beginExportRender(id, { maxRunningPerOwner: 2 })));
    expect(results.filter((r) => r !== 'busy' && r !== null)).toHaveLength(2);
    expect(results.filter((r) => r === 'busy')).toHaveLength(22);
    expect(await store.listExportsByStatus(['rendering'])).toHaveLength(2);
  });

  it('lists exports newest first, ties in reverse order of creation, and keeps every field', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const at = '2026-03-04T05:06:07.089Z';
    for (const id of ['x', 'y', 'z']) await store.createExport(exportRow(id, 'p', at));
    expect((await store.listExports('p')).map((e) => e.id)).toEqual(['z', 'y', 'x']);
    const patch = { status: 'completed' as const, progress: 0.125, width: 1920, height: 1080, duration: 12.345, size: 5_000_000_000, path: '/d/x.mp4', finishedAt: at };
    const updated = await store.updateExport('x', patch);
    expect(updated).toMatchObject({ ...patch, createdAt: at, error: null, attempts: 0 });
    expect(await store.getExport('x')).toEqual(updated);
    await expect(store.updateExport('nope', { progress: 0.5 })).rejects.toMatchObject({ code: 404 });
  });

  it('survives a reopen with everything in place', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'Keep me', timeline: emptyTimeline() });
    await store.setOwnerState('o', { clientId: 'c' });
    await store.setOwnerState('o', { clientId: 'd', nested: { n: 1 } });
    await store.addMessage({ id: 'm', projectId: 'p', role: 'user', text: 'hi', createdAt: new Date().toISOString() });
    await store.close();
    store = await open();
    expect(await store.problem()).toBeNull();
    expect((await store.listProjects('o')).map((p) => p.title)).toEqual(['Keep me']);
    expect(await store.getOwnerState('o')).toEqual({ clientId: 'd', nested: { n: 1 } });
    expect(await store.getOwnerState('nobody')).toBeNull();
    expect((await store.listMessages('p')).map((m) => m.text)).toEqual(['hi']);
  });

  it('lists an owner\'s projects most recently touched first, with their fields', async () => {
    await store.createProject({ id: 'a', ownerId: 'o', title: 'A', timeline: emptyTimeline() });
    await store.createProject({ id: 'b', ownerId: 'o', title: 'B', timeline: emptyTimeline() });
    await store.createProject({ id: 'c', ownerId: 'someone else', title: 'C', timeline: emptyTimeline() });
    await new Promise((r) => setTimeout(r, 5));
    await store.updateProject('a', { title: 'A2', backendState: { taskId: 't1' } });
    expect((await store.listProjects('o')).map((p) => p.title)).toEqual(['A2', 'B']);
    const a = await store.getProject('a');
    expect(a).toMatchObject({ ownerId: 'o', title: 'A2', backendState: { taskId: 't1' }, shareToken: null });
    expect(a!.updatedAt > a!.createdAt).toBe(true);
    expect(await store.getProject('nope')).toBeNull();
  });

  it('finds a project by its share token only while it is set', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    await store.updateProject('p', { shareToken: 'tok' });
    expect((await store.findProjectByShareToken('tok'))?.id).toBe('p');
    await store.updateProject('p', { shareToken: null });
    expect(await store.findProjectByShareToken('tok')).toBeNull();
  });

  it('keeps messages in the order they were said', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const at = new Date().toISOString();
    for (const [i, text] of ['one', 'two', 'three'].entries()) {
      await store.addMessage({ id: `m${i}`, projectId: 'p', role: i % 2 ? 'assistant' : 'user', text, createdAt: at });
    }
    expect((await store.listMessages('p')).map((m) => [m.role, m.text])).toEqual([['user', 'one'], ['assistant', 'two'], ['user', 'three']]);
  });

  it('returns media rows in upload order, with every field, and rolls them back', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    for (const id of ['b', 'a', 'c']) {
      await store.addMedia({ id, projectId: 'p', name: `${id}.mp4`, path: `/x/${id}`, size: 1, probe, analysis: null, peaks: null, hasThumbnail: id === 'a', createdAt: new Date().toISOString() });
    }
    expect((await store.listMedia('p')).map((m) => m.id)).toEqual(['b', 'a', 'c']);
    expect(await store.getMedia('a')).toMatchObject({ name: 'a.mp4', path: '/x/a', size: 1, probe, hasThumbnail: true });
    expect((await store.getMedia('b'))?.hasThumbnail).toBe(false);
    await store.deleteMedia(['a', 'c']);
    expect((await store.listMedia('p')).map((m) => m.id)).toEqual(['b']);
    expect(await store.getMedia('a')).toBeNull();
  });

  it('lists media summaries without their analysis arrays, and the analyses alone by id', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const analysis = { windowSeconds: 0.01, rmsDb: [-20, -60.5, -21], speech: { windowSeconds: 0.032, probability: [0.9, 0.1] } };
    const createdAt = new Date().toISOString();
    await store.addMedia({ id: 'b', projectId: 'p', name: 'b.mp4', path: '/x/b', size: 3, probe, analysis, peaks: [0.1, 0.5], hasThumbnail: true, createdAt });
    await store.addMedia({ id: 'a', projectId: 'p', name: 'a.png', path: '/x/a', size: 1, probe, analysis: null, peaks: null, hasThumbnail: false, createdAt });
    await store.createProject({ id: 'q', ownerId: 'o', title: 'Other', timeline: emptyTimeline() });
    await store.addMedia({ id: 'c', projectId: 'q', name: 'c.mp4', path: '/x/c', size: 1, probe, analysis, peaks: null, hasThumbnail: false, createdAt });

    expect(await store.listMediaSummaries('p')).toEqual([
      { id: 'b', projectId: 'p', name: 'b.mp4', path: '/x/b', size: 3, probe, hasThumbnail: true, hasPeaks: true, createdAt },
      { id: 'a', projectId: 'p', name: 'a.png', path: '/x/a', size: 1, probe, hasThumbnail: false, hasPeaks: false, createdAt },
    ]);
    expect(await store.listMediaAnalyses('p')).toEqual({ b: analysis, a: null });
    expect(await store.listMediaSummaries('nobody')).toEqual([]);
  });

  it('keeps a video\'s keyframe index, and which way an export was rendered and how loud it came out', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'T', timeline: emptyTimeline() });
    const videoIndex = {
      codec: 'h264', profile: 'High', level: 40, pixFmt: 'yuv420p', width: 1920, height: 1080, sar: '1:1', rotation: 0,
      fieldOrder: null, fps: 30, constantFrameRate: true, reorderDelay: 2, frameCount: 300, firstFrameSeconds: 0, cutFrames: [0, 60, 120],
    };
    await store.addMedia({ id: 'm', projectId: 'p', name: 'm.mp4', path: '/x/m.mp4', size: 1, probe, analysis: null, peaks: null, hasThumbnail: false, createdAt: new Date().toISOString(), videoIndex });
    expect((await store.getMedia('m'))?.videoIndex).toEqual(videoIndex);
    const loudness = { integratedLufs: -16.2, truePeakDb: -1.5 };
    await store.createExport({ ...exportRow('e', 'p', '2026-01-01T00:00:00.000Z'), render: 'full', renderReason: 'asked for full quality', loudness });
    expect(await store.getExport('e')).toMatchObject({ render: 'full', renderReason: 'asked for full quality', loudness });
    expect(await store.updateExport('e', { render: 'smart', renderReason: null, loudness: { integratedLufs: -14, truePeakDb: -1 } }))
      .toMatchObject({ render: 'smart', renderReason: null, loudness: { integratedLufs: -14, truePeakDb: -1 } });
    expect((await store.updateExport('e', { loudness: null })).loudness).toBeNull();
  });

  it('finds an owner\'s earlier media with the same bytes and analyser, newest first, never another owner\'s', async () => {
    const hash = 'ab'.repeat(32);
    const other = 'cd'.repeat(32);
    await store.createProject({ id: 'p', ownerId: 'o', title: 'First', timeline: emptyTimeline() });
    await store.createProject({ id: 'q', ownerId: 'o', title: 'Second', timeline: emptyTimeline() });
    await store.createProject({ id: 's', ownerId: 'stranger', title: 'Theirs', timeline: emptyTimeline() });
    const analysis = { windowSeconds: 0.01, rmsDb: [-20, -30], speech: { windowSeconds: 0.032, probability: [0.9] } };
    const row = (id: string, projectId: string, createdAt: string, extra: Record<string, unknown>) => ({
      id, projectId, name: `${id}.mp4`, path: `/x/${id}.mp4`, size: 100, probe, analysis, peaks: [0.5], hasThumbnail: true, createdAt, ...extra,
    });
    await store.addMedia(row('old', 'p', '2026-01-01T00:00:00.000Z', { contentSha256: hash, analysisVersion: 1 }));
    await store.addMedia(row('new', 'q', '2026-01-02T00:00:00.000Z', { contentSha256: hash, analysisVersion: 1 }));
    await store.addMedia(row('stale', 'q', '2026-01-03T00:00:00.000Z', { contentSha256: hash, analysisVersion: 0 }));
    await store.addMedia(row('unhashed', 'q', '2026-01-04T00:00:00.000Z', {}));
    await store.addMedia(row('theirs', 's', '2026-01-05T00:00:00.000Z', { contentSha256: other, analysisVersion: 1 }));
    const query = { ownerId: 'o', contentSha256: hash, size: 100, analysisVersion: 1 };

    const found = await store.findReusableMedia(query);
    expect(found).toMatchObject({ id: 'new', projectId: 'q', analysis, peaks: [0.5], contentSha256: hash, analysisVersion: 1 });
    expect((await store.getMedia('unhashed'))).toMatchObject({ contentSha256: null, analysisVersion: null });
    expect(await store.findReusableMedia({ ...query, size: 101 })).toBeNull();
    expect(await store.findReusableMedia({ ...query, analysisVersion: 2 })).toBeNull();
    expect((await store.findReusableMedia({ ...query, analysisVersion: 0 }))?.id).toBe('stale');
    // The stranger's bytes exist, but only for the stranger; and the owner's own rows stay the owner's.
    expect(await store.findReusableMedia({ ...query, contentSha256: other })).toBeNull();
    expect((await store.findReusableMedia({ ...query, ownerId: 'stranger', contentSha256: other }))?.id).toBe('theirs');
    expect(await store.findReusableMedia({ ...query, ownerId: 'stranger' })).toBeNull();
    // Deleting a copy leaves the other findable; deleting its project too.
    await store.deleteMedia(['new']);
    expect((await store.findReusableMedia(query))?.id).toBe('old');
    await store.deleteProject('p');
    expect(await store.findReusableMedia(query)).toBeNull();
  });
});

// Brought over from the security branch's SQLite-only tests (quotas, deletion, retention), now run on both stores,
// and the columns the smart-export branch added.
describe.each(STORES)('the $name store: what an owner holds, deletion, render facts', (kind) => {
  let store: Store;
  beforeAll(() => kind.start(), 120_000);
  afterAll(() => kind.stop(), 60_000);
  beforeEach(async () => {
    ({ store } = await kind.fresh());
  }, 30_000);
  afterEach(() => store.close());

  const media = (id: string, projectId: string, size: number) =>
    store.addMedia({ id, projectId, name: `${id}.mp4`, path: `/x/${id}.mp4`, size, probe, analysis: null, peaks: null, hasThumbnail: false, createdAt: new Date().toISOString() });

  it('counts bytes of media and finished exports, projects and renders, per owner', async () => {
    await store.createProject({ id: 'p1', ownerId: 'o', title: 'A', timeline: emptyTimeline() });
    await store.createProject({ id: 'p2', ownerId: 'o', title: 'B', timeline: emptyTimeline() });
    await store.createProject({ id: 'q', ownerId: 'other', title: 'C', timeline: emptyTimeline() });
    await media('m1', 'p1', 100);
    await media('m2', 'p2', 50);
    await media('m3', 'q', 1000);
    await store.createExport({ ...exportRow('e1', 'p1', '2026-01-01T00:00:00.000Z'), status: 'completed', size: 7, path: '/x/e1.mp4' });
    await store.createExport({ ...exportRow('e2', 'p1', '2026-01-01T00:00:01.000Z'), status: 'rendering', size: 999 });
    await store.createExport(exportRow('e3', 'p2', '2026-01-01T00:00:02.000Z'));
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
    const v = await store.commitTimeline('p', withWidth(1000), 'two');
    await store.addMessage({ id: 'msg', projectId: 'p', role: 'user', text: 'hi', createdAt: new Date().toISOString() });
    await store.createExport(exportRow('e', 'p', '2026-01-01T00:00:00.000Z'));
    await store.createExport(exportRow('f', 'q', '2026-01-01T00:00:00.000Z'));
    await store.deleteExport('f');
    expect(await store.getExport('f')).toBeNull();
    await store.deleteProject('p');
    expect(await store.getProject('p')).toBeNull();
    expect(await store.listMedia('p')).toEqual([]);
    expect(await store.listMessages('p')).toEqual([]);
    expect(await store.getExport('e')).toBeNull();
    expect(await store.getTimelineVersion('p', v.version)).toBeNull();
    expect((await store.listMedia('q')).map((m) => m.id)).toEqual(['m2']);
  });

  it('lists projects untouched since a time, oldest first', async () => {
    await store.createProject({ id: 'p', ownerId: 'o', title: 'A', timeline: emptyTimeline() });
    expect(await store.listProjectsUpdatedBefore('2000-01-01T00:00:00.000Z')).toEqual([]);
    expect((await store.listProjectsUpdatedBefore('2999-01-01T00:00:00.000Z')).map((p) => p.id)).toEqual(['p']);
  });

  it('claims round-robin by owner, and holds an owner at the running cap', async () => {
    await store.createProject({ id: 'a', ownerId: 'busy', title: 'A', timeline: emptyTimeline() });
    await store.createProject({ id: 'b', ownerId: 'light', title: 'B', timeline: emptyTimeline() });
    for (const [i, id] of ['a1', 'a2', 'a3'].entries()) await store.createExport(exportRow(id, 'a', `2026-01-01T00:00:0${i}.000Z`));
    await store.createExport(exportRow('b1', 'b', '2026-01-01T00:00:09.000Z'));
    const first = await store.claimNextExport({ maxRunningPerOwner: 1 });
    const second = await store.claimNextExport({ maxRunningPerOwner: 1 });
    expect([first?.id, second?.id]).toEqual(['a1', 'b1']);
    expect(await store.claimNextExport({ maxRunningPerOwner: 1 })).toBeNull();
    await store.updateExport('a1', { status: 'completed' });
    expect((await store.claimNextExport({ maxRunningPerOwner: 1 }))?.id).toBe('a2');
  });
});
