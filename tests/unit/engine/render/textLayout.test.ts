import { describe, expect, it } from 'vitest';
import { balancedWrap, cleanOverlayText, layoutText, pickFont, wrapText } from '@/lib/engine/render/textLayout';

const landscape = { width: 1920, height: 1080 };
const portrait = { width: 1080, height: 1920 };

describe('cleaning overlay text', () => {
  it.each([
    ['Party 🎉🎉 time', 'Party time'],
    ['Family 👨‍👩‍👧 trip ❤️', 'Family trip'],
    ['thumbs 👍🏽 up', 'thumbs up'],
    ["'; rm -rf / %{pts} \\:,[]", "'; rm -rf / %{pts} \\:,[]"],
    ['tab\there\u0000and\u0007bells', 'tab here and bells'],
    ['two\r\nlines', 'two\nlines'],
    ['🎉🎉', ''],
  ])('%j becomes %j', (input, output) => {
    expect(cleanOverlayText(input)).toBe(output);
  });

  it('picks the CJK font for Chinese, Japanese and Korean, Inter otherwise', () => {
    expect(pickFont('城市之梦')).toBe('cjk');
    expect(pickFont('Hello 世界')).toBe('cjk');
    expect(pickFont('Café déjà vu')).toBe('latin');
  });
});

describe('wrapping', () => {
  it('breaks between words, inside CJK runs, and inside over-long words', () => {
    expect(wrapText('Hello world this is a long title that should wrap', 12)).toEqual(['Hello world this is a', 'long title that', 'should wrap']);
    expect(wrapText('你好世界，这是一个很长的标题', 6)).toEqual(['你好世界，这', '是一个很长的', '标题']);
    expect(wrapText('Supercalifragilisticexpialidocious', 8)).toEqual(['Supercalifrag', 'ilisticexpial', 'idocious']);
  });
});

describe('balanced wrapping for styled titles', () => {
  it('evens the lines out instead of leaving a lone last word', () => {
    expect(wrapText('How we built a studio in a week', 16)).toEqual(['How we built a studio in a', 'week']);
    expect(balancedWrap('How we built a studio in a week', 16)).toEqual(['How we built a', 'studio in a week']);
    expect(balancedWrap('Urban Dreams', 16)).toEqual(['Urban Dreams']);
  });
});

describe('layout in the safe areas', () => {
  it('a title sits in the upper third, below the top margin', () => {
    const l = layoutText({ text: 'Urban Dreams', position: 'top', size: 'large' }, portrait)!;
    expect(l.lines[0].y).toBeGreaterThanOrEqual(portrait.height * 0.1);
    expect(l.lines.at(-1)!.y + l.fontSize * 1.3).toBeLessThanOrEqual(portrait.height / 3);
  });

  it('a caption ends above the lower 20% of a 9:16 frame', () => {
    const l = layoutText({ text: 'and that is how it started', position: 'bottom', size: 'medium' }, portrait)!;
    expect(l.lines.at(-1)!.y + Math.round(l.fontSize * 1.3)).toBeLessThanOrEqual(portrait.height * 0.8);
  });

  it('500 characters are wrapped and shrunk to fit the width and the title area', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(12).slice(0, 500);
    for (const out of [landscape, portrait]) {
      const l = layoutText({ text, position: 'top', size: 'large' }, out)!;
      expect(l.fontSize).toBeLessThan(Math.round(Math.min(out.width, out.height) * 0.065));
      expect(l.lines.join(' ').length).toBeGreaterThan(0);
      // Inter Bold averages about 0.55 em per character over running text.
      for (const line of l.lines) expect(line.text.length * l.fontSize * 0.55).toBeLessThanOrEqual(out.width * 0.9);
      expect(l.lines.map((x) => x.text).join(' ').replace(/\s+/g, ' ')).toBe(text.trim());
    }
  });

  it.each([
    ['card', 'center'],
    ['lower-third', 'bottom'],
    ['subtitle-bar', 'bottom'],
    ['minimal', 'top'],
  ] as const)('a %s title on 9:16 keeps off the status bar, the bottom fifth and, low down, the right-hand buttons', (look, position) => {
    const l = layoutText({ text: 'How we built a studio in a week, and what it cost', position, size: 'large', look }, portrait)!;
    // Boxed looks reach their box padding past the glyphs; the minimal outline a few pixels.
    const reach = look === 'card' || look === 'lower-third' ? l.boxBorder : 4;
    const top = Math.min(l.lines[0].y - reach, ...(l.panels ?? []).map((p) => p.y));
    const bottom = Math.max(l.lines.at(-1)!.y + l.fontSize + reach, ...(l.panels ?? []).map((p) => p.y + p.height));
    expect(top).toBeGreaterThanOrEqual(portrait.height * 0.1);
    expect(bottom).toBeLessThanOrEqual(portrait.height * 0.8);
    // Inter Bold averages about 0.55 em per character; words end left of the 88% line.
    const right = (line: { text: string }) => (l.left ?? (portrait.width - line.text.length * l.fontSize * 0.55) / 2) + line.text.length * l.fontSize * 0.55;
    if (position === 'bottom') for (const line of l.lines) expect(right(line)).toBeLessThanOrEqual(portrait.width * 0.88);
  });

  it('the lower third starts at a fixed left edge with its stripe inside the frame margin', () => {
    const l = layoutText({ text: 'Ana Lima', position: 'bottom', size: 'medium', look: 'lower-third' }, landscape)!;
    expect(l.left).toBe(154);
    expect(l.panels).toHaveLength(1);
    expect(l.panels![0].x).toBeGreaterThanOrEqual(landscape.width * 0.05);
  });

  it('nothing is drawn when only emoji were given', () => {
    expect(layoutText({ text: '🎉🔥', position: 'center', size: 'large' }, landscape)).toBeNull();
  });
});
