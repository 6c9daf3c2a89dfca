// Finds ffmpeg and ffprobe: FFMPEG_PATH/FFPROBE_PATH, then the system's, then the npm-shipped binaries.
import 'server-only';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/server/config';

export interface Binary {
  path: string;
  source: 'env' | 'system' | 'npm';
  version: string;
}

const require = createRequire(import.meta.url);

function versionOf(bin: string): string | null {
  try {
    const out = execFileSync(bin, ['-version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /version\s+(\S+)/.exec(out);
    return m ? m[1] : 'unknown';
  } catch {
    return null;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

function npmBinary(pkg: '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe'): string | null {
  try {
    return (require(pkg) as { path: string }).path;
  } catch {
    return null;
  }
}

function locate(name: 'ffmpeg' | 'ffprobe', fromEnv: string | undefined): Binary {
  const pkg = name === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe';
  const candidates: [string | null, Binary['source']][] = [
    [fromEnv ?? null, 'env'],
    [onPath(name), 'system'],
    [npmBinary(pkg), 'npm'],
  ];
  for (const [candidate, source] of candidates) {
    if (!candidate) continue;
    const version = versionOf(candidate);
    if (version) return { path: candidate, source, version };
    if (source === 'env') throw new Error(`${name} at ${candidate} (from ${name.toUpperCase()}_PATH) does not run`);
  }
  throw new Error(`${name} was not found: set ${name.toUpperCase()}_PATH, install it, or run npm install`);
}

const g = globalThis as unknown as { __inVideoBinaries?: { ffmpeg: Binary; ffprobe: Binary } };

/** Both binaries, located once per process. */
export function binaries(): { ffmpeg: Binary; ffprobe: Binary } {
  if (!g.__inVideoBinaries) {
    const config = getConfig();
    g.__inVideoBinaries = {
      ffmpeg: locate('ffmpeg', config.FFMPEG_PATH),
      ffprobe: locate('ffprobe', config.FFPROBE_PATH),
    };
  }
  return g.__inVideoBinaries;
}
