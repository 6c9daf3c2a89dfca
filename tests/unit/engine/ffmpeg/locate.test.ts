import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateBinaries, npmBinaryCandidates } from '@/lib/engine/ffmpeg/locate';

describe('npmBinaryCandidates', () => {
  it('looks in every node_modules above each start folder, nearest first, without repeats', () => {
    expect(npmBinaryCandidates('ffmpeg', ['/srv/app', '/srv/app/.next/server'], 'linux', 'x64')).toEqual([
      '/srv/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
      '/srv/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
      '/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
      '/srv/app/.next/server/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
      '/srv/app/.next/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    ]);
  });

  it('names the Windows binary with .exe and ffprobe under its own scope', () => {
    expect(npmBinaryCandidates('ffprobe', ['/a'], 'win32', 'x64')[0]).toBe(path.resolve('/a/node_modules/@ffprobe-installer/win32-x64/ffprobe.exe'));
  });
});

describe('locateBinaries', () => {
  it('falls back to the npm-shipped binaries when the search path has no ffmpeg', () => {
    const found = locateBinaries({ searchPath: '' });
    expect(found.problems).toEqual([]);
    expect(found.ffmpeg).toMatchObject({ source: 'npm' });
    expect(found.ffmpeg!.path).toMatch(/node_modules\/@ffmpeg-installer\/[^/]+\/ffmpeg$/);
    expect(found.ffprobe).toMatchObject({ source: 'npm' });
    expect(found.ffmpeg!.version).not.toBe('');
  });

  it('prefers an explicit path and says plainly when it does not run, without throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locate-'));
    const fake = path.join(dir, 'ffmpeg');
    fs.writeFileSync(fake, 'not a program');
    try {
      const found = locateBinaries({ ffmpegPath: fake, searchPath: '' });
      expect(found.ffmpeg).toBeNull();
      expect(found.ffprobe).toMatchObject({ source: 'npm' });
      expect(found.problems).toEqual([`ffmpeg at ${fake} (from FFMPEG_PATH) does not run: fix or unset FFMPEG_PATH.`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an explicit path that runs is used as it is', () => {
    const npm = locateBinaries({ searchPath: '' });
    const found = locateBinaries({ ffmpegPath: npm.ffmpeg!.path, ffprobePath: npm.ffprobe!.path, searchPath: '' });
    expect(found.ffmpeg).toMatchObject({ source: 'env', path: npm.ffmpeg!.path });
    expect(found.ffprobe).toMatchObject({ source: 'env', path: npm.ffprobe!.path });
  });
});
