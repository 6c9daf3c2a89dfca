// Where a project's media live on disk: DATA_DIR/media/<projectId>/, names made by us, never by the user.
import path from 'node:path';

export function projectMediaDir(dataDir: string, projectId: string): string {
  return path.join(dataDir, 'media', projectId);
}

export function storedMediaPath(dataDir: string, projectId: string, mediaId: string, ext: string): string {
  return path.join(projectMediaDir(dataDir, projectId), `${mediaId}.${ext}`);
}

/** An upload in progress: no extension, so ffprobe judges the bytes and not a name. */
export function incomingPath(dataDir: string, projectId: string, mediaId: string): string {
  return path.join(projectMediaDir(dataDir, projectId), `${mediaId}.incoming`);
}

export function thumbnailPath(mediaPath: string): string {
  const { dir, name } = path.parse(mediaPath);
  return path.join(dir, `${name}.thumb.jpg`);
}
