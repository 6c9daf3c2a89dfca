// A blob served as an ExportFile (size, type, byte-range streams), wherever the blob store keeps it.
import 'server-only';
import { Readable } from 'node:stream';
import type { ExportFile } from '@/lib/backend/types';
import type { BlobStore } from '@/lib/blob/types';
import { AppError } from '@/lib/errors';

/** Null when the blob is not there (the caller words the 404: it knows what the file was). */
export async function blobFile(blobs: BlobStore, key: string, contentType: string): Promise<ExportFile | null> {
  const stat = await blobs.stat(key);
  if (!stat) return null;
  return {
    size: stat.size,
    contentType,
    async open(range) {
      const body = await blobs.get(key, range);
      // Deleted between the size and the bytes: the same answer as if it had gone a moment earlier.
      if (!body) throw new AppError(404, 'The file is no longer on the server.');
      return Readable.toWeb(body) as ReadableStream<Uint8Array>;
    },
  };
}
