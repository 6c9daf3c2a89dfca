import { describe, expect, it } from 'vitest';
import { buildFitFilter, scaledSize } from '@/lib/engine/render/fitFilter';

const landscape = { width: 1920, height: 1080 };
const portrait = { width: 1080, height: 1920 };
const phone = { width: 1080, height: 1920 };

describe('fitting a clip onto the canvas', () => {
  it('blur: a blurred cover background made small, under the clip scaled to fit (editly contain-blur)', () => {
    expect(buildFitFilter('blur', phone, landscape, 'in', 'out', 's0')).toBe(
      '[in]split=2[s0bg][s0fg];[s0bg]scale=240:426,crop=240:136,boxblur=8:2,scale=1920:1080,setsar=1[s0bgb];' +
        '[s0fg]scale=608:1080,setsar=1[s0fgs];[s0bgb][s0fgs]overlay=656:0[out]',
    );
  });

  it('bars: scaled to fit and padded with black', () => {
    expect(buildFitFilter('bars', phone, landscape, 'in', 'out', 's0')).toBe('[in]scale=608:1080,setsar=1,pad=1920:1080:656:0:color=black[out]');
  });

  it('crop: scaled to cover and cropped in the centre', () => {
    expect(buildFitFilter('crop', phone, landscape, 'in', 'out', 's0')).toBe('[in]scale=1920:3414,crop=1920:1080,setsar=1[out]');
  });

  it('a landscape clip on a 9:16 canvas gets a blurred fill above and below', () => {
    expect(buildFitFilter('blur', landscape, portrait, 'in', 'out', 's0')).toBe(
      '[in]split=2[s0bg][s0fg];[s0bg]scale=426:240,crop=136:240,boxblur=8:2,scale=1080:1920,setsar=1[s0bgb];' +
        '[s0fg]scale=1080:608,setsar=1[s0fgs];[s0bgb][s0fgs]overlay=0:656[out]',
    );
  });

  it('an unknown size: scale keeps the aspect, a second scale rounds to even sizes (no force_divisible_by in ffmpeg 4.x)', () => {
    expect(buildFitFilter('blur', null, landscape, 'in', 'out', 's0')).toBe(
      '[in]scale=1920:1080:force_original_aspect_ratio=decrease,scale=trunc(iw/2)*2:trunc(ih/2)*2,pad=1920:1080:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1[out]',
    );
  });

  it('a clip of the canvas aspect is only scaled, whatever the fit', () => {
    for (const fit of ['blur', 'bars', 'crop'] as const) {
      expect(buildFitFilter(fit, { width: 1280, height: 720 }, landscape, 'in', 'out', 's0')).toBe('[in]scale=1920:1080,setsar=1[out]');
    }
  });

  it('non-square pixels: the probed display size (640x360 at SAR 2:3 shows as 427x360) sets the scale', () => {
    expect(buildFitFilter('bars', { width: 427, height: 360 }, landscape, 'in', 'out', 's0')).toBe(
      '[in]scale=1282:1080,setsar=1,pad=1920:1080:319:0:color=black[out]',
    );
  });

  it('a square canvas', () => {
    expect(buildFitFilter('bars', landscape, { width: 1080, height: 1080 }, 'in', 'out', 's0')).toBe(
      '[in]scale=1080:608,setsar=1,pad=1080:1080:0:236:color=black[out]',
    );
  });

  it('sizes are even and never exceed the box when containing', () => {
    expect(scaledSize({ width: 1001, height: 333 }, landscape, 'contain')).toEqual({ width: 1920, height: 638 });
    expect(scaledSize({ width: 1001, height: 333 }, landscape, 'cover')).toEqual({ width: 3246, height: 1080 });
  });
});
