// A planned step: a timeline edit, or a history command (undo, redo) that the chat turn runs against stored versions, not on a timeline.
import { z } from 'zod';
import { editOperationSchema, type EditOperation } from '@/lib/engine/timeline/operations/editOperation';

export const historyCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('undo') }).describe('Undo the last change'),
  z.object({ type: z.literal('redo') }).describe('Redo the last undone change'),
]);
export type HistoryCommand = z.infer<typeof historyCommandSchema>;

/** What planners produce (and what the model planner's tools are generated from). */
export const planStepSchema = z.discriminatedUnion('type', [...editOperationSchema.options, ...historyCommandSchema.options]);
export type PlanStep = EditOperation | HistoryCommand;

export const isHistoryCommand = (step: PlanStep): step is HistoryCommand => step.type === 'undo' || step.type === 'redo';

/** A plan's steps in two kinds, each in its order: history commands run first, then the edits. */
export function splitPlanSteps(steps: PlanStep[]): { commands: HistoryCommand[]; edits: EditOperation[] } {
  const commands: HistoryCommand[] = [];
  const edits: EditOperation[] = [];
  for (const step of steps) {
    if (isHistoryCommand(step)) commands.push(step);
    else edits.push(step);
  }
  return { commands, edits };
}
