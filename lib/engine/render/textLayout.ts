// Where and how big a text overlay is drawn: cleaned, wrapped into lines and shrunk to fit its area.
import type { TextItem, TitleLook } from '@/lib/engine/timeline/schema';
import type { Size } from './fitFilter';
import { lookFrame, lookPanels, type Panel } from './titleLookFrame';

export type FontKey = 'latin' | 'cjk';

export interface TextLine {
  text: string;
  /** Top of the line in output pixels. */
  y: number;
}

export interface TextLayout {
  font: FontKey;
  fontSize: number;
  lines: TextLine[];
  /** Padding of the translucent box behind each line. */
  boxBorder: number;
  /** The named title style; absent for captions and for titles made before styles existed. */
  look?: TitleLook;
  /** Left edge of every line for left-aligned looks (lower third); lines are centred otherwise. */
  left?: number;
  /** Filled rectangles drawn under the words (a bar, an accent stripe); none when absent. */
  panels?: Panel[];
}

const SIZE_FRACTION = { small: 0.035, medium: 0.05, large: 0.065, xlarge: 0.085 } as const;
const MIN_FRACTION = 0.02;
const LINE_HEIGHT = 1.3;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
// Emoji and pictographs: neither font has them, and drawtext cannot draw colour emoji fonts, so
// they would come out as empty boxes. They are removed; the words around them stay.
const EMOJI = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{1F1E6}-\u{1F1FF}\u{E0020}-\u{E007F}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;

/** Removes what the fonts cannot draw (emoji, control characters) and tidies spaces; keeps line breaks. */
export function cleanOverlayText(text: string): string {
  return text
    .normalize('NFC')
    .replace(EMOJI, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\p{Co}\p{Cs}]/gu, (c) => (c === '\n' ? '\n' : ' '))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function pickFont(text: string): FontKey {
  return CJK.test(text) ? 'cjk' : 'latin';
}

/** Approximate advance width in em: good enough to wrap before drawtext measures for real. */
function charWidthEm(ch: string): number {
  if (CJK.test(ch)) return 1;
  if (ch === ' ') return 0.28;
  if (/[A-Z0-9MW@%&]/.test(ch)) return 0.72;
  return 0.6;
}
const widthEm = (s: string) => [...s].reduce((sum, ch) => sum + charWidthEm(ch), 0);

const TOKEN = new RegExp(`${CJK.source}|[^\\s${CJK.source.slice(1, -1)}]+|\\s+`, 'gu');

/** Splits a word wider than a line into chunks that fit. */
function breakWord(word: string, maxWidthEm: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && widthEm(current + ch) > maxWidthEm) {
      chunks.push(current);
      current = '';
    }
    current += ch;
  }
  return current === '' ? chunks : [...chunks, current];
}

/** Greedy wrap: by words for spaced scripts, by characters in CJK runs and in over-long words. */
export function wrapText(text: string, maxWidthEm: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let space = false;
    for (const token of paragraph.match(TOKEN) ?? []) {
      if (/^\s+$/.test(token)) {
        space = line !== '';
        continue;
      }
      const candidate = line === '' ? token : `${line}${space ? ' ' : ''}${token}`;
      space = false;
      if (widthEm(candidate) <= maxWidthEm) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      const chunks = widthEm(token) <= maxWidthEm ? [token] : breakWord(token, maxWidthEm);
      lines.push(...chunks.slice(0, -1));
      line = chunks[chunks.length - 1];
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** The narrowest wrap (down to half the width) that still needs no more lines than the widest. */
export function balancedWrap(text: string, maxWidthEm: number): string[] {
  const widest = wrapText(text, maxWidthEm);
  if (widest.length < 2) return widest;
  let best = widest;
  for (let em = maxWidthEm * 0.95; em >= maxWidthEm * 0.5; em *= 0.95) {
    const lines = wrapText(text, em);
    if (lines.length > widest.length) break;
    best = lines;
  }
  return best;
}

/**
 * The area a block of text may use, by position; portrait keeps clear of the app overlays
 * (top 10% for the status line, bottom 20% for captions and buttons on TikTok, Reels, Shorts).
 */
function area(position: TextItem['position'], out: Size): { top: number; bottom: number } {
  const portrait = out.height > out.width;
  const safeTop = out.height * (portrait ? 0.1 : 0.07);
  const safeBottom = out.height * (portrait ? 0.8 : 0.9);
  if (position === 'top') return { top: safeTop, bottom: out.height / 3 };
  if (position === 'bottom') return { top: portrait ? out.height / 2 : (out.height * 2) / 3, bottom: safeBottom };
  return { top: out.height / 4, bottom: (out.height * 3) / 4 };
}

/** Lays out an overlay; null when nothing drawable is left after cleaning. */
export function layoutText(item: Pick<TextItem, 'text' | 'position' | 'size' | 'look'>, out: Size): TextLayout | null {
  const text = cleanOverlayText(item.text);
  if (text === '') return null;
  const base = Math.min(out.width, out.height);
  const minSize = Math.max(8, Math.round(base * MIN_FRACTION));
  const frame = lookFrame(item.look, out);
  const maxWidth = out.width * frame.widthFraction;
  const region = area(item.position, out);
  // Room for the look's padding around the block, so a bar or card stays inside the safe area too.
  region.top += base * frame.padFraction;
  region.bottom -= base * frame.padFraction;
  const full = { top: out.height * 0.05, bottom: out.height * 0.95 };

  let fontSize = Math.round(base * SIZE_FRACTION[item.size] * frame.sizeScale);
  // Styled titles wrap into even lines ("How we built a / studio in a week"), never a lone last word.
  const wrap = (em: number) => (item.look ? balancedWrap(text, em) : wrapText(text, em));
  let lines = wrap(maxWidth / fontSize);
  const fits = (r: { top: number; bottom: number }) => lines.length * fontSize * LINE_HEIGHT <= r.bottom - r.top;
  while (!fits(region) && fontSize > minSize) {
    fontSize = Math.max(minSize, Math.round(fontSize * 0.9));
    lines = wrap(maxWidth / fontSize);
  }
  let bounds = region;
  if (!fits(region)) {
    // Even the smallest size overflows its area: use the whole safe frame, then cut with an ellipsis.
    bounds = full;
    const maxLines = Math.max(1, Math.floor((full.bottom - full.top) / (fontSize * LINE_HEIGHT)));
    if (lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      lines[maxLines - 1] = `${[...lines[maxLines - 1]].slice(0, -1).join('')}…`;
    }
  }

  const lineHeight = Math.round(fontSize * LINE_HEIGHT);
  const blockHeight = lines.length * lineHeight;
  const top =
    item.position === 'top'
      ? bounds.top
      : item.position === 'bottom'
        ? bounds.bottom - blockHeight
        : Math.max(bounds.top, (out.height - blockHeight) / 2);
  const placed = lines.map((line, i) => ({ text: line, y: Math.round(top + i * lineHeight) }));
  const boxBorder = Math.max(2, Math.round(fontSize * frame.boxBorderEm));
  return {
    font: pickFont(text),
    fontSize,
    boxBorder,
    lines: placed,
    ...(item.look ? { look: item.look } : {}),
    ...(frame.leftFraction !== undefined ? { left: Math.round(out.width * frame.leftFraction) } : {}),
    panels: lookPanels(item.look, { fontSize, boxBorder, lineHeight, lines: placed, out, left: frame.leftFraction !== undefined ? Math.round(out.width * frame.leftFraction) : undefined }),
  };
}
