// One message never applies the same kind of change twice unless its words ask twice: restatements merge, repeats need "again".
import type { PlanStep } from '@/lib/engine/planner/planStep';

export interface ClauseOps {
  /** The clause as read (lower-cased). */
  clause: string;
  ops: PlanStep[];
}

/** Words that really ask for a second time. */
const AGAIN = /\b(again|another|once more|one more time|more|twice|as well)\b|再来|再一次|又/;
/** A number in the clause makes its settings explicit ("0.5x" beats the default of "slow-mo"). */
const EXPLICIT = /\d|\b(half|double|twice|one|two|three|four|five|ten)\b|[一二两三四五六七八九十半]|倍/;
/** A bare command word ("undo", "撤销") counts each time it is said; paraphrases ("forget it, go back") say it once. */
const LITERAL_HISTORY = /^(?:undo|un do|redo|re do|撤销|重做)(?:\s+(?:that|it|this|again|the last (?:one|change)))?$/;

/** Kinds that set a state: saying them twice still means once. Keyed by what they set. */
function stateKey(op: PlanStep): string | undefined {
  switch (op.type) {
    case 'removePauses':
    case 'setAspect':
    case 'setFit':
    case 'addMusic':
    case 'removeMusic':
    case 'fadeIn':
    case 'fadeOut':
    case 'addCaptions':
      return op.type;
    case 'setSpeed':
      return `setSpeed:${JSON.stringify(op.clip ?? null)}`;
    case 'setVolume':
      return `setVolume:${op.target}`;
    case 'editText':
      return `editText:${op.match ?? ''}`;
    case 'removeText':
      return `removeText:${op.which}:${op.match ?? ''}`;
    default:
      return undefined;
  }
}

function historyCount(groups: ClauseOps[], type: 'undo' | 'redo'): number {
  let literal = 0;
  let explicit = 0;
  for (const g of groups) {
    const n = g.ops.filter((op) => op.type === type).length;
    if (n === 0) continue;
    if (LITERAL_HISTORY.test(g.clause.trim()) || AGAIN.test(g.clause)) literal += n;
    else explicit = Math.max(explicit, n > 1 ? n : 0);
  }
  return Math.max(literal, explicit, 1);
}

export function mergeOperations(groups: ClauseOps[]): PlanStep[] {
  const out: PlanStep[] = [];
  const explicitAt = new Map<number, boolean>();
  const historyDone = new Set<string>();
  const seenGroups: string[] = [];
  for (const { clause, ops } of groups) {
    const again = AGAIN.test(clause);
    // A whole clause repeating an earlier one ("swap the clips, switch them around") is the same request.
    const groupKey = JSON.stringify(ops);
    if (!again && seenGroups.includes(groupKey) && ops.every((op) => op.type !== 'undo' && op.type !== 'redo')) continue;
    seenGroups.push(groupKey);
    for (const op of ops) {
      if (op.type === 'undo' || op.type === 'redo') {
        if (historyDone.has(op.type)) continue;
        historyDone.add(op.type);
        const count = historyCount(groups, op.type);
        for (let i = 0; i < count; i++) out.push(op);
        continue;
      }
      const key = stateKey(op);
      const at = key ? out.findIndex((prev) => stateKey(prev) === key) : -1;
      if (at >= 0) {
        const prev = out[at];
        const explicit = EXPLICIT.test(clause);
        // The explicit setting wins; between two explicit ones the later is the correction.
        out[at] = (explicit || !explicitAt.get(at) ? { ...prev, ...op } : { ...op, ...prev }) as PlanStep;
        explicitAt.set(at, explicitAt.get(at) || explicit);
        continue;
      }
      if (!key && !again && out.some((prev) => JSON.stringify(prev) === JSON.stringify(op))) continue;
      if (key) explicitAt.set(out.length, EXPLICIT.test(clause));
      out.push(op);
    }
  }
  return out;
}
