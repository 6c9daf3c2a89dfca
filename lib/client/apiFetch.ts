// The browser's fetcher: JSON in and out, failures rebuilt as the shared AppError with plain words.
import type { z } from 'zod';
import { AppError } from '@/lib/errors';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls our API and validates the answer with `schema`; throws AppError on any failure. */
export async function apiFetch<S extends z.ZodType>(path: string, schema: S, init: ApiRequest = {}): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new AppError(500, 'Could not reach the server. Check your connection and try again.');
  }
  const body = await readJson(res);
  if (!res.ok) throw AppError.fromBody(body, res.status);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError(500, 'The server sent an answer this page does not understand. Reload and try again.');
  return parsed.data;
}

export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Plain words for anything thrown while talking to the server. */
export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong. Try again.';
}

export function isNotFound(err: unknown): boolean {
  return err instanceof AppError && (err.code === 1002 || err.code === 404);
}
