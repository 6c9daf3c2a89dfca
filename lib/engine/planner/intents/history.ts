// Undo and redo in words.
import type { Intent } from './intent';

export const historyIntent: Intent = (clause) => {
  const t = clause.text;
  if (/\bredo\b|\bre-do\b|重做|恢复刚才/.test(t)) return { ops: [{ type: 'redo' }], topic: 'change' };
  if (/\bundo\b|\bun-do\b|\brevert\b|take (that|it) back|go back|put it back|never ?mind|撤销|撤回|还原|回退|返回上一步/.test(t)) {
    return { ops: [{ type: 'undo' }], topic: 'change' };
  }
  return null;
};
