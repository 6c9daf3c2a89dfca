// Parses SRT or WebVTT text into caption cues (times in seconds, tags stripped).
import type { CaptionCue } from '@/lib/engine/timeline/operations/operationContext';

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})`;
const CUE_TIMES = new RegExp(String.raw`${TIME}\s*-->\s*${TIME}`);

function seconds(h: string | undefined, m: string, s: string, ms: string): number {
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}

export function parseSubtitles(text: string): CaptionCue[] {
  const cues: CaptionCue[] = [];
  const blocks = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => CUE_TIMES.test(l));
    if (at < 0) continue;
    const m = CUE_TIMES.exec(lines[at])!;
    const start = seconds(m[1], m[2], m[3], m[4]);
    const end = seconds(m[5], m[6], m[7], m[8]);
    const words = lines
      .slice(at + 1)
      .join('\n')
      .replace(/<[^>]*>/g, '')
      .replace(/\{\\[^}]*\}/g, '')
      .trim();
    if (words && end > start) cues.push({ startSeconds: start, endSeconds: end, text: words.slice(0, 1000) });
  }
  return cues.sort((a, b) => a.startSeconds - b.startSeconds);
}
