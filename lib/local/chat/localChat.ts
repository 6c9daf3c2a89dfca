// One local chat turn after routing: plan the words, run undo/redo, apply the edits as ONE new version, reply in plain words, send the timeline.
import 'server-only';
import { nanoid } from 'nanoid';
import type { ChatEvent } from '@/lib/api/schemas';
import type { BackendContext } from '@/lib/backend/types';
import { MUSIC_LIBRARY } from '@/lib/engine/music/library';
import { viewOfHead } from '@/lib/local/timeline/projectTimeline';
import type { Store, TimelineHead } from '@/lib/store/types';
import { applyPlan } from '@/lib/engine/planner/applyPlan';
import { loadCaptionCandidates } from '@/lib/engine/planner/loadCaptions';
import { operationContextOf, planContextOf, readsAnalyses } from '@/lib/engine/planner/planContext';
import { replySentences } from '@/lib/engine/planner/replyText';
import { splitPlanSteps } from '@/lib/engine/planner/planStep';
import type { LocalDeps } from '@/lib/local/localDeps';
import type { EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import { runHistory } from './runHistory';

async function baseFor(store: Store, projectId: string, head: TimelineHead, firstOp: EditOperationKind | undefined): Promise<TimelineHead> {
  // Re-running the pause cut right after one ("leave more room") redoes it from the uncut timeline with the new settings.
  if (firstOp !== 'removePauses' || head.current.operations[0] !== 'removePauses' || head.current.parentVersion === null) return head;
  const parent = await store.getTimelineVersion(projectId, head.current.parentVersion);
  return parent ? { ...head, current: { ...head.current, timeline: parent.timeline } } : head;
}

export async function* runLocalChat(deps: LocalDeps, ctx: BackendContext, message: string, signal: AbortSignal): AsyncIterable<ChatEvent> {
  const { store } = deps;
  const projectId = ctx.project.id;
  let [head, media] = await Promise.all([store.getTimelineHead(projectId), store.listMediaSummaries(projectId)]);
  const planContext = planContextOf(head.current.timeline, media, ctx.project.title, head.current.operations);
  const plan = await deps.planner(message, planContext, signal);
  signal.throwIfAborted();

  const { commands, edits } = splitPlanSteps(plan.operations);
  const history = await runHistory(store, projectId, commands);
  if (history.head) head = history.head;

  const captionsWanted = edits.find((op) => op.type === 'addCaptions');
  const captions = captionsWanted ? await loadCaptionCandidates(deps.tools(), media, captionsWanted.file, (m) => deps.blobs.localPath(deps.blobs.keyOf(m.path)), signal) : {};
  const base = await baseFor(store, projectId, head, edits[0]?.type);
  const analyses = readsAnalyses(edits) ? await store.listMediaAnalyses(projectId) : undefined;
  const opContext = operationContextOf(media, { music: MUSIC_LIBRARY, captions, analyses, defaultTitle: planContext.defaultTitle, newId: () => nanoid(10) });
  const applied = applyPlan(base.current.timeline, edits, opContext);
  // No edit ran on the head itself: nothing to compare (applyPlan hands the same timeline back).
  const changed = applied.timeline !== head.current.timeline && JSON.stringify(applied.timeline) !== JSON.stringify(head.current.timeline);

  signal.throwIfAborted();
  if (changed) {
    const label = applied.done.join(' ').slice(0, 500);
    const committed = await store.commitTimeline(projectId, applied.timeline, label, head.current.version, edits.map((op) => op.type));
    // A commit has a parent and clears the redo stack (Store.commitTimeline), so no second read is needed.
    head = { current: committed, canUndo: true, canRedo: false };
  }
  const sentences = replySentences({ ...plan, plannerNote: plan.plannerNote, history: history.said, done: applied.done, refused: applied.refused });
  for (const [i, sentence] of sentences.entries()) yield { type: 'text', delta: i === 0 ? sentence : ` ${sentence}` };
  if (plan.suggestions?.length) yield { type: 'suggestions', items: plan.suggestions.slice(0, 6) };
  if (changed || history.head) yield { type: 'timeline', timeline: await viewOfHead(store, projectId, head, media) };
}
