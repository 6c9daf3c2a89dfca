// Playback speed (whole video or one clip) and fades from/to black at the ends.
import type { Timeline } from '../schema';
import { describeClip, resolveClip } from './clipRefs';
import type { EditOperationOf } from './editOperation';
import { secondsText, type OperationContext, type OperationResult } from './operationContext';

const factorText = (f: number) => `${Math.round(f * 100) / 100}x`;

export function setSpeed(timeline: Timeline, op: EditOperationOf<'setSpeed'>, ctx: OperationContext): OperationResult {
  const indexes = op.clip ? resolveClip(timeline, op.clip, ctx) : timeline.video.map((_, i) => i);
  // Speed multiplies, so "2x" after "2x" is 4x; texts keep their output times.
  const video = timeline.video.map((s, i) => (indexes.includes(i) ? { ...s, speed: Math.min(16, Math.max(0.1, s.speed * op.factor)) } : s));
  const what = op.clip ? describeClip(op.clip) : 'the video';
  const how = op.factor > 1 ? 'Sped up' : 'Slowed down';
  return { timeline: { ...timeline, video }, said: `${how} ${what} to ${factorText(op.factor)}.` };
}

export function fadeIn(timeline: Timeline, op: EditOperationOf<'fadeIn'>): OperationResult {
  return { timeline: { ...timeline, fadeInSeconds: op.seconds }, said: op.seconds === 0 ? 'Removed the fade-in.' : `Added a ${secondsText(op.seconds)} fade-in from black.` };
}

export function fadeOut(timeline: Timeline, op: EditOperationOf<'fadeOut'>): OperationResult {
  return { timeline: { ...timeline, fadeOutSeconds: op.seconds }, said: op.seconds === 0 ? 'Removed the fade-out.' : `Added a ${secondsText(op.seconds)} fade-out to black.` };
}
