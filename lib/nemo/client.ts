// One HTTP call to NemoVideo: headers, the {code, message, data} envelope, failures as NemoApiError.
import 'server-only';
import type { z } from 'zod';
import { envelopeSchema } from './upstream';

/** An upstream failure: `code` is NemoVideo's code (1001, 2001...) or the HTTP status when it gave none. */
export class NemoApiError extends Error {
  constructor(
    readonly code: number,
    readonly httpStatus: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'NemoApiError';
  }
}

export interface NemoRequest {
  method?: 'GET' | 'POST' | 'HEAD';
  path: string;
  token?: string;
  clientId?: string;
  json?: unknown;
  body?: BodyInit;
  accept?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface NemoHttp {
  readonly baseUrl: string;
  /** Sends the request; a non-2xx answer throws. The caller reads the body (SSE, files). */
  send(req: NemoRequest): Promise<Response>;
  /** Sends a request answered by an event stream; an error envelope in its place (even with HTTP 200) throws. */
  stream(req: NemoRequest): Promise<ReadableStream<Uint8Array>>;
  /** Sends the request and returns the validated payload, unwrapping the envelope. */
  json<S extends z.ZodType>(req: NemoRequest, schema: S): Promise<z.infer<S>>;
}

export function createNemoHttp(options: { baseUrl: string; attribution: Record<string, string>; fetch?: typeof fetch }): NemoHttp {
  const doFetch = options.fetch ?? fetch;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send(req: NemoRequest): Promise<Response> {
    const headers = new Headers({ ...options.attribution, ...req.headers });
    if (req.token) headers.set('Authorization', `Bearer ${req.token}`);
    if (req.clientId) headers.set('X-Client-Id', req.clientId);
    if (req.accept) headers.set('Accept', req.accept);
    let body = req.body;
    if (req.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(req.json);
    }
    const url = /^https?:\/\//.test(req.path) ? req.path : `${baseUrl}${req.path}`;
    let res: Response;
    try {
      res = await doFetch(url, { method: req.method ?? (body ? 'POST' : 'GET'), headers, body, signal: req.signal });
    } catch (err) {
      if (req.signal?.aborted) throw err;
      throw new NemoApiError(502, 0, `NemoVideo could not be reached (${(err as Error).message}).`);
    }
    if (!res.ok) throw await errorFrom(res);
    return res;
  }

  async function json<S extends z.ZodType>(req: NemoRequest, schema: S): Promise<z.infer<S>> {
    const res = await send(req);
    const text = await res.text();
    let raw: unknown;
    try {
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new NemoApiError(502, res.status, 'NemoVideo answered with something that is not JSON.');
    }
    const payload = unwrap(raw, res.status);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      console.warn('[nemo] unexpected response', req.path, parsed.error.issues.slice(0, 3));
      throw new NemoApiError(502, res.status, 'NemoVideo answered in an unexpected shape.');
    }
    return parsed.data;
  }

  async function stream(req: NemoRequest): Promise<ReadableStream<Uint8Array>> {
    const res = await send(req);
    if (/json/i.test(res.headers.get('content-type') ?? '')) {
      unwrap(await res.json().catch(() => null), res.status);
      throw new NemoApiError(502, res.status, 'NemoVideo answered a chat message without a stream.');
    }
    if (!res.body) throw new NemoApiError(502, res.status, 'NemoVideo answered a chat message without a stream.');
    return res.body;
  }

  return { baseUrl, send, stream, json };
}

/** Returns the payload of an envelope (or the bare object); a non-zero `code` is an error even with HTTP 200. */
export function unwrap(raw: unknown, httpStatus = 200): unknown {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return raw;
  const { code, message, msg, data } = envelope.data;
  if (code !== 0) throw new NemoApiError(code, httpStatus, message ?? msg ?? `NemoVideo error ${code}.`, data);
  return data === undefined || data === null ? raw : data;
}

async function errorFrom(res: Response): Promise<NemoApiError> {
  const text = await res.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    /* plain text or HTML error page */
  }
  const upstreamCode = Number(body.code);
  const code = Number.isFinite(upstreamCode) && upstreamCode !== 0 ? upstreamCode : res.status;
  const detail = body.message ?? body.msg ?? body.detail ?? body.error;
  const message = typeof detail === 'string' ? detail : `NemoVideo answered HTTP ${res.status}.`;
  return new NemoApiError(code, res.status, message, body.data);
}
