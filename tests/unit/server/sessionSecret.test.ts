import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionSecret } from '@/lib/server/sessionSecret';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'));

describe('the session secret', () => {
  it('uses SESSION_SECRET when set and writes nothing', () => {
    const d = dir();
    expect(sessionSecret({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: d })).toBe('x'.repeat(40));
    expect(fs.readdirSync(d)).toEqual([]);
  });

  it('otherwise makes a random one per data folder, private to the owner, and keeps it', () => {
    const [a, b] = [dir(), dir()];
    const first = sessionSecret({ SESSION_SECRET: undefined, DATA_DIR: a });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(sessionSecret({ SESSION_SECRET: undefined, DATA_DIR: b })).not.toBe(first);
    expect(fs.statSync(path.join(a, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(a, 'session-secret'), 'utf8')).toBe(first);
    expect(fs.readdirSync(a)).toEqual(['session-secret']);
  });

  it('refuses a kept secret that is too short', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'session-secret'), 'short');
    expect(() => sessionSecret({ SESSION_SECRET: undefined, DATA_DIR: d })).toThrow(/shorter than 32 characters: delete it/);
  });
});
