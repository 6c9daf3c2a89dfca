// tus's FileStore that also keeps a running SHA-256 of each upload while its parts arrive, so the finished file is never read again to hash it.
import 'server-only';
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { hashingTap } from './contentHash';

export class HashingFileStore extends FileStore {
  /** Per upload id: the hash of its first `bytes` bytes, as far as this process saw them arrive in order. */
  private readonly running = new Map<string, { hash: Hash; bytes: number }>();

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const before = offset === 0 ? { hash: createHash('sha256'), bytes: 0 } : this.running.get(id);
    // A part that does not follow the last one this process hashed (it arrived at another process, or
    // before a restart): the running hash is lost and the ingest reads the file once instead.
    if (!before || before.bytes !== offset) {
      this.running.delete(id);
      return super.write(readable, id, offset);
    }
    // Hash into a copy: a part that fails half-way leaves the hash of what was on disk before it.
    const hash = before.hash.copy();
    const tap = hashingTap(hash, offset);
    readable.on('error', (err) => tap.stream.destroy(err));
    const written = await super.write(readable.pipe(tap.stream), id, offset);
    if (tap.bytes() === written) this.running.set(id, { hash, bytes: written });
    else this.running.delete(id);
    return written;
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    return super.remove(id);
  }

  /** The SHA-256 (hex) of the whole upload when this process hashed all `size` bytes in order, else null; forgets the upload. */
  takeDigest(id: string, size: number): string | null {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.bytes === size ? state.hash.digest('hex') : null;
  }
}
