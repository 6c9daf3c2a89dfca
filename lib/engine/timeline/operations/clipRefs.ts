// Finds the main-track segments a clip reference means: by file name (all its pieces) or by position.
import type { Timeline } from '../schema';
import type { ClipRef } from './editOperation';
import { OperationError, type OperationContext } from './operationContext';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function describeClip(ref: ClipRef): string {
  if (ref.name) return ref.name;
  if (ref.position === -1) return 'the last clip';
  return `the ${ORDINALS[(ref.position ?? 1) - 1] ?? `#${ref.position}`} clip`;
}

const baseName = (name: string) => name.toLowerCase().replace(/\.[a-z0-9]+$/, '');

/** Indexes into timeline.video, in order. */
export function resolveClip(timeline: Timeline, ref: ClipRef, ctx: OperationContext): number[] {
  const count = timeline.video.length;
  if (count === 0) throw new OperationError('There are no clips on the timeline yet: upload one first.');
  if (ref.name) {
    const wanted = ref.name.toLowerCase();
    const matches = ctx.media.filter((m) => m.name.toLowerCase() === wanted || baseName(m.name) === baseName(wanted));
    const ids = new Set(matches.map((m) => m.id));
    const indexes = timeline.video.flatMap((s, i) => (ids.has(s.sourceId) ? [i] : []));
    if (indexes.length === 0) {
      const names = [...new Set(timeline.video.map((s) => ctx.media.find((m) => m.id === s.sourceId)?.name).filter(Boolean))];
      throw new OperationError(`There is no clip called ${ref.name} on the timeline (it has ${names.join(', ')}).`);
    }
    return indexes;
  }
  const position = ref.position === -1 ? count : (ref.position ?? 1);
  if (position < 1 || position > count) {
    throw new OperationError(`There ${count === 1 ? 'is only 1 clip' : `are only ${count} clips`} on the timeline, so there is no ${describeClip(ref).replace(/^the /, '')}.`);
  }
  return [position - 1];
}
