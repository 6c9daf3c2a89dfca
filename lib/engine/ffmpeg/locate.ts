// Finds ffmpeg and ffprobe: an explicit path, then the system's, then the npm-shipped binaries.
import 'server-only';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

export interface Binary {
  path: string;
  source: 'env' | 'system' | 'npm';
  version: string;
}

export interface LocatedBinaries {
  ffmpeg: Binary | null;
  ffprobe: Binary | null;
  /** Plain words: what is missing and how to fix it; empty when both were found. */
  problems: string[];
}

const require = createRequire(import.meta.url);

// Plain string specifiers on purpose: a bundler keeps `require('literal')` of an external
// package as it is, but compiles `require(variable)` into "Cannot find module".
const npmBinaries = {
  ffmpeg: () => (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
  ffprobe: () => (require('@ffprobe-installer/ffprobe') as { path: string }).path,
};

function versionOf(bin: string): string | null {
  try {
    const out = execFileSync(bin, ['-version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /version\s+(\S+)/.exec(out);
    return m ? m[1] : 'unknown';
  } catch {
    return null;
  }
}

function onPath(name: string, searchPath: string): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
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

function npmBinary(name: 'ffmpeg' | 'ffprobe'): string | null {
  try {
    return npmBinaries[name]();
  } catch {
    return null;
  }
}

type Located = { binary: Binary; problem?: undefined } | { binary: null; problem: string };

function locateOne(name: 'ffmpeg' | 'ffprobe', explicitPath: string | undefined, searchPath: string): Located {
  const envName = `${name.toUpperCase()}_PATH`;
  if (explicitPath) {
    const version = versionOf(explicitPath);
    if (version) return { binary: { path: explicitPath, source: 'env', version } };
    return { binary: null, problem: `${name} at ${explicitPath} (from ${envName}) does not run: fix or unset ${envName}.` };
  }
  const candidates: [string | null, Binary['source']][] = [
    [onPath(name, searchPath), 'system'],
    [npmBinary(name), 'npm'],
  ];
  for (const [candidate, source] of candidates) {
    if (!candidate) continue;
    const version = versionOf(candidate);
    if (version) return { binary: { path: candidate, source, version } };
  }
  return {
    binary: null,
    problem:
      `${name} was not found: run \`npm ci\` (it installs a copy of ${name}), ` +
      `install your system's ffmpeg package (Debian: apt-get install ffmpeg), or set ${envName}.`,
  };
}

/** Looks for both binaries; never throws. */
export function locateBinaries(paths: { ffmpegPath?: string; ffprobePath?: string; searchPath?: string }): LocatedBinaries {
  const searchPath = paths.searchPath ?? process.env.PATH ?? '';
  const ffmpeg = locateOne('ffmpeg', paths.ffmpegPath, searchPath);
  const ffprobe = locateOne('ffprobe', paths.ffprobePath, searchPath);
  return {
    ffmpeg: ffmpeg.binary,
    ffprobe: ffprobe.binary,
    problems: [ffmpeg.problem, ffprobe.problem].filter((p): p is string => Boolean(p)),
  };
}
