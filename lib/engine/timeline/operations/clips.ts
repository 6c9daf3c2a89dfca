// Clip-level edits on the main track: split at a time, move (reorder) and delete.
import { segmentPlacements } from '../duration';
import type { Timeline } from '../schema';
import { describeClip, resolveClip } from './clipRefs';
import type { EditOperationOf } from './editOperation';
import { OperationError, secondsText, type OperationContext, type OperationResult } from './operationContext';

export function split(timeline: Timeline, op: EditOperationOf<'split'>, ctx: OperationContext): OperationResult {
  const placed = segmentPlacements(timeline).find((p) => op.atSeconds > p.start + 0.05 && op.atSeconds < p.end - 0.05);
  if (!placed) throw new OperationError(`There is no clip running at ${secondsText(op.atSeconds)} to split (a split needs a time inside a clip).`);
  const { segment, start } = placed;
  const cut = segment.in + (op.atSeconds - start) * segment.speed;
  const video = timeline.video.flatMap((s) => (s === segment ? [{ ...s, out: cut }, { ...s, id: ctx.newId(), in: cut }] : [s]));
  return { timeline: { ...timeline, video }, said: `Split the clip at ${secondsText(op.atSeconds)}.` };
}

export function moveClip(timeline: Timeline, op: EditOperationOf<'moveClip'>, ctx: OperationContext): OperationResult {
  const indexes = resolveClip(timeline, op.clip, ctx);
  const moving = indexes.map((i) => timeline.video[i]);
  const rest = timeline.video.filter((_, i) => !indexes.includes(i));
  const at = op.to === 'start' ? 0 : op.to === 'end' ? rest.length : Math.min(Math.max(op.to - 1, 0), rest.length);
  const video = [...rest.slice(0, at), ...moving, ...rest.slice(at)];
  const where = op.to === 'start' ? 'to the start' : op.to === 'end' ? 'to the end' : `to position ${op.to}`;
  if (video.every((s, i) => s === timeline.video[i])) {
    return { timeline, said: `${describeClip(op.clip)} is already ${where === 'to the start' ? 'first' : where === 'to the end' ? 'last' : `at position ${op.to}`}.` };
  }
  return { timeline: { ...timeline, video }, said: `Moved ${describeClip(op.clip)} ${where}.` };
}

export function deleteClip(timeline: Timeline, op: EditOperationOf<'deleteClip'>, ctx: OperationContext): OperationResult {
  const indexes = resolveClip(timeline, op.clip, ctx);
  if (indexes.length === timeline.video.length) {
    throw new OperationError(`${describeClip(op.clip)} is all there is on the timeline; deleting it would leave nothing to export.`);
  }
  const video = timeline.video.filter((_, i) => !indexes.includes(i));
  return { timeline: { ...timeline, video }, said: `Deleted ${describeClip(op.clip)}.` };
}
