// The embedded blob store: each blob is a file under one root folder (DATA_DIR), written by temp file + rename.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { blobKeySchema, type BlobStore, type ByteRange } from './types';

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  /** The file for a key; the key schema keeps it inside the root. */
  private file(key: string): string {
    return path.join(this.root, ...blobKeySchema.parse(key).split('/'));
  }

  async put(key: string, body: AsyncIterable<Uint8Array> | Readable) {
    const file = this.file(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // Same folder, so the rename is atomic: a reader never sees half a blob.
    const part = `${file}.part-${randomUUID()}`;
    try {
      await pipeline(body instanceof Readable ? body : Readable.from(body), fs.createWriteStream(part, { flags: 'wx' }));
      await fsp.rename(part, file);
    } catch (err) {
      await fsp.rm(part, { force: true });
      throw err;
    }
    return { size: (await fsp.stat(file)).size };
  }

  async get(key: string, range?: ByteRange) {
    const file = this.file(key);
    if (range && (range.start < 0 || range.end < range.start)) {
      throw new RangeError(`A byte range runs from start to end, but was ${range.start}-${range.end}`);
    }
    // Opened before it is returned, so a missing file is null here rather than a stream error later.
    const handle = await fsp.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return handle ? handle.createReadStream(range ? { start: range.start, end: range.end } : {}) : null;
  }

  async stat(key: string) {
    const s = await fsp.stat(this.file(key)).catch(() => null);
    return s?.isFile() ? { size: s.size } : null;
  }

  async delete(key: string) {
    await fsp.rm(this.file(key), { force: true });
  }

  async list(prefix: string) {
    const base = prefix.replace(/\/+$/, '');
    const dir = base ? this.file(base) : this.root;
    const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile() && !e.name.includes('.part-'))
      .map((e) => path.relative(this.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
  }

  async localPath(key: string) {
    return (await this.stat(key)) ? this.file(key) : null;
  }

  async moveIn(key: string, file: string) {
    const dest = this.file(key);
    if (path.resolve(file) !== dest) {
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      await fsp.rename(file, dest).catch(async (err: NodeJS.ErrnoException) => {
        // Another disk (a cache folder on its own volume): copied in atomically instead.
        if (err.code !== 'EXDEV') throw err;
        await this.put(key, fs.createReadStream(file));
        await fsp.rm(file, { force: true });
      });
    }
    return { size: (await fsp.stat(dest)).size };
  }

  async deleteAll(prefix: string) {
    const base = prefix.replace(/\/+$/, '');
    await fsp.rm(this.file(base), { recursive: true, force: true });
  }

  recordedName(key: string) {
    return this.file(key);
  }

  keyOf(recorded: string) {
    if (!path.isAbsolute(recorded)) return blobKeySchema.parse(recorded);
    return blobKeySchema.parse(path.relative(this.root, recorded).split(path.sep).join('/'));
  }
}
