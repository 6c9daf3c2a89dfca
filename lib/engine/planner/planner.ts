// The planner seam: words (plus what the project holds) -> a plan; the rule planner is the default implementation.
import type { PlanContext } from './intents/intent';
import { planWithRules, type Plan } from './planWithRules';

export interface PlannerResult extends Plan {
  /** Said first in the reply, e.g. that the model's answer was unusable and the rules were used. */
  plannerNote?: string;
}

export type Planner = (message: string, ctx: PlanContext, signal: AbortSignal) => Promise<PlannerResult>;

export const rulePlanner: Planner = async (message, ctx) => planWithRules(message, ctx);
