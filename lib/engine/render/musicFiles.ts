// Finds the audio file each music clip plays (an upload, or a library track made on demand) and matches its loudness.
import 'server-only';
import fs from 'node:fs/promises';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { libraryTrackPath } from '@/lib/engine/music/libraryTrackPath';
import type { AudioClip } from '@/lib/engine/timeline/schema';
import { AppError } from '@/lib/errors';
import { measureLevelArgs, musicGain, parseRmsLevel } from './musicLevel';

const g = globalThis as unknown as { __inVideoMusicLevels?: Map<string, number | null> };

/** Overall RMS of a music file, measured once per file version. */
async function musicLevelDb(file: string, format: string): Promise<number | null> {
  const { size, mtimeMs } = await fs.stat(file);
  const key = `${file}:${size}:${mtimeMs}`;
  g.__inVideoMusicLevels ??= new Map();
  if (!g.__inVideoMusicLevels.has(key)) {
    const { stderrTail } = await runFfmpeg(measureLevelArgs(file, format));
    g.__inVideoMusicLevels.set(key, parseRmsLevel(stderrTail));
  }
  return g.__inVideoMusicLevels.get(key) ?? null;
}

/** The file and its demuxer: library tracks are WAV files we made, uploads keep their probed format. */
async function musicPath(clip: AudioClip, media: Map<string, MediaRecord>): Promise<{ path: string; format: string }> {
  if (clip.source.kind === 'library') return { path: await libraryTrackPath(clip.source.trackId), format: 'wav' };
  const record = media.get(clip.source.mediaId);
  if (!record || !record.probe.hasAudio) {
    throw new AppError(409, `The music "${clip.name}" has no sound file any more. Remove it and export again.`);
  }
  return { path: record.path, format: record.probe.format };
}

/** `voiceDb` is the speech level of the main track (null when it has none). */
export async function musicFiles(
  clips: AudioClip[],
  media: Map<string, MediaRecord>,
  voiceDb: number | null,
): Promise<{ clip: AudioClip; path: string; format: string; gain: number }[]> {
  return Promise.all(
    clips.map(async (clip) => {
      const { path, format } = await musicPath(clip, media);
      return { clip, path, format, gain: musicGain(voiceDb, await musicLevelDb(path, format)) };
    }),
  );
}
