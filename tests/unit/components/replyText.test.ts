import { expect, test } from 'vitest';
import { downloadParts } from '@/components/project/chat/ReplyText';

test('a reply with a file for another editor shows it as a download link', () => {
  expect(downloadParts('Here is the timeline for Premiere: /api/projects/abc_1-X/interchange/fcp7 Keep your files beside it.')).toEqual([
    { text: 'Here is the timeline for Premiere: ' },
    { text: 'Download the file', href: '/api/projects/abc_1-X/interchange/fcp7' },
    { text: ' Keep your files beside it.' },
  ]);
});

test('other text, other paths and outside links stay plain text', () => {
  for (const text of ['Exporting the 1080p MP4 now.', 'see /api/projects/abc/exports/e1/file', 'https://evil.example/api/x']) {
    expect(downloadParts(text)).toEqual([{ text }]);
  }
});
