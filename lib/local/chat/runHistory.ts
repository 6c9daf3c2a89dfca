// Runs a plan's undo/redo operations against the stored history, in order, before any edit.
import 'server-only';
import type { EditOperation } from '@/lib/engine/timeline/operations/editOperation';
import type { Store, TimelineHead } from '@/lib/store/types';

/** "removePauses+addMusic: Cut 9 pauses…" -> "Cut 9 pauses…" */
const what = (label: string) => label.replace(/^[\w+]+: /, '').replace(/[.\s]+$/, '').trim();

export async function runHistory(store: Store, projectId: string, operations: EditOperation[]): Promise<{ head: TimelineHead | null; said: string[] }> {
  let head: TimelineHead | null = null;
  const said: string[] = [];
  for (const op of operations) {
    if (op.type !== 'undo' && op.type !== 'redo') continue;
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
