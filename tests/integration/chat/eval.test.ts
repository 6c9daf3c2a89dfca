// ../shared/eval/instructions.jsonl through the HTTP API: each case on a fresh project, every expect key checked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MediaView, TimelineView } from '@/lib/api/schemas';
import { ApiClient } from '@/tests/helpers/client';
import { SHARED } from '@/tests/helpers/paths';
import { startServer, type TestServer } from '@/tests/helpers/server';
import { cancelExports, expectWellFormed, makeFixtures, projectWith, timelineOf, type Fixtures } from './chatFixtures';
import { checkExpectations, evalCaseSchema } from './evalExpectations';

const cases = fs
  .readFileSync(path.join(SHARED, 'eval/instructions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => evalCaseSchema.parse(JSON.parse(l)));

let server: TestServer;
let client: ApiClient;
let fixtures: Fixtures;

beforeAll(async () => {
  fixtures = makeFixtures();
  server = await startServer();
  client = new ApiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.stop();
  if (fixtures) fs.rmSync(fixtures.dir, { recursive: true, force: true });
});

describe('the eval instructions', () => {
  test('has all 30 cases', () => expect(cases).toHaveLength(30));

  test.each(cases.map((c) => [c.id, [c.say].flat().join(' / '), c] as const))('%s: %s', async (_id, _say, c) => {
    const id = await projectWith(client, fixtures, c.setup);
    const initial = await timelineOf(client, id);
    const says = [c.say].flat();
    const before: TimelineView[] = [];
    let events = [] as Awaited<ReturnType<ApiClient['chat']>>;
    for (const message of says) {
      before.push(await timelineOf(client, id));
      events = await client.chat(id, message);
      expectWellFormed(events);
      await cancelExports(client, id, events);
    }
    const after = await timelineOf(client, id);
    const { body } = await client.json<{ media: MediaView[] }>(`/api/projects/${id}`);
    checkExpectations(c, { initial, beforePrevious: before.at(-2) ?? initial, beforeLast: before.at(-1)!, after, events, media: body.media });
  });
});
