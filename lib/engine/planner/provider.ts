// Picks the planner once from config: the rules, asking the model planner for what they cannot read when LLM_BASE_URL is set.
import 'server-only';
import { getConfig } from '@/lib/server/config';
import { createModelPlanner } from './llm/modelPlanner';
import { rulePlanner, rulesFirst, type Planner } from './planner';

let chosen: Planner | undefined;

export function getPlanner(): Planner {
  if (chosen) return chosen;
  const config = getConfig();
  chosen = config.LLM_BASE_URL
    ? rulesFirst(rulePlanner, createModelPlanner({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL ?? 'gpt-4o-mini', apiKey: config.LLM_API_KEY, fallback: rulePlanner }))
    : rulePlanner;
  return chosen;
}
