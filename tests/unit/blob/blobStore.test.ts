// The blob contract, table-style over each implementation (local disk today; an S3-compatible one joins this list).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import { blobKeySchema, type BlobStore } from '@/lib/blob/types';

const IMPLEMENTATIONS = [{ name: 'local disk', open: (dir: string): BlobStore => new LocalBlobStore(dir) }];

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
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-'));
    blobs = open(dir);
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
});
