// Picks the planner from config (the composition root asks once): the rules, asking the model planner for what they cannot read when LLM_BASE_URL is set; else the rules alone.
import 'server-only';
import type { Config } from '@/lib/server/config';
import { createModelPlanner } from '@/lib/engine/planner/llm/modelPlanner';
import { rulePlanner, rulesFirst, type Planner } from '@/lib/engine/planner/planner';

export function plannerFor(config: Config): Planner {
  return config.LLM_BASE_URL
    ? rulesFirst(rulePlanner, createModelPlanner({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL ?? 'gpt-4o-mini', apiKey: config.LLM_API_KEY, fallback: rulePlanner }))
    : rulePlanner;
}
