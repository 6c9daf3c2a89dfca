// Scaling one clip onto the canvas: blurred-background fill (editly's contain-blur), black bars, or crop.
import type { z } from 'zod';
import type { fitSchema } from '@/lib/engine/timeline/schema';

export type Fit = z.infer<typeof fitSchema>;

export interface Size {
  width: number;
  height: number;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** The clip scaled to fit inside `box` (contain) or to cover it, in even pixel sizes. */
export function scaledSize(display: Size, box: Size, mode: 'contain' | 'cover'): Size {
  const pick = mode === 'contain' ? Math.min : Math.max;
  const s = pick(box.width / display.width, box.height / display.height);
  const width = even(display.width * s);
  const height = even(display.height * s);
  if (mode === 'contain') return { width: Math.min(width, box.width), height: Math.min(height, box.height) };
  return { width: Math.max(width, box.width), height: Math.max(height, box.height) };
}

/**
 * Filter chain from `[input]` to `[output]` that puts a frame of `display` size (after rotation
 * and pixel aspect, as probed) onto an `out`-sized canvas with square pixels. Scaling to explicit
 * sizes computed from the display size is what corrects non-square pixels: scale ignores the
 * input's SAR, and setsar=1 then declares the pixels square.
 */
export function buildFitFilter(fit: Fit, display: Size | null, out: Size, input: string, output: string, tag: string): string {
  const W = out.width;
  const H = out.height;
  if (!display || display.width <= 0 || display.height <= 0) {
    // Unknown size (should not happen after probing): let scale keep the aspect itself, then
    // round to even sizes with a second scale (ffmpeg 4.x's scale has no force_divisible_by).
    return `[${input}]scale=${W}:${H}:force_original_aspect_ratio=decrease,scale=trunc(iw/2)*2:trunc(ih/2)*2,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1[${output}]`;
  }
  const contain = scaledSize(display, out, 'contain');
  if (contain.width === W && contain.height === H) return `[${input}]scale=${W}:${H},setsar=1[${output}]`;
  if (fit === 'crop') {
    const cover = scaledSize(display, out, 'cover');
    return `[${input}]scale=${cover.width}:${cover.height},crop=${W}:${H},setsar=1[${output}]`;
  }
  const x = (W - contain.width) / 2;
  const y = (H - contain.height) / 2;
  if (fit === 'bars') {
    return `[${input}]scale=${contain.width}:${contain.height},setsar=1,pad=${W}:${H}:${x}:${y}:color=black[${output}]`;
  }
  // Blur: the background is made at 1/8 size, blurred there and scaled up: same look, far cheaper.
  const small = { width: even(W / 8), height: even(H / 8) };
  const smallCover = scaledSize(display, small, 'cover');
  return [
    `[${input}]split=2[${tag}bg][${tag}fg]`,
    `[${tag}bg]scale=${smallCover.width}:${smallCover.height},crop=${small.width}:${small.height},boxblur=8:2,scale=${W}:${H},setsar=1[${tag}bgb]`,
    `[${tag}fg]scale=${contain.width}:${contain.height},setsar=1[${tag}fgs]`,
    `[${tag}bgb][${tag}fgs]overlay=${x}:${y}[${output}]`,
  ].join(';');
}
