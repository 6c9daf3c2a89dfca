// Reads NemoVideo's /run_sse stream (Google ADK events) into a few plain signals; bad lines are skipped.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { z } from 'zod';

export type AdkSignal =
  | { kind: 'text'; text: string; partial: boolean }
  | { kind: 'toolCall'; name: string }
  | { kind: 'toolResult'; name: string }
  | { kind: 'heartbeat' }
  | { kind: 'error'; code: number | null; message: string };

const partSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  functionCall: z.looseObject({ name: z.string().default('tool') }).optional(),
  functionResponse: z.looseObject({ name: z.string().default('tool') }).optional(),
});

const adkEventSchema = z.looseObject({
  type: z.string().optional(),
  content: z.looseObject({ parts: z.array(z.unknown()).default([]) }).nullish(),
  partial: z.boolean().nullish(),
  errorCode: z.union([z.string(), z.number()]).nullish(),
  errorMessage: z.string().nullish(),
  error: z.union([z.string(), z.looseObject({ message: z.string().optional(), code: z.unknown().optional() })]).nullish(),
  code: z.number().optional(),
  message: z.string().optional(),
});

type Log = (message: string) => void;
const defaultLog: Log = (message) => console.warn(`[nemo] ${message}`);

/** Turns one SSE message into signals. Anything unreadable is logged and yields nothing. */
export function signalsOf(message: Pick<EventSourceMessage, 'event' | 'data'>, log: Log = defaultLog): AdkSignal[] {
  const data = message.data.trim();
  if (message.event === 'heartbeat' || message.event === 'ping' || data === '' || data === 'heartbeat' || data === 'ping') {
    return [{ kind: 'heartbeat' }];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    log(`skipped a malformed SSE line: ${data.slice(0, 80)}`);
    return [];
  }
  const parsed = adkEventSchema.safeParse(raw);
  if (!parsed.success) {
    log(`skipped an SSE event of unknown shape: ${data.slice(0, 80)}`);
    return [];
  }
  const event = parsed.data;
  if (event.type === 'heartbeat' || event.type === 'ping') return [{ kind: 'heartbeat' }];
  const error = errorOf(event);
  if (error) return [error];
  const signals: AdkSignal[] = [];
  for (const rawPart of event.content?.parts ?? []) {
    const part = partSchema.safeParse(rawPart);
    if (!part.success) continue;
    const { text, thought, functionCall, functionResponse } = part.data;
    // Thoughts are the model's reasoning, not the reply.
    if (typeof text === 'string' && text !== '' && !thought) signals.push({ kind: 'text', text, partial: event.partial === true });
    if (functionCall) signals.push({ kind: 'toolCall', name: functionCall.name });
    if (functionResponse) signals.push({ kind: 'toolResult', name: functionResponse.name });
  }
  return signals;
}

function errorOf(event: z.infer<typeof adkEventSchema>): AdkSignal | null {
  if (event.errorCode != null || event.errorMessage) {
    const code = Number(event.errorCode);
    return { kind: 'error', code: Number.isFinite(code) ? code : null, message: event.errorMessage ?? String(event.errorCode) };
  }
  if (event.error) {
    if (typeof event.error === 'string') return { kind: 'error', code: null, message: event.error };
    const code = Number(event.error.code);
    return { kind: 'error', code: Number.isFinite(code) ? code : null, message: event.error.message ?? 'NemoVideo reported an error.' };
  }
  if (typeof event.code === 'number' && event.code !== 0 && !event.content) {
    return { kind: 'error', code: event.code, message: event.message ?? `NemoVideo error ${event.code}.` };
  }
  return null;
}

/** Yields the stream's signals as they arrive; comments (": keep-alive") count as heartbeats. */
export async function* readAdkSignals(body: ReadableStream<Uint8Array>, log: Log = defaultLog): AsyncGenerator<AdkSignal> {
  const queue: AdkSignal[] = [];
  const parser = createParser({
    onEvent: (message) => queue.push(...signalsOf(message, log)),
    onComment: () => queue.push({ kind: 'heartbeat' }),
    onError: (err) => log(`SSE parse problem: ${err.message}`),
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift()!;
    }
    // The last event may lack its blank line when the stream just closes: end it ourselves.
    parser.feed(`${decoder.decode()}\n\n`);
    while (queue.length > 0) yield queue.shift()!;
  } finally {
    // Stops the upstream stream when we leave early; not awaited, as a stalled source may never settle it.
    reader.cancel().catch(() => undefined);
  }
}
