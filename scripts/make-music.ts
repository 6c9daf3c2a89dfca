// Setup step of `npm start`: synthesises the built-in music library into DATA_DIR/music (with S3, BLOB_CACHE_DIR/music) once,
// so no request has to wait for a track to be generated (the server still makes any missing one on demand).
import os from 'node:os';
import path from 'node:path';
import { warmMusicLibrary } from '../lib/engine/music/libraryTrackPath';

async function main() {
  const started = Date.now();
  // The same default as lib/server/config.ts (which this script cannot import: it is server-only).
  // With S3 set the renders' work folder is the cache folder (lib/server/root.ts workDirFor).
  const workDir = process.env.S3_BUCKET
    ? process.env.BLOB_CACHE_DIR || path.join(os.tmpdir(), 'in-video-cache')
    : process.env.DATA_DIR || './data';
  await warmMusicLibrary(path.resolve(workDir));
  console.log(`[start] music library ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((err) => {
  // Not fatal: the server generates tracks on first use.
  console.error('[start] could not prepare the music library now; it will be made on first use:', err);
});
