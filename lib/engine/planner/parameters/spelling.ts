// Fixes near-misses of the editing words ("pauzes", "musci", "frist", "vertcal") before the intents read a clause.
import { vocabularyWords } from './phrasePattern';

/** Words outside the table that typos of it most often land on. */
const EXTRA_TARGETS = ['first', 'second', 'seconds', 'background', 'remove', 'delete', 'volume', 'vertical', 'horizontal', 'square', 'minutes', 'beginning', 'ending', 'music', 'pause', 'title', 'silence'];
/** Real words one letter away from a target: never "corrected". */
const LEAVE_ALONE = new Set(['cause', 'because', 'master', 'paused', 'pauses', 'titled', 'titles', 'secondly', 'squared', 'deleted', 'removed', 'minute', 'fifth', 'sounds', 'tracks', 'songs', 'beats', 'words', 'first', 'slowly', 'talking', 'thinking', 'louder', 'faster', 'slower', 'lower', 'quiet', 'quite', 'quit', 'story', 'stories', 'start', 'smart', 'strip', 'trip', 'track', 'reels', 'feels', 'steps', 'thank', 'thanks', 'think', 'there', 'these', 'those', 'where', 'which', 'while', 'white', 'write', 'video', 'audio', 'about', 'after', 'again', 'other', 'under', 'above', 'below', 'scene', 'scenes', 'since', 'still', 'spend', 'speed', 'space', 'spaces', 'place', 'plays', 'gives', 'lives', 'times', 'tiles', 'title', 'bring', 'being', 'thing', 'things', 'color', 'colors', 'clips', 'chips', 'calls', 'small', 'stall', 'label', 'level', 'novel', 'little', 'bottle', 'settle', 'middle', 'world', 'house', 'round', 'found', 'sound', 'listen', 'silent', 'phrase', 'passes', 'stores', 'store']);

function distance(a: string, b: string): number {
  // Damerau-Levenshtein (optimal string alignment): a swapped pair of letters counts as one slip.
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

let targets: string[] | undefined;

function correction(word: string): string | undefined {
  // Short table words sit one letter from everyday words ("store" / "story"), so only longer ones are targets.
  targets ??= [...new Set([...[...vocabularyWords()].filter((w) => w.length >= 6), ...EXTRA_TARGETS])];
  if (word.length < 5 || LEAVE_ALONE.has(word) || targets.includes(word)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: { target: string; d: number } | undefined;
  for (const target of targets) {
    if (Math.abs(target.length - word.length) > allowed) continue;
    // Another form of the same word ("changes", "cutting", "titled") is not a typo.
    if (word.startsWith(target) || target.startsWith(word) || word.startsWith(target.replace(/e$/, ''))) continue;
    const d = distance(word, target);
    if (d <= allowed && (!best || d < best.d)) best = { target, d };
  }
  return best?.target;
}

/** The lower-cased clause with misspelt editing words replaced; quotes (⟦n⟧) and other words untouched. */
export function correctSpelling(text: string): string {
  return text.replace(/[a-z]+/g, (word) => correction(word) ?? word);
}
