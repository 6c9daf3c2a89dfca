// Counts things an owner has going at once (open chat streams, URL imports) and refuses one too many.
import 'server-only';
import { appRoot } from '../root';
import { LimitError } from './limitError';

type Kind = 'chatStreams' | 'urlImports';

/** Takes a slot or throws 429; the returned release is safe to call more than once. */
export function acquireSlot(kind: Kind, ownerId: string, max: number, message: string, retryAfterSeconds: number): () => void {
  const counts = appRoot().limits.inFlight;
  const key = `${kind}:${ownerId}`;
  const n = counts.get(key) ?? 0;
  if (n >= max) throw new LimitError(429, message, retryAfterSeconds);
  counts.set(key, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (counts.get(key) ?? 1) - 1;
    if (left <= 0) counts.delete(key);
    else counts.set(key, left);
  };
}

/** Runs the events through, releasing the slot when the stream ends however it ends. */
export async function* releasingWhenDone<T>(events: AsyncIterable<T>, release: () => void): AsyncIterable<T> {
  try {
    yield* events;
  } finally {
    release();
  }
}
