// The planner seam: words (plus what the project holds) -> a plan; the rule planner is the default implementation.
import type { PlanContext } from './intents/intent';
import { planWithRules, type Plan } from './planWithRules';

export interface PlannerResult extends Plan {
  /** Said first in the reply, e.g. that the model's answer was unusable and the rules were used. */
  plannerNote?: string;
}

export type Planner = (message: string, ctx: PlanContext, signal: AbortSignal) => Promise<PlannerResult>;

export const rulePlanner: Planner = async (message, ctx) => planWithRules(message, ctx);

/**
 * The rules read the message first; a configured model is asked only when they could not read all of it.
 * Its operations are validated by the same schemas (createModelPlanner); when it finds nothing usable, the rules' honest answer and suggestions stand.
 */
export function rulesFirst(rules: Planner, model: Planner): Planner {
  return async (message, ctx, signal) => {
    const planned = await rules(message, ctx, signal);
    if (planned.notUnderstood.length === 0 && planned.operations.length > 0) return planned;
    const modelled = await model(message, ctx, signal);
    if (modelled.plannerNote || modelled.operations.length === 0) return { ...planned, ...(modelled.plannerNote ? { plannerNote: modelled.plannerNote } : {}) };
    return { ...modelled, suggestions: [] };
  };
}
