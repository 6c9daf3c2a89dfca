// The optional model planner: an OpenAI-compatible chat-completions call with our operations as tools; its output is validated by the same schemas, and anything unusable falls back to the rules.
import { z } from 'zod';
import { planStepSchema, type PlanStep } from '@/lib/engine/planner/planStep';
import type { PlanContext } from '../intents/intent';
import type { Planner, PlannerResult } from '../planner';
import { operationTools } from './toolDefinitions';

export interface ModelPlannerOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  fallback: Planner;
  timeoutMs?: number;
}

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          tool_calls: z
            .array(z.object({ type: z.literal('function').optional(), function: z.object({ name: z.string(), arguments: z.string() }) }))
            .optional(),
        }),
      }),
    )
    .min(1),
});

function systemPrompt(ctx: PlanContext): string {
  const uploads = ctx.uploads.map((u) => `${u.name} (${u.kind})`).join(', ') || 'none';
  return [
    'You edit videos for creators. Turn the user message into calls of the given tools, one per edit, in order.',
    'Times are seconds on the output timeline. Volumes are 0..1. Call no tool when the request is not a video edit.',
    `Uploads: ${uploads}. Has music: ${ctx.hasMusic}. Has text: ${ctx.hasText}. Default title: "${ctx.defaultTitle}".`,
  ].join('\n');
}

/** Parses tool calls into operations; throws when any call is not a valid operation. */
export function operationsFromToolCalls(calls: { function: { name: string; arguments: string } }[]): PlanStep[] {
  return calls.map((call) => {
    let args: unknown;
    try {
      args = JSON.parse(call.function.arguments || '{}');
    } catch {
      throw new Error(`the arguments of ${call.function.name} are not JSON`);
    }
    const parsed = planStepSchema.safeParse({ ...(args as object), type: call.function.name });
    if (!parsed.success) throw new Error(`${call.function.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    return parsed.data;
  });
}

export function createModelPlanner(options: ModelPlannerOptions): Planner {
  const tools = operationTools();
  return async (message, ctx, signal): Promise<PlannerResult> => {
    try {
      const res = await fetch(`${options.baseUrl.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
        body: JSON.stringify({
          model: options.model,
          messages: [
            { role: 'system', content: systemPrompt(ctx) },
            { role: 'user', content: message },
          ],
          tools,
          tool_choice: 'auto',
          temperature: 0,
        }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 20_000)]),
      });
      if (!res.ok) throw new Error(`the model service answered HTTP ${res.status}`);
      const completion = completionSchema.parse(await res.json());
      const reply = completion.choices[0].message;
      const operations = operationsFromToolCalls(reply.tool_calls ?? []);
      if (operations.length === 0) return { operations, notUnderstood: [message], notes: reply.content ? [reply.content] : [] };
      return { operations, notUnderstood: [], notes: [] };
    } catch (err) {
      if (signal.aborted) throw err;
      const why = err instanceof z.ZodError ? 'its answer had an unexpected shape' : err instanceof Error ? err.message : String(err);
      const planned = await options.fallback(message, ctx, signal);
      return { ...planned, plannerNote: `The language model's plan could not be used (${why}), so I used the built-in planner.` };
    }
  };
}
