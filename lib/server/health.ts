// What /api/health and `npm start` report: whether everything the configured backend needs is here.
import 'server-only';
import fs from 'node:fs';
import { toolchain } from './binaries';
import { getConfig } from './config';
import { appRoot } from './root';

export type HealthReport =
  | {
      ok: true;
      backend: 'local' | 'nemo';
      ffmpeg: { path: string; version: string; source: string };
      ffprobe: { path: string; version: string; source: string };
    }
  | { ok: false; problems: string[] };

function dataDirProblem(dataDir: string): string | null {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
    return null;
  } catch (err) {
    return `The data folder ${dataDir} cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'}): set DATA_DIR to a writable folder.`;
  }
}

/** The store's own words (a database out of reach), or why it could not be opened at all. */
async function storeProblem(): Promise<string | null> {
  try {
    return await appRoot().store.problem();
  } catch (err) {
    return `The store could not be opened: ${(err as Error).message}`;
  }
}

export async function healthReport(): Promise<HealthReport> {
  let config;
  try {
    config = getConfig();
  } catch (err) {
    return { ok: false, problems: [(err as Error).message] };
  }
  // Both backends probe uploads locally, so both need ffprobe; the local one renders with ffmpeg.
  const { ffmpeg, ffprobe, problems } = toolchain();
  const all = [...problems];
  const dataProblem = dataDirProblem(config.DATA_DIR);
  if (dataProblem) all.push(dataProblem);
  // The store opens under DATA_DIR (SQLite), so it is asked only once that folder is fine.
  const storeTrouble = dataProblem ? null : await storeProblem();
  if (storeTrouble) all.push(storeTrouble);
  if (all.length > 0 || !ffmpeg || !ffprobe) return { ok: false, problems: all };
  const describe = (b: typeof ffmpeg) => ({ path: b.path, version: b.version, source: b.source });
  return { ok: true, backend: config.EDIT_BACKEND, ffmpeg: describe(ffmpeg), ffprobe: describe(ffprobe) };
}
