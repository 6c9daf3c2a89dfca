// The model planner against a fake OpenAI-compatible endpoint (msw): valid tool calls are used, anything else falls back to the rules.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { PlanContext } from '@/lib/engine/planner/intents/intent';
import { createModelPlanner } from '@/lib/engine/planner/llm/modelPlanner';
import { operationTools } from '@/lib/engine/planner/llm/toolDefinitions';
import { rulePlanner, rulesFirst } from '@/lib/engine/planner/planner';
import { planStepSchema } from '@/lib/engine/planner/planStep';

const BASE = 'http://127.0.0.1:9/v1';
const ctx: PlanContext = { uploads: [{ name: 'talk.mp4', kind: 'video' }], hasMusic: false, hasText: false, defaultTitle: 'Talk' };
const planner = createModelPlanner({ baseUrl: BASE, model: 'test-model', apiKey: 'sk-test', fallback: rulePlanner });
const signal = () => new AbortController().signal;

const requests: { body: any; auth: string | null }[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

function answerWith(message: object, status = 200) {
  server.use(
    http.post(`${BASE}/chat/completions`, async ({ request }) => {
      requests.push({ body: await request.json(), auth: request.headers.get('authorization') });
      return HttpResponse.json(status === 200 ? { choices: [{ message }] } : { error: 'down' }, { status });
    }),
  );
}
const call = (name: string, args: object) => ({ type: 'function', function: { name, arguments: JSON.stringify(args) } });

describe('tool definitions', () => {
  test('one tool per operation, parameters from the zod schemas', () => {
    const tools = operationTools();
    expect(tools.map((t) => t.function.name)).toEqual(planStepSchema.options.map((o) => o.shape.type.value));
    const addText = tools.find((t) => t.function.name === 'addText')!;
    expect(addText.function.parameters).toMatchObject({ type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } });
    expect(JSON.stringify(tools)).not.toContain('"type":{"type":"string","const"');
  });
});

describe('createModelPlanner', () => {
  test('uses valid tool calls as the plan', async () => {
    answerWith({ content: null, tool_calls: [call('removePauses', { minPauseSeconds: 1 }), call('addText', { text: 'Hello', startSeconds: 0 })] });
    const plan = await planner('cut long pauses and say hello', ctx, signal());
    expect(plan).toEqual({
      operations: [
        { type: 'removePauses', minPauseSeconds: 1 },
        { type: 'addText', text: 'Hello', startSeconds: 0 },
      ],
      notUnderstood: [],
      notes: [],
    });
    expect(requests[0].auth).toBe('Bearer sk-test');
    expect(requests[0].body.model).toBe('test-model');
    expect(requests[0].body.tools).toHaveLength(planStepSchema.options.length);
    expect(requests[0].body.messages[1]).toEqual({ role: 'user', content: 'cut long pauses and say hello' });
  });

  test('a call that fails the schema falls back to the rules and says so', async () => {
    answerWith({ tool_calls: [call('setSpeed', { factor: 1000 })] });
    const plan = await planner('speed it up 2x', ctx, signal());
    expect(plan.operations).toEqual([{ type: 'setSpeed', factor: 2 }]);
    expect(plan.plannerNote).toMatch(/^The language model's plan could not be used \(setSpeed: factor .*\), so I used the built-in planner\.$/);
  });

  test('an unknown tool falls back to the rules', async () => {
    answerWith({ tool_calls: [call('deleteEverything', {})] });
    const plan = await planner('make it square', ctx, signal());
    expect(plan.operations).toEqual([{ type: 'setAspect', aspect: '1:1' }]);
    expect(plan.plannerNote).toContain('deleteEverything');
  });

  test('arguments that are not JSON fall back to the rules', async () => {
    answerWith({ tool_calls: [{ type: 'function', function: { name: 'addMusic', arguments: '{mood: calm' } }] });
    const plan = await planner('add background music', ctx, signal());
    expect(plan.operations).toEqual([{ type: 'addMusic' }]);
    expect(plan.plannerNote).toContain('not JSON');
  });

  test('an HTTP error falls back to the rules', async () => {
    answerWith({}, 503);
    const plan = await planner('trim the first 5 seconds', ctx, signal());
    expect(plan.operations).toEqual([{ type: 'trimStart', seconds: 5 }]);
    expect(plan.plannerNote).toContain('HTTP 503');
  });

  test('no tool call means nothing to do, answered honestly', async () => {
    answerWith({ content: 'I cannot make sandwiches.' });
    const plan = await planner('make me a sandwich', ctx, signal());
    expect(plan).toEqual({ operations: [], notUnderstood: ['make me a sandwich'], notes: ['I cannot make sandwiches.'] });
  });
});

describe('the rules first, the model for what they cannot read', () => {
  const both = rulesFirst(rulePlanner, planner);

  test('a message the rules read never reaches the model', async () => {
    answerWith({ tool_calls: [call('setAspect', { aspect: '16:9' })] });
    const plan = await both('make it square', ctx, signal());
    expect(plan.operations).toEqual([{ type: 'setAspect', aspect: '1:1' }]);
    expect(requests).toHaveLength(0);
  });

  test('what the rules cannot read goes to the model, whose valid operations are used', async () => {
    answerWith({ tool_calls: [call('setSpeed', { factor: 0.8 })] });
    const plan = await both('give it a dreamy floaty feel', ctx, signal());
    expect(requests).toHaveLength(1);
    expect(plan.operations).toEqual([{ type: 'setSpeed', factor: 0.8 }]);
    expect(plan.suggestions).toEqual([]);
  });

  test('when the model finds nothing either, the rules ask with their suggestions', async () => {
    answerWith({ content: 'Not an edit.' });
    const plan = await both('make it pop', ctx, signal());
    expect(plan.operations).toEqual([]);
    expect(plan.suggestions!.length).toBeGreaterThan(0);
  });

  test('an invalid model answer changes nothing and says why', async () => {
    answerWith({ tool_calls: [call('setSpeed', { factor: 99 })] });
    const plan = await both('make it pop', ctx, signal());
    expect(plan.operations).toEqual([]);
    expect(plan.plannerNote).toMatch(/could not be used/);
    expect(plan.suggestions!.length).toBeGreaterThan(0);
  });
});
