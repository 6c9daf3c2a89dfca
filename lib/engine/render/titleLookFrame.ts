// Each title style's geometry: how wide its words may run, its padding, its left edge, and the rectangles under it.
import type { TitleLook } from '@/lib/engine/timeline/schema';
import type { Size } from './fitFilter';

export interface Panel {
  x: number;
  y: number;
  width: number;
  height: number;
  /** ffmpeg colour, e.g. `black@0.6` or `0x7c3aed`. */
  color: string;
}

export interface LookFrame {
  /** Widest line, as a share of the frame width. */
  widthFraction: number;
  /** Padding kept inside the position's area, as a share of the frame's short side. */
  padFraction: number;
  /** Box padding around each line, in em. */
  boxBorderEm: number;
  /** Left edge of the words for left-aligned looks, as a share of the frame width. */
  leftFraction?: number;
  /** Font size relative to the plain size table (the card is meant to be bold and big). */
  sizeScale: number;
}

/** The brand violet of the accent stripe. */
export const ACCENT = '0x7c3aed';

export function lookFrame(look: TitleLook | undefined, out: Size): LookFrame {
  const portrait = out.height > out.width;
  switch (look) {
    case 'card':
      return { widthFraction: portrait ? 0.8 : 0.76, padFraction: 0.02, boxBorderEm: 0.36, sizeScale: 1.3 };
    case 'lower-third':
      // Portrait keeps clear of the buttons down the right edge of TikTok, Reels and Shorts.
      return { widthFraction: portrait ? 0.7 : 0.6, padFraction: 0.02, boxBorderEm: 0.28, leftFraction: portrait ? 0.1 : 0.08, sizeScale: 1 };
    case 'subtitle-bar':
      // The bar runs edge to edge; on 9:16 its words keep clear of the buttons down the right.
      return { widthFraction: portrait ? 0.74 : 0.86, padFraction: 0.025, boxBorderEm: 0.2, sizeScale: 1 };
    case 'minimal':
      // A little room for the outline, which reaches past the glyphs.
      return { widthFraction: portrait ? 0.84 : 0.8, padFraction: 0.01, boxBorderEm: 0.2, sizeScale: 1 };
    default:
      return { widthFraction: 0.88, padFraction: 0, boxBorderEm: 0.2, sizeScale: 1 };
  }
}

interface Placed {
  fontSize: number;
  boxBorder: number;
  lineHeight: number;
  lines: { y: number }[];
  out: Size;
  left?: number;
}

/** The rectangles drawn before the words: the subtitle bar across the frame, the lower third's stripe. */
export function lookPanels(look: TitleLook | undefined, p: Placed): Panel[] {
  if (p.lines.length === 0) return [];
  const top = p.lines[0].y;
  // From the first line's top to the last line's glyphs, not its trailing line gap.
  const textHeight = (p.lines.length - 1) * p.lineHeight + p.fontSize;
  if (look === 'subtitle-bar') {
    const pad = Math.round(p.fontSize * 0.5);
    return [{ x: 0, y: top - pad, width: p.out.width, height: textHeight + 2 * pad, color: 'black@0.62' }];
  }
  if (look === 'lower-third' && p.left !== undefined) {
    const stripe = Math.max(4, Math.round(p.fontSize * 0.16));
    return [{ x: p.left - p.boxBorder - stripe, y: top - p.boxBorder, width: stripe, height: textHeight + 2 * p.boxBorder, color: ACCENT }];
  }
  return [];
}
