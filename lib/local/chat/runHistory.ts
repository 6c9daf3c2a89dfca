// Runs a plan's undo/redo operations against the stored history, in order, before any edit.
import 'server-only';
import type { HistoryCommand } from '@/lib/engine/planner/planStep';
import type { Store, TimelineHead } from '@/lib/store/types';

/** "Cut 9 pauses." -> "Cut 9 pauses" (quoted inside a sentence). */
const what = (label: string) => label.replace(/[.\s]+$/, '').trim();

export async function runHistory(store: Store, projectId: string, commands: HistoryCommand[]): Promise<{ head: TimelineHead | null; said: string[] }> {
  let head: TimelineHead | null = null;
  const said: string[] = [];
  for (const op of commands) {
    const before = op.type === 'undo' ? (head ?? (await store.getTimelineHead(projectId))).current.label : '';
    const next = op.type === 'undo' ? await store.undo(projectId) : await store.redo(projectId);
    if (!next) {
      said.push(op.type === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
      continue;
    }
    head = next;
    said.push(op.type === 'undo' ? `Undid the last change${what(before) ? ` (${what(before)})` : ''}.` : `Redid the change (${what(next.current.label)}).`);
  }
  return { head, said };
}
