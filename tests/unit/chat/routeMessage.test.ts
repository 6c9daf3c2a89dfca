import { describe, expect, test } from 'vitest';
import { routeMessage, stripExportRequest, type ChatRoute } from '@/lib/chat/routeMessage';

const table: [string, ChatRoute][] = [
  ['export 1080p MP4', { kind: 'export', quality: 'high' }],
  ['导出', { kind: 'export', quality: 'high' }],
  ['send me the video', { kind: 'export', quality: 'high' }],
  ['download', { kind: 'export', quality: 'high' }],
  ['render it please', { kind: 'export', quality: 'high' }],
  ['下载视频', { kind: 'export', quality: 'high' }],
  ['export a preview', { kind: 'export', quality: 'preview' }],
  // Full quality skips fast export (every frame encoded).
  ['export in full quality', { kind: 'export', quality: 'high', full: true }],
  ['download it in the best quality', { kind: 'export', quality: 'high', full: true }],
  ['render without fast export', { kind: 'export', quality: 'high', full: true }],
  ['以最高画质导出', { kind: 'export', quality: 'high', full: true }],
  ['preview', { kind: 'export', quality: 'preview' }],
  ['how many credits do I have?', { kind: 'credits' }],
  ['what is my balance', { kind: 'credits' }],
  ['余额', { kind: 'credits' }],
  ['积分还有多少', { kind: 'credits' }],
  ['show tracks', { kind: 'status' }],
  ['status', { kind: 'status' }],
  ["what's on the timeline?", { kind: 'status' }],
  ['状态', { kind: 'status' }],
  ['upload', { kind: 'upload' }],
  ['上传', { kind: 'upload' }],
  ['how do I upload a video?', { kind: 'upload' }],
  // Files for other editors and subtitle files are downloads, not edits.
  ['export for Premiere', { kind: 'interchange', format: 'fcp7' }],
  ['export for Resolve', { kind: 'interchange', format: 'fcpxml' }],
  ['can you export this for Final Cut?', { kind: 'interchange', format: 'fcpxml' }],
  ['give me an EDL', { kind: 'interchange', format: 'edl' }],
  ['I want to open it in Kdenlive', { kind: 'interchange', format: 'mlt' }],
  ['download the OTIO', { kind: 'interchange', format: 'otio' }],
  ['give me the subtitles as SRT', { kind: 'interchange', format: 'srt' }],
  ['download the captions as WebVTT', { kind: 'interchange', format: 'vtt' }],
  ['导出字幕文件', { kind: 'interchange', format: 'srt' }],
  ['add captions from my SRT', { kind: 'edit' }],
  ['use subtitles.srt as captions', { kind: 'edit' }],
  // Edits are never routed away from the planner.
  ['add background music', { kind: 'edit' }],
  ['加背景音乐', { kind: 'edit' }],
  ['cut out the pauses', { kind: 'edit' }],
  ['make me a sandwich', { kind: 'edit' }],
  ['I uploaded song.mp3, use it as music', { kind: 'edit' }],
  // "export" as words of a title is content, not a command.
  ['add a title "Export"', { kind: 'edit' }],
  ["put the text 'download now' at the end", { kind: 'edit' }],
  // An edit that ends in an export does both, in that order.
  ['cut the pauses and export', { kind: 'edit', exportAfter: 'high' }],
  ['make it vertical for TikTok, then export a preview', { kind: 'edit', exportAfter: 'preview' }],
  ['剪掉停顿然后导出', { kind: 'edit', exportAfter: 'high' }],
  ['make it ready to export for TikTok', { kind: 'edit' }],
];

describe('routeMessage', () => {
  test.each(table)('%s', (message, expected) => expect(routeMessage(message)).toEqual(expected));
});

describe('stripExportRequest', () => {
  test.each([
    ['cut the pauses and export', 'cut the pauses'],
    ['make it vertical for TikTok, then export a preview', 'make it vertical for TikTok'],
    ['剪掉停顿然后导出', '剪掉停顿'],
    ['export', 'export'],
  ])('%s -> %s', (message, expected) => expect(stripExportRequest(message)).toBe(expected));
});
