// Word lists the planner matches against: music moods and platforms (English and Chinese).
import type { Aspect, MusicMood } from '@/lib/engine/timeline/operations/editOperation';

export const MOOD_WORDS: [RegExp, MusicMood][] = [
  [/lo-?fi|chill(?:hop|ed)?\b|study|低保真|慵懒/i, 'lofi'],
  [/upbeat|energetic|energy|dance|fast|pump|lively|driving|动感|活力|节奏感|劲爆/i, 'upbeat'],
  [/cinematic|epic|dramatic|movie|film|trailer|emotional|史诗|电影|大气|震撼/i, 'cinematic'],
  [/happy|cheerful|fun|joyful|bright|playful|sunny|欢快|开心|快乐|愉快|轻快/i, 'happy'],
  [/corporate|business|professional|presentation|tech|商务|企业|专业|科技/i, 'corporate'],
  [/\b(calm|relax(ing|ed)?|soft|gentle|peaceful|ambient|mellow|soothing)\b|舒缓|安静|轻柔|放松|平静|温柔/i, 'calm'],
];

export function findMood(text: string): MusicMood | undefined {
  return MOOD_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Platforms and shape words to an aspect ratio. */
export const ASPECT_WORDS: [RegExp, Aspect][] = [
  [/\b9\s*[:x×/]\s*16\b|vertical|portrait|tik\s?tok|reels?\b|shorts\b|stor(y|ies)\b|snapchat|竖屏|竖版|竖的|抖音|快手|视频号|短视频/i, '9:16'],
  [/\b4\s*[:x×/]\s*5\b|instagram (portrait|feed portrait)|\bportrait post/i, '4:5'],
  [/\b1\s*[:x×/]\s*1\b|square|instagram|\big\b|facebook feed|方形|正方形|方的|小红书/i, '1:1'],
  [/\b16\s*[:x×/]\s*9\b|horizontal|landscape|widescreen|wide screen|youtube|\byt\b|横屏|横版|横的|宽屏|b站|哔哩哔哩|bilibili|西瓜/i, '16:9'],
];

export function findAspect(text: string): Aspect | undefined {
  // Instagram Reels/Stories are vertical; "instagram" alone is a square post.
  if (/instagram|\big\b/i.test(text) && /reels?|stor(y|ies)/i.test(text)) return '9:16';
  return ASPECT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

export function findFit(text: string): 'blur' | 'crop' | 'bars' | undefined {
  if (/blur|模糊/i.test(text)) return 'blur';
  if (/\bbars?\b|letterbox|pillarbox|black (border|background|edges)|黑边|\bpad(ding)?\b/i.test(text)) return 'bars';
  if (/\bcrop|zoom(ed)? in|fill the (frame|screen)|裁剪|裁切|铺满|填满/i.test(text)) return 'crop';
  return undefined;
}
