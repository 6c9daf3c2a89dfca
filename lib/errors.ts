// One error vocabulary for server and client: codes, HTTP status, plain words, one JSON shape.
import { z } from 'zod';
import { EngineError } from '@/lib/engine/engineError';
import { SUPPORTED_FORMATS_TEXT as FORMATS } from '@/lib/engine/media/supportedFormats';

export const ERROR_TABLE = {
  400: { status: 400, message: 'The request is not valid.' },
  401: { status: 401, message: 'Sign-in is needed.' },
  404: { status: 404, message: 'Not found.' },
  409: { status: 409, message: 'That cannot be done in the current state.' },
  413: { status: 413, message: 'The request is too large.' },
  429: { status: 429, message: 'Too many requests. Wait a moment and try again.' },
  500: { status: 500, message: 'Something went wrong on our side. Try again.' },
  502: { status: 502, message: 'The editing service did not answer properly. Try again shortly.' },
  503: { status: 503, message: 'The server is missing something it needs; see /api/health.' },
  1001: { status: 401, message: 'The editing service token expired. Try again.' },
  1002: { status: 404, message: 'Project not found.' },
  2001: { status: 402, message: 'No credits left.' },
  4001: { status: 415, message: FORMATS },
  4002: { status: 413, message: 'The file is too large.' },
  4003: { status: 400, message: 'That URL cannot be imported.' },
  402: { status: 402, message: 'Register or upgrade your plan to unlock export.' },
} as const satisfies Record<number, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.union([z.number(), z.string()]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? ERROR_TABLE[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_TABLE[code].status;
    this.fields = fields;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }

  /** Rebuilds the error on the client from a response body. */
  static fromBody(body: unknown, status: number): AppError {
    const parsed = errorBodySchema.safeParse(body);
    if (!parsed.success) return new AppError(500, `Request failed with status ${status}.`);
    const code = Number(parsed.data.error.code);
    const known = (code in ERROR_TABLE ? code : 500) as ErrorCode;
    return new AppError(known, parsed.data.error.message, parsed.data.error.fields);
  }
}

export const SUPPORTED_FORMATS_TEXT = ERROR_TABLE[4001].message;

const ENGINE_ERROR_CODES = { 'unsupported-media': 4001, 'not-found': 404, conflict: 409 } as const satisfies Record<EngineError['kind'], ErrorCode>;

/**
 * The error as our one shape when it is one of ours (an AppError, or an engine error mapped by kind); else null.
 * Recognised by name too, not only by class: the composition root is shared by Next's separately bundled
 * copies of this module (route handlers, instrumentation.ts), so a backend's error may come from another
 * copy's class, which `instanceof` does not see.
 */
export function asAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof EngineError) return new AppError(ENGINE_ERROR_CODES[err.kind], err.message);
  if (!(err instanceof Error)) return null;
  const e = err as Error & { code?: unknown; kind?: unknown; fields?: Record<string, string> };
  if (e.name === 'AppError' && typeof e.code === 'number' && e.code in ERROR_TABLE) return new AppError(e.code as ErrorCode, e.message, e.fields);
  if (e.name === 'EngineError' && typeof e.kind === 'string' && e.kind in ENGINE_ERROR_CODES) {
    return new AppError(ENGINE_ERROR_CODES[e.kind as EngineError['kind']], e.message);
  }
  return null;
}
