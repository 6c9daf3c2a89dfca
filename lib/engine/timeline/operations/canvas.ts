// Frame shape and fill: aspect ratios (locking the canvas) and how clips of another shape fill it.
import type { Timeline } from '../schema';
import { ASPECTS, type EditOperationOf } from './editOperation';
import type { OperationResult } from './operationContext';

const FIT_WORDS = { blur: 'a blurred background', crop: 'cropping to fill', bars: 'black bars' } as const;

export function setAspect(timeline: Timeline, op: EditOperationOf<'setAspect'>): OperationResult {
  const [width, height] = ASPECTS[op.aspect];
  const fit = op.fit ?? timeline.fit;
  return {
    timeline: { ...timeline, canvas: { ...timeline.canvas, width, height }, canvasLocked: true, fit },
    said: `Set the frame to ${op.aspect} (${width}x${height}), filling with ${FIT_WORDS[fit]}.`,
  };
}

export function setFit(timeline: Timeline, op: EditOperationOf<'setFit'>): OperationResult {
  return { timeline: { ...timeline, fit: op.fit }, said: `Clips of another shape now fill the frame with ${FIT_WORDS[op.fit]}.` };
}
