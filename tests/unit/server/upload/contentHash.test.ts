// The upload's SHA-256 as it streams: in one piece, in tus parts in order, and lost (null) when a part does not follow the last one hashed here.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { Upload } from '@tus/server';
import { sha256OfFile } from '@/lib/server/upload/contentHash';
import { HashingFileStore } from '@/lib/server/upload/hashingFileStore';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-hash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
const expected = createHash('sha256').update(bytes).digest('hex');

async function started(store: HashingFileStore, id: string) {
  await store.create(new Upload({ id, size: bytes.length, offset: 0 }));
}

describe('upload content hash', () => {
  it('hashes a file read from disk like the bytes themselves', async () => {
    const file = path.join(dir, 'whole');
    fs.writeFileSync(file, bytes);
    expect(await sha256OfFile(file)).toBe(expected);
  });

  it('keeps a running hash across tus parts written in order, and hands it over once', async () => {
    const store = new HashingFileStore({ directory: dir });
    await started(store, 'inorder');
    let offset = 0;
    for (const cut of [1000, 150_000, bytes.length]) {
      offset = await store.write(Readable.from([bytes.subarray(offset, cut)]), 'inorder', offset);
    }
    expect(offset).toBe(bytes.length);
    expect(fs.readFileSync(path.join(dir, 'inorder')).equals(bytes)).toBe(true);
    expect(store.takeDigest('inorder', bytes.length)).toBe(expected);
    expect(store.takeDigest('inorder', bytes.length)).toBeNull();
  });

  it('gives no hash when a part does not follow the last one this process hashed (another process, a restart)', async () => {
    const store = new HashingFileStore({ directory: dir });
    await started(store, 'gap');
    await store.write(Readable.from([bytes.subarray(0, 1000)]), 'gap', 0);
    // As if bytes 1000..2000 had arrived at another process.
    fs.writeFileSync(path.join(dir, 'gap'), bytes.subarray(0, 2000));
    await store.write(Readable.from([bytes.subarray(2000)]), 'gap', 2000);
    expect(store.takeDigest('gap', bytes.length)).toBeNull();
    expect(await sha256OfFile(path.join(dir, 'gap'))).toBe(expected);
  });

  it('gives no hash for a size other than what it hashed', async () => {
    const store = new HashingFileStore({ directory: dir });
    await started(store, 'short');
    await store.write(Readable.from([bytes.subarray(0, 1000)]), 'short', 0);
    expect(store.takeDigest('short', bytes.length)).toBeNull();
  });
});
