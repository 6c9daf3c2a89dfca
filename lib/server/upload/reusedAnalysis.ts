// An upload of bytes its owner already uploaded takes the earlier row's probe and analysis instead of decoding the file again.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '@/lib/blob/types';
import { recordedKey, thumbnailKey } from '@/lib/blob/blobKeys';
import { ANALYSIS_VERSION } from '@/lib/engine/media/analysisVersion';
import { limitProblem, type MediaLimits } from '@/lib/engine/media/mediaLimits';
import { unsupported } from '@/lib/engine/media/probeMedia';
import type { MediaRecord } from '@/lib/engine/media/schema';
import type { Store } from '@/lib/store/types';

/** What an upload takes over from an earlier one: everything the analysis made, not the file, its id or its name. */
export type ReusedAnalysis = Pick<MediaRecord, 'probe' | 'analysis' | 'peaks' | 'videoIndex'> & { ext: string; earlier: MediaRecord };

/**
 * The owner's newest row with the same bytes (SHA-256 and length) made by this analyser, checked against today's
 * media limits (they may have been lowered since), or null: then the file is analysed as usual. Rows of other
 * owners are never looked at.
 */
export async function findReusedAnalysis(
  store: Store,
  query: { ownerId: string; sha256: string; size: number; name: string; limits: MediaLimits },
): Promise<ReusedAnalysis | null> {
  const earlier = await store.findReusableMedia({ ownerId: query.ownerId, contentSha256: query.sha256, size: query.size, analysisVersion: ANALYSIS_VERSION });
  if (!earlier) return null;
  // The stream count is not kept on the row; the earlier upload passed the stream cap of its day.
  const problem = limitProblem(earlier.probe, 0, query.limits);
  if (problem) throw unsupported(query.name, problem);
  const ext = path.extname(earlier.path).slice(1);
  return { probe: earlier.probe, analysis: earlier.analysis, peaks: earlier.peaks, videoIndex: earlier.videoIndex ?? null, ext, earlier };
}

/**
 * Copies the earlier upload's poster to `out` (a file copy on local disk, one small download from object storage).
 * False when it has none or it went away meanwhile (deleted): the caller then makes one.
 */
export async function copyEarlierPoster(blobs: BlobStore, earlier: MediaRecord, out: string): Promise<boolean> {
  if (!earlier.hasThumbnail) return false;
  const key = recordedKey(blobs, earlier.path);
  if (!key) return false;
  try {
    const poster = await blobs.get(thumbnailKey(key));
    if (!poster) return false;
    await pipeline(poster, fs.createWriteStream(out));
    return true;
  } catch {
    await fs.promises.rm(out, { force: true });
    return false;
  }
}
