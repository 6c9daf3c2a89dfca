// Music moods, frame shapes and fill modes read from a clause (the words themselves live in editingWords.ts).
import type { Aspect, MusicMood } from '@/lib/engine/timeline/operations/editOperation';
import type { WordGroup } from './editingWords';
import { phrasePattern } from './phrasePattern';

const MOODS: MusicMood[] = ['lofi', 'upbeat', 'cinematic', 'happy', 'corporate', 'calm'];

export function findMood(text: string): MusicMood | undefined {
  return MOODS.find((mood) => phrasePattern(mood).test(text));
}

/** Shapes in the order they are tried: the 4:5 post words before "instagram" alone (a square post). */
const ASPECTS: [WordGroup, Aspect][] = [
  ['portraitPost', '4:5'],
  ['vertical', '9:16'],
  ['square', '1:1'],
  ['landscape', '16:9'],
];

export function findAspect(text: string): Aspect | undefined {
  // Instagram Reels/Stories are vertical; "instagram" alone is a square post.
  if (/instagram|\big\b|insta\b/i.test(text) && /reels?|stor(y|ies)/i.test(text)) return '9:16';
  return ASPECTS.find(([group]) => phrasePattern(group).test(text))?.[1];
}

export function findFit(text: string): 'blur' | 'crop' | 'bars' | undefined {
  if (/blur|模糊/i.test(text)) return 'blur';
  if (/\bbars?\b|letterbox|pillarbox|black (border|background|edges)|黑边|\bpad(ding)?\b/i.test(text)) return 'bars';
  if (/\bcrop|zoom(ed)? in|fill the (frame|screen)|裁剪|裁切|铺满|填满/i.test(text)) return 'crop';
  return undefined;
}
