import { describe, expect, it } from 'vitest';
import { decodeFormDataFilename, sanitizeName } from '@/lib/server/upload/sanitizeName';

describe('sanitizeName keeps a readable name that can never act as a path', () => {
  it.each([
    ['holiday.mp4', 'holiday.mp4'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['/abs/path/clip.mov', 'clip.mov'],
    ['..', 'untitled'],
    ['...hidden.mp4', 'hidden.mp4'],
    ['my "best" clip.mp4', "my 'best' clip.mp4"],
    ["it's `fine`.mp4", "it's 'fine'.mp4"],
    ['<script>x.mp4', 'scriptx.mp4'],
    ['line\nbreak\r\t.mp4', 'linebreak.mp4'],
    ['evil\u202Egnp.mp4', 'evilgnp.mp4'],
    ['  lots   of   space.mp4 ', 'lots of space.mp4'],
    ['旅行 视频.mp4', '旅行 视频.mp4'],
    ['', 'untitled'],
    [undefined, 'untitled'],
  ])('%j -> %j', (raw, safe) => expect(sanitizeName(raw)).toBe(safe));

  it('shortens very long names but keeps the extension', () => {
    const name = sanitizeName(`${'a'.repeat(300)}.mp4`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.mp4')).toBe(true);
  });
});

describe('decodeFormDataFilename undoes what browsers escape in multipart names', () => {
  it.each([
    ['evil %22quoted%22.mp4', 'evil "quoted".mp4'],
    ['two%0Alines%0D.mp4', 'two\nlines\r.mp4'],
    ['100%25 fun.mp4', '100%25 fun.mp4'],
  ])('%j -> %j', (raw, decoded) => expect(decodeFormDataFilename(raw)).toBe(decoded));

  it('then sanitizes to something safe', () => {
    expect(sanitizeName(decodeFormDataFilename('../../evil %22quoted%22.mp4'))).toBe("evil 'quoted'.mp4");
  });
});
