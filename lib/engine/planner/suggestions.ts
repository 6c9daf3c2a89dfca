// What the planner offers when it is unsure: requests it understands, picked by how close they are to the words, in the user's language.
import { phrasePattern } from './parameters/phrasePattern';
import type { MaskedText } from './parameters/quotes';
import type { PlanContext } from './intents/intent';

export interface Suggestion {
  id: string;
  /** The request in English and in Chinese; each must plan to an edit on its own (a unit test holds them to it). */
  say: string;
  zh: string;
  /** Words that make this the closest thing to what was asked. */
  cue: RegExp;
}

const cue = (extra: string, ...groups: Parameters<typeof phrasePattern>) =>
  new RegExp([extra, groups.length ? phrasePattern(...groups).source : ''].filter(Boolean).join('|'), 'iu');

export const SUGGESTION_CATALOGUE: Suggestion[] = [
  { id: 'pauses', say: 'Cut the pauses', zh: '剪掉停顿', cue: cue(String.raw`\b(shorter|short|tight\w*|boring|long|faster paced|pace|cut|trim|edit)\b|剪|短|快`, 'pauses') },
  { id: 'trimStart', say: 'Trim the first 2 seconds', zh: '剪掉前2秒', cue: /\b(start|beginning|intro|opening|front|head)\b|开头|前面|片头/i },
  { id: 'trimEnd', say: 'Trim the last 2 seconds', zh: '剪掉最后2秒', cue: /\b(end|ending|outro|tail|back)\b|结尾|最后|片尾/i },
  { id: 'music', say: 'Add background music', zh: '加背景音乐', cue: cue(String.raw`\b(sound|audio|vibe|mood|background)\b|声音|氛围`, 'music') },
  { id: 'musicDown', say: 'Turn the music down', zh: '音乐小声一点', cue: /\b(volume|down|quieter|softer|too loud)\b|小声|音量/i },
  { id: 'voiceUp', say: 'Turn my voice up', zh: '人声大一点', cue: cue(String.raw`\b(volume|hear|audio|up)\b|听不清|音量`, 'voice') },
  { id: 'title', say: 'Add a title', zh: '加标题', cue: cue(String.raw`\b(name|intro|heading|write|font)\b|名字|写`, 'text') },
  { id: 'vertical', say: 'Make it vertical', zh: '做成竖屏', cue: cue(String.raw`\b(rotate|turn|phone|mobile|format|frame|size|crop|zoom|flip)\b|旋转|尺寸|画面|裁剪`, 'vertical') },
  { id: 'square', say: 'Make it square', zh: '做成正方形', cue: cue(String.raw`\b(crop|frame|format|size)\b|裁剪|尺寸`, 'square') },
  { id: 'faster', say: 'Speed it up 1.5x', zh: '1.5倍速', cue: cue(String.raw`\b(speed|pace|quick|shorter)\b|速度|节奏`, 'faster') },
  { id: 'slower', say: 'Slow it down to half speed', zh: '慢放', cue: cue(String.raw`\b(speed|pace)\b|速度`, 'slower') },
  { id: 'fade', say: 'Fade in and out', zh: '开头淡入，结尾淡出', cue: /\b(transitions?|fades?|smooth\w*|dissolve|effects?|filters?|colou?rs?|look|pop|nicer|better|polish)\b|转场|过渡|特效|滤镜|好看|美化/i },
  { id: 'undo', say: 'Undo the last change', zh: '撤销', cue: cue(String.raw`\b(wrong|mistake|oops|back)\b|错了`, 'undo') },
];

const DEFAULTS = ['pauses', 'music', 'title', 'vertical'];
const CJK = /[\u4e00-\u9fff]/;

/** The requests with these ids, in the language the user wrote in. */
export function suggest(ids: string[], text: string): string[] {
  const zh = CJK.test(text);
  return ids.flatMap((id) => SUGGESTION_CATALOGUE.find((s) => s.id === id) ?? []).map((s) => (zh ? s.zh : s.say));
}

const capitalise = (s: string) => s.replace(/^[a-z]/, (c) => c.toUpperCase());

/** The readings of "A or B" (and "A还是B"): the clause once with each alternative. */
export function alternativesIn(text: string): string[] {
  const en = /(\S+)\s+or\s+(\S+)/i.exec(text);
  if (en) return [text.replace(en[0], en[1]), text.replace(en[0], en[2])].map((t) => capitalise(t.trim()));
  const zh = /^(.*?)(?:还是|或者|或是)(.*)$/.exec(text);
  if (!zh) return [];
  const [left, right] = [zh[1].trim(), zh[2].replace(/[?？吗呢]+$/, '').trim()];
  const verb = left.length > right.length ? left.slice(0, left.length - right.length) : '';
  return [left, `${verb}${right}`];
}

/** Words with no command in them and a capital letter look like the text of a title ("Grand Opening"). */
function looksLikeTitle(words: string): boolean {
  return words.length <= 60 && /[A-Z]/.test(words) && !/\b(add|make|put|cut|remove|trim|use|change|turn|set|delete|can|please|what|how|why)\b/i.test(words);
}

export function closestSuggestions(asked: string[], unclear: string[], masked: MaskedText, ctx: PlanContext): string[] {
  const text = unclear.join(' ');
  const out = [...asked];
  const plain = masked.quotes.length === 0 ? unclear.find(looksLikeTitle) : undefined;
  if (plain) out.push(`Add a title "${plain.trim()}"`);
  const audio = ctx.uploads.find((u) => u.kind === 'audio');
  if (audio && (phrasePattern('music').test(text) || text.includes(audio.name.replace(/\.\w+$/, '')))) out.push(`Use ${audio.name} as background music`);
  if (out.length === 0) {
    const scored = SUGGESTION_CATALOGUE.map((s) => ({ s, score: [...text.matchAll(new RegExp(s.cue.source, 'giu'))].length })).filter((x) => x.score > 0);
    scored.sort((a, b) => b.score - a.score);
    out.push(...suggest(scored.slice(0, 3).map((x) => x.s.id), text));
  }
  if (out.length < 2) out.push(...suggest(DEFAULTS, text).filter((s) => !out.includes(s)).slice(0, 3 - out.length));
  return [...new Set(out)].slice(0, 4);
}
