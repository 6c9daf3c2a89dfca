// Text overlays as drawtext filters that read each line from a file, so user text never enters the graph; each title style's panels as drawbox.
import { escapeFilterValue } from './filterEscape';
import { sec } from './outputFormat';
import type { FontKey, TextLayout } from './textLayout';

export interface PlacedText {
  layout: TextLayout;
  start: number;
  end: number;
  /** One file per layout line, holding exactly that line's text. */
  lineFiles: string[];
}

export type FontFiles = Record<FontKey, string>;

/** How each look paints its words (classic: captions and titles from before styles existed). */
function wordsStyle(layout: TextLayout): string[] {
  const shadow = Math.max(1, Math.round(layout.fontSize / 24));
  const soft = [`shadowcolor=black@0.6`, `shadowx=${shadow}`, `shadowy=${shadow}`];
  switch (layout.look) {
    case 'card':
      return ['fontcolor=white', 'box=1', 'boxcolor=0x111118@0.82', `boxborderw=${layout.boxBorder}`];
    case 'lower-third':
      return ['fontcolor=white', 'box=1', 'boxcolor=black@0.62', `boxborderw=${layout.boxBorder}`];
    case 'subtitle-bar':
      return ['fontcolor=white', ...soft];
    case 'minimal':
      return ['fontcolor=white', `borderw=${Math.max(2, Math.round(layout.fontSize / 20))}`, 'bordercolor=black@0.55', ...soft];
    default:
      return ['fontcolor=white', 'box=1', 'boxcolor=black@0.5', `boxborderw=${layout.boxBorder}`, ...soft];
  }
}

/**
 * Comma-joined drawbox and drawtext filters (empty string when there is nothing to draw).
 * `expansion=none` stops `%{...}` sequences in the text from being evaluated; each line is
 * drawn on its own (centred, or from the look's left edge) over the look's panels.
 */
export function buildTextOverlayFilter(texts: PlacedText[], fonts: FontFiles): string {
  const filters: string[] = [];
  for (const { layout, start, end, lineFiles } of texts) {
    const enable = `enable='between(t,${sec(start)},${sec(end)})'`;
    for (const panel of layout.panels ?? []) {
      filters.push(`drawbox=x=${panel.x}:y=${panel.y}:w=${panel.width}:h=${panel.height}:color=${panel.color}:t=fill:${enable}`);
    }
    layout.lines.forEach((line, i) => {
      filters.push(
        [
          `drawtext=fontfile=${escapeFilterValue(fonts[layout.font])}`,
          `textfile=${escapeFilterValue(lineFiles[i])}`,
          'expansion=none',
          `fontsize=${layout.fontSize}`,
          ...wordsStyle(layout),
          layout.left !== undefined ? `x=${layout.left}` : 'x=(w-text_w)/2',
          `y=${line.y}`,
          enable,
        ].join(':'),
      );
    });
  }
  return filters.join(',');
}
