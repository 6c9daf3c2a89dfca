// Titles and text overlays (add, change, remove) and captions from an uploaded subtitle file.
import { findFileNames } from '../parameters/clipRefs';
import { findClockTimes, findRange, findSeconds } from '../parameters/numbers';
import { phrasePattern } from '../parameters/phrasePattern';
import type { EditOperationOf } from '@/lib/engine/timeline/operations/editOperation';
import type { TitleLook } from '@/lib/engine/timeline/schema';
import { LOOK_NAMES, otherLooksText, DEFAULT_TITLE_LOOK } from '@/lib/engine/timeline/titleLooks';
import { REMOVE_WORDS, type Intent } from './intent';

const TEXT_WORDS = phrasePattern('text');
const CAPTION_WORDS = /\b(captions|subtitles?|subs|closed captions|cc)\b|字幕|\.srt|\.vtt/;
const POSITION: [RegExp, 'top' | 'center' | 'bottom'][] = [
  [/\b(top|upper|above|up top|higher)\b|顶部|上方|上面|顶端/, 'top'],
  [/\b(bottom|lower|below|down low|base)\b|底部|下方|下面|底端/, 'bottom'],
  [/\b(middle|center|centre|centered|centred)\b|中间|中央|居中/, 'center'],
];
const SIZE: [RegExp, 'small' | 'medium' | 'large' | 'xlarge'][] = [
  [/\b(huge|giant|massive|enormous|very big|really big|extra large|xl)\b|超大|特大/, 'xlarge'],
  [/\b(tiny|small|little)\b|小号|小字/, 'small'],
  [/\b(medium|normal|regular)\b|中号/, 'medium'],
  [/\b(big|large)\b|大号|大字/, 'large'],
];
// Title styles by name: "lower-third style", "subtitle bar", "minimal title", "bold card".
const LOOK: [RegExp, TitleLook][] = [
  [/\blower[- ]?thirds?\b|下三分之一/, 'lower-third'],
  [/\b(subtitle|caption|text)[- ]?bar\b|\bbar style\b|字幕条/, 'subtitle-bar'],
  [/\b(minimal|minimalist|simple|clean|plain)\b|简约|简洁/, 'minimal'],
  [/\b(bold|centre|center|big)[- ]?card\b|\bcard\b|卡片/, 'card'],
];
const look = (t: string) => LOOK.find(([p]) => p.test(t))?.[1];
const EDIT_WORDS = /\b(bigger|larger|smaller|change|rename|replace|edit|move|make|longer|shorter|update|fix|instead|enlarge|shrink)\b|改成|改为|换成|放大|缩小|调大|调小|移到|挪到|修改/;

function position(t: string) {
  // "move the title up" / "push it down": a direction when something is moved.
  if (/\b(move|put|shift|push|bring)\b.*\bup\b/.test(t)) return 'top';
  if (/\b(move|put|shift|push|bring)\b.*\bdown\b/.test(t)) return 'bottom';
  return POSITION.find(([p]) => p.test(t))?.[1];
}
const size = (t: string) => SIZE.find(([p]) => p.test(t))?.[1];

function timing(t: string): Pick<EditOperationOf<'addText'>, 'startSeconds' | 'endSeconds' | 'durationSeconds' | 'anchor'> {
  const range = findRange(t);
  if (range) return { startSeconds: range[0], endSeconds: range[1] };
  const first = /\b(?:first|opening)\s+(\d+(?:\.\d+)?|\w+)\s*(?:s|secs?|seconds?)\b|前\s*([\d.]+|[一二两三四五六七八九十]+)\s*秒/.exec(t);
  if (first) return { startSeconds: 0, durationSeconds: findSeconds(first[0]) };
  const last = /\b(?:last|final)\s+(\d+(?:\.\d+)?|\w+)\s*(?:s|secs?|seconds?)\b|最后\s*([\d.]+|[一二两三四五六七八九十]+)\s*秒/.exec(t);
  if (last) return { anchor: 'end', durationSeconds: findSeconds(last[0]) };
  const out: ReturnType<typeof timing> = {};
  const at = /\b(?:at|from|starting at|starting from|after|beginning at)\s+(\d{1,2}:\d{2}(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)?\b|在\s*(\d{1,2}:\d{2}(?:\.\d+)?)|在\s*第?\s*(\d+(?:\.\d+)?)\s*秒|第?\s*(\d+(?:\.\d+)?)\s*秒(?:时|处|开始)/.exec(t);
  if (at) {
    const token = at[1] ?? at[2] ?? at[3] ?? at[4];
    out.startSeconds = token.includes(':') ? findClockTimes(token)[0] : Number(token);
  }
  const lasting = /\b(?:for|lasting|during)\s+([\w.]+\s*(?:s|secs?|seconds?))\b|持续\s*([\d.]+|[一二两三四五六七八九十]+)\s*秒/.exec(t);
  if (lasting) out.durationSeconds = findSeconds(lasting[0]);
  if (/\b(at|to|in) the (very )?(end|ending|outro)\b|\bat the end\b|\bending\b|结尾|最后|片尾/.test(t) && out.startSeconds === undefined) out.anchor = 'end';
  if (/\b(at the (very )?(start|beginning)|intro|opening)\b|开头|片头|一开始/.test(t) && out.startSeconds === undefined) out.startSeconds = 0;
  return out;
}

export const captionsIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  if (!CAPTION_WORDS.test(t) || clause.quotes.length > 0 || look(t) === 'subtitle-bar') return null;
  if (REMOVE_WORDS.test(t)) return { ops: [{ type: 'removeText', which: 'captions' }], topic: 'captions' };
  const subtitleUploads = ctx.uploads.map((u) => u.name);
  const file = findFileNames(t, subtitleUploads)[0];
  return { ops: [{ type: 'addCaptions', ...(file ? { file } : {}) }], topic: 'captions' };
};

