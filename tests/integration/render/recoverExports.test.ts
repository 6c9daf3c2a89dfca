import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, recoverExports } from '@/lib/local/exports/recoverExports';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { SqliteStore } from '@/lib/store/sqliteStore';
import type { ExportRecord } from '@/lib/store/types';
import { FFMPEG } from '../../helpers/ffprobe';
import { tempDataDir } from '../../helpers/server';
import { processesMentioning } from './outputChecks';

function exportRow(id: string, patch: Partial<ExportRecord>): ExportRecord {
  const at = new Date().toISOString();
  return {
    id, projectId: 'p1', status: 'queued', progress: 0, quality: 'high', timelineVersion: 1, width: null, height: null,
    duration: null, size: null, path: null, error: null, attempts: 0, backendState: null, createdAt: at, updatedAt: at,
    startedAt: null, finishedAt: null, ...patch,
  };
}

describe('start-up recovery of exports cut off by a crash', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it('queues interrupted renders again, fails them plainly after 3 attempts, stops their orphaned ffmpeg and removes leftovers', async () => {
    const dataDir = tempDataDir();
    const store = new SqliteStore(path.join(dataDir, 'db.sqlite'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    await store.createProject({ id: 'p1', ownerId: 'o1', title: 'T', timeline: emptyTimeline() });

    // A real ffmpeg that outlived its server: it runs until someone stops it.
    const orphan = spawn(FFMPEG, ['-nostdin', '-re', '-f', 'lavfi', '-i', 'anullsrc', '-f', 'null', `${dataDir}/exports/again.attempt-1.partial.mp4`], { stdio: 'ignore' });
    const exited = new Promise((resolve) => orphan.once('exit', resolve));
    cleanups.push(() => orphan.kill('SIGKILL'));
    await new Promise((r) => setTimeout(r, 300));
    expect(processesMentioning('again.attempt-1')).toEqual([orphan.pid]);

    await store.createExport(exportRow('again', { status: 'rendering', attempts: 1, progress: 0.4, backendState: { backend: 'local', pid: orphan.pid } }));
    await store.createExport(exportRow('tired', { status: 'rendering', attempts: MAX_ATTEMPTS }));
    await store.createExport(exportRow('waiting', { status: 'queued' }));
    await store.createExport(exportRow('done', { status: 'completed', progress: 1 }));
    fs.mkdirSync(path.join(dataDir, 'exports', 'again.work'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'exports', 'again.attempt-1.partial.mp4'), 'half');
    fs.writeFileSync(path.join(dataDir, 'exports', 'done.mp4'), 'kept');

    expect(await recoverExports(store, dataDir)).toEqual({ requeued: 1, failed: 1 });
    await exited;
    expect(processesMentioning('again.attempt-1')).toEqual([]);
    expect(await store.getExport('again')).toMatchObject({ status: 'queued', progress: 0, backendState: null });
    const tired = await store.getExport('tired');
    expect(tired).toMatchObject({ status: 'failed' });
    expect(tired!.error).toBe('The export was interrupted 3 times by server restarts and was stopped. Export again to retry.');
    expect((await store.getExport('waiting'))!.status).toBe('queued');
    expect((await store.getExport('done'))!.status).toBe('completed');
    expect(fs.readdirSync(path.join(dataDir, 'exports'))).toEqual(['done.mp4']);
    expect(await store.listExportsByStatus(['rendering'])).toEqual([]);
    await store.close();
  });

  it('leaves alone a process whose id was reused by something that is not our render', async () => {
    const dataDir = tempDataDir();
    const store = new SqliteStore(path.join(dataDir, 'db.sqlite'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    await store.createProject({ id: 'p1', ownerId: 'o1', title: 'T', timeline: emptyTimeline() });
    const other = spawn(FFMPEG, ['-nostdin', '-re', '-f', 'lavfi', '-i', 'anullsrc', '-f', 'null', '-'], { stdio: 'ignore' });
    cleanups.push(() => other.kill('SIGKILL'));
    await store.createExport(exportRow('someone', { status: 'rendering', attempts: 1, backendState: { backend: 'local', pid: other.pid } }));
    await recoverExports(store, dataDir);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
    await store.close();
  });
});
