// Route handler plumbing: parse bodies with zod, map every failure to the one error shape.
import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, asAppError } from '@/lib/errors';

export type RouteContext<P extends Record<string, string> = Record<string, string>> = { params: Promise<P> };

export function errorResponse(err: unknown): NextResponse {
  const known = asAppError(err);
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

export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown = {};
  const text = await req.text();
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
