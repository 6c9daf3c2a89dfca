// Over a quota or a rate limit: the shared error shape plus how long to wait (sent as Retry-After).
import { AppError, type ErrorCode } from '@/lib/errors';

export class LimitError extends AppError {
  constructor(
    code: Extract<ErrorCode, 413 | 429 | 4002>,
    message: string,
    /** Whole seconds after which trying again can succeed; absent when waiting does not help (delete something instead). */
    readonly retryAfterSeconds?: number,
  ) {
    // The name stays "AppError": errors are recognised by name across Next's separately bundled module copies.
    super(code, message);
  }
}

/** Seconds to wait from any error that carries them (duck-typed for the same reason as the name). */
export function retryAfterOf(err: unknown): number | undefined {
  const seconds = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}
