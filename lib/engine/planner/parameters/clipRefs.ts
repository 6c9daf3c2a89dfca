// Clip references in words: file names ("b.mp4") and ordinals ("the second clip", "clip 2", "the last video", "第二个片段").
import type { ClipRef } from '@/lib/engine/timeline/operations/editOperation';

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
  sixth: 6, '6th': 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1, final: -1,
};
const CN_ORDINALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const CLIP_NOUN = String.raw`(?:clip|video|segment|part|shot|scene|file|one)s?`;

export const FILE_NAME = /(?<![\w.-])([\w][\w .()-]*?\.(?:mp4|mov|m4v|avi|webm|mkv|mpg|mpeg|ts|mts|mp3|wav|m4a|aac|ogg|oga|opus|flac|jpe?g|png|gif|webp|srt|vtt))(?![\w])/giu;

/** File names mentioned, matched case-insensitively against the uploads when possible. */
export function findFileNames(text: string, uploads: string[]): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(FILE_NAME)) {
    const words = m[1].trim().split(/\s+/);
    // "use song.mp3" -> "song.mp3": prefer the longest tail that is a real upload, else the last word.
    let name = words[words.length - 1];
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      if (uploads.some((u) => u.toLowerCase() === tail.toLowerCase())) {
        name = tail;
        break;
      }
    }
    found.push(uploads.find((u) => u.toLowerCase() === name.toLowerCase()) ?? name);
  }
  // Uploads named without their extension ("put intro first").
  for (const u of uploads) {
    const base = u.replace(/\.[a-z0-9]+$/i, '');
    if (base.length >= 3 && !found.includes(u) && new RegExp(String.raw`(?<![\w])${escape(base)}(?![\w.])`, 'i').test(text)) found.push(u);
  }
  return found;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ordinal clip references in order of appearance, e.g. "the second clip" -> {position: 2}. */
export function findOrdinalClips(text: string): ClipRef[] {
  const refs: { at: number; ref: ClipRef }[] = [];
  const words = new RegExp(String.raw`\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|eighth|ninth|tenth|last|final)\s+${CLIP_NOUN}\b`, 'gi');
  for (const m of text.matchAll(words)) refs.push({ at: m.index!, ref: { position: ORDINAL_WORDS[m[1].toLowerCase()] } });
  for (const m of text.matchAll(new RegExp(String.raw`\b${CLIP_NOUN}\s*(?:#|number\s*)?(\d+)\b`, 'gi'))) refs.push({ at: m.index!, ref: { position: Number(m[1]) } });
  for (const m of text.matchAll(/第\s*([一二两三四五六七八九十\d]+)\s*(?:个|段)?\s*(?:片段|视频|素材|镜头|段)/g)) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : CN_ORDINALS[m[1]];
    if (n) refs.push({ at: m.index!, ref: { position: n } });
  }
  for (const m of text.matchAll(/最后(?:一)?(?:个|段)?\s*(?:片段|视频|素材|镜头)/g)) refs.push({ at: m.index!, ref: { position: -1 } });
  // "clips 1 and 2" / "clip 1 and clip 3"
  const pair = new RegExp(String.raw`\b${CLIP_NOUN}\s*(\d+)\s*(?:and|&|,|with)\s*(?:${CLIP_NOUN}\s*)?(\d+)\b`, 'i').exec(text);
  if (pair && !refs.some((r) => r.at > pair.index! && r.ref.position === Number(pair[2]))) refs.push({ at: pair.index! + pair[0].length, ref: { position: Number(pair[2]) } });
  return refs.sort((a, b) => a.at - b.at).map((r) => r.ref);
}

/** The clips a clause mentions: names first (they are unambiguous), then ordinals. */
export function findClipRefs(text: string, videoNames: string[]): ClipRef[] {
  const names = findFileNames(text, videoNames).map((name): ClipRef => ({ name }));
  return names.length > 0 ? names : findOrdinalClips(text);
}
