// Finds the audio file each music clip plays: an uploaded file, or a library track made on demand.
import 'server-only';
import { AppError } from '@/lib/errors';
import type { MediaRecord } from '@/lib/engine/media/schema';
import * as library from '@/lib/engine/music/library';
import type { AudioClip } from '@/lib/engine/timeline/schema';

// TEMPORARY until lib/engine/music/library.ts exports libraryTrackPath (being written in parallel).
const libraryTrackPath = (library as { libraryTrackPath?: (id: string) => Promise<string> }).libraryTrackPath;

export async function musicFiles(clips: AudioClip[], media: Map<string, MediaRecord>): Promise<{ clip: AudioClip; path: string }[]> {
  return Promise.all(
    clips.map(async (clip) => {
      if (clip.source.kind === 'library') {
        if (!libraryTrackPath) throw new AppError(409, 'The music library is not available yet.');
        return { clip, path: await libraryTrackPath(clip.source.trackId) };
      }
      const record = media.get(clip.source.mediaId);
      if (!record || !record.probe.hasAudio) {
        throw new AppError(409, `The music "${clip.name}" has no sound file any more. Remove it and export again.`);
      }
      return { clip, path: record.path };
    }),
  );
}
