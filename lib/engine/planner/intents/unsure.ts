// Tried last: clauses that name a kind of edit but not enough to do it ("cut the end", "split it", "crop it", "delete the clip").
// They get the closest requests as suggestions instead of a guess.
import { findClipRefs } from '../parameters/clipRefs';
import { phrasePattern } from '../parameters/phrasePattern';
import { suggest } from '../suggestions';
import type { Intent, IntentMatch, PlanContext } from './intent';

const ask = (items: string[]): IntentMatch => ({ ops: [], topic: '', ask: items });
const videoNames = (ctx: PlanContext) => ctx.uploads.filter((u) => u.kind !== 'audio' && u.kind !== 'subtitle').map((u) => u.name);

export const unsureIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  const zh = /[\u4e00-\u9fff]/.test(t);
  const clips = videoNames(ctx);
  if (/\b(delete|remove|drop|get rid of)\b.*\b(clip|video|shot|segment)\b|删(掉|除)?.*(片段|视频)/.test(t) && clips.length > 1 && findClipRefs(t, clips).length === 0) {
    return ask(clips.map((name) => (zh ? `删掉${name}` : `Delete ${name}`)));
  }
  if (/\bsplit\b|分割|拆分|切开/.test(t)) {
    const middle = Math.max(1, Math.round((ctx.videoSeconds ?? 20) / 2));
    return ask([zh ? `在${middle}秒处分割` : `Split at ${middle} s`]);
  }
  if (/\bcrop\b|裁剪|裁切/.test(t)) return ask(zh ? ['裁剪成竖屏', '裁剪成正方形'] : ['Crop it to vertical', 'Crop it to square']);
  if (/^(?:the )?speed$|^(?:change|adjust) (?:the )?speed$|速度|变速/.test(t.trim())) return ask(suggest(['faster', 'slower'], t));
  if (/\b(volume|turn (?:it )?(?:up|down)|turn down|turn up)\b|音量/.test(t) && ctx.hasMusic) {
    return ask(/\b(up|louder|raise)\b|大/.test(t) ? (zh ? ['音乐大声一点', '人声大一点'] : ['Turn the music up', 'Turn my voice up']) : suggest(['musicDown'], t).concat(zh ? ['人声小一点'] : ['Turn my voice down']));
  }
  if (phrasePattern('cut').test(t) || /\bshort(er|en)?\b|短一点|短些/.test(t)) {
    const start = /\b(start|beginning|intro|opening|front|head)\b|开头|前面/.test(t);
    const end = /\b(end|ending|outro|tail|back)\b|结尾|最后|后面/.test(t);
    return ask(suggest(start && !end ? ['trimStart', 'pauses'] : end && !start ? ['trimEnd', 'pauses'] : ['pauses', 'trimStart', 'trimEnd'], t));
  }
  return null;
};
