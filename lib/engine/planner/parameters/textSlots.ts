// Text given without quotes ("a title that says Grand Opening", "lower third: Jane Doe", "标题是周末vlog") is lifted out like a quote.
// The words run from the verb or colon up to a time or position phrase, the next command, or the end of the clause.
import { phrasePattern } from './phrasePattern';
import type { MaskedText } from './quotes';

const COMMAND = String.raw`(?:make|add|put|cut|remove|trim|speed|slow|turn|change|use|delete|move|swap|split|fade|export|throw|give|crop|mute|lower|raise|play|set|get|take|drop|undo|redo|then|also)\b`;
const POSITION = String.raw`(?:first|last|final|start|beginning|end|ending|top|bottom|middle|center|centre|intro|outro|opening|same time|\d)`;
/** Where unquoted words stop (a lookahead, tried at every character). */
const STOP = new RegExp(
  [
    // A comma ends the words only before another request ("Hi, title: Hi"); "John Smith, CEO" stays whole.
    String.raw`\s*[,，](?=\s*(?:${COMMAND}|and\b|then\b|also\b|please\b|pls\b|thanks\b|(?:a |an |the |some )?(?:title|text|caption|music|bgm|song|pauses?|silences?|vertical|square)\b|$)|\s*(?:加|去|删|剪|做|改|配|再|然后|并|放))`,
    String.raw`\s*[;!?。；！？\n]`,
    String.raw`\.(?:\s|$)`,
    String.raw`\s*⟦`,
    String.raw`\s+(?:from|between|starting|beginning|until|till|since)\s+(?:at\s+)?(?:second\s+)?\d`,
    String.raw`\s+(?:at|for|during|in|on|over|to|near|across)\s+(?:the\s+)?(?:very\s+)?${POSITION}`,
    String.raw`\s+\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)?\s*(?:-|–|to)\s*\d`,
    String.raw`\s+(?:and|then|&|\+|plus|n)\s+(?:also\s+)?${COMMAND}`,
    String.raw`\s+${COMMAND}(?!\s*(?:$|[,.;!?]))`,
    String.raw`\s+as\s+(?:the|a|an|my)\s+(?:title|text|caption|heading)`,
    String.raw`\s+(?:pls|plz|please|thanks|thx|thank you|for me|ok|okay)\s*$`,
    String.raw`\s*(?:然后|再|并且|同时|接着|最后|之后)`,
    String.raw`\s*(?:在|从)\s*(?:第\s*)?(?:\d|[一二两三四五六七八九十]+秒|开头|结尾|最后|片头|片尾)`,
    String.raw`\s*(?:前|最后)\s*[\d一二两三四五六七八九十]+\s*秒`,
  ].join('|'),
  'iu',
);

/** Words that cannot start a text: they continue the request ("add a title at the top", "overlay text titles"). */
const NOT_A_TEXT_START = new RegExp(
  String.raw`^(?:that|which|saying|says|say|reading|reads|with|at|from|on|in|for|to|and|or|please|pls|here|there|of|about|over|under|is|it|this|the|a|an|some|to|too|overlay|overlays|titles?|texts?|captions?|cards?|box|music|bgm|song|as|into|instead|bigger|smaller|larger|size|position|font|color|colour|lower|higher|up|down|left|right|back|away|first|last|center|centre|middle|top|bottom|again|more|less|bold|italic)\b`,
  'i',
);

const SAYS = String.raw`(?:(?:that|which|to)\s+)?(?:says|say|said|saying|reads|read|reading|goes)\s*:?\s+|with\s+the\s+(?:words?|text|caption|title)\s*:?\s+|(?:called|named|titled)\s+`;
const SHOW_NOUN = String.raw`(?:overlay|show|put|add|write|display|type|insert|place|pop|stick|slap)\s+(?:up\s+)?(?:(?:the|a|an|some|my)\s+)?(?:(?:big|small|huge|short|little|new|intro|outro)\s+)?(?:words?|text|title|caption|heading|headline|lower\s+third|label)\s+`;
const WRITE = String.raw`write\s+(?!(?:a|an|the|some|my|it|that|this|something|text|title)\b)`;
const CHANGE_TO = String.raw`(?:change|rename|switch|edit|update|set)\s+(?:the\s+|my\s+)?(?:title|text|caption|heading|words)\s+(?:to|into|as)\s+(?:say\s+|read\s+)?`;
const ZH = String.raw`(?<=(?:开头|结尾|最后|片头|片尾|秒|处|时))显示(?![：:\s到至]|文字)|(?:写着|写上|写成|叫做|内容是|内容为|标题是|标题为|文字是|文字为|显示文字|(?:标题|文字)\s*(?:改成|改为|换成))\s*[：:]?\s*|(?:标题|文字|一行字|字幕|字|显示|叫)\s*[：:]\s*|(?:标题|文字|显示|一行字)\s+|(?<=标题)叫(?!做)`;
/** "put Hello at the top": a capitalised word right after the verb is the text, unless it names something we edit. */
const CAPITALISED = String.raw`\b(?:put|show|display)\s+(?=\p{Lu})`;
const REQUEST_WORDS = phrasePattern('music', 'text', 'pauses', 'vertical', 'square', 'landscape', 'calm', 'upbeat', 'lofi', 'cinematic', 'happy', 'corporate');
const INTRO = new RegExp(`${SAYS}|${SHOW_NOUN}|${WRITE}|${CHANGE_TO}|${ZH}|${CAPITALISED}|(?<!\\d)\\s*[：:=]\\s*(?!\\d)`, 'giu');
const AS_TITLE = /\b(?:put|use|make|set|have)\s+(?!(?:it|this|that|the|a|an|some|my)\b)(.+?)\s+as\s+(?:the|a|an|my)\s+(?:title|text|caption|heading)\b/iu;

