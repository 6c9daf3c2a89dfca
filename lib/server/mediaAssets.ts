// What a project's media offer besides the file: the poster JPEG and the waveform peaks, owner-only.
import 'server-only';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { MediaPeaksView } from '@/lib/api/schemas';
import type { BackendContext } from '@/lib/backend/types';
import { PEAKS_PER_SECOND } from '@/lib/engine/media/loudness';
import { thumbnailPath } from '@/lib/engine/media/mediaPaths';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { AppError } from '@/lib/errors';
import { getStore } from './context';

async function ownedMedia(ctx: BackendContext, mediaId: string): Promise<MediaRecord> {
  const media = await getStore().getMedia(mediaId);
  if (!media || media.projectId !== ctx.project.id) throw new AppError(404, 'Media not found.');
  return media;
}

export async function openThumbnail(ctx: BackendContext, mediaId: string): Promise<{ size: number; body: ReadableStream<Uint8Array> }> {
  const media = await ownedMedia(ctx, mediaId);
  if (!media.hasThumbnail) throw new AppError(404, `"${media.name}" has no picture to show.`);
  const file = thumbnailPath(media.path);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) throw new AppError(404, `The poster of "${media.name}" is missing.`);
  return { size: stat.size, body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array> };
}

export async function mediaPeaks(ctx: BackendContext, mediaId: string): Promise<MediaPeaksView> {
  const media = await ownedMedia(ctx, mediaId);
  if (!media.peaks) throw new AppError(404, `"${media.name}" has no sound, so it has no waveform.`);
  return { peaksPerSecond: PEAKS_PER_SECOND, duration: media.probe.duration, peaks: media.peaks };
}
