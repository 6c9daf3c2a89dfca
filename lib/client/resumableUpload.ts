// Sends one file over tus (tus-js-client): survives dropped connections, reloads and tab switches, pausing instead of failing.
import * as tus from 'tus-js-client';
import { z } from 'zod';
import { mediaViewSchema } from '@/lib/api/schemas';
import { AppError } from '@/lib/errors';
import { apiFetch } from './apiFetch';

/** Files from this size up go resumable; smaller ones are quicker as one multipart request. */
export const RESUMABLE_FROM_BYTES = 1024 * 1024;
/**
 * One PATCH per 8 MB: even at 0.25 Mbit/s a chunk arrives well inside Node's 300 s request
 * timeout, and a chunk cut short still keeps the bytes that arrived (the server stores as it reads).
 */
const CHUNK_BYTES = 8 * 1024 * 1024;
const MAX_WAIT_MS = 10_000;

export interface ResumableCallbacks {
  onProgress: (loaded: number) => void;
  onPaused: (paused: boolean) => void;
}

const outcomeSchema = z.object({ media: mediaViewSchema });

export const uploadsEndpoint = (projectId: string) => new URL(`/api/projects/${projectId}/uploads`, window.location.href).href;

export function sendResumable(projectId: string, file: File, callbacks: ResumableCallbacks): { done: Promise<void>; abort: () => void } {
  let aborted = false;
  let paused = false;
  let attempt = 0;
  let stopWaiting = () => {};
  let rejectDone: (err: unknown) => void = () => {};
  let current: tus.Upload | undefined;

  const setPaused = (value: boolean) => {
    if (paused === value) return;
    paused = value;
    callbacks.onPaused(value);
  };

  /** Waits for the network (online event, the tab coming back, or a growing back-off), then runs `again`. */
  const waitThen = (again: () => void) => {
    setPaused(true);
    const go = () => {
      stopWaiting();
      if (!aborted) again();
    };
    const onVisible = () => document.visibilityState === 'visible' && navigator.onLine && go();
    const timer = navigator.onLine ? setTimeout(go, Math.min(MAX_WAIT_MS, 1000 * 2 ** attempt++)) : undefined;
    window.addEventListener('online', go);
    document.addEventListener('visibilitychange', onVisible);
    stopWaiting = () => {
      clearTimeout(timer);
      window.removeEventListener('online', go);
      document.removeEventListener('visibilitychange', onVisible);
      stopWaiting = () => {};
    };
  };

  const done = new Promise<void>((resolve, reject) => {
    rejectDone = reject;
    const fetchOutcome = () => {
      apiFetch(upload.url!, outcomeSchema).then(
        () => resolve(),
        (err) => (isUnreachable(err) ? waitThen(fetchOutcome) : reject(err)),
      );
    };
    const upload = new tus.Upload(file, {
      endpoint: uploadsEndpoint(projectId),
      chunkSize: CHUNK_BYTES,
      // Retries are ours (below), so a long outage pauses instead of running out of tries.
      retryDelays: null,
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent) => {
        setPaused(false);
        attempt = 0;
        callbacks.onProgress(sent);
      },
      onError: (err) => {
        if (aborted) return;
        const status = (err as tus.DetailedError).originalResponse?.getStatus() ?? 0;
        if (status === 0 || status >= 500 || status === 409 || status === 423) waitThen(() => upload.start());
        else reject(errorOf(err as tus.DetailedError, status));
      },
      onSuccess: () => {
        setPaused(false);
        fetchOutcome();
      },
    });
    current = upload;
    // The same file picked again (after a reload, or on another tab) continues where the server stopped.
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      })
      .catch(() => undefined)
      .finally(() => !aborted && upload.start());
  });

  return {
    done,
    abort: () => {
      aborted = true;
      stopWaiting();
      // Terminate: the server drops the bytes and they stop counting against the quota.
      void current?.abort(true).catch(() => undefined);
      rejectDone(new DOMException('Upload canceled', 'AbortError'));
    },
  };
}

function isUnreachable(err: unknown): boolean {
  return err instanceof AppError && err.status === 500 && /reach the server/.test(err.message);
}

function errorOf(err: tus.DetailedError, status: number): AppError {
  const text = err.originalResponse?.getBody() ?? '';
  try {
    return AppError.fromBody(JSON.parse(text), status);
  } catch {
    return new AppError(500, `The upload stopped (${status}). Try again.`);
  }
}