export const textIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  const quoted = clause.quotes[0];
  // Everyday words ("keep it simple", "clean") name a style only beside a title word or "style".
  const named = look(t);
  const style = named && (TEXT_WORDS.test(t) || /\b(style|look)\b|样式|风格/.test(t) || named === 'lower-third' || named === 'subtitle-bar') ? named : undefined;
  const mentionsText = TEXT_WORDS.test(t) || style !== undefined;
  const writeVerb = /\b(add|put|write|show|display|overlay|insert|type|say|place)\b|加|添加|写|显示|放(?!大)/.test(t);
  if (!mentionsText && !(quoted && writeVerb)) return null;
  if (REMOVE_WORDS.test(t)) {
    const which = /\b(all|every|everything)\b|所有|全部/.test(t) ? (/\btitles\b/.test(t) ? 'titles' : 'all') : 'latest';
    return { ops: [{ type: 'removeText', which, ...(quoted ? { match: quoted } : {}) }], topic: 'title' };
  }
  // "put the title lower" with a title there already moves it.
  const restyle = ctx.hasText && !quoted && /\bthe (title|text|caption)\b/.test(t) && (position(t) || size(t)) && !/\b(add|new|another|write|insert|create|a title)\b/.test(t);
  const adding =
    /\b(add|put|write|overlay|insert|type|place|create|give|include|show|display|new)\b|\bmake (a|an|some)\b|加|添加|写|放(?!大)|打上/.test(t) &&
    !/\b(change|rename|replace|instead)\b|改成|改为|换成/.test(t);
  // "lower-third style" with a title already there restyles it; with none it adds one in that style.
  if ((!adding && (EDIT_WORDS.test(t) || (style && ctx.hasText))) || restyle) {
    const op: EditOperationOf<'editText'> = { type: 'editText' };
    if (style) op.look = style;
    const changeTo = /\b(to|into|say|says|read|reads)\s+⟦(\d+)⟧|(?:改成|改为|换成)\s*⟦(\d+)⟧/.exec(t);
    if (changeTo) op.text = clause.quotes[clause.quotes.length - 1];
    if (clause.quotes.length >= 2) op.match = clause.quotes[0];
    if (/\b(bigger|larger|enlarge|increase)\b|放大|调大|大一点|大些/.test(t)) op.size = 'bigger';
    else if (/\b(smaller|shrink|decrease)\b|缩小|调小|小一点|小些/.test(t)) op.size = 'smaller';
    else if (size(t)) op.size = size(t);
    const pos = position(t);
    // "lower third" names a style, not a place.
    if (pos && !(style === 'lower-third' && pos === 'bottom')) op.position = pos;
    const range = findRange(t);
    if (range) [op.startSeconds, op.endSeconds] = range;
    if (!op.text && quoted && clause.quotes.length === 1 && /\b(change|rename|replace|make)\b/.test(t)) op.text = quoted;
    // An edit that names nothing to change is not a text edit ("make it louder").
    if (Object.keys(op).length === 1) return null;
    return { ops: [op], topic: 'title' };
  }
  const kind = /\bcaption\b/.test(t) && quoted ? 'caption' : 'title';
  const op: EditOperationOf<'addText'> = { type: 'addText', text: quoted ?? ctx.defaultTitle, style: kind, ...timing(t) };
  if (style && kind === 'title') op.look = style;
  const pos = position(t);
  if (pos && !(style === 'lower-third' && pos === 'bottom')) op.position = pos;
  const sz = size(t);
  if (sz && !(style === 'card' && /\bbig[- ]?card\b/.test(t))) op.size = sz;
  const current = style ?? DEFAULT_TITLE_LOOK;
  const notes = quoted
    ? []
    : [`I used "${ctx.defaultTitle}" as the title (${LOOK_NAMES[current]}); say change the title to "Your words" to change it, or pick a style: ${otherLooksText(current)}.`];
  return { ops: [op], topic: 'title', notes };
};
