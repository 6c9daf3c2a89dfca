import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/server/config';

describe('config comes from env, parsed once', () => {
  it('has working defaults for the local backend', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 3000, EDIT_BACKEND: 'local', MAX_UPLOAD_MB: 500, RENDER_CONCURRENCY: 1 });
    expect(c.maxUploadBytes).toBe(500 * 1024 * 1024);
    expect(c.DATA_DIR.startsWith('/')).toBe(true);
  });

  it('has limits for a public server, with defaults', () => {
    const c = parseConfig({ QUOTA_STORAGE_MB: '100', RATE_CHAT_PER_MIN: '5' });
    expect(c).toMatchObject({ QUOTA_PROJECTS: 50, QUOTA_RENDERS_RUNNING: 1, QUOTA_RENDERS_QUEUED: 3, RATE_CHAT_PER_MIN: 5, TRUST_PROXY: '0' });
    expect(c.quotaStorageBytes).toBe(100 * 1024 * 1024);
    expect(c.maxJsonBodyBytes).toBe(64 * 1024);
    expect(() => parseConfig({ QUOTA_PROJECTS: '0' })).toThrow(/QUOTA_PROJECTS/);
  });

  it('has no session secret of its own: unset means "make one in DATA_DIR"', () => {
    expect(parseConfig({}).SESSION_SECRET).toBeUndefined();
    expect(parseConfig({ SESSION_SECRET: '' }).SESSION_SECRET).toBeUndefined();
  });

  it('refuses a missing session secret in production', () => {
    expect(() => parseConfig({ IN_VIDEO_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(parseConfig({ IN_VIDEO_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).isProduction).toBe(true);
  });

  it('names the bad variable and value', () => {
    expect(() => parseConfig({ EDIT_BACKEND: 'cloud' })).toThrow(/EDIT_BACKEND/);
    expect(() => parseConfig({ MAX_UPLOAD_MB: '-5' })).toThrow(/MAX_UPLOAD_MB/);
    expect(() => parseConfig({ SESSION_SECRET: 'short' })).toThrow(/32 characters/);
  });

  it('takes a Postgres URL for the store, and only that', () => {
    expect(parseConfig({}).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x' }).DATABASE_URL).toBe('postgres://u:p@db:5432/x');
    expect(parseConfig({ DATABASE_URL: 'postgresql://db/x' }).DATABASE_URL).toBe('postgresql://db/x');
    expect(() => parseConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL must be a postgres/);
  });

  it('keeps files on disk unless S3_BUCKET is set, and checks the S3 settings go together', () => {
    expect(parseConfig({}).S3_BUCKET).toBeUndefined();
    const s3 = parseConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', BLOB_CACHE_DIR: 'cache' });
    expect(s3).toMatchObject({ S3_BUCKET: 'media', S3_REGION: 'us-east-1', BLOB_CACHE_DIR: path.resolve('cache') });
    expect(() => parseConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET must be set/);
    expect(() => parseConfig({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'k' })).toThrow(/go together/);
    expect(() => parseConfig({ S3_BUCKET: 'media', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be a URL/);
  });

  it('reads numbers from strings', () => {
    expect(parseConfig({ PORT: '8080', MAX_UPLOAD_MB: '1' }).maxUploadBytes).toBe(1024 * 1024);
  });
});
