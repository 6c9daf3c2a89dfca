// Route handler plumbing: parse bodies with zod, map every failure to the one error shape.
import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, asAppError } from '@/lib/errors';
import { getConfig } from './config';
import { retryAfterOf } from './limits/limitError';

export type RouteContext<P extends Record<string, string> = Record<string, string>> = { params: Promise<P> };

export function errorResponse(err: unknown): NextResponse {
  const known = asAppError(err);
  const retryAfter = retryAfterOf(err);
  if (known && retryAfter !== undefined) {
    return NextResponse.json(known.toBody(), { status: known.status, headers: { 'retry-after': String(retryAfter) } });
  }
  if (known) return NextResponse.json(known.toBody(), { status: known.status });
  if (err instanceof z.ZodError) return NextResponse.json(validationError(err).toBody(), { status: 400 });
  console.error('[in-video] unexpected error', err);
  const e = new AppError(500);
  return NextResponse.json(e.toBody(), { status: e.status });
}

export function validationError(err: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) fields[issue.path.join('.') || 'body'] = issue.message;
  const list = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ');
  return new AppError(400, `The request is not valid (${list}).`, fields);
}

/** Wraps a handler so any thrown error becomes the JSON error shape. */
export function route<P extends Record<string, string>>(
  handler: (req: Request, params: P) => Promise<Response>,
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(req, await ctx.params);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * Reads a JSON body of at most MAX_JSON_BODY_KB: refused from Content-Length before reading, and
 * checked again while the bytes arrive (a chunked body has no length). A body must be sent as
 * application/json; an empty one stands for `{}`.
 */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await readJsonText(req, getConfig().maxJsonBodyBytes);
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError(400, 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

async function readJsonText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return '';
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } finally {
    if (size > maxBytes) await reader.cancel().catch(() => {});
  }
  if (size > 0 && type !== 'application/json') {
    throw new AppError(400, 'Send the request body as JSON, with the header Content-Type: application/json.');
  }
  return Buffer.concat(chunks).toString('utf8');
}
