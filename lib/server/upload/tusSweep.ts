// Removes resumable uploads (bytes, tus info, outcome) a day after they were created, finished or not.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readTusInfo, UPLOAD_ID } from './tusUploadInfo';

export interface SweepDirs {
  dir: string;
  outcomeDir: string;
}

async function names(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

/** Returns how many uploads were removed. An info file that cannot be read is judged by its mtime. */
export async function sweepExpiredUploads(dirs: SweepDirs, expiryMs: number, now = Date.now()): Promise<number> {
  const ids = new Set(
    [...(await names(dirs.dir)), ...(await names(dirs.outcomeDir))]
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => UPLOAD_ID.test(id)),
  );
  let removed = 0;
  for (const id of ids) {
    const info = await readTusInfo(dirs.dir, id);
    const created = info?.creation_date ? Date.parse(info.creation_date) : await mtime(dirs, id);
    if (!(now - created > expiryMs)) continue;
    await Promise.all(
      [path.join(dirs.dir, id), path.join(dirs.dir, `${id}.json`), path.join(dirs.outcomeDir, `${id}.json`)].map((p) =>
        fs.rm(p, { force: true }),
      ),
    );
    removed++;
  }
  return removed;
}

async function mtime(dirs: SweepDirs, id: string): Promise<number> {
  for (const file of [path.join(dirs.dir, `${id}.json`), path.join(dirs.outcomeDir, `${id}.json`)]) {
    try {
      return (await fs.stat(file)).mtimeMs;
    } catch {
      /* try the next */
    }
  }
  return 0;
}
