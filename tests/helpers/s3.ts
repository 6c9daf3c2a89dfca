// A throwaway S3-compatible server for tests: s3rver (from npm) on a free loopback port, objects in a temp folder, removed after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { s3ClientFor } from '@/lib/blob/s3BlobStore';

/** s3rver's fixed test credentials; any pair signs, but the SDK needs one. */
export const TEST_S3_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface ThrowawayS3 {
  endpoint: string;
  client: S3Client;
  /** Makes an empty bucket (names: 3-63 lowercase letters, digits and dashes). */
  newBucket(name: string): Promise<string>;
  /** Every key in a bucket. */
  keys(bucket: string): Promise<string[]>;
  /** The env a server process needs to use bucket `bucket` here. */
  env(bucket: string): Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3(): Promise<ThrowawayS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory: dir, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3ClientFor({ endpoint, region: 'us-east-1', ...TEST_S3_KEY });
  return {
    endpoint,
    client,
    async newBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
    async keys(bucket) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (page.Contents ?? []).map((c) => c.Key!).sort();
    },
    env: (bucket) => ({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: TEST_S3_KEY.accessKeyId,
      S3_SECRET_ACCESS_KEY: TEST_S3_KEY.secretAccessKey,
    }),
    async stop() {
      client.destroy();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