const TEXT_NOUN = phrasePattern('text');
const ONLY_SAYS = new RegExp(`^(?:${SAYS})$`, 'iu');
const SHOW_VERB = /\b(write|show|display|overlay|put|add|type)\b|写|显示|加/i;

/** The clause before `at`: from the last separator. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const cut = Math.max(...[...before.matchAll(/[,;!?，。；！？]|\.\s|\b(?:and|then)\b/giu)].map((m) => m.index! + m[0].length), 0);
  return before.slice(cut);
}

const STOP_HERE = new RegExp(STOP.source, 'iuy');

/** The words from `from` up to the first stop. */
function wordsUntilStop(text: string, from: number): string {
  for (let i = from; i < text.length; i++) {
    STOP_HERE.lastIndex = i;
    if (STOP_HERE.test(text)) return text.slice(from, i);
  }
  return text.slice(from);
}

function liftOne(masked: MaskedText, start: number, end: number, words: string): MaskedText {
  const quotes = [...masked.quotes, words];
  const text = `${masked.text.slice(0, start)} ⟦${quotes.length - 1}⟧ ${masked.text.slice(end)}`.replace(/\s+/g, ' ').trim();
  return { text, quotes };
}

const clean = (words: string) => words.trim().replace(/^["'“”‘’]+|["'“”‘’.!]+$/g, '').trim();

export function liftUnquotedText(masked: MaskedText): MaskedText {
  let current = masked;
  const asTitle = AS_TITLE.exec(current.text);
  if (asTitle && !asTitle[1].includes('⟦')) {
    const start = asTitle.index + asTitle[0].indexOf(asTitle[1]);
    current = liftOne(current, start, start + asTitle[1].length, clean(asTitle[1]));
  }
  let from = 0;
  // Each lift masks one slot; a message has only so many.
  for (let lifts = 0; lifts < 20; ) {
    INTRO.lastIndex = from;
    const m = INTRO.exec(current.text);
    if (!m) return current;
    const after = m.index + m[0].length;
    from = after > m.index ? after : m.index + 1;
    const isColon = /[：:=]\s*$/.test(m[0]) && !/[^\s：:=]/.test(m[0]);
    const before = clauseBefore(current.text, m.index);
    // A colon or "says" only introduces text in a request about text ("title: …", "a caption that reads …").
    if ((isColon || ONLY_SAYS.test(m[0])) && !TEXT_NOUN.test(before.toLowerCase()) && !SHOW_VERB.test(before)) continue;
    const rest = current.text.slice(after);
    // After a colon or "says" anything is text ("title: The Big Day"); after a verb and a noun, some words continue the request.
    if (rest.startsWith('⟦') || (!isColon && !ONLY_SAYS.test(m[0]) && NOT_A_TEXT_START.test(rest))) continue;
    // (The match ignores case, so the capital is checked here; a file name is a clip, not text.)
    const capitalised = /^(?:put|show|display)\s+$/i.test(m[0]);
    if (capitalised && (!/^\p{Lu}/u.test(rest) || /^\S+\.[a-z0-9]{2,4}\b/i.test(rest))) continue;
    if ((capitalised && REQUEST_WORDS.test(wordsUntilStop(current.text, after).toLowerCase()))) continue;
    const span = wordsUntilStop(current.text, after);
    const words = clean(span);
    if (!words || words.length > 200) continue;
    current = liftOne(current, after, after + span.length, words);
    from = 0;
    lifts++;
  }
  return current;
}
