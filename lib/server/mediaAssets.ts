// What a project's media offer besides the file: the poster JPEG and the waveform peaks, owner-only.
import 'server-only';
import { Readable } from 'node:stream';
import type { MediaPeaksView } from '@/lib/api/schemas';
import type { BackendContext, ExportFile } from '@/lib/backend/types';
import { PEAKS_PER_SECOND } from '@/lib/engine/media/loudness';
import { thumbnailKey } from '@/lib/blob/blobKeys';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { AppError } from '@/lib/errors';
import { getBlobs, getStore } from './context';
import { blobFile } from '@/lib/backend/blobFile';

async function ownedMedia(ctx: BackendContext, mediaId: string): Promise<MediaRecord> {
  const media = await getStore().getMedia(mediaId);
  if (!media || media.projectId !== ctx.project.id) throw new AppError(404, 'Media not found.');
  return media;
}

export async function openThumbnail(ctx: BackendContext, mediaId: string): Promise<{ size: number; body: ReadableStream<Uint8Array> }> {
  const media = await ownedMedia(ctx, mediaId);
  if (!media.hasThumbnail) throw new AppError(404, `"${media.name}" has no picture to show.`);
  const blobs = getBlobs();
  const key = thumbnailKey(blobs.keyOf(media.path));
  const [stat, body] = await Promise.all([blobs.stat(key), blobs.get(key)]);
  if (!stat || !body) {
    body?.destroy();
    throw new AppError(404, `The poster of "${media.name}" is missing.`);
  }
  return { size: stat.size, body: Readable.toWeb(body) as ReadableStream<Uint8Array> };
}

const CONTENT_TYPES: Record<string, string> = {
  mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska', avi: 'video/x-msvideo',
  mpg: 'video/mpeg', ts: 'video/mp2t', flv: 'video/x-flv', wmv: 'video/x-ms-wmv',
  mp3: 'audio/mpeg', wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg', m4a: 'audio/mp4', aac: 'audio/aac', aiff: 'audio/aiff',
  png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif',
  srt: 'text/plain; charset=utf-8', vtt: 'text/vtt; charset=utf-8', ass: 'text/plain; charset=utf-8',
};

/** The uploaded file itself, for the player to show a source clip before anything is rendered. */
export async function openMediaFile(ctx: BackendContext, mediaId: string): Promise<{ file: ExportFile; name: string }> {
  const media = await ownedMedia(ctx, mediaId);
  const ext = media.path.split('.').pop() ?? '';
  const blobs = getBlobs();
  const file = await blobFile(blobs, blobs.keyOf(media.path), CONTENT_TYPES[ext] ?? 'application/octet-stream');
  if (!file) throw new AppError(404, `The file of "${media.name}" is missing on the server.`);
  return { file, name: media.name };
}

export async function mediaPeaks(ctx: BackendContext, mediaId: string): Promise<MediaPeaksView> {
  const media = await ownedMedia(ctx, mediaId);
  if (!media.peaks) throw new AppError(404, `"${media.name}" has no sound, so it has no waveform.`);
  return { peaksPerSecond: PEAKS_PER_SECOND, duration: media.probe.duration, peaks: media.peaks };
}
