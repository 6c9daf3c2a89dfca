// ../shared/eval/instructions.jsonl through the HTTP API: each case on a fresh project, every expect key checked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { MediaView, TimelineView } from '@/lib/api/schemas';
import { ApiClient } from '@/tests/helpers/client';
import { SHARED } from '@/tests/helpers/paths';
import { cancelExports, expectWellFormed, projectWith, timelineOf, useChatApp } from './chatFixtures';
import { checkExpectations, evalCaseSchema } from './evalExpectations';

const cases = fs
  .readFileSync(path.join(SHARED, 'eval/instructions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => evalCaseSchema.parse(JSON.parse(l)));

const app = useChatApp();

describe('the eval instructions', () => {
  test('has all 30 cases', () => expect(cases).toHaveLength(30));

  test.each(cases.map((c) => [c.id, [c.say].flat().join(' / '), c] as const))('%s: %s', async (_id, _say, c) => {
    const id = await projectWith(app.client, app.fixtures, c.setup);
    const initial = await timelineOf(app.client, id);
    const says = [c.say].flat();
    const before: TimelineView[] = [];
    let events = [] as Awaited<ReturnType<ApiClient['chat']>>;
    for (const message of says) {
      before.push(await timelineOf(app.client, id));
      events = await app.client.chat(id, message);
      expectWellFormed(events);
      await cancelExports(app.client, id, events);
    }
    const after = await timelineOf(app.client, id);
    const { body } = await app.client.json<{ media: MediaView[] }>(`/api/projects/${id}`);
    checkExpectations(c, { initial, beforePrevious: before.at(-2) ?? initial, beforeLast: before.at(-1)!, after, events, media: body.media });
  });
});
