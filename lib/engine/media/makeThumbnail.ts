// Writes a 320 px wide JPEG poster for a video or image; a missing poster never fails an upload.
import 'server-only';
import fs from 'node:fs/promises';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { buildThumbnailArgs, posterTimeSeconds } from './mediaArgs';
import type { ProbeResult } from './schema';

const THUMBNAIL_TIMEOUT_MS = 60_000;

/** True when `out` now holds a poster. */
export async function makeThumbnail(tools: Tools, file: string, out: string, probe: ProbeResult): Promise<boolean> {
  if (probe.kind === 'audio' || probe.kind === 'subtitle') return false;
  // Some files have no frame at the chosen time (a stream that starts late, a bad index): fall back to the first frame.
  const times = [...new Set([posterTimeSeconds(probe), 0])];
  for (const at of times) {
    const ran = await runFfmpeg(tools, buildThumbnailArgs(file, out, probe, at), { signal: AbortSignal.timeout(THUMBNAIL_TIMEOUT_MS) }).then(
      () => true,
      () => false,
    );
    if (ran && (await sizeOf(out)) > 0) return true;
  }
  await fs.rm(out, { force: true });
  return false;
}

const sizeOf = (p: string) => fs.stat(p).then((s) => s.size, () => 0);
