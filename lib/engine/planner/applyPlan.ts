// Applies a plan's timeline operations in order (pure): what changed, and what could not be done and why.
import { applyOperation } from '@/lib/engine/timeline/operations/applyOperation';
import type { EditOperation } from '@/lib/engine/timeline/operations/editOperation';
import { OperationError, type OperationContext } from '@/lib/engine/timeline/operations/operationContext';
import type { Timeline } from '@/lib/engine/timeline/schema';
import { timelineSchema } from '@/lib/engine/timeline/schema';

export interface AppliedPlan {
  timeline: Timeline;
  /** One sentence per operation that ran. */
  done: string[];
  /** Plain reasons for operations that could not run; the others still apply. */
  refused: string[];
}

export function applyPlan(timeline: Timeline, operations: EditOperation[], ctx: OperationContext): AppliedPlan {
  let current = timeline;
  const done: string[] = [];
  const refused: string[] = [];
  for (const op of operations) {
    try {
      const result = applyOperation(current, op, ctx);
      // Each result must still be a valid timeline: a bad operation is refused, never stored.
      const checked = timelineSchema.safeParse(result.timeline);
      if (!checked.success) throw new OperationError(`That edit would make the timeline invalid (${checked.error.issues[0]?.message ?? 'unknown reason'}).`);
      current = checked.data;
      done.push(result.said);
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      refused.push(err.message);
    }
  }
  return { timeline: current, done, refused };
}
