// Setup step of `npm start`: synthesises the built-in music library into DATA_DIR/music once,
// so no request has to wait for a track to be generated (the server still makes any missing one on demand).
import path from 'node:path';
import { warmMusicLibrary } from '../lib/engine/music/libraryTrackPath';

async function main() {
  const started = Date.now();
  // The same default as lib/server/config.ts (which this script cannot import: it is server-only).
  await warmMusicLibrary(path.resolve(process.env.DATA_DIR || './data'));
  console.log(`[start] music library ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((err) => {
  // Not fatal: the server generates tracks on first use.
  console.error('[start] could not prepare the music library now; it will be made on first use:', err);
});
