// Interleaves a "quiet" tick into an async stream whenever nothing counted as progress arrived for a while.
export const QUIET = Symbol('quiet');
const ABORTED = Symbol('aborted');

/**
 * Yields the source's items, plus QUIET after every `quietMs` without an item for which
 * `isProgress` is true (heartbeats keep the stream open but are not progress).
 */
export async function* withQuietTicks<T>(
  source: AsyncIterator<T>,
  quietMs: number,
  isProgress: (item: T) => boolean,
  signal?: AbortSignal,
): AsyncGenerator<T | typeof QUIET> {
  let lastProgress = Date.now();
  let pending = source.next();
  // Ends the wait at once on abort, even if the source's read does not notice the abort itself.
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    if (signal?.aborted) resolve(ABORTED);
    signal?.addEventListener('abort', () => resolve(ABORTED), { once: true });
  });
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = new Promise<typeof QUIET>((resolve) => {
        timer = setTimeout(() => resolve(QUIET), Math.max(0, lastProgress + quietMs - Date.now()));
      });
      const next = await Promise.race([pending, tick, aborted]);
      clearTimeout(timer);
      if (next === ABORTED) return;
      if (next === QUIET) {
        lastProgress = Date.now();
        yield QUIET;
        continue;
      }
      if (next.done) return;
      if (isProgress(next.value)) lastProgress = Date.now();
      pending = source.next();
      yield next.value;
    }
  } finally {
    // When the consumer stops early a read may still be pending: never leave its rejection unhandled,
    // and don't wait for it (the aborted fetch settles it).
    pending.catch(() => undefined);
    void source.return?.()?.catch(() => undefined);
  }
}
