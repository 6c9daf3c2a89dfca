// A file on our disk served as an ExportFile (size, type, byte-range streams).
import 'server-only';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ExportFile } from '@/lib/backend/types';

export function diskFile(path: string, size: number, contentType: string): ExportFile {
  return {
    size,
    contentType,
    async open(range) {
      const stream = fs.createReadStream(path, range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
  };
}
