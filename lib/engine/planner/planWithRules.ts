// The rule planner: masks quotes, splits the request into clauses, and lets ordered intent detectors read each one.
import type { EditOperation } from '@/lib/engine/timeline/operations/editOperation';
import { historyIntent } from './intents/history';
import type { Clause, Intent, PlanContext } from './intents/intent';
import { EDIT_INTENTS } from './intents/order';
import { maskQuotes, quotesIn, unmask } from './parameters/quotes';
import { splitClauses } from './splitClauses';

export interface Plan {
  operations: EditOperation[];
  /** Clauses nothing understood, as the user typed them. */
  notUnderstood: string[];
  notes: string[];
}

function readClause(clause: Clause, ctx: PlanContext, intents: Intent[]) {
  for (const intent of intents) {
    const match = intent(clause, ctx);
    if (match && match.ops.length > 0) return match;
  }
  return null;
}

export function planWithRules(message: string, ctx: PlanContext): Plan {
  const masked = maskQuotes(message);
  const plan: Plan = { operations: [], notUnderstood: [], notes: [] };
  const intents = [historyIntent, ...EDIT_INTENTS];
  let topic = ctx.recentTopic;
  for (const part of splitClauses(masked.text)) {
    const clause: Clause = { text: part.toLowerCase(), quotes: quotesIn(part, masked.quotes) };
    // "add a title "Hi" and make it bigger": "it" means the previous clause's subject.
    let match = readClause(clause, ctx, intents);
    if (!match && topic && /\b(it|that|this|them|its)\b|它|这个/.test(clause.text)) {
      match = readClause({ ...clause, text: `${clause.text.replace(/\b(it|that|this|them)\b/, `the ${topic}`)} ${topic}` }, { ...ctx, hasText: true, hasMusic: true }, intents);
    }
    if (!match) {
      plan.notUnderstood.push(unmask(part, masked.quotes));
      continue;
    }
    topic = match.topic;
    for (const op of match.ops) {
      const previous = plan.operations.at(-1);
      // "cut the silences, make it tighter" is one pause cut with its settings, not two.
      if (op.type === 'removePauses' && previous?.type === 'removePauses') plan.operations[plan.operations.length - 1] = { ...previous, ...op };
      else plan.operations.push(op);
    }
    plan.notes.push(...(match.notes ?? []));
    if (match.ops.some((op) => op.type === 'addMusic')) ctx = { ...ctx, hasMusic: true };
    if (match.ops.some((op) => op.type === 'addText')) ctx = { ...ctx, hasText: true };
  }
  return plan;
}
