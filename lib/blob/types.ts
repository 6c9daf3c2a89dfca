// The file seam: media, posters and exports as named blobs, on local disk (default) or S3-compatible object storage.
import type { Readable } from 'node:stream';
import { z } from 'zod';

/**
 * A blob's name: slash-separated parts of letters, digits, `.`, `_` and `-` (e.g. `media/<project>/<id>.mp4`,
 * `exports/<id>.mp4`). No empty, `.` or `..` part, so a key can never leave the store's root on disk, and
 * every key is a valid S3 object key as it is.
 */
export const blobKeySchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, 'A blob key is slash-separated names of letters, digits, ".", "_" and "-"')
  .refine((key) => key.split('/').every((part) => part !== '.' && part !== '..'), 'A blob key has no "." or ".." part');

/** Bytes `start` to `end`, both included, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobStore {
  /** Streams `body` into `key`. Readers see the old blob or the whole new one, never a part; a failed write leaves nothing. */
  put(key: string, body: AsyncIterable<Uint8Array> | Readable): Promise<{ size: number }>;
  /** The blob, or one byte range of it, as a stream; null when there is none. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Its size, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes it; removing a blob that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Keys under a folder-like prefix (`media/<project>/`, whole parts only), sorted. */
  list(prefix: string): Promise<string[]>;
  /**
   * A file on this machine with the blob's bytes, for tools that need a path (ffmpeg, ffprobe). Local disk
   * answers the file itself; object storage answers a download into its cache folder (outside DATA_DIR). Null when there is no blob.
   */
  localPath(key: string): Promise<string | null>;
  /** Takes a finished file on this machine in as the blob; the file is gone afterwards (moved or uploaded). */
  moveIn(key: string, file: string): Promise<{ size: number }>;
  /** Removes every blob under a folder-like prefix (`media/<project>/`). */
  deleteAll(prefix: string): Promise<void>;
  /**
   * What a database row records for a blob: local disk, the file's path (rows from before the seam stay
   * valid); object storage, the key. `keyOf` reads it back.
   */
  recordedName(key: string): string;
  keyOf(recorded: string): string;
}
