// The current timeline as a file for another editor (or a zip of it with its media): loads, resolves, writes.
import 'server-only';
import { buildCutList, type ExtraAudioFile } from '@/lib/engine/interchange/cutList';
import { INTERCHANGE_FILES, type InterchangeFormat } from '@/lib/engine/interchange/formats';
import { writeInterchange } from '@/lib/engine/interchange/writeInterchange';
import { requireClips } from '@/lib/engine/timeline/requireClips';
import { MUSIC_LIBRARY } from '@/lib/engine/music/library';
import { libraryTrackPath } from '@/lib/engine/music/libraryTrackPath';
import type { InterchangeDownload } from '@/lib/backend/types';
import { AppError } from '@/lib/errors';
import type { ProjectRecord, Store } from '@/lib/store/types';
import type { LocalDeps } from './localDeps';
import { zipStream, type ZipEntry } from './zipStream';

/** Library tracks travel as "<name>.wav", the file the render plays. */
function libraryFiles(trackIds: string[]): ExtraAudioFile[] {
  return [...new Set(trackIds)].flatMap((id) => {
    const track = MUSIC_LIBRARY.find((t) => t.id === id);
    return track ? [{ key: `library:${id}`, fileName: `${track.name}.wav`, durationSeconds: track.durationSeconds }] : [];
  });
}

async function loadEdit(store: Store, project: ProjectRecord) {
  const [head, media] = await Promise.all([store.getTimelineHead(project.id), store.listMedia(project.id)]);
  const timeline = head.current.timeline;
  requireClips(timeline, 'exporting it for another editor');
  const known = new Set(media.map((m) => m.id));
  if (timeline.video.some((s) => !known.has(s.sourceId))) {
    throw new AppError(409, 'A clip on the timeline is missing its media file. Remove it and try again.');
  }
  const libraryIds = timeline.audio.flatMap((c) => (c.source.kind === 'library' ? [c.source.trackId] : []));
  const edit = buildCutList(timeline, media, { title: project.title, extraAudio: libraryFiles(libraryIds) });
  return { edit, media };
}

export async function interchangeDownload(store: Store, project: ProjectRecord, format: InterchangeFormat): Promise<InterchangeDownload> {
  const { edit } = await loadEdit(store, project);
  if ((format === 'srt' || format === 'vtt') && edit.texts.length === 0) {
    throw new AppError(409, 'There are no titles or captions on the timeline yet, so there are no subtitles to download. Add some first ("add captions from my SRT", "add a title ...").');
  }
  const { extension, contentType } = INTERCHANGE_FILES[format];
  return { baseName: project.title, extension, contentType, body: writeInterchange(edit, format) };
}

/**
 * The timeline file with every source beside it under the name the file refers to, plus the
 * captions as SRT when there are any: unzip and open in the editor, nothing to relink.
 */
export async function interchangeBundle(deps: LocalDeps, project: ProjectRecord, format: InterchangeFormat): Promise<InterchangeDownload> {
  const maxBytes = deps.settings.maxUploadBytes;
  const { edit, media } = await loadEdit(deps.store, project);
  const byId = new Map(media.map((m) => [m.id, m]));
  const files: ZipEntry[] = [];
  for (const source of edit.sources) {
    if (source.id.startsWith('library:')) {
      files.push({ name: source.fileName, path: await libraryTrackPath(deps.settings.dataDir, source.id.slice('library:'.length)) });
      continue;
    }
    const m = byId.get(source.id);
    if (!m) continue;
    // Streamed from the blob store (local disk or S3) when the zip reaches it.
    const key = deps.blobs.keyOf(m.path);
    files.push({
      name: source.fileName,
      open: async () => {
        const body = await deps.blobs.get(key);
        if (!body) throw new AppError(404, `The file of "${m.name}" is missing from storage.`);
        return body;
      },
    });
  }
  const total = edit.sources.reduce((sum, s) => sum + (byId.get(s.id)?.size ?? 0), 0);
  if (total > maxBytes) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    throw new AppError(413, `The media of this project add up to ${mb(total)} MB, more than the ${mb(maxBytes)} MB a bundle may hold. Download the timeline file alone and point your editor at your original files.`);
  }
  const { extension } = INTERCHANGE_FILES[format];
  const entries: ZipEntry[] = [{ name: `${safeName(project.title)}.${extension}`, text: writeInterchange(edit, format) }, ...files];
  if (edit.texts.length > 0 && format !== 'srt' && format !== 'vtt') entries.push({ name: `${safeName(project.title)}.srt`, text: writeInterchange(edit, 'srt') });
  return { baseName: project.title, extension: 'zip', contentType: 'application/zip', body: zipStream(entries) };
}

/** A title as a file name inside the zip (the download's own name is handled by the route). */
function safeName(title: string): string {
  return title.replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'timeline';
}
