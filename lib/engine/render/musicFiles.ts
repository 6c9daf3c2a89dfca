// Finds the audio file each music clip plays (an upload, or a library track made on demand) and matches its loudness.
import 'server-only';
import fs from 'node:fs/promises';
import { EngineError } from '@/lib/engine/engineError';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { libraryTrackPath } from '@/lib/engine/music/libraryTrackPath';
import type { AudioClip } from '@/lib/engine/timeline/schema';
import { measureLevelArgs, musicGain, parseRmsLevel } from './musicLevel';

// Measured levels by file version. Only the render worker asks (one bundle, built once by the composition root).
const levels = new Map<string, number | null>();

/** Overall RMS of a music file, measured once per file version. */
async function musicLevelDb(tools: Tools, file: string, format: string): Promise<number | null> {
  const { size, mtimeMs } = await fs.stat(file);
  const key = `${file}:${size}:${mtimeMs}`;
  if (!levels.has(key)) {
    const { stderrTail } = await runFfmpeg(tools, measureLevelArgs(file, format));
    levels.set(key, parseRmsLevel(stderrTail));
  }
  return levels.get(key) ?? null;
}

/** The file and its demuxer: library tracks are WAV files we made, uploads keep their probed format. */
async function musicPath(dataDir: string, clip: AudioClip, media: Map<string, MediaRecord>): Promise<{ path: string; format: string }> {
  if (clip.source.kind === 'library') return { path: await libraryTrackPath(dataDir, clip.source.trackId), format: 'wav' };
  const record = media.get(clip.source.mediaId);
  if (!record || !record.probe.hasAudio) {
    throw new EngineError('conflict', `The music "${clip.name}" has no sound file any more. Remove it and export again.`);
  }
  return { path: record.path, format: record.probe.format };
}

/** `voiceDb` is the speech level of the main track (null when it has none). */
export async function musicFiles(
  tools: Tools,
  dataDir: string,
  clips: AudioClip[],
  media: Map<string, MediaRecord>,
  voiceDb: number | null,
): Promise<{ clip: AudioClip; path: string; format: string; gain: number }[]> {
  return Promise.all(
    clips.map(async (clip) => {
      const { path, format } = await musicPath(dataDir, clip, media);
      return { clip, path, format, gain: musicGain(voiceDb, await musicLevelDb(tools, path, format)) };
    }),
  );
}
