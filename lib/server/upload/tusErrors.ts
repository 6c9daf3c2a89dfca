// tus-node-server's plain-text errors (and ours thrown from its hooks) in the one JSON error shape, keeping tus's status.
import { asAppError, ERROR_TABLE, type ErrorBody, type ErrorCode } from '@/lib/errors';

interface TusError {
  status_code: number;
  body: string;
}

/** What a phone user can do about each tus failure, by status. */
const TUS_WORDS: Record<number, { code: ErrorCode; message: string }> = {
  404: { code: 404, message: 'This upload is not known here (unfinished uploads are kept for a day). Start it again.' },
  409: { code: 409, message: 'The upload offset does not match what the server has; ask (HEAD) for the offset and resume from there.' },
  410: { code: 404, message: 'This upload expired (unfinished uploads are kept for a day). Start it again.' },
  413: { code: 4002, message: ERROR_TABLE[4002].message },
  423: { code: 409, message: 'Another request is still appending to this upload; try again in a moment.' },
};

export function tusErrorResponse(err: Error | TusError, maxBytes: number): TusError {
  // Ours (thrown from a hook, or an engine error by kind): already in the one shape.
  const ours = asAppError(err);
  if (ours) return { status_code: ours.status, body: JSON.stringify(ours.toBody()) };
  const status = 'status_code' in err && typeof err.status_code === 'number' ? err.status_code : 500;
  const known = TUS_WORDS[status];
  const message =
    status === 413
      ? `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB upload limit.`
      : (known?.message ?? (status >= 500 ? ERROR_TABLE[500].message : tusText(err)));
  const code: ErrorCode = known?.code ?? (status >= 500 ? 500 : 400);
  const body: ErrorBody = { error: { code, message } };
  return { status_code: status, body: JSON.stringify(body) };
}

function tusText(err: Error | TusError): string {
  const text = ('body' in err && typeof err.body === 'string' ? err.body : err instanceof Error ? err.message : '').trim();
  return text ? `The upload request is not valid: ${text}` : ERROR_TABLE[400].message;
}
