import { describe, expect, it } from 'vitest';
import { importName } from '@/lib/server/urlImport/importName';

describe('importName', () => {
  it.each([
    ['https://cdn.example.com/videos/trip%20day.mp4?sig=1', null, 'trip day.mp4'],
    ['https://cdn.example.com/', null, 'cdn.example.com'],
    ['https://x.test/get', 'attachment; filename="clip \\"one\\".mov"', "clip 'one'.mov"],
    ['https://x.test/get', "attachment; filename*=UTF-8''%E6%97%85%E8%A1%8C.mp4", '旅行.mp4'],
    ['https://x.test/get', 'attachment; filename=../../secret.mp4', 'secret.mp4'],
  ])('%s with %j -> %j', (url, disposition, name) => expect(importName(new URL(url), disposition)).toBe(name));
});
