// The phrasing table (tests/phrasings/cases.ts) through POST /api/projects/:id/chat on real media: what each message did to the timeline.
import { beforeAll, describe, expect, test } from 'vitest';
import type { ChatEvent, MediaView, TimelineView } from '@/lib/api/schemas';
import { ALL_CASES, APPLIED_ONCE, ASKS } from '@/tests/phrasings/cases';
import { checkOutcome } from '@/tests/phrasings/expectations';
import { cancelExports, expectWellFormed, projectWith, replyText, timelineOf, useChatApp } from './chatFixtures';

const suggestionsOf = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'suggestions' ? e.items : []));

const app = useChatApp();
// The session cookie is set by the first request: made once here, so concurrent cases do not each start their own session.
beforeAll(async () => {
  await app.client.createProject();
});

describe('the phrasing table through the chat API', () => {
  test('has at least 200 cases, 20 applied-once and 20 asking ones', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(200);
    expect(APPLIED_ONCE.length).toBeGreaterThanOrEqual(20);
    expect(ASKS.length).toBeGreaterThanOrEqual(20);
  });

  // Each case has its own project, so cases run side by side (vitest's maxConcurrency), which keeps 277 uploads affordable.
  test.concurrent.each(ALL_CASES.map(([setup, say, e]) => [[say].flat().join(' / '), setup, say, e] as const))('%s', async (_name, setup, say, e) => {
    const id = await projectWith(app.client, app.fixtures, setup);
    const initial = await timelineOf(app.client, id);
    const afterEach: TimelineView[] = [];
    let events: ChatEvent[] = [];
    for (const message of [say].flat()) {
      events = await app.client.chat(id, message);
      expectWellFormed(events);
      await cancelExports(app.client, id, events);
      afterEach.push(await timelineOf(app.client, id));
    }
    const { body } = await app.client.json<{ media: MediaView[] }>(`/api/projects/${id}`);
    // Every reply says something, and an asking one names what it could do.
    expect(replyText(events).length).toBeGreaterThan(0);
    checkOutcome({ initial, afterEach, suggestions: suggestionsOf(events) }, e, body.media.find((m) => m.name === 'song.mp3')?.id);
  });
});
