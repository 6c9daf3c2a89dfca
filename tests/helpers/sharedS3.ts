// With TEST_BLOBS=s3, the integration and browser tests keep every server's files in an S3-compatible server:
// one s3rver on loopback for the run (started here, in vitest's global setup), a bucket and a cache folder per
// data folder (tests/helpers/server.ts makes them from what this provides).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startS3 } from './s3';

declare module 'vitest' {
  export interface ProvidedContext {
    s3Endpoint: string;
    /** Holds each server's BLOB_CACHE_DIR (outside its DATA_DIR), removed after the run. */
    s3CacheRoot: string;
  }
}

export default async function sharedS3(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.TEST_BLOBS !== 's3') return;
  const s3 = await startS3();
  const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-s3-cache-'));
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('s3CacheRoot', cacheRoot);
  return async () => {
    await s3.stop();
    fs.rmSync(cacheRoot, { recursive: true, force: true });
  };
}
