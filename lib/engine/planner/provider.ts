// Picks the planner once from config: the model planner (with the rules as fallback) when LLM_BASE_URL is set, else the rules.
import 'server-only';
import { getConfig } from '@/lib/server/config';
import { createModelPlanner } from './llm/modelPlanner';
import { rulePlanner, type Planner } from './planner';

let chosen: Planner | undefined;

export function getPlanner(): Planner {
  if (chosen) return chosen;
  const config = getConfig();
  chosen = config.LLM_BASE_URL
    ? createModelPlanner({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL ?? 'gpt-4o-mini', apiKey: config.LLM_API_KEY, fallback: rulePlanner })
    : rulePlanner;
  return chosen;
}
