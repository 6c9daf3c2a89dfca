// Uploads files one at a time per project, cancelable: large files resumable over tus, small ones and URLs with XMLHttpRequest (fetch has no upload progress).
import { AppError } from '@/lib/errors';
import { urlImportBodySchema } from '@/lib/api/schemas';
import { RESUMABLE_FROM_BYTES, sendResumable } from './resumableUpload';

/** `paused`: the network went away mid-upload; it continues by itself when the network is back. */
export type UploadStatus = 'queued' | 'uploading' | 'paused' | 'processing' | 'done' | 'failed' | 'canceled';

export interface UploadItem {
  id: string;
  projectId: string;
  name: string;
  /** Bytes to send; null for URL imports, whose size the server learns. */
  size: number | null;
  loaded: number;
  status: UploadStatus;
  error?: string;
}

interface Job {
  item: UploadItem;
  send: (onProgress: (loaded: number) => void, onPaused: (paused: boolean) => void) => { done: Promise<void>; abort: () => void };
  onDone?: () => void;
}

let items: UploadItem[] = [];
const listeners = new Set<() => void>();
const jobs = new Map<string, Job>();
const aborts = new Map<string, () => void>();
const running = new Set<string>();
let nextId = 0;

function emit() {
  items = [...items];
  for (const l of listeners) l();
}

function patch(id: string, change: Partial<UploadItem>) {
  items = items.map((i) => (i.id === id ? { ...i, ...change } : i));
  emit();
}

export function subscribeUploads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getUploads(): UploadItem[] {
  return items;
}

const EMPTY: UploadItem[] = [];
export function getServerUploads(): UploadItem[] {
  return EMPTY;
}

/** Queues files for a project; they go up in the order given so the timeline keeps that order. */
export function enqueueFiles(projectId: string, files: File[], onDone?: () => void) {
  for (const file of files) {
    if (file.size >= RESUMABLE_FROM_BYTES) {
      add(projectId, file.name, file.size, (onProgress, onPaused) => sendResumable(projectId, file, { onProgress, onPaused }), onDone);
      continue;
    }
    const form = () => {
      const data = new FormData();
      data.append('files', file, file.name);
      return data;
    };
    add(projectId, file.name, file.size, (onProgress) => xhrSend(`/api/projects/${projectId}/media`, form(), onProgress), onDone);
  }
}

/** Queues a URL import; the server downloads it, so there is no byte progress to show. */
export function enqueueUrl(projectId: string, url: string, onDone?: () => void) {
  const body = JSON.stringify(urlImportBodySchema.parse({ urls: [url] }));
  add(projectId, url, null, (onProgress) => xhrSend(`/api/projects/${projectId}/media`, body, onProgress), onDone);
}

export function cancelUpload(id: string) {
  const abort = aborts.get(id);
  if (abort) abort();
  else if (jobs.has(id)) {
    jobs.delete(id);
    patch(id, { status: 'canceled' });
  }
}

export function dismissUpload(id: string) {
  items = items.filter((i) => i.id !== id);
  emit();
}

function add(projectId: string, name: string, size: number | null, send: Job['send'], onDone?: () => void) {
  const item: UploadItem = { id: `up-${++nextId}`, projectId, name, size, loaded: 0, status: 'queued' };
  items = [...items, item];
  jobs.set(item.id, { item, send, onDone });
  emit();
  void pump(projectId);
}

async function pump(projectId: string) {
  if (running.has(projectId)) return;
  running.add(projectId);
  try {
    for (;;) {
      const job = [...jobs.values()].find((j) => j.item.projectId === projectId);
      if (!job) break;
      jobs.delete(job.item.id);
      await runJob(job);
    }
  } finally {
    running.delete(projectId);
  }
}

async function runJob(job: Job) {
  const { id, size } = job.item;
  patch(id, { status: 'uploading' });
  const { done, abort } = job.send(
    (loaded) => {
      const finished = size !== null && loaded >= size;
      patch(id, { loaded, status: finished ? 'processing' : 'uploading' });
    },
    (paused) => {
      const current = items.find((i) => i.id === id);
      const finished = size !== null && (current?.loaded ?? 0) >= size;
      patch(id, { status: paused ? 'paused' : finished ? 'processing' : 'uploading' });
    },
  );
  aborts.set(id, abort);
  try {
    await done;
    patch(id, { status: 'done', loaded: size ?? 0 });
    job.onDone?.();
  } catch (err) {
    const canceled = err instanceof DOMException && err.name === 'AbortError';
    patch(id, canceled ? { status: 'canceled' } : { status: 'failed', error: err instanceof Error ? err.message : String(err) });
  } finally {
    aborts.delete(id);
  }
}

function xhrSend(url: string, body: FormData | string, onProgress: (loaded: number) => void) {
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    xhr.open('POST', url);
    if (typeof body === 'string') xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: fromBody falls back to the status */
      }
      reject(AppError.fromBody(parsed, xhr.status));
    };
    xhr.onerror = () => reject(new AppError(500, 'The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload canceled', 'AbortError'));
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
