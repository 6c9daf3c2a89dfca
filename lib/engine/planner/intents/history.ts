// Undo and redo in words (phrases in editingWords.ts), with a count when one is said ("undo twice", "撤销两步").
import type { PlanStep } from '@/lib/engine/planner/planStep';
import { toNumber } from '../parameters/numbers';
import { phrasePattern } from '../parameters/phrasePattern';
import type { Intent } from './intent';

function count(t: string, type: 'undo' | 'redo'): number {
  if (/\btwice\b|两次|两步/.test(t)) return 2;
  // "undo undo" said in one breath is two.
  const said = type === 'undo' ? (t.match(/\bundo\b|撤销/g)?.length ?? 0) : 0;
  if (said > 1) return Math.min(said, 20);
  const n = /\b(\w+)\s+(?:times|steps|changes|edits)\b|(?:撤销|撤回|回退)\s*([一二两三四五六七八九十\d]+)\s*(?:步|次)/.exec(t);
  const value = n ? toNumber(n[1] ?? n[2]) : undefined;
  return value && Number.isInteger(value) && value >= 1 ? Math.min(value, 20) : 1;
}

export const historyIntent: Intent = (clause) => {
  const t = clause.text;
  const type = phrasePattern('redo').test(t) ? 'redo' : phrasePattern('undo').test(t) ? 'undo' : undefined;
  if (!type) return null;
  return { ops: Array.from({ length: count(t, type) }, (): PlanStep => ({ type })), topic: 'change' };
};
