// Exports on NemoVideo's cloud renderer: start, poll (at most every NEMO_POLL_MS), keep the finished file, serve it.
import 'server-only';
import { nanoid } from 'nanoid';
import { blobFile } from '@/lib/backend/blobFile';
import type { BackendContext, ExportFile } from '@/lib/backend/types';
import { AppError } from '@/lib/errors';
import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import type { NemoExportJob } from '@/lib/store/exportJob';
import type { ExportRecord } from '@/lib/store/types';
import type { NemoDeps } from './nemoDeps';
import { heldBlobs, keepNemoOutput, OutputTooLargeError } from './keepOutput';
import { fetchSnapshot } from './state';
import { renderStatusSchema, type RenderStatus } from './upstream';

/** What an export keeps about its render upstream (ExportRecord.backendState, tagged 'nemo'). The URL never leaves the server. */
function exportState(record: ExportRecord): NemoExportJob {
  if (record.backendState?.backend !== 'nemo') throw new AppError(409, 'This export was not made on NemoVideo.');
  return record.backendState;
}

export async function startNemoExport(deps: NemoDeps, ctx: BackendContext, quality: ExportQuality): Promise<ExportRecord> {
  const { view, draft } = await fetchSnapshot(deps, ctx);
  if (!draft || view.tracks.every((t) => t.segments.length === 0)) throw new AppError(409, 'Add a clip before exporting.');
  const sessionId = await currentSession(deps, ctx);
  const renderId = `render_${deps.now()}`;
  // The brief documents only "high"; a preview is the same render, so both ask for it.
  const status = await deps.auth.authorized(ctx.ownerId, ({ token, clientId }) =>
    deps.http.json(
      {
        method: 'POST',
        path: '/api/render/proxy/lambda',
        token,
        clientId,
        json: { id: renderId, sessionId, draft, output: { format: 'mp4', quality: 'high' } },
      },
      renderStatusSchema.partial(),
    ),
  );
  const now = new Date(deps.now()).toISOString();
  const record: ExportRecord = {
    id: nanoid(16),
    projectId: ctx.project.id,
    // Never "queued": that state belongs to the local render queue, which must not pick this job up.
    status: 'rendering',
    progress: progressOf(status) ?? 0,
    quality,
    timelineVersion: view.version,
    width: view.canvas.width,
    height: view.canvas.height,
    duration: view.duration || null,
    size: null,
    path: null,
    error: null,
    attempts: 1,
    backendState: { backend: 'nemo', renderId: String(status.id ?? renderId), lastPollAt: deps.now() },
    createdAt: now,
    updatedAt: now,
    startedAt: now,
    finishedAt: null,
  };
  await deps.store.createExport(record);
  return record;
}

async function currentSession(deps: NemoDeps, ctx: BackendContext): Promise<string> {
  const fresh = await deps.store.getProject(ctx.project.id);
  const sid = fresh?.backendState?.sessionId;
  if (typeof sid !== 'string') throw new AppError(409, 'Add a clip before exporting.');
  return sid;
}

/** Upstream progress as 0..1 (it may say 0..1 or 0..100). */
export function progressOf(status: Partial<RenderStatus>): number | undefined {
  if (status.progress === undefined || !Number.isFinite(status.progress)) return undefined;
  const p = status.progress > 1 ? status.progress / 100 : status.progress;
  return Math.min(1, Math.max(0, p));
}

const DONE = new Set(['completed', 'complete', 'succeeded', 'success', 'done', 'finished']);
const FAILED = new Set(['failed', 'error', 'errored', 'canceled', 'cancelled', 'timeout']);

/** Refreshes a running export from upstream when the last poll is older than NEMO_POLL_MS. */
export async function refreshNemoExport(deps: NemoDeps, ctx: BackendContext, record: ExportRecord): Promise<ExportRecord> {
  if (record.status !== 'rendering' && record.status !== 'queued') return record;
  const state = exportState(record);
  if (deps.now() - state.lastPollAt < deps.config.NEMO_POLL_MS) return record;
  const status = await deps.auth.authorized(ctx.ownerId, ({ token, clientId }) =>
    deps.http.json({ path: `/api/render/proxy/lambda/${encodeURIComponent(state.renderId)}`, token, clientId }, renderStatusSchema),
  );
  const value = status.status.toLowerCase();
  const at = new Date(deps.now()).toISOString();
  const polled = { ...state, lastPollAt: deps.now() };
  if (DONE.has(value)) {
    const url = status.output?.url;
    if (!url) return deps.store.updateExport(record.id, { status: 'failed', error: 'NemoVideo finished without a file. Export again.', finishedAt: at, backendState: polled });
    return completeWithOutput(deps, ctx.ownerId, record, { ...polled, outputUrl: url }, at);
  }
  if (FAILED.has(value)) {
    return deps.store.updateExport(record.id, { status: 'failed', error: 'NemoVideo could not render this export. Try again.', finishedAt: at, backendState: polled });
  }
  return deps.store.updateExport(record.id, { progress: progressOf(status) ?? record.progress, backendState: polled });
}

