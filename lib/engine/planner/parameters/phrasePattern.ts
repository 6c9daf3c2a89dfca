// Compiles the phrase lists of editingWords.ts into patterns: whole words, flexible spaces and hyphens, "*" for a few words.
import { EDITING_WORDS, type WordGroup } from './editingWords';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function englishPhrase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => (word === '*' ? String.raw`(?:\S+\s+){0,3}?` : escape(word).replace(/'/g, "['’]?")))
    .join(String.raw`[\s-]*`)
    .replace(/\(\?:\\S\+\\s\+\)\{0,3\}\?\[\\s-\]\*/g, String.raw`(?:\S+\s+){0,3}?`);
}

const cache = new Map<string, RegExp>();

/** A pattern matching any phrase of the groups, longest first, as whole words (Chinese phrases anywhere). */
export function phrasePattern(...groups: WordGroup[]): RegExp {
  const key = groups.join('+');
  const hit = cache.get(key);
  if (hit) return hit;
  const en = groups.flatMap((g) => EDITING_WORDS[g].en).sort((a, b) => b.length - a.length).map(englishPhrase);
  const zh = groups.flatMap((g) => EDITING_WORDS[g].zh).sort((a, b) => b.length - a.length).map(escape);
  // Latin letters and digits bound a word; Chinese characters do not ("改成9:16").
  const pattern = new RegExp(String.raw`(?<![\p{Script=Latin}\p{N}])(?:${en.join('|')})(?![\p{Script=Latin}\p{N}])${zh.length ? `|${zh.join('|')}` : ''}`, 'iu');
  cache.set(key, pattern);
  return pattern;
}

export const saysAny = (text: string, ...groups: WordGroup[]) => phrasePattern(...groups).test(text);

/** Every English word of the table, for spelling correction. */
export function vocabularyWords(): Set<string> {
  const words = new Set<string>();
  for (const group of Object.values(EDITING_WORDS)) for (const phrase of group.en) for (const w of phrase.split(' ')) if (/^[a-z]+$/.test(w)) words.add(w);
  return words;
}
