import { describe, expect, it } from 'vitest';
import { escapeFilterValue } from '@/lib/engine/render/filterEscape';
import { layoutText } from '@/lib/engine/render/textLayout';
import { buildTextOverlayFilter } from '@/lib/engine/render/textOverlay';

const fonts = { latin: '/fonts/Inter_700Bold.ttf', cjk: '/fonts/NotoSansSC_700Bold.ttf' };

describe('text overlays as drawtext', () => {
  it('reads the text from a file, never expands it, and shows it only in its time range', () => {
    const layout = layoutText({ text: 'Urban Dreams', position: 'top', size: 'large' }, { width: 1920, height: 1080 })!;
    expect(buildTextOverlayFilter([{ layout, start: 0, end: 3, lineFiles: ['/data/exports/e1.work/text-0-0.txt'] }], fonts)).toBe(
      'drawtext=fontfile=/fonts/Inter_700Bold.ttf:textfile=/data/exports/e1.work/text-0-0.txt:expansion=none:fontsize=70:' +
        'fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=14:shadowcolor=black@0.6:shadowx=3:shadowy=3:' +
        "x=(w-text_w)/2:y=76:enable='between(t,0,3)'",
    );
  });

  it('draws each wrapped line on its own, with the CJK font for Chinese', () => {
    const layout = layoutText({ text: '城市之梦 第一集 这是一个需要换行的非常非常非常非常长的中文标题', position: 'bottom', size: 'xlarge' }, { width: 1080, height: 1920 })!;
    expect(layout.font).toBe('cjk');
    const files = layout.lines.map((_, i) => `/w/text-0-${i}.txt`);
    const filter = buildTextOverlayFilter([{ layout, start: 1.5, end: 4.25, lineFiles: files }], fonts);
    expect(filter.split(',drawtext=')).toHaveLength(layout.lines.length);
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(filter).toContain('fontfile=/fonts/NotoSansSC_700Bold.ttf:textfile=/w/text-0-1.txt:');
    expect(filter).toContain("enable='between(t,1.5,4.25)'");
  });

  it('draws the lower third as an accent stripe, then boxed words from its left edge', () => {
    const layout = layoutText({ text: 'Ana Lima', position: 'bottom', size: 'medium', look: 'lower-third' }, { width: 1920, height: 1080 })!;
    expect(buildTextOverlayFilter([{ layout, start: 0, end: 3, lineFiles: ['/w/t-0.txt'] }], fonts)).toBe(
      "drawbox=x=130:y=865:w=9:h=84:color=0x7c3aed:t=fill:enable='between(t,0,3)'," +
        'drawtext=fontfile=/fonts/Inter_700Bold.ttf:textfile=/w/t-0.txt:expansion=none:fontsize=54:fontcolor=white:box=1:boxcolor=black@0.62:' +
        "boxborderw=15:x=154:y=880:enable='between(t,0,3)'",
    );
  });

  it('draws the subtitle bar edge to edge under shadowed words', () => {
    const layout = layoutText({ text: 'How we built it', position: 'bottom', size: 'medium', look: 'subtitle-bar' }, { width: 1920, height: 1080 })!;
    expect(buildTextOverlayFilter([{ layout, start: 0, end: 3, lineFiles: ['/w/t-0.txt'] }], fonts)).toBe(
      "drawbox=x=0:y=848:w=1920:h=108:color=black@0.62:t=fill:enable='between(t,0,3)'," +
        'drawtext=fontfile=/fonts/Inter_700Bold.ttf:textfile=/w/t-0.txt:expansion=none:fontsize=54:fontcolor=white:' +
        "shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:y=875:enable='between(t,0,3)'",
    );
  });

  it('draws minimal words with an outline and no box', () => {
    const layout = layoutText({ text: 'Urban Dreams', position: 'top', size: 'medium', look: 'minimal' }, { width: 1920, height: 1080 })!;
    expect(buildTextOverlayFilter([{ layout, start: 0, end: 3, lineFiles: ['/w/t-0.txt'] }], fonts)).toBe(
      'drawtext=fontfile=/fonts/Inter_700Bold.ttf:textfile=/w/t-0.txt:expansion=none:fontsize=54:fontcolor=white:borderw=3:bordercolor=black@0.55:' +
        "shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:y=86:enable='between(t,0,3)'",
    );
  });

  it('draws the bold centre card larger, on one dark card of overlapping line boxes, in the middle', () => {
    const layout = layoutText({ text: 'Urban Dreams', position: 'center', size: 'large', look: 'card' }, { width: 1920, height: 1080 })!;
    expect(buildTextOverlayFilter([{ layout, start: 0, end: 3, lineFiles: ['/w/t-0.txt'] }], fonts)).toBe(
      'drawtext=fontfile=/fonts/Inter_700Bold.ttf:textfile=/w/t-0.txt:expansion=none:fontsize=91:fontcolor=white:box=1:boxcolor=0x111118@0.82:' +
        "boxborderw=33:x=(w-text_w)/2:y=481:enable='between(t,0,3)'",
    );
  });

  it('is empty when there is no text', () => {
    expect(buildTextOverlayFilter([], fonts)).toBe('');
  });
});

describe('escaping file paths inside the filter graph', () => {
  it('leaves plain paths as they are', () => {
    expect(escapeFilterValue('/data/exports/abc_1.work/text-0-0.txt')).toBe('/data/exports/abc_1.work/text-0-0.txt');
  });

  it('quotes for the option parser and backslashes for the graph parser', () => {
    expect(escapeFilterValue("/tmp/a b/it's:x.txt")).toBe("\\'/tmp/a b/it\\'\\\\\\'\\'s:x.txt\\'");
    expect(escapeFilterValue('/tmp/[x],y;z.txt')).toBe("\\'/tmp/\\[x\\]\\,y\\;z.txt\\'");
  });
});
