// The blob contract, table-style over each implementation: local disk, and S3 through the AWS SDK against s3rver on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import { S3BlobStore } from '@/lib/blob/s3BlobStore';
import { blobKeySchema, type BlobStore } from '@/lib/blob/types';
import { startS3, type ThrowawayS3 } from '../../helpers/s3';

let s3: ThrowawayS3;
let buckets = 0;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => s3?.stop());

const IMPLEMENTATIONS = [
  { name: 'local disk', open: async (dir: string): Promise<BlobStore> => new LocalBlobStore(dir) },
  {
    name: 'S3',
    // A fresh bucket per case; the temp folder is its download cache.
    open: async (dir: string): Promise<BlobStore> =>
      new S3BlobStore(s3.client, { bucket: await s3.newBucket(`case-${++buckets}`), cacheDir: dir }),
  },
];

describe('blob keys', () => {
  it.each(['media/p1/m1.mp4', 'exports/e_1.mp4', 'a'])('takes %s', (key) => {
    expect(blobKeySchema.safeParse(key).success).toBe(true);
  });
  it.each(['', '/abs', 'a//b', 'a/../b', '..', 'a/./b', 'a\\b', 'media/p 1', 'a/'])('refuses %j', (key) => {
    expect(blobKeySchema.safeParse(key).success).toBe(false);
  });
});

describe.each(IMPLEMENTATIONS)('the $name blob store', ({ open }) => {
  let dir: string;
  let blobs: BlobStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-'));
    blobs = await open(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('streams a blob in and reads it back whole and by range', async () => {
    const chunks = ['0123', '4567', '89'].map((s) => Buffer.from(s));
    expect(await blobs.put('media/p/a.bin', Readable.from(chunks))).toEqual({ size: 10 });
    expect(await text((await blobs.get('media/p/a.bin'))!)).toBe('0123456789');
    expect(await text((await blobs.get('media/p/a.bin', { start: 2, end: 5 }))!)).toBe('2345');
    expect(await text((await blobs.get('media/p/a.bin', { start: 9, end: 9 }))!)).toBe('9');
    expect(await blobs.stat('media/p/a.bin')).toEqual({ size: 10 });
  });

  it('answers null for a blob that is not there, and deleting it twice is fine', async () => {
    expect(await blobs.get('exports/none.mp4')).toBeNull();
    expect(await blobs.stat('exports/none.mp4')).toBeNull();
    expect(await blobs.localPath('exports/none.mp4')).toBeNull();
    await blobs.put('exports/e.mp4', Readable.from([Buffer.from('x')]));
    await blobs.delete('exports/e.mp4');
    await blobs.delete('exports/e.mp4');
    expect(await blobs.stat('exports/e.mp4')).toBeNull();
  });

  it('keeps the old blob when a new write fails midway, and leaves no part behind', async () => {
    await blobs.put('media/p/a.bin', Readable.from([Buffer.from('old')]));
    async function* broken() {
      yield Buffer.from('new bytes');
      throw new Error('connection reset');
    }
    await expect(blobs.put('media/p/a.bin', broken())).rejects.toThrow('connection reset');
    expect(await text((await blobs.get('media/p/a.bin'))!)).toBe('old');
    expect(await blobs.list('media/p/')).toEqual(['media/p/a.bin']);
  });

  it('lists keys under a prefix, sorted', async () => {
    for (const key of ['media/p2/b.mp4', 'media/p1/z.mp4', 'media/p1/a.wav', 'exports/e.mp4']) {
      await blobs.put(key, Readable.from([Buffer.from(key)]));
    }
    expect(await blobs.list('media/p1/')).toEqual(['media/p1/a.wav', 'media/p1/z.mp4']);
    expect(await blobs.list('media')).toEqual(['media/p1/a.wav', 'media/p1/z.mp4', 'media/p2/b.mp4']);
    expect(await blobs.list('nothing/')).toEqual([]);
  });

  it('gives tools a local file with the same bytes', async () => {
    await blobs.put('exports/e.mp4', Readable.from([Buffer.from('frames')]));
    const file = await blobs.localPath('exports/e.mp4');
    expect(fs.readFileSync(file!, 'utf8')).toBe('frames');
  });

  it('refuses a key that would leave its root before touching anything', async () => {
    await expect(blobs.put('../outside.txt', Readable.from([Buffer.from('x')]))).rejects.toThrow(/blob key/);
    await expect(blobs.get('media/../../etc/passwd')).rejects.toThrow(/blob key/);
    expect(fs.existsSync(path.join(dir, '..', 'outside.txt'))).toBe(false);
  });

  it('streams a blob larger than one multipart part and reads a range across the part boundary', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const pieces = [big.subarray(0, 3_000_000), big.subarray(3_000_000, 8_500_000), big.subarray(8_500_000)];
    expect(await blobs.put('media/p/big.bin', Readable.from(pieces))).toEqual({ size: big.length });
    const at = 8 * 1024 * 1024 - 2;
    const slice = Buffer.from(await buffer((await blobs.get('media/p/big.bin', { start: at, end: at + 3 }))!));
    expect([...slice]).toEqual([...big.subarray(at, at + 4)]);
  });

  it('takes a finished local file in, leaving no file behind', async () => {
    const file = path.join(dir, 'made-by-ffmpeg.mp4');
    fs.writeFileSync(file, 'rendered');
    expect(await blobs.moveIn('exports/e.mp4', file)).toEqual({ size: 8 });
    expect(await text((await blobs.get('exports/e.mp4'))!)).toBe('rendered');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('deletes everything under a prefix and nothing beside it', async () => {
    for (const key of ['media/p1/a.mp4', 'media/p1/a.thumb.jpg', 'media/p10/b.mp4', 'exports/e.mp4']) {
      await blobs.put(key, Readable.from([Buffer.from(key)]));
    }
    await blobs.deleteAll('media/p1/');
    await blobs.deleteAll('media/none/');
    expect(await blobs.list('')).toEqual(['exports/e.mp4', 'media/p10/b.mp4']);
  });

  it('names a blob for a database row and reads the key back from that name', async () => {
    const name = blobs.recordedName('media/p/m.mp4');
    expect(blobs.keyOf(name)).toBe('media/p/m.mp4');
  });

  it('drops a stale download from its cache when the blob is replaced', async () => {
    await blobs.put('media/p/a.bin', Readable.from([Buffer.from('first')]));
    expect(fs.readFileSync((await blobs.localPath('media/p/a.bin'))!, 'utf8')).toBe('first');
    await blobs.put('media/p/a.bin', Readable.from([Buffer.from('second!')]));
    expect(fs.readFileSync((await blobs.localPath('media/p/a.bin'))!, 'utf8')).toBe('second!');
    await blobs.delete('media/p/a.bin');
    expect(await blobs.localPath('media/p/a.bin')).toBeNull();
  });
});
