// Reads a chat reply: POSTs the message and yields each SSE `data:` line as a validated chat event.
import { chatEventSchema, type ChatEvent } from '@/lib/api/schemas';
import { AppError } from '@/lib/errors';
import { readJson } from './apiFetch';

export async function* streamChat(projectId: string, message: string, signal: AbortSignal): AsyncGenerator<ChatEvent> {
  const res = await fetch(`/api/projects/${projectId}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message }),
    signal,
    credentials: 'same-origin',
  });
  if (!res.ok || !res.body) throw AppError.fromBody(await readJson(res), res.status);
  yield* parseEventStream(res.body);
}

/** Splits a byte stream into SSE events; only `data:` fields matter to us. */
export async function* parseEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = toEvent(block);
        if (event) yield event;
      }
    }
    const last = toEvent(buffer);
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

function toEvent(block: string): ChatEvent | null {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  if (!data.trim()) return null;
  try {
    const parsed = chatEventSchema.safeParse(JSON.parse(data));
    // An event this page does not know is skipped rather than ending the reply.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
