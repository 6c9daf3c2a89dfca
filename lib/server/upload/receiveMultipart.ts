// Streams a multipart request's `files` straight to disk with busboy, enforcing the size cap while bytes arrive.
import 'server-only';
import busboy from 'busboy';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { AppError } from '@/lib/errors';
import { hashingTap } from './contentHash';
import { decodeFormDataFilename, sanitizeName } from './sanitizeName';

export const MAX_FILES_PER_REQUEST = 20;
const FIELD = 'files';

/** A file that arrived whole; `name` is the sanitized original, `path` is ours. */
export interface ReceivedFile {
  id: string;
  name: string;
  path: string;
  size: number;
  /** SHA-256 (hex) of the bytes, taken while they were written; null when it could not be (the ingest reads the file for it). */
  sha256: string | null;
}

export interface ReceiveOptions {
  maxBytes: number;
  /** A fresh id and the temp path its bytes go to (the folder must exist). */
  allocate: () => { id: string; path: string };
}

/**
 * All or nothing: if any file is too large, the client disconnects or the body is malformed,
 * every file of the request is removed and the error names the file when there is one.
 */
export async function receiveMultipart(req: Request, options: ReceiveOptions): Promise<ReceivedFile[]> {
  if (!req.body) throw new AppError(400, `The upload is empty: send files in the multipart field "${FIELD}".`);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': req.headers.get('content-type') ?? '' },
      defParamCharset: 'utf8',
      limits: { fileSize: options.maxBytes, files: MAX_FILES_PER_REQUEST, fields: 20, fieldSize: 64 * 1024 },
    });
  } catch {
    throw new AppError(400, `Send the files as multipart/form-data in the field "${FIELD}".`);
  }

  const files: ReceivedFile[] = [];
  const parts: Readable[] = [];
  const writes: Promise<void>[] = [];
  let failure: AppError | null = null;
  const fail = (err: AppError) => {
    failure ??= err;
  };

  parser.on('file', (field, part, info) => {
    parts.push(part);
    if (field !== FIELD || failure) {
      if (field !== FIELD) fail(new AppError(400, `Send files in the multipart field "${FIELD}", not "${field}".`));
      part.resume();
      return;
    }
    const name = sanitizeName(decodeFormDataFilename(info.filename ?? ''));
    const { id, path } = options.allocate();
    const file: ReceivedFile = { id, name, path, size: 0, sha256: null };
    files.push(file);
    part.on('data', (chunk: Buffer) => (file.size += chunk.length));
    // busboy stops passing bytes on at the cap but keeps reading the request, so the client still gets our answer.
    part.on('limit', () => fail(new AppError(4002, `"${name}" is larger than the ${megabytes(options.maxBytes)} upload limit.`)));
    const tap = hashingTap();
    writes.push(
      pipeline(part, tap.stream, fs.createWriteStream(path, { flags: 'wx' })).then(
        () => void (file.sha256 = tap.digest()),
        () => fail(interrupted()),
      ),
    );
  });
  parser.on('filesLimit', () => fail(new AppError(400, `Send at most ${MAX_FILES_PER_REQUEST} files in one upload.`)));

  const body = Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>);
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', reject);
    body.on('error', reject);
    req.signal?.addEventListener('abort', () => reject(new Error('client disconnected')), { once: true });
  });
  body.pipe(parser);

  try {
    await finished;
    await Promise.all(writes);
  } catch {
    fail(interrupted());
  }
  if (!failure && files.length === 0) fail(new AppError(400, `No files arrived: send them in the multipart field "${FIELD}".`));
  if (failure) {
    body.unpipe(parser);
    body.destroy();
    for (const part of parts) part.destroy();
    await Promise.allSettled(writes);
    await removeFiles(files.map((f) => f.path));
    throw failure;
  }
  return files;
}

export async function removeFiles(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => fs.promises.rm(p, { force: true })));
}

const interrupted = () => new AppError(400, 'The upload was interrupted before it finished. Nothing was kept; try again.');

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
