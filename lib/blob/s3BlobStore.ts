// Blobs in S3-compatible object storage through the AWS SDK v3: multipart streaming puts, ranged gets, and a local cache folder for tools that need a path.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  DeleteObjectCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { blobKeySchema, type BlobStore, type ByteRange } from './types';

export interface S3Settings {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** A folder on this machine (never under DATA_DIR) for downloads that ffmpeg reads by path. */
  cacheDir: string;
}

/** 8 MiB parts, two in flight: a streamed upload holds about 16 MiB of memory, whatever the file's size. */
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export function s3ClientFor(settings: Omit<S3Settings, 'bucket' | 'cacheDir'>): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    // Custom endpoints (MinIO, R2, a test server) rarely have per-bucket DNS names; AWS itself needs neither.
    forcePathStyle: settings.endpoint !== undefined,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
  });
}

export class S3BlobStore implements BlobStore {
  private readonly bucket: string;
  private readonly cacheDir: string;
  /** Downloads into the cache in progress, so two renders of one source fetch it once. */
  private readonly fetching = new Map<string, Promise<string | null>>();

  constructor(
    private readonly client: S3Client,
    settings: Pick<S3Settings, 'bucket' | 'cacheDir'>,
  ) {
    this.bucket = settings.bucket;
    this.cacheDir = path.resolve(settings.cacheDir);
  }

  async put(key: string, body: AsyncIterable<Uint8Array> | Readable) {
    const Key = blobKeySchema.parse(key);
    // A multipart upload becomes visible only when completed; a failed one is aborted (no parts left to pay for).
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key, Body: body instanceof Readable ? body : Readable.from(body) },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    await upload.done();
    await this.forgetCached(Key);
    const stat = await this.stat(Key);
    if (!stat) throw new Error(`The object ${Key} was uploaded but is not there.`);
    return stat;
  }

  async get(key: string, range?: ByteRange) {
    const Key = blobKeySchema.parse(key);
    if (range && (range.start < 0 || range.end < range.start)) {
      throw new RangeError(`A byte range runs from start to end, but was ${range.start}-${range.end}`);
    }
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return answer.Body as Readable;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  async stat(key: string) {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: blobKeySchema.parse(key) }));
      return { size: head.ContentLength ?? 0 };
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string) {
    const Key = blobKeySchema.parse(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    await this.forgetCached(Key);
  }

  async list(prefix: string) {
    const base = prefix.replace(/\/+$/, '');
    const Prefix = base ? `${blobKeySchema.parse(base)}/` : undefined;
    const keys: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix, ContinuationToken }));
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return keys.sort();
  }

  async localPath(key: string) {
    const Key = blobKeySchema.parse(key);
    const pending = this.fetching.get(Key);
    if (pending) return pending;
    const download = this.download(Key).finally(() => this.fetching.delete(Key));
    this.fetching.set(Key, download);
    return download;
  }

  async moveIn(key: string, file: string) {
    const stored = await this.put(key, fs.createReadStream(file));
    await fsp.rm(file, { force: true });
    return stored;
  }

  async deleteAll(prefix: string) {
    const keys = await this.list(prefix);
    // DeleteObjects takes at most 1000 keys a call.
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
    }
    await Promise.all(keys.map((k) => this.forgetCached(k)));
  }

  recordedName(key: string) {
    return blobKeySchema.parse(key);
  }

  keyOf(recorded: string) {
    return blobKeySchema.parse(recorded);
  }

  private cached(key: string): string {
    return path.join(this.cacheDir, 'blobs', ...key.split('/'));
  }

  private async forgetCached(key: string) {
    await fsp.rm(this.cached(key), { force: true });
  }

  /** The cached copy when its size still matches the object, else a fresh download (temp file + rename). */
  private async download(key: string): Promise<string | null> {
    const remote = await this.stat(key);
    if (!remote) return null;
    const file = this.cached(key);
    const local = await fsp.stat(file).catch(() => null);
    if (local?.size === remote.size) return file;
    const body = await this.get(key);
    if (!body) return null;
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const part = `${file}.part-${randomUUID()}`;
    try {
      await pipeline(body, fs.createWriteStream(part, { flags: 'wx' }));
      await fsp.rename(part, file);
    } catch (err) {
      await fsp.rm(part, { force: true });
      throw err;
    }
    return file;
  }
}
