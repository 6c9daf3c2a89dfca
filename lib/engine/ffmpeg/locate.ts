// Finds ffmpeg and ffprobe: an explicit path, then the system's, then the npm-shipped binaries.
import 'server-only';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Where npm puts the binaries of @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe: a
 * platform package such as node_modules/@ffmpeg-installer/linux-x64/ffmpeg, looked for in every
 * node_modules above each start folder. Found by path, not `require`: the Next build rewrites
 * requires of external packages to aliases it links under .next/node_modules, and it left those
 * links out for these two packages, so the built server could not load them.
 */
export function npmBinaryCandidates(
  name: 'ffmpeg' | 'ffprobe',
  startDirs: string[],
  platform: string = os.platform(),
  arch: string = os.arch(),
): string[] {
  const file = platform === 'win32' ? `${name}.exe` : name;
  const out: string[] = [];
  for (const start of startDirs) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', `@${name}-installer`, `${platform}-${arch}`, file);
      if (!out.includes(candidate)) out.push(candidate);
      if (path.dirname(dir) === dir) break;
    }
  }
  return out;
}

function moduleDir(): string[] {
  try {
    return [path.dirname(fileURLToPath(import.meta.url))];
  } catch {
    return [];
  }
}

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
  for (const candidate of npmBinaryCandidates(name, [process.cwd(), ...moduleDir()])) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
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
