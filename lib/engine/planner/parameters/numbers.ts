// Numbers, durations, times, percentages and ranges in English and Chinese words.

const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, half: 0.5, 'a half': 0.5,
  'half a': 0.5, 'a couple of': 2, 'a couple': 2, 'a few': 3, couple: 2, few: 3,
};
const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 .. 九十九 (enough for seconds and percentages). */
export function chineseNumber(text: string): number | undefined {
  if (!/^[零一二两三四五六七八九十半]+$/.test(text)) return undefined;
  if (text === '半') return 0.5;
  if (!text.includes('十')) return text.length === 1 ? CN_DIGITS[text] : undefined;
  const [tens, ones] = text.split('十');
  return (tens ? (CN_DIGITS[tens] ?? NaN) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? NaN) : 0);
}

const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+|[零一二两三四五六七八九十半]+|half an?|a half|half|a couple of|a couple|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty)`;
const UNIT = String.raw`(ms|milliseconds?|毫秒|s|secs?|seconds?|秒钟?|min|mins|minutes?|分钟)`;

export function toNumber(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(t)) return Number(t);
  if (t in WORD_NUMBERS) return WORD_NUMBERS[t];
  if (/^half an?$/.test(t)) return 0.5;
  return chineseNumber(t);
}

function unitSeconds(value: number, unit: string): number {
  if (/^(ms|milli|毫)/.test(unit)) return value / 1000;
  if (/^(min|分)/.test(unit)) return value * 60;
  return value;
}

const DURATION = new RegExp(String.raw`(?<![\w.])${NUM}\s*-?\s*${UNIT}(?![a-z])`, 'giu');

/** Every duration ("1.5 s", "500ms", "two seconds", "half a second", "3秒"), in seconds, in order. */
export function findDurations(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(DURATION)) {
    const n = toNumber(m[1]);
    if (n !== undefined && Number.isFinite(n)) out.push(unitSeconds(n, m[2].toLowerCase()));
  }
  // "a second" / "a sec" without a number word in front.
  if (out.length === 0 && /\b(a|one) (second|sec)\b/.test(text)) out.push(1);
  return out;
}

export const findSeconds = (text: string): number | undefined => findDurations(text)[0];

/** Clock times like 1:30 or 0:05.5, in seconds. */
export function findClockTimes(text: string): number[] {
  return [...text.matchAll(/(?<![\d:])(\d{1,2}):(\d{2}(?:\.\d+)?)(?![\d:])/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
}

/** A percentage as a fraction: "20%", "20 percent", "百分之二十". */
export function findPercent(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(%|％|percent|per cent|pct)/i.exec(text);
  if (m) return Number(m[1]) / 100;
  const cn = /百分之([零一二两三四五六七八九十\d]+)/.exec(text);
  if (cn) {
    const n = toNumber(cn[1]);
    if (n !== undefined) return n / 100;
  }
  return undefined;
}

/** A time range: "from 10 to 15 s", "10-15s", "5s–9s", "between 0:10 and 0:20", "从10秒到15秒", "5到9秒", "第5秒到第9秒". */
export function findRange(text: string): [number, number] | undefined {
  const time = String.raw`(\d{1,2}:\d{2}(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?|秒)?`;
  const cnTime = String.raw`(\d{1,2}:\d{2}(?:\.\d+)?|\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)\s*(?:秒钟?|s)?`;
  const patterns = [
    new RegExp(String.raw`(?:from|between)\s+(?:second\s+)?${time}\s*(?:to|and|until|till|through|-|–|—)\s*(?:second\s+)?${time}`, 'i'),
    new RegExp(String.raw`(?<![\d.:])${time}\s*(?:-|–|—|to|until|till|through)\s*${time}(?=\s*(?:s\b|secs?\b|seconds?\b|秒|$|\s|,|\.|[\u4e00-\u9fff]))`, 'i'),
    new RegExp(String.raw`从\s*第?\s*${cnTime}\s*(?:[\u4e00-\u9fff]{0,3}?)(?:到|至|-|–|~)\s*第?\s*${cnTime}`),
    new RegExp(String.raw`(?<![\d.:])第?\s*${cnTime}\s*(?:到|至|~)\s*第?\s*${cnTime}(?=\s*(?:秒|处|之间|的|$|[\u4e00-\u9fff]|\s))`),
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (!m) continue;
    const a = parseTime(m[1]);
    const b = parseTime(m[2]);
    if (a !== undefined && b !== undefined && b > a) return [a, b];
  }
  return undefined;
}

function parseTime(token: string): number | undefined {
  const clock = /^(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(token);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const n = /^[\d.]+$/.test(token) ? Number(token) : chineseNumber(token);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** "the first 5 seconds", "the last 3 s", "前5秒", "最后3秒", "5 seconds off the start". */
export function findEdgeSeconds(text: string): { edge: 'start' | 'end'; seconds: number } | undefined {
  const en = new RegExp(String.raw`\b(first|opening|beginning|start|last|final|ending|end)\s+(?:${NUM}\s*)?${UNIT}`, 'iu').exec(text);
  if (en) {
    const value = en[2] ? toNumber(en[2]) : 1;
    if (value !== undefined) return { edge: /first|opening|beginning|start/i.test(en[1]) ? 'start' : 'end', seconds: unitSeconds(value, en[3].toLowerCase()) };
  }
  const off = /\b(start|beginning|front|head|end|ending|tail|back)\b/i.exec(text);
  const seconds = findSeconds(text);
  if (off && seconds !== undefined && /\b(off|from|at|of)\b/i.test(text)) {
    return { edge: /start|beginning|front|head/i.test(off[1]) ? 'start' : 'end', seconds };
  }
  const cn = /(前|开头|开始|后|最后|结尾|末尾)\s*的?\s*([\d.]+|[零一二两三四五六七八九十半]+)\s*(秒|毫秒|分钟)/.exec(text);
  if (cn) {
    const value = toNumber(cn[2]);
    if (value !== undefined) return { edge: /前|开头|开始/.test(cn[1]) ? 'start' : 'end', seconds: unitSeconds(value, cn[3]) };
  }
  return undefined;
}
