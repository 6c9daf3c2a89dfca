import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/server/config';

describe('config comes from env, parsed once', () => {
  it('has working defaults for the local backend', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 3000, EDIT_BACKEND: 'local', MAX_UPLOAD_MB: 500, RENDER_CONCURRENCY: 1 });
    expect(c.maxUploadBytes).toBe(500 * 1024 * 1024);
    expect(c.DATA_DIR.startsWith('/')).toBe(true);
  });

  it('refuses the development session secret in production', () => {
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

  it('reads numbers from strings', () => {
    expect(parseConfig({ PORT: '8080', MAX_UPLOAD_MB: '1' }).maxUploadBytes).toBe(1024 * 1024);
  });
});
