// The cookie key: SESSION_SECRET when set, else a random one made on first start and kept in DATA_DIR (mode 600).
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

export const SESSION_SECRET_FILE = 'session-secret';

const cache = new Map<string, string>();

/** Never a value from the source code, so no install runs on a public secret; restarts keep sessions. */
export function sessionSecret(config: Pick<Config, 'SESSION_SECRET' | 'DATA_DIR'>): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const cached = cache.get(config.DATA_DIR);
  if (cached) return cached;
  const file = path.join(config.DATA_DIR, SESSION_SECRET_FILE);
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  if (!fs.existsSync(file)) {
    // Written whole under a temporary name, then linked into place: link fails if another process
    // won the race, and then everyone reads the winner's secret, never a half-written one.
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temp, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    try {
      fs.linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds a session secret shorter than 32 characters: delete it to make a new one, or set SESSION_SECRET.`);
  }
  cache.set(config.DATA_DIR, secret);
  return secret;
}
