// Where a library track's WAV lives: generated under DATA_DIR/music on first use, cached, written atomically.
import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { getConfig } from '@/lib/server/config';
import { SAMPLE_RATE } from './arrangement';
import { composeMood } from './compose';
import { MUSIC_LIBRARY, type LibraryTrack } from './library';
import { renderTrack } from './renderTrack';
import { encodeWav } from './wav';

/** Bump when the synthesis changes, so files made by an older version are not reused. */
const SYNTH_VERSION = 1;

const g = globalThis as unknown as { __inVideoMusicJobs?: Map<string, Promise<string>> };
// On globalThis so every bundle copy of this module (route handlers, instrumentation) shares one generation per file.
const jobs = (g.__inVideoMusicJobs ??= new Map());

export async function libraryTrackPath(id: string): Promise<string> {
  const track = MUSIC_LIBRARY.find((t) => t.id === id);
  if (!track) {
    throw new AppError(404, `There is no built-in music track "${id}". Available: ${MUSIC_LIBRARY.map((t) => t.id).join(', ')}.`);
  }
  const file = path.join(getConfig().DATA_DIR, 'music', `${track.id}.v${SYNTH_VERSION}.wav`);
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
export async function warmMusicLibrary(): Promise<void> {
  for (const track of MUSIC_LIBRARY) await libraryTrackPath(track.id);
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
