import { describe, expect, test } from 'vitest';
import { buildSubtitleArgs } from '@/lib/engine/planner/loadCaptions';
import { parseSubtitles } from '@/lib/engine/planner/parseSubtitles';

describe('parseSubtitles', () => {
  test('reads SRT with CRLF, tags and multi-line cues', () => {
    const srt = '1\r\n00:00:00,546 --> 00:00:01,039\r\n<i>oop</i>\r\n\r\n2\r\n00:01:01,500 --> 00:01:03,000\r\nline one\r\nline two\r\n';
    expect(parseSubtitles(srt)).toEqual([
      { startSeconds: 0.546, endSeconds: 1.039, text: 'oop' },
      { startSeconds: 61.5, endSeconds: 63, text: 'line one\nline two' },
    ]);
  });
  test('reads WebVTT with short times and cue settings', () => {
    const vtt = 'WEBVTT\n\nintro\n00:01.000 --> 00:02.500 align:start\n<v Speaker>Hello</v>\n\n00:03.000 --> 00:04.000\nBye\n';
    expect(parseSubtitles(vtt)).toEqual([
      { startSeconds: 1, endSeconds: 2.5, text: 'Hello' },
      { startSeconds: 3, endSeconds: 4, text: 'Bye' },
    ]);
  });
  test('skips cues without words or with end before start', () => {
    expect(parseSubtitles('1\n00:00:02,000 --> 00:00:01,000\nbackwards\n\n2\n00:00:03,000 --> 00:00:04,000\n\n')).toEqual([]);
  });
});

describe('buildSubtitleArgs', () => {
  test('maps the first subtitle stream of a probed video to SRT', () => {
    expect(buildSubtitleArgs('/in/a.mkv', 'matroska,webm', '/tmp/x.srt')).toEqual(
      ['-v', 'error', '-protocol_whitelist', 'file', '-f', 'matroska', '-i', '/in/a.mkv', '-map', '0:s:0', '-f', 'srt', '/tmp/x.srt'],
    );
  });
});
