// A zip streamed as it is written (yazl): media files are read from disk or the blob store as their turn comes, never held in memory.
import 'server-only';
import { Readable } from 'node:stream';
import yazl from 'yazl';

export type ZipEntry =
  | { name: string; path: string }
  | { name: string; text: string }
  /** Opened only when the zip reaches it, so a bundle of many sources holds one download open at a time. */
  | { name: string; open: () => Promise<Readable> };

export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    // Video and audio are compressed already: storing them saves the CPU and loses nothing.
    if ('path' in entry) zip.addFile(entry.path, entry.name, { compress: false });
    else if ('open' in entry) {
      zip.addReadStreamLazy(entry.name, { compress: false }, (cb) => {
        entry.open().then((stream) => cb(null, stream), (err) => cb(err, undefined as unknown as Readable));
      });
    } else zip.addBuffer(Buffer.from(entry.text, 'utf8'), entry.name);
  }
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}
