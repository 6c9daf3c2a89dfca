// The rule planner: lifts quoted and unquoted text, fixes spelling slips, splits the request into clauses, lets ordered intent detectors read each one, and merges what one message says twice.
import type { PlanStep } from './planStep';
import { historyIntent } from './intents/history';
import type { Clause, Intent, IntentMatch, PlanContext } from './intents/intent';
import { EDIT_INTENTS } from './intents/order';
import { unsureIntent } from './intents/unsure';
import { mergeOperations, type ClauseOps } from './mergeOperations';
import { maskQuotes, quotesIn, unmask } from './parameters/quotes';
import { correctSpelling } from './parameters/spelling';
import { liftUnquotedText } from './parameters/textSlots';
import { splitClauses } from './splitClauses';
import { alternativesIn, closestSuggestions } from './suggestions';

export interface Plan {
  /** Edits and history commands (undo, redo), in the order said; the chat turn splits them (splitPlanSteps). */
  operations: PlanStep[];
  /** Clauses nothing understood, as the user typed them. */
  notUnderstood: string[];
  notes: string[];
  /** Requests the planner offers instead of guessing (shown as tappable chips); empty when it was sure. */
  suggestions?: string[];
}

const INTENTS: Intent[] = [historyIntent, ...EDIT_INTENTS];
/** A clause of a few words ("music at 20%", "音量百分之二十") may leave its subject to the clause before. */
const SHORT = (text: string) => text.split(/\s+/).length <= 5 || (/[\u4e00-\u9fff]/.test(text) && text.length <= 12);

function readClause(clause: Clause, ctx: PlanContext): IntentMatch | null {
  for (const intent of INTENTS) {
    const match = intent(clause, ctx);
    if (match && (match.ops.length > 0 || match.ask)) return match;
  }
  return null;
}

/** "add a title "Hi" and make it bigger": "it" means the previous clause's subject. */
function readWithTopic(clause: Clause, ctx: PlanContext, topic: string | undefined): IntentMatch | null {
  const match = readClause(clause, ctx);
  if (match || !topic || !(/\b(it|that|this|them|its)\b|它|这个/.test(clause.text) || SHORT(clause.text))) return match ?? unsureIntent(clause, ctx);
  const text = `${clause.text.replace(/\b(it|that|this|them)\b/, `the ${topic}`)} ${topic}`;
  const retried = readClause({ ...clause, text }, { ...ctx, hasText: true, hasMusic: true });
  // A borrowed subject can be changed ("make it lofi"), not added again with nothing new ("turn down the volume" after a title is no new title).
  const adds = retried?.ops.some((op) => (op.type === 'addText' && clause.quotes.length === 0) || (op.type === 'addMusic' && !op.mood && !op.file));
  return (adds ? null : retried) ?? unsureIntent(clause, ctx);
}

/** Two readings joined by "or" ("vertical or square", "faster or slower"): both are offered, neither is applied. */
function readAlternatives(clause: Clause, ctx: PlanContext): string[] | undefined {
  const readings = alternativesIn(clause.text)
    .map((text) => ({ text, match: readClause({ ...clause, text }, ctx) }))
    .filter((r) => r.match && r.match.ops.length > 0);
  const distinct = new Set(readings.map((r) => JSON.stringify(r.match!.ops)));
  return distinct.size >= 2 ? readings.map((r) => r.text) : undefined;
}

/** "delete the silence and the music": a clause with no verb of its own borrows the one before ("delete the music"). */
function withVerbOf(previous: string | undefined, clause: string): string | undefined {
  if (!previous || !/^(?:the|my|a|an|some|all|any)\b/.test(clause)) return undefined;
  const verb = /^(.*?)\b(?:the|my|a|an|some|all|any)\b/.exec(previous)?.[1].trim();
  return verb ? `${verb} ${clause}` : undefined;
}

/** "add a title, that says Hi": the title without words and the words said after it are one title. */
function mergeDefaultTitle(read: ClauseOps[], plan: Plan, ctx: PlanContext) {
  const all = read.flatMap((g) => g.ops);
  const fallback = all.find((op) => op.type === 'addText' && op.text === ctx.defaultTitle);
  const worded = all.find((op) => op.type === 'addText' && op !== fallback);
  if (!fallback || !worded || fallback.type !== 'addText' || worded.type !== 'addText') return read;
  plan.notes = plan.notes.filter((n) => !n.includes(`"${ctx.defaultTitle}"`));
  return read.map((g) => ({ ...g, ops: g.ops.flatMap((op) => (op === fallback ? [{ ...fallback, ...worded }] : op === worded ? [] : [op])) }));
}

export function planWithRules(message: string, ctx: PlanContext): Plan {
  const masked = liftUnquotedText(maskQuotes(message));
  const plan: Plan = { operations: [], notUnderstood: [], notes: [], suggestions: [] };
  const read: ClauseOps[] = [];
  const unsure: string[] = [];
  let topic = ctx.recentTopic;
  for (const part of splitClauses(masked.text)) {
    const clause: Clause = { text: correctSpelling(part.toLowerCase()), quotes: quotesIn(part, masked.quotes) };
    const alternatives = readAlternatives(clause, ctx);
    const borrowed = withVerbOf(read.at(-1)?.clause, clause.text);
    const match = alternatives
      ? { ops: [], topic: topic ?? '', ask: alternatives }
      : ((borrowed ? readClause({ ...clause, text: borrowed }, ctx) : null) ?? readWithTopic(clause, ctx, topic));
    if (!match || match.ops.length === 0) {
      plan.notUnderstood.push(unmask(part, masked.quotes));
      unsure.push(...(match?.ask ?? []));
      continue;
    }
    topic = match.topic;
    read.push({ clause: clause.text, ops: match.ops });
    plan.notes.push(...(match.notes ?? []));
    if (match.ops.some((op) => op.type === 'addMusic')) ctx = { ...ctx, hasMusic: true };
    if (match.ops.some((op) => op.type === 'addText')) ctx = { ...ctx, hasText: true };
  }
  plan.operations = mergeOperations(mergeDefaultTitle(read, plan, ctx));
  if (plan.notUnderstood.length > 0 || plan.operations.length === 0) {
    plan.suggestions = closestSuggestions(unsure, plan.notUnderstood.length > 0 ? plan.notUnderstood : [message], masked, ctx);
  }
  return plan;
}
