// Turns a chat turn into a text/event-stream body: one JSON event per `data:` line, flushed as produced, heartbeats while work runs, always ending with `done`.
import type { ChatEvent } from '@/lib/api/schemas';
import { asAppError } from '@/lib/errors';

export const HEARTBEAT_MS = 15_000;

export function encodeEvent(event: ChatEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}

/** Plain words for an error that escaped the turn; never a stack trace. */
export function errorEvent(err: unknown): ChatEvent {
  const known = asAppError(err);
  if (known) return { type: 'error', code: known.code, message: known.message };
  return { type: 'error', code: 500, message: 'Something went wrong while working on that. Nothing was changed by the failed step; try again.' };
}

export function chatEventStream(
  run: (signal: AbortSignal) => AsyncIterable<ChatEvent>,
  options: { signal: AbortSignal; heartbeatMs?: number },
): ReadableStream<Uint8Array> {
  const abort = new AbortController();
  const onClientGone = () => abort.abort(new Error('client disconnected'));
  options.signal.addEventListener('abort', onClientGone, { once: true });
  const encoder = new TextEncoder();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: ChatEvent) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(encodeEvent(event)));
      };
      heartbeat = setInterval(() => send({ type: 'heartbeat' }), options.heartbeatMs ?? HEARTBEAT_MS);
      // Not awaited: start() returns at once, so each event reaches the client as soon as it is enqueued.
      void (async () => {
        try {
          for await (const event of run(abort.signal)) {
            if (abort.signal.aborted) break;
            send(event);
            // The store and the planner are synchronous work: give the event loop a turn so the bytes leave now.
            await new Promise((resolve) => setImmediate(resolve));
          }
        } catch (err) {
          if (!abort.signal.aborted) send(errorEvent(err));
        } finally {
          clearInterval(heartbeat);
          options.signal.removeEventListener('abort', onClientGone);
          send({ type: 'done' });
          try {
            controller.close();
          } catch {
            /* already closed by a cancel */
          }
        }
      })();
    },
    cancel() {
      clearInterval(heartbeat);
      abort.abort(new Error('client disconnected'));
    },
  });
}

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform keeps compression (which buffers) away from the stream.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;
