// Over a quota or a rate limit: the shared error shape plus how long to wait (sent as Retry-After).
import { AppError, type ErrorCode } from '@/lib/errors';

export class LimitError extends AppError {
  constructor(
    code: Extract<ErrorCode, 413 | 429 | 4002>,
    message: string,
    /** Whole seconds after which trying again can succeed; absent when waiting does not help (delete something instead). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
    this.name = 'LimitError';
  }
}
