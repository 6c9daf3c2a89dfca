// What /api/health and `npm start` report: whether everything the configured backend needs is here.
import 'server-only';
import fs from 'node:fs';
import { toolchain } from './binaries';
import { getConfig } from './config';

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

export function healthReport(): HealthReport {
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
  if (all.length > 0 || !ffmpeg || !ffprobe) return { ok: false, problems: all };
  const describe = (b: typeof ffmpeg) => ({ path: b.path, version: b.version, source: b.source });
  return { ok: true, backend: config.EDIT_BACKEND, ffmpeg: describe(ffmpeg), ffprobe: describe(ffprobe) };
}
