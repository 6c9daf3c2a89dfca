// Cutting and arranging: trim the ends or a range, keep a range, split at a time, move/swap and delete clips.
import { findClipRefs } from '../parameters/clipRefs';
import { findClockTimes, findDurations, findEdgeSeconds, findRange } from '../parameters/numbers';
import { phrasePattern } from '../parameters/phrasePattern';
import type { ClipRef, EditOperation } from '@/lib/engine/timeline/operations/editOperation';
import { REMOVE_WORDS, type Intent, type PlanContext } from './intent';

const CUT_WORDS = phrasePattern('cut');
const KEEP_WORDS = /\b(keep only|only keep|just keep|keep just|use only|only use|just the part|just use)\b|^keep\b|\bkeep (?:from|between|\d|the part|the bit|the section)|只保留|只要|保留/;

function videoNames(ctx: PlanContext) {
  return ctx.uploads.filter((u) => u.kind !== 'audio').map((u) => u.name);
}

export const trimIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  // "only the first 30 seconds" / "just keep the last 10 s": the rest goes.
  const only = /\b(?:only|just)\b(?:\s+keep)?\s+(?:the\s+)?(first|last)\s/.test(t) ? findEdgeSeconds(t) : undefined;
  if (only && (only.edge === 'start' || ctx.videoSeconds)) {
    const [a, b] = only.edge === 'start' ? [0, only.seconds] : [Math.max(0, ctx.videoSeconds! - only.seconds), ctx.videoSeconds!];
    return { ops: [{ type: 'keepRange', startSeconds: a, endSeconds: b }], topic: 'video' };
  }
  const range = findRange(t);
  if (range && KEEP_WORDS.test(t)) return { ops: [{ type: 'keepRange', startSeconds: range[0], endSeconds: range[1] }], topic: 'video' };
  if (!CUT_WORDS.test(t)) return null;
  if (range) return { ops: [{ type: 'cutRange', startSeconds: range[0], endSeconds: range[1] }], topic: 'video' };
  // "the first and last 2 seconds": both ends, the same length.
  const both = /\b(?:first|beginning|start)\s+(?:and|&)\s+(?:the\s+)?(?:last|end)\s+(.+)$/.exec(t);
  const bothSeconds = both ? findEdgeSeconds(`last ${both[1]}`)?.seconds : undefined;
  if (bothSeconds) return { ops: [{ type: 'trimStart', seconds: bothSeconds }, { type: 'trimEnd', seconds: bothSeconds }], topic: 'video' };
  // "the first 5 s and the last 5 s" asks for both ends.
  const edges = t.split(/\s+(?:and|&|plus)\s+|和|以及/).map(findEdgeSeconds).filter((e) => e !== undefined);
  const ends = [...new Map(edges.map((e) => [e.edge, e])).values()];
  if (ends.length === 0) return null;
  return { ops: ends.map((e): EditOperation => ({ type: e.edge === 'start' ? 'trimStart' : 'trimEnd', seconds: e.seconds })), topic: 'video' };
};

export const splitIntent: Intent = (clause) => {
  const t = clause.text;
  const splitWord = /\bsplit\b|\b(cut|chop|break) (it |the (clip|video) )?(at|in two|into two|in half)\b|\bbreak (it )?at\b|分割|拆分|切开|切成两段|一分为二/.test(t);
  if (!splitWord) return null;
  const at = findClockTimes(t)[0] ?? findDurations(t)[0] ?? (/(\d+(?:\.\d+)?)/.exec(t) ? Number(/(\d+(?:\.\d+)?)/.exec(t)![1]) : undefined);
  if (at === undefined) return null;
  return { ops: [{ type: 'split', atSeconds: at }], topic: 'video' };
};

function target(t: string): 'start' | 'end' | number | undefined {
  const pos = /\bto (?:position|spot|slot|place)\s*(\d+)\b/.exec(t);
  if (pos) return Number(pos[1]);
  if (/\b(first|to the (start|beginning|front)|at the (start|beginning|front)|in front|before everything|open with|lead with)\b|最前|开头|前面|第一个?位/.test(t)) return 'start';
  if (/\b(last|to the end|at the end|to the back|after everything)\b|最后|末尾|结尾/.test(t)) return 'end';
  return undefined;
}

export const moveIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  if (!/\b(move|put|place|swap|switch|reorder|rearrange|reverse|flip|order|start with|open with|lead with|begin with|end with|go|goes|come|comes)\b|调换|交换|互换|移到|放到|挪到|调到|放在|换一下顺序|换一下位置|换位置/.test(t)) return null;
  const names = videoNames(ctx);
  if (/\b(swap|switch|exchange|reverse|flip)\b|调换|交换|互换|换一下顺序|换一下位置|换位置/.test(t)) {
    const refs = findClipRefs(t, names);
    const positions = refs.map((r) => (r.name ? names.indexOf(r.name) + 1 : r.position === -1 ? names.length : r.position!)).filter((p) => p > 0);
    const [a, b] = positions.length >= 2 ? [Math.min(positions[0], positions[1]), Math.max(positions[0], positions[1])] : [1, 2];
    // A swap is two moves: the later clip to the earlier place, then the earlier one (now one further on) to the later place.
    const ops: EditOperation[] = [
      { type: 'moveClip', clip: { position: b }, to: a },
      { type: 'moveClip', clip: { position: a + 1 }, to: b },
    ];
    return { ops, topic: 'clips' };
  }
  // "start with b.mp4" / "end with a.mp4"
  let refs = findClipRefs(t.replace(/\b(first|last)\s*$/, ''), names);
  if (refs.length === 0 && /\b(first|last)\b/.test(t)) refs = findClipRefs(t, names);
  const clip: ClipRef | undefined = refs[0];
  if (!clip) return null;
  let to = /\b(start|open|lead|begin) with\b/.test(t) ? 'start' : /\bend with\b/.test(t) ? 'end' : target(t.replace(/\b(first|second|third|last)\s+(clip|video|segment|part|shot|scene|one)s?\b/g, ''));
  const before = /\bbefore (?:the )?(?:clip\s*)?(\d+|first|second|third)/.exec(t);
  if (to === undefined && before) to = Number(before[1]) || ({ first: 1, second: 2, third: 3 } as Record<string, number>)[before[1]];
  if (to === undefined) return null;
  return { ops: [{ type: 'moveClip', clip, to }], topic: 'clips' };
};

export const deleteClipIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  if (!REMOVE_WORDS.test(t) && !/\b(cut|trim)\b/.test(t)) return null;
  const refs = findClipRefs(t, videoNames(ctx));
  if (refs.length === 0) return null;
  // Later positions first, so deleting one does not shift the next.
  const ordered = [...refs].sort((a, b) => (b.position ?? 0) - (a.position ?? 0));
  return { ops: ordered.map((clip): EditOperation => ({ type: 'deleteClip', clip })), topic: 'clips' };
};
