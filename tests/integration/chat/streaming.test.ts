// The chat endpoint as a stream: events flushed as they happen, messages stored, bad input refused, disconnects harmless.
import { describe, expect, test } from 'vitest';
import { chatEventSchema, type ChatEvent } from '@/lib/api/schemas';
import { ApiClient } from '@/tests/helpers/client';
import { projectWith, timelineOf, useChatApp } from './chatFixtures';

const app = useChatApp();

interface Arrival {
  event: ChatEvent;
  /** Which read() of the body delivered it. */
  read: number;
  atMs: number;
}

/** Reads the SSE body chunk by chunk, noting when and in which read each event arrived. */
async function readArrivals(res: Response, stopAfter?: (e: ChatEvent) => boolean): Promise<Arrival[]> {
  const started = performance.now();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const arrivals: Arrival[] = [];
  let buffer = '';
  for (let read = 0; ; read++) {
    const { value, done } = await reader.read();
    if (done) return arrivals;
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop()!;
    for (const block of blocks) {
      const data = block.split('\n').find((l) => l.startsWith('data:'));
      if (!data) continue;
      const event = chatEventSchema.parse(JSON.parse(data.slice(5)));
      arrivals.push({ event, read, atMs: performance.now() - started });
      if (stopAfter?.(event)) {
        await reader.cancel();
        return arrivals;
      }
    }
  }
}

const post = (id: string, message: unknown, init: RequestInit = {}) =>
  app.client.fetch(`/api/projects/${id}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), ...init });

describe('POST /api/projects/:id/chat', () => {
  test('the first event arrives before planning finished: in an earlier read than the timeline event', async () => {
    const id = await projectWith(app.client, app.fixtures, 'talk');
    const res = await post(id, { message: 'cut out the pauses, add background music, and overlay text titles' });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const arrivals = await readArrivals(res);
    const first = arrivals[0];
    const timeline = arrivals.find((a) => a.event.type === 'timeline')!;
    expect(first.event).toEqual({ type: 'status', message: 'Working on it…' });
    expect(first.read).toBeLessThan(timeline.read);
    expect(first.atMs).toBeLessThanOrEqual(timeline.atMs);
    expect(arrivals.at(-1)!.event).toEqual({ type: 'done' });
  });

  test('the words and the reply are stored and come back with the project', async () => {
    const id = await projectWith(app.client, app.fixtures, 'talk');
    const events = await app.client.chat(id, 'make it square');
    const reply = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
    const { body } = await app.client.json(`/api/projects/${id}`);
    expect(body.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual([
      ['user', 'make it square'],
      ['assistant', reply],
    ]);
  });

  test.each([
    ['no message', {}],
    ['an empty message', { message: '   ' }],
    ['a message that is too long', { message: 'x'.repeat(4001) }],
  ])('refuses %s with the JSON error shape', async (_name, body) => {
    const id = await app.client.createProject();
    const res = await post(id, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(400);
  });

  test('another browser gets 404 for the project', async () => {
    const id = await app.client.createProject();
    const stranger = new ApiClient(app.server.baseUrl);
    const res = await stranger.fetch(`/api/projects/${id}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'export' }) });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe(1002);
  });

  test('hostile text is only ever text', async () => {
    const id = await projectWith(app.client, app.fixtures, 'talk');
    const hostile = `'; rm -rf / %{pts} \\:,[]`;
    const events = await app.client.chat(id, `add a title "${hostile}"`);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    const texts = (await timelineOf(app.client, id)).tracks.filter((t) => t.type === 'text').flatMap((t) => t.segments.map((s) => s.text));
    expect(texts).toEqual([hostile]);
  });

  test('a app.client that disconnects mid-reply leaves a whole timeline and a working server', async () => {
    const id = await projectWith(app.client, app.fixtures, 'talk');
    const before = await timelineOf(app.client, id);
    const res = await post(id, { message: 'cut out the pauses and add background music' });
    await readArrivals(res, (e) => e.type === 'status');
    const after = await timelineOf(app.client, id);
    // Either the edit was committed whole before the disconnect was seen, or not at all.
    if (after.version === before.version) expect(after).toEqual(before);
    else expect(after.tracks.some((t) => t.type === 'audio')).toBe(true);
    const next = await app.client.chat(id, 'make it square');
    expect(next.at(-1)).toEqual({ type: 'done' });
    expect((await timelineOf(app.client, id)).canvas).toMatchObject({ width: 1080, height: 1080 });
  });
});
