// The upload use case: receive files (multipart, resumable or URLs), probe, analyse and poster each once (or reuse the owner's earlier analysis of the same bytes), store, then tell the backend in upload order.
import 'server-only';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import type { MediaView } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import type { BackendContext } from '@/lib/backend/types';
import { analyseAudio } from '@/lib/engine/media/analyseAudio';
import { ANALYSIS_VERSION } from '@/lib/engine/media/analysisVersion';
import { makeThumbnail } from '@/lib/engine/media/makeThumbnail';
import { mediaKey, thumbnailKey } from '@/lib/blob/blobKeys';
import { incomingPath, projectMediaDir, storedMediaPath, thumbnailPath } from '@/lib/engine/media/mediaPaths';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from '@/lib/engine/media/mediaLimits';
import { probeMedia } from '@/lib/engine/media/probeMedia';
import { probeVideoIndex } from '@/lib/engine/media/probeVideoIndex';
import { ProcessSlots } from '@/lib/engine/media/processSlots';
import { mediaRecordSchema, type MediaRecord } from '@/lib/engine/media/schema';
import { getConfig } from './config';
import { tools } from './binaries';
import { getBlobs, getStore } from './context';
import { sha256OfFile } from './upload/contentHash';
import { receiveMultipart, removeFiles, type ReceivedFile } from './upload/receiveMultipart';
import { copyEarlierPoster, findReusedAnalysis } from './upload/reusedAnalysis';
import { acquireUrlImportSlot, reserveStorage, storageRoom } from './limits/quotas';
import { downloadUrl } from './urlImport/downloadUrl';
import { toMediaView } from './views';

const newMediaId = () => nanoid(16);

/** One queue for every upload of every user: at most ANALYSIS_CONCURRENCY ffprobe/ffmpeg analysis processes at once. */
let analysisSlots: ProcessSlots | undefined;
function analysisOptions(signal?: AbortSignal): { slots: ProcessSlots; limits: MediaLimits; signal?: AbortSignal } {
  const config = getConfig();
  analysisSlots ??= new ProcessSlots(config.ANALYSIS_CONCURRENCY);
  const limits = { ...DEFAULT_MEDIA_LIMITS, maxDurationSeconds: config.MAX_MEDIA_MINUTES * 60, maxStreams: config.MAX_MEDIA_STREAMS };
  return { slots: analysisSlots, limits, signal };
}

/**
 * Where a file waits while it arrives and is analysed (ffprobe, loudness, speech and keyframes need a
 * file they can seek in): on the embedded default its final folder under DATA_DIR, so taking it in is a
 * rename; with S3 a folder of its own in the OS temp folder (never DATA_DIR, never the cache other
 * processes share and sweep), removed by `done` once the files are in the bucket or refused.
 */
async function prepareDir(projectId: string): Promise<{ pathFor: (id: string) => string; done: () => Promise<void> }> {
  const config = getConfig();
  if (config.S3_BUCKET) {
    // Named for its project, so a stray folder or a process list says whose upload it is.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `in-video-upload-${projectId}-`));
    return { pathFor: (id) => path.join(dir, `${id}.incoming`), done: () => fs.rm(dir, { recursive: true, force: true }) };
  }
  await fs.mkdir(projectMediaDir(config.DATA_DIR, projectId), { recursive: true });
  return { pathFor: (id) => incomingPath(config.DATA_DIR, projectId, id), done: async () => {} };
}

/** The analysed file's name: its final place on local disk; with S3 beside the upload, in its own temp folder. */
function analysedPath(file: ReceivedFile, projectId: string, ext: string): string {
  const config = getConfig();
  return config.S3_BUCKET ? path.join(path.dirname(file.path), `${file.id}.${ext}`) : storedMediaPath(config.DATA_DIR, projectId, file.id, ext);
}

/** `POST .../media` with multipart field `files`. */
export async function ingestUpload(ctx: BackendContext, req: Request): Promise<MediaView[]> {
  // The whole request counts against the storage quota before a byte is written; without a
  // Content-Length each file is capped at the room left instead.
  const header = req.headers.get('content-length');
  const declared = header === null ? NaN : Number(header);
  const known = Number.isFinite(declared);
  const release = await reserveStorage(ctx.ownerId, known ? declared : 0);
  try {
    const room = known ? Infinity : await storageRoom(ctx.ownerId);
    const staging = await prepareDir(ctx.project.id);
    try {
      const files = await receiveMultipart(req, {
        maxBytes: Math.min(getConfig().maxUploadBytes, room),
        allocate: () => {
          const id = newMediaId();
          return { id, path: staging.pathFor(id) };
        },
      });
      return await ingestFiles(ctx, files, req.signal);
    } finally {
      await staging.done();
    }
  } finally {
    release();
  }
}

/** `POST .../media` with `{"urls": [...]}`: each URL downloaded in turn, then the same path as an upload. */
export async function ingestUrls(ctx: BackendContext, urls: string[], signal?: AbortSignal): Promise<MediaView[]> {
  const release = acquireUrlImportSlot(ctx.ownerId);
  try {
    return await downloadAndIngest(ctx, urls, signal);
  } finally {
    release();
  }
}

async function downloadAndIngest(ctx: BackendContext, urls: string[], signal?: AbortSignal): Promise<MediaView[]> {
  const staging = await prepareDir(ctx.project.id);
  try {
    return await downloadAndIngestInto(ctx, urls, staging.pathFor, signal);
  } finally {
    await staging.done();
  }
}

