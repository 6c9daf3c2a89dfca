import { describe, expect, test } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { chatEventStream, encodeEvent } from '@/lib/chat/chatEventStream';
import { AppError } from '@/lib/errors';
import { parseSse } from '@/tests/helpers/client';

/** A promise the test resolves by hand, to hold the producer at a known point. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<ChatEvent[]> {
  return parseSse(await new Response(stream).text());
}

async function nextEvents(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ChatEvent[]> {
  const { value } = await reader.read();
  return parseSse(new TextDecoder().decode(value));
}

describe('chatEventStream', () => {
  test('encodes one JSON event per data line', () => {
    expect(encodeEvent({ type: 'text', delta: 'hi\nthere' })).toBe('data: {"type":"text","delta":"hi\\nthere"}\n\n');
  });

  test('the first event is readable while the work is still running (flushed, not buffered)', async () => {
    const planning = gate();
    let planned = false;
    const stream = chatEventStream(
      async function* () {
        yield { type: 'status', message: 'Working on it…' };
        await planning.opened;
        planned = true;
        yield { type: 'text', delta: 'Done.' };
      },
      { signal: new AbortController().signal },
    );
    const reader = stream.getReader();
    expect(await nextEvents(reader)).toEqual([{ type: 'status', message: 'Working on it…' }]);
    expect(planned).toBe(false);
    planning.open();
    const rest: ChatEvent[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest.push(...parseSse(new TextDecoder().decode(value)));
    }
    expect(rest).toEqual([{ type: 'text', delta: 'Done.' }, { type: 'done' }]);
  });

  test('sends heartbeats while the work runs', async () => {
    const work = gate();
    const stream = chatEventStream(
      async function* () {
        await work.opened;
      },
      { signal: new AbortController().signal, heartbeatMs: 5 },
    );
    const reader = stream.getReader();
    expect(await nextEvents(reader)).toEqual([{ type: 'heartbeat' }]);
    work.open();
  });

  test('an error becomes an error event in plain words, then done', async () => {
    const events = await readAll(
      chatEventStream(
        async function* () {
          yield { type: 'status', message: 'x' };
          throw new AppError(409, 'The timeline changed while this edit was being made. Try again.');
        },
        { signal: new AbortController().signal },
      ),
    );
    expect(events).toEqual([
      { type: 'status', message: 'x' },
      { type: 'error', code: 409, message: 'The timeline changed while this edit was being made. Try again.' },
      { type: 'done' },
    ]);
  });

  test('an unexpected error does not leak its details', async () => {
    const events = await readAll(
      chatEventStream(
        async function* () {
          throw new Error('SQLITE_BUSY at /secret/path');
        },
        { signal: new AbortController().signal },
      ),
    );
    expect(events[0]).toMatchObject({ type: 'error', code: 500 });
    expect(JSON.stringify(events)).not.toContain('secret');
    expect(events.at(-1)).toEqual({ type: 'done' });
  });

  test('the client going away aborts the work', async () => {
    const client = new AbortController();
    const started = gate();
    let seen: AbortSignal | undefined;
    const stream = chatEventStream(
      async function* (signal) {
        seen = signal;
        started.open();
        yield { type: 'status', message: 'x' };
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      },
      { signal: client.signal },
    );
    const reader = stream.getReader();
    await started.opened;
    await reader.read();
    client.abort();
    expect(seen?.aborted).toBe(true);
  });
});
