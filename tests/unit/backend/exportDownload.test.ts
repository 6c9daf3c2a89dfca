import { describe, expect, it } from 'vitest';
import { attachmentDisposition, parseRange } from '@/lib/backend/exportDownload';

describe('byte ranges', () => {
  it.each([
    [null, null],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=50-10', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
  ] as const)('%j of 1000 bytes is %j', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('the download file name', () => {
  it('keeps a plain title', () => {
    expect(attachmentDisposition('Trip to Lisbon')).toBe(`attachment; filename="Trip to Lisbon.mp4"; filename*=UTF-8''Trip%20to%20Lisbon.mp4`);
  });

  it('drops path characters, quotes and controls; keeps Unicode in filename*', () => {
    const header = attachmentDisposition('../"evil"\r\nX: 城市/..');
    expect(header).toMatch(/^attachment; filename="[^"\\/\r\n]*\.mp4"; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]+$/);
    expect(header).not.toMatch(/[\r\n]/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('.. evil X 城市 ...mp4');
  });

  it('falls back to "video" for an empty title', () => {
    expect(attachmentDisposition('///')).toContain('filename="video.mp4"');
  });
});
