// The frame and the clock: aspect ratio and platforms, fill mode, speed, fades from and to black.
import { findClipRefs } from '../parameters/clipRefs';
import { findDurations, findPercent, toNumber } from '../parameters/numbers';
import { phrasePattern } from '../parameters/phrasePattern';
import { findAspect, findFit } from '../parameters/vocabulary';
import type { Intent } from './intent';

export const aspectIntent: Intent = (clause) => {
  const t = clause.text;
  const aspect = findAspect(t);
  const fit = findFit(t);
  if (aspect) return { ops: [{ type: 'setAspect', aspect, ...(fit ? { fit } : {}) }], topic: 'frame' };
  // "crop it" alone names no shape: the unsure intent asks which one.
  if (fit && /\b(fill|fit|background|bars?|letterbox|blur|edges|sides)\b|黑边|模糊|铺满|填满/.test(t)) return { ops: [{ type: 'setFit', fit }], topic: 'frame' };
  return null;
};

const SLOWER = phrasePattern('slower');
const FASTER = phrasePattern('faster');
const SPEED_WORDS = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*[x×倍]|\bspeed|\bslow(?:ed)? (?:it |this |the \w+ )?down\b|${SLOWER.source}|${FASTER.source}`, 'iu');

function factor(t: string): number | undefined {
  const x = /(\d+(?:\.\d+)?)\s*(?:[x×]|倍)/.exec(t);
  const slower = SLOWER.test(t) || /\bslow|减速|慢/.test(t);
  if (x) {
    const n = Number(x[1]);
    return slower && n > 1 ? 1 / n : n;
  }
  if (/\bhalf[- ]speed|half as fast|\bhalf\b|一半/.test(t)) return 0.5;
  if (/double speed|twice as fast|\bdouble\b|两倍/.test(t)) return 2;
  const times = /(\w+(?:\.\d+)?)\s+times\s+(faster|slower|as fast|speed)/.exec(t);
  if (times && toNumber(times[1]) !== undefined) return times[2] === 'slower' ? 1 / toNumber(times[1])! : toNumber(times[1]);
  const percent = findPercent(t);
  // "speed up to 200%" names the speed; "speed up by 20%" a change.
  if (percent !== undefined && /\b(to|at)\s+[\d.]+\s*(%|percent)/.test(t)) return percent;
  if (percent !== undefined) {
    if (/faster|quicker|speed up|up by/.test(t)) return 1 + percent;
    if (/slower|slow down|down by/.test(t)) return Math.max(0.1, 1 - percent);
    return percent;
  }
  const plain = /\bspeed\s*(?:to|of|at|=|:)?\s*(\d+(?:\.\d+)?)(?!\s*(?:%|s\b|sec))/.exec(t);
  if (plain && Number(plain[1]) > 0 && Number(plain[1]) <= 16) return Number(plain[1]);
  if (slower) return 0.5;
  if (FASTER.test(t) || /speed (it |this |the \w+ )?up/.test(t)) return 1.5;
  return undefined;
}

export const speedIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  if (!SPEED_WORDS.test(t)) return null;
  const f = factor(t);
  if (f === undefined) return null;
  const videos = ctx.uploads.filter((u) => u.kind !== 'audio').map((u) => u.name);
  const clip = findClipRefs(t, videos)[0];
  return { ops: [{ type: 'setSpeed', factor: Math.min(16, Math.max(0.1, f)), ...(clip ? { clip } : {}) }], topic: 'speed' };
};

export const fadeIntent: Intent = (clause) => {
  const t = clause.text;
  if (!/\bfade|淡入|淡出|渐显|渐隐|渐入|渐出/.test(t)) return null;
  const seconds = findDurations(t)[0] ?? 1;
  const wantsIn = /\bfade[- ]?(\w+ )?in\b|fade from black|淡入|渐显|渐入/.test(t);
  const wantsOut = /\bfade[- ]?(\w+ )?out\b|in and out|fade to black|淡出|渐隐|渐出/.test(t);
  const off = /\b(no|remove|without|delete)\b|去掉|取消/.test(t) ? 0 : seconds;
  if (!wantsIn && !wantsOut) return { ops: [{ type: 'fadeIn', seconds: off }, { type: 'fadeOut', seconds: off }], topic: 'fade' };
  return {
    ops: [...(wantsIn ? [{ type: 'fadeIn' as const, seconds: off }] : []), ...(wantsOut ? [{ type: 'fadeOut' as const, seconds: off }] : [])],
    topic: 'fade',
  };
};
