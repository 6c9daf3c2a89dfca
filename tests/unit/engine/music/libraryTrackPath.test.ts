// The on-disk cache of library tracks: one generation shared by concurrent callers, reuse, repair, and a clear 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError, asAppError } from '@/lib/errors';

let libraryTrackPath: (id: string) => Promise<string>;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'music-cache-'));
  const engine = await import('@/lib/engine/music/libraryTrackPath');
  libraryTrackPath = (id) => engine.libraryTrackPath(dataDir, id);
});

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('libraryTrackPath', () => {
  it('rejects an unknown id with a 404 AppError that names the id and the known ones', async () => {
    // The engine's not-found error, as the HTTP edge maps it.
    const error = await libraryTrackPath('no-such-track').catch((e: unknown) => asAppError(e));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
    expect((error as AppError).message).toContain('"no-such-track"');
    expect((error as AppError).message).toContain('calm-horizon');
  });

  it('has concurrent callers share one generation, written atomically under DATA_DIR/music', { timeout: 60_000 }, async () => {
    const dir = path.join(dataDir, 'music');
    fs.mkdirSync(dir, { recursive: true });
    const seen = new Set<string>();
    const watcher = fs.watch(dir, (_event, name) => name && seen.add(String(name)));
    const paths = await Promise.all([1, 2, 3].map(() => libraryTrackPath('calm-horizon')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    watcher.close();

    expect(new Set(paths).size).toBe(1);
    expect(path.dirname(paths[0])).toBe(dir);
    const temps = [...seen].filter((name) => name.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(fs.statSync(paths[0]).size).toBe(44 + Math.round(((20 * 240) / 72) * 48_000) * 4);
  });

  it('reuses the file on later calls without rewriting it', async () => {
    const file = await libraryTrackPath('calm-horizon');
    const before = fs.statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await libraryTrackPath('calm-horizon')).toBe(file);
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('regenerates a damaged (truncated) file in a new process', { timeout: 60_000 }, async () => {
    const file = await libraryTrackPath('calm-horizon');
    const good = fs.readFileSync(file);
    fs.truncateSync(file, 1000);
    // A new process starts with no remembered generation; simulate it with a fresh copy of the module.
    vi.resetModules();
    const fresh = await import('@/lib/engine/music/libraryTrackPath');
    expect(await fresh.libraryTrackPath(dataDir, 'calm-horizon')).toBe(file);
    expect(fs.readFileSync(file).equals(good)).toBe(true);
  });
});
