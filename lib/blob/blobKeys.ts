// The names of our blobs: one place, so ingest, render, download, deletion and the sweeps agree.
import type { BlobStore } from './types';

/** Everything of one project's uploads lives under this prefix. */
export function projectMediaPrefix(projectId: string): string {
  return `media/${projectId}/`;
}

export function mediaKey(projectId: string, mediaId: string, ext: string): string {
  return `${projectMediaPrefix(projectId)}${mediaId}.${ext}`;
}

/** The poster of a media blob: beside it, `<id>.thumb.jpg`. */
export function thumbnailKey(mediaKey: string): string {
  return mediaKey.replace(/\.[^./]+$/, '') + '.thumb.jpg';
}

export function exportKey(exportId: string): string {
  return `exports/${exportId}.mp4`;
}

/** The blob a row names, or null for a name outside the store (a row from before DATA_DIR moved): nothing there of ours. */
export function recordedKey(blobs: BlobStore, recorded: string): string | null {
  try {
    return blobs.keyOf(recorded);
  } catch {
    return null;
  }
}
