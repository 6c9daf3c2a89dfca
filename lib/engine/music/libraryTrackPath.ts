// Where a library track's WAV lives: generated under <dataDir>/music on first use, cached, written atomically.
import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EngineError } from '@/lib/engine/engineError';
import { SAMPLE_RATE } from './arrangement';
import { composeMood } from './compose';
import { MUSIC_LIBRARY, type LibraryTrack } from './library';
import { renderTrack } from './renderTrack';
import { encodeWav } from './wav';

/** Bump when the synthesis changes, so files made by an older version are not reused. */
const SYNTH_VERSION = 1;

// One generation per file at a time. Only the render worker asks (it lives in one bundle, built once by the
// composition root), so a module-level map is enough.
const jobs = new Map<string, Promise<string>>();

export async function libraryTrackPath(dataDir: string, id: string): Promise<string> {
  const track = MUSIC_LIBRARY.find((t) => t.id === id);
  if (!track) {
    throw new EngineError('not-found', `There is no built-in music track "${id}". Available: ${MUSIC_LIBRARY.map((t) => t.id).join(', ')}.`);
  }
  const file = path.join(dataDir, 'music', `${track.id}.v${SYNTH_VERSION}.wav`);
  let job = jobs.get(file);
  if (!job) {
    job = ensureTrackFile(track, file);
    jobs.set(file, job);
    // A failed generation must not stick: the next caller tries again.
    job.catch(() => jobs.delete(file));
  }
  return job;
}

/** Generates every library track that is not on disk yet (start-up, tests). */
export async function warmMusicLibrary(dataDir: string): Promise<void> {
  for (const track of MUSIC_LIBRARY) await libraryTrackPath(dataDir, track.id);
}

async function ensureTrackFile(track: LibraryTrack, file: string): Promise<string> {
  const expectedBytes = 44 + Math.round(track.durationSeconds * SAMPLE_RATE) * 4;
  const existing = await fs.stat(file).catch(() => null);
  if (existing?.size === expectedBytes) return file;
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Synthesis is synchronous CPU work (about a second or two); yield first so pending I/O gets a turn.
  await new Promise((resolve) => setImmediate(resolve));
  const wav = encodeWav(renderTrack(composeMood(track.mood)), SAMPLE_RATE);
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, wav);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return file;
}
