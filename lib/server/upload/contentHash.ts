// SHA-256 of an upload's bytes, taken as they pass on their way to disk (no second read): the identity upload reuse looks up.
import 'server-only';
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';

/** A pass-through stream that hashes what goes through it; `digest()` once the pipeline has finished. */
export interface HashingTap {
  stream: Transform;
  /** Bytes passed on so far. */
  bytes(): number;
  /** Lowercase hex SHA-256 of every byte passed on. */
  digest(): string;
}

export function hashingTap(hash: Hash = createHash('sha256'), startBytes = 0): HashingTap {
  let bytes = startBytes;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, bytes: () => bytes, digest: () => hash.digest('hex') };
}

/**
 * Reads a whole file to hash it: only for a resumable upload whose running hash was lost (its parts arrived at
 * another process, or across a restart). Every other path hashes while the bytes arrive.
 */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
