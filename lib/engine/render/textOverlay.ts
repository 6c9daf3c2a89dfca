// Text overlays as drawtext filters that read each line from a file, so user text never enters the graph.
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

/**
 * Comma-joined drawtext filters (empty string when there is nothing to draw). `expansion=none`
 * stops `%{...}` sequences in the text from being evaluated; each line is centred on its own
 * and sits on a translucent box with a soft shadow, readable on any picture.
 */
export function buildTextOverlayFilter(texts: PlacedText[], fonts: FontFiles): string {
  const filters: string[] = [];
  for (const { layout, start, end, lineFiles } of texts) {
    layout.lines.forEach((line, i) => {
      filters.push(
        [
          `drawtext=fontfile=${escapeFilterValue(fonts[layout.font])}`,
          `textfile=${escapeFilterValue(lineFiles[i])}`,
          'expansion=none',
          `fontsize=${layout.fontSize}`,
          'fontcolor=white',
          'box=1',
          'boxcolor=black@0.5',
          `boxborderw=${layout.boxBorder}`,
          'shadowcolor=black@0.6',
          `shadowx=${Math.max(1, Math.round(layout.fontSize / 24))}`,
          `shadowy=${Math.max(1, Math.round(layout.fontSize / 24))}`,
          'x=(w-text_w)/2',
          `y=${line.y}`,
          `enable='between(t,${sec(start)},${sec(end)})'`,
        ].join(':'),
      );
    });
  }
  return filters.join(',');
}
