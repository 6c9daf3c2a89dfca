// Resumable uploads (tus 1.0) into one project: tus-node-server speaks the protocol; we add ownership, the size cap, the quota hook and the multipart ingest.
import 'server-only';
import path from 'node:path';
import { Server } from '@tus/server';
import { nanoid } from 'nanoid';
import type { BackendContext } from '@/lib/backend/types';
import { AppError, asAppError } from '@/lib/errors';
import { getConfig } from '../config';
import { ingestFinishedUpload } from '../ingest';
import { megabytes } from './receiveMultipart';
import { sanitizeName } from './sanitizeName';
import { tusErrorResponse } from './tusErrors';
import { assertRoomForUpload, pendingUploadBytes } from './tusQuota';
import { tusParts } from '../context';
import { UPLOAD_EXPIRY_MS } from './tusStore';
import { sweepExpiredUploads } from './tusSweep';
import { readOutcome, readTusInfo, receivedBytes, writeOutcome, type UploadOutcome } from './tusUploadInfo';

const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** `POST .../uploads`: checks the declared size against the cap and the quota before tus creates anything. */
export async function createUpload(ctx: BackendContext, req: Request): Promise<Response> {
  const declared = req.headers.get('upload-length');
  const maxBytes = getConfig().maxUploadBytes;
  if (declared !== null && /^\d+$/.test(declared)) {
    const bytes = Number(declared);
    if (bytes > maxBytes) {
      throw new AppError(4002, `"${declaredName(req)}" is larger than the ${megabytes(maxBytes)} upload limit.`);
    }
    const { dir } = tusParts();
    await assertRoomForUpload(ctx.ownerId, bytes, await pendingUploadBytes(dir, ctx.ownerId, UPLOAD_EXPIRY_MS));
  }
  sweepNowAndThen();
  return answer(serverFor(ctx), req);
}

/** `HEAD`/`PATCH`/`DELETE .../uploads/:uid`, only for uploads made in this project. */
export async function continueUpload(ctx: BackendContext, uid: string, req: Request): Promise<Response> {
  const { dir, outcomeDir } = tusParts();
  const [info, outcome] = await Promise.all([readTusInfo(dir, uid), readOutcome(outcomeDir, uid)]);
  const projectId = info?.metadata?.projectId ?? outcome?.projectId;
  if (projectId !== ctx.project.id) throw unknownUpload();
  // Ingest moved the bytes away; a client that lost the last answer still learns the upload is whole.
  if (outcome && req.method === 'HEAD') {
    return new Response(null, {
      status: 200,
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(outcome.size), 'Upload-Length': String(outcome.size), 'Cache-Control': 'no-store' },
    });
  }
  return answer(serverFor(ctx), req);
}

/** `GET .../uploads/:uid`: the ingested media, the ingest's error, or 409 while bytes are missing. */
export async function uploadOutcome(ctx: BackendContext, uid: string): Promise<UploadOutcome> {
  const { dir, outcomeDir } = tusParts();
  const outcome = await readOutcome(outcomeDir, uid);
  if (outcome) {
    if (outcome.projectId !== ctx.project.id) throw unknownUpload();
    return outcome;
  }
  const info = await readTusInfo(dir, uid);
  if (!info || info.metadata?.projectId !== ctx.project.id) throw unknownUpload();
  const received = await receivedBytes(dir, uid);
  // Whole but not ingested: the server stopped between the last byte and the ingest; do it now.
  if (info.size !== undefined && received === info.size) return ingestOnce(ctx, uid);
  throw new AppError(409, `The upload is not finished: ${received} of ${info.size ?? 'unknown'} bytes arrived. Send the rest, then ask again.`);
}

function serverFor(ctx: BackendContext): Server {
  const { store, locker } = tusParts();
  const maxBytes = getConfig().maxUploadBytes;
  return new Server({
    path: `/api/projects/${ctx.project.id}/uploads`,
    datastore: store,
    locker,
    relativeLocation: true,
    maxSize: maxBytes,
    // Same-origin only: no CORS header at all.
    allowedOrigins: () => false,
    namingFunction: () => nanoid(24),
    // Who may continue it and where it goes are ours to say, never the client's metadata.
    onUploadCreate: async (_req, upload) => ({
      metadata: { ...upload.metadata, projectId: ctx.project.id, ownerId: ctx.ownerId },
    }),
    // The last PATCH waits for the ingest, so the GET that follows finds the media at once.
    onUploadFinish: async (_req, upload) => {
      await ingestOnce(ctx, upload.id);
      return {};
    },
    onResponseError: (_req, err) => tusErrorResponse(err, maxBytes),
  });
}

async function answer(server: Server, req: Request): Promise<Response> {
  const res = await server.handleWeb(req);
  if (res.status < 400) return res;
  const headers = new Headers(res.headers);
  headers.set('Content-Type', 'application/json');
  return new Response(res.body, { status: res.status, headers });
}

function ingestOnce(ctx: BackendContext, uid: string): Promise<UploadOutcome> {
  const running = tusParts().ingests;
  let job = running.get(uid);
  if (!job) {
    job = ingest(ctx, uid).finally(() => running.delete(uid));
    running.set(uid, job);
  }
  return job;
}

async function ingest(ctx: BackendContext, uid: string): Promise<UploadOutcome> {
  const { dir, outcomeDir } = tusParts();
  const done = await readOutcome(outcomeDir, uid);
  if (done) return done;
  const info = await readTusInfo(dir, uid);
  const size = info?.size ?? (await receivedBytes(dir, uid));
  const base = { projectId: ctx.project.id, size };
  let outcome: UploadOutcome;
  try {
    const sha256 = tusParts().store.takeDigest(uid, size);
    const media = await ingestFinishedUpload(ctx, { id: nanoid(16), name: sanitizeName(info?.metadata?.filename), path: path.join(dir, uid), size, sha256 });
    outcome = { ...base, status: 'completed', media };
  } catch (err) {
    const mapped = asAppError(err);
    if (!mapped) console.error('[in-video] resumable upload ingest failed', err);
    const known = mapped ?? new AppError(500);
    outcome = { ...base, status: 'failed', httpStatus: known.status, body: known.toBody() };
  }
  await writeOutcome(outcomeDir, uid, outcome);
  return outcome;
}

function sweepNowAndThen() {
  const parts = tusParts();
  const now = Date.now();
  if (now - parts.sweptAt < SWEEP_EVERY_MS) return;
  parts.sweptAt = now;
  sweepExpiredUploads(parts, UPLOAD_EXPIRY_MS, now).catch((err) => console.error('[in-video] upload sweep failed', err));
}

function declaredName(req: Request): string {
  const pair = (req.headers.get('upload-metadata') ?? '').split(',').map((p) => p.trim().split(' ')).find(([k]) => k === 'filename');
  return sanitizeName(pair?.[1] ? Buffer.from(pair[1], 'base64').toString('utf8') : 'The file');
}

const unknownUpload = () => new AppError(404, 'This upload is not known here (unfinished uploads are kept for a day). Start it again.');
