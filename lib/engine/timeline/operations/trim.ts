// Trimming by output time: the first or last seconds, a range cut out, or only a range kept.
import { timelineDuration } from '../duration';
import type { Timeline } from '../schema';
import { cutOutputRanges } from './cutOutputRanges';
import type { EditOperationOf } from './editOperation';
import { OperationError, secondsText, type OperationContext, type OperationResult } from './operationContext';

function requireVideo(timeline: Timeline): number {
  const duration = timelineDuration(timeline);
  if (duration <= 0) throw new OperationError('There is no video to trim yet: upload a clip first.');
  return duration;
}

function checkLeft(duration: number, removedSeconds: number) {
  if (removedSeconds >= duration - 0.1) {
    throw new OperationError(`That would remove the whole video (it is ${secondsText(duration)} long).`);
  }
}

export function trimStart(timeline: Timeline, op: EditOperationOf<'trimStart'>, ctx: OperationContext): OperationResult {
  const duration = requireVideo(timeline);
  checkLeft(duration, op.seconds);
  return { timeline: cutOutputRanges(timeline, [[0, op.seconds]], ctx.newId), said: `Trimmed the first ${secondsText(op.seconds)}.` };
}

export function trimEnd(timeline: Timeline, op: EditOperationOf<'trimEnd'>, ctx: OperationContext): OperationResult {
  const duration = requireVideo(timeline);
  checkLeft(duration, op.seconds);
  return {
    timeline: cutOutputRanges(timeline, [[duration - op.seconds, duration]], ctx.newId),
    said: `Trimmed the last ${secondsText(op.seconds)}.`,
  };
}

function orderedRange(duration: number, a: number, b: number): [number, number] {
  const start = Math.min(a, b);
  const end = Math.min(Math.max(a, b), duration);
  if (start >= duration) throw new OperationError(`The video is only ${secondsText(duration)} long, so ${secondsText(start)} is past its end.`);
  if (end - start <= 0) throw new OperationError('That range is empty: say a start and an end time, like "from 10 to 15 s".');
  return [start, end];
}

export function cutRange(timeline: Timeline, op: EditOperationOf<'cutRange'>, ctx: OperationContext): OperationResult {
  const duration = requireVideo(timeline);
  const [start, end] = orderedRange(duration, op.startSeconds, op.endSeconds);
  checkLeft(duration, end - start);
  return { timeline: cutOutputRanges(timeline, [[start, end]], ctx.newId), said: `Cut out ${secondsText(start)}–${secondsText(end)}.` };
}

export function keepRange(timeline: Timeline, op: EditOperationOf<'keepRange'>, ctx: OperationContext): OperationResult {
  const duration = requireVideo(timeline);
  const [start, end] = orderedRange(duration, op.startSeconds, op.endSeconds);
  return {
    timeline: cutOutputRanges(timeline, [[0, start], [end, duration]], ctx.newId),
    said: `Kept only ${secondsText(start)}–${secondsText(end)}.`,
  };
}