async function downloadAndIngestInto(ctx: BackendContext, urls: string[], pathFor: (id: string) => string, signal?: AbortSignal): Promise<MediaView[]> {
  const config = getConfig();
  const files: ReceivedFile[] = [];
  try {
    for (const url of urls) {
      // The size is unknown until the download ends: each one may take at most the room left.
      const room = await storageRoom(ctx.ownerId) - files.reduce((n, f) => n + f.size, 0);
      if (room <= 0) await reserveStorage(ctx.ownerId, 1); // throws the 413 that says what to delete
      const id = newMediaId();
      const dest = pathFor(id);
      const { name, size, sha256 } = await downloadUrl(url, {
        dest,
        maxBytes: Math.min(config.maxUploadBytes, room),
        timeoutMs: config.URL_IMPORT_TIMEOUT_MS,
        policy: { allowLoopback: config.URL_IMPORT_ALLOW_LOOPBACK === '1' },
        signal,
      });
      files.push({ id, name, path: dest, size, sha256 });
    }
  } catch (err) {
    await removeFiles(files.map((f) => f.path));
    throw err;
  }
  return ingestFiles(ctx, files, signal);
}

/**
 * A resumable upload whose last byte arrived: the same probe, analysis and errors as one multipart file.
 * With S3 it is analysed where its parts were put together (this machine's tus folder) and leaves it for the bucket.
 */
export async function ingestFinishedUpload(ctx: BackendContext, file: ReceivedFile): Promise<MediaView> {
  if (!getConfig().S3_BUCKET) await prepareDir(ctx.project.id);
  const [media] = await ingestFiles(ctx, [file]);
  return media;
}

/**
 * All or nothing, like the upload itself: one unusable file fails the request (its name in the
 * message) and every file of the request is removed, so a retry starts clean.
 */
export async function ingestFiles(ctx: BackendContext, files: ReceivedFile[], signal?: AbortSignal): Promise<MediaView[]> {
  const blobs = getBlobs();
  const analysis = analysisOptions(signal);
  const staged: string[] = files.map((f) => f.path);
  const stored: string[] = [];
  const records: MediaRecord[] = [];
  const rollBack = async () => {
    await removeFiles(staged);
    await Promise.all(stored.map((key) => blobs.delete(key)));
  };
  try {
    const ready: { key: string; file: string; poster: string | null }[] = [];
    for (const file of files) {
      const sha256 = file.sha256 ?? (await sha256OfFile(file.path));
      const reused = await findReusedAnalysis(getStore(), { ownerId: ctx.ownerId, sha256, size: file.size, name: file.name, limits: analysis.limits });
      const { probe, ext } = reused ?? (await probeMedia(tools(), file.path, file.name, analysis));
      const key = mediaKey(ctx.project.id, file.id, ext);
      const local = analysedPath(file, ctx.project.id, ext);
      await fs.rename(file.path, local);
      staged.push(local);
      const poster = thumbnailPath(local);
      staged.push(poster);
      let made: Pick<MediaRecord, 'analysis' | 'peaks' | 'videoIndex'>;
      let hasThumbnail: boolean;
      if (reused) {
        // Same owner, same bytes, same analyser: nothing is decoded again; the file itself is still this upload's own.
        console.log(`[in-video] upload ${file.id}: same bytes as media ${reused.earlier.id}, its analysis reused (v${ANALYSIS_VERSION})`);
        made = reused;
        hasThumbnail = (await copyEarlierPoster(blobs, reused.earlier, poster)) || (await makeThumbnail(tools(), local, poster, probe));
      } else {
        const audio = await analyseAudio(tools(), local, file.name, probe, analysis);
        hasThumbnail = await makeThumbnail(tools(), local, poster, probe);
        // Keyframes for fast export, read once here rather than at every export.
        const videoIndex = probe.kind === 'video' ? await probeVideoIndex(tools(), local) : null;
        made = { analysis: audio?.analysis ?? null, peaks: audio?.peaks ?? null, videoIndex };
      }
      ready.push({ key, file: local, poster: hasThumbnail ? poster : null });
      records.push(
        mediaRecordSchema.parse({
          id: file.id,
          projectId: ctx.project.id,
          name: file.name,
          path: blobs.recordedName(key),
          size: file.size,
          probe,
          analysis: made.analysis,
          peaks: made.peaks,
          hasThumbnail,
          createdAt: new Date().toISOString(),
          videoIndex: made.videoIndex,
          contentSha256: sha256,
          analysisVersion: ANALYSIS_VERSION,
        }),
      );
    }
    // Every file analysed: now into the blob store (local disk: renames in place; S3: multipart uploads).
    for (const { key, file, poster } of ready) {
      stored.push(key);
      await blobs.moveIn(key, file);
      if (poster) {
        stored.push(thumbnailKey(key));
        await blobs.moveIn(thumbnailKey(key), poster);
      }
    }
  } catch (err) {
    await rollBack();
    throw err;
  }
  const store = getStore();
  for (const record of records) await store.addMedia(record);
  try {
    await getBackend().mediaAdded(ctx, records);
  } catch (err) {
    // The backend refused the files (e.g. NemoVideo's 4001/4002): keep nothing, as for a bad upload.
    await store.deleteMedia(records.map((r) => r.id));
    await rollBack();
    throw err;
  }
  return records.map(toMediaView);
}
