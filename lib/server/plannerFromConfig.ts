// Picks the planner from config (the composition root asks once): the model planner, with the rules as fallback, when LLM_BASE_URL is set; else the rules.
import 'server-only';
import type { Config } from '@/lib/server/config';
import { createModelPlanner } from '@/lib/engine/planner/llm/modelPlanner';
import { rulePlanner, type Planner } from '@/lib/engine/planner/planner';

export function plannerFor(config: Config): Planner {
  return config.LLM_BASE_URL
    ? createModelPlanner({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL ?? 'gpt-4o-mini', apiKey: config.LLM_API_KEY, fallback: rulePlanner })
    : rulePlanner;
}