/**
 * "Completed" only once the file is ours: downloaded here, so owner downloads and anonymous share views are served from
 * our disk. A download that fails for a passing reason leaves the export rendering, and the next poll tries again.
 */
async function completeWithOutput(deps: NemoDeps, ownerId: string, record: ExportRecord, state: NemoExportJob, at: string): Promise<ExportRecord> {
  try {
    const kept = await keepNemoOutput(deps, ownerId, record, state.outputUrl!);
    return deps.store.updateExport(record.id, {
      status: 'completed', progress: 1, finishedAt: at, path: kept.path, size: kept.size, backendState: { ...state, outputSize: kept.size },
    });
  } catch (err) {
    if (err instanceof OutputTooLargeError) return deps.store.updateExport(record.id, { status: 'failed', error: err.message, finishedAt: at, backendState: state });
    console.warn('[nemo] keeping the finished export failed; the next poll tries again:', (err as Error).message);
    return deps.store.updateExport(record.id, { backendState: state });
  }
}

export async function nemoExportFile(deps: NemoDeps, ctx: BackendContext, record: ExportRecord): Promise<ExportFile> {
  const state = exportState(record);
  if (record.status !== 'completed' || !state.outputUrl) throw new AppError(409, 'The export is not finished yet.');
  if (record.path) return heldFile(deps, record.path);
  // Finished before exports were kept here: stream it from NemoVideo as before.
  const url = state.outputUrl;
  // Our token goes only to NemoVideo's own host, never to a storage URL it points at.
  const sameHost = new URL(url).origin === new URL(deps.http.baseUrl).origin;
  const open = (range?: { start: number; end: number }) =>
    deps.auth.authorized(ctx.ownerId, ({ token, clientId }) =>
      deps.http.send({
        path: url,
        ...(sameHost ? { token, clientId } : {}),
        headers: range ? { Range: `bytes=${range.start}-${range.end}` } : {},
      }),
    );
  let size = state.outputSize ?? record.size ?? undefined;
  let contentType = state.contentType ?? 'video/mp4';
  if (size === undefined) {
    const probe = await open({ start: 0, end: 0 });
    // Only the headers matter; don't wait for the body's cancel to settle.
    void probe.body?.cancel().catch(() => undefined);
    size = sizeFrom(probe);
    contentType = probe.headers.get('content-type') ?? contentType;
    await deps.store.updateExport(record.id, { size, backendState: { ...state, outputSize: size, contentType } });
  }
  return {
    size,
    contentType,
    async open(range) {
      const res = await open(range);
      if (!res.body) throw new AppError(502, 'NemoVideo sent an empty file.');
      // A server that ignores Range answers 200 with the whole file: cut the asked part out ourselves.
      return range && res.status === 200 ? res.body.pipeThrough(byteRange(range.start, range.end)) : res.body;
    },
  };
}

async function heldFile(deps: NemoDeps, recorded: string): Promise<ExportFile> {
  const blobs = heldBlobs(deps);
  const file = await blobFile(blobs, blobs.keyOf(recorded), 'video/mp4');
  if (!file) throw new AppError(404, 'The exported file is no longer on the server. Export again.');
  return file;
}

/** Total size from "Content-Range: bytes 0-0/12345", or Content-Length when the server ignored the range. */
function sizeFrom(res: Response): number {
  const total = res.headers.get('content-range')?.match(/\/(\d+)\s*$/)?.[1];
  const length = res.status === 200 ? res.headers.get('content-length') : null;
  const size = Number(total ?? length);
  if (!Number.isFinite(size) || size <= 0) throw new AppError(502, 'NemoVideo did not say how large the export is.');
  return size;
}

/** Passes through only bytes [start, end] (inclusive) of a stream. */
export function byteRange(start: number, end: number): TransformStream<Uint8Array, Uint8Array> {
  let offset = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const from = Math.max(0, start - offset);
      const to = Math.min(chunk.length, end + 1 - offset);
      if (from < to) controller.enqueue(chunk.subarray(from, to));
      offset += chunk.length;
      if (offset > end) controller.terminate();
    },
  });
}
