// The built-in background music: six generated tracks, one per mood, and a lookup that understands mood words in English and Chinese.

export type Mood = 'calm' | 'upbeat' | 'lofi' | 'cinematic' | 'happy' | 'corporate';

export interface LibraryTrack {
  id: string;
  name: string;
  mood: Mood;
  bpm: number;
  durationSeconds: number;
  credit: string;
}

const CREDIT = 'In Video built-in track (generated, CC0)';
/** Each track is a loop of whole 4/4 bars: bars × 4 beats × 60 s / bpm. */
const barsLong = (bars: number, bpm: number) => (bars * 240) / bpm;

export const MUSIC_LIBRARY: LibraryTrack[] = [
  { id: 'calm-horizon', name: 'Calm Horizon', mood: 'calm', bpm: 72, durationSeconds: barsLong(20, 72), credit: CREDIT },
  { id: 'bright-drive', name: 'Bright Drive', mood: 'upbeat', bpm: 128, durationSeconds: barsLong(32, 128), credit: CREDIT },
  { id: 'lofi-morning', name: 'Lo-fi Morning', mood: 'lofi', bpm: 80, durationSeconds: barsLong(20, 80), credit: CREDIT },
  { id: 'northern-saga', name: 'Northern Saga', mood: 'cinematic', bpm: 64, durationSeconds: barsLong(16, 64), credit: CREDIT },
  { id: 'sunny-steps', name: 'Sunny Steps', mood: 'happy', bpm: 120, durationSeconds: barsLong(32, 120), credit: CREDIT },
  { id: 'forward-motion', name: 'Forward Motion', mood: 'corporate', bpm: 112, durationSeconds: barsLong(28, 112), credit: CREDIT },
];

/** Words people use for each mood. Latin words match whole words; Chinese words match anywhere in the text. */
export const MOOD_WORDS: Record<Mood, string[]> = {
  calm: ['calm', 'chill', 'relaxing', 'relaxed', 'relax', 'peaceful', 'soft', 'gentle', 'ambient', 'mellow', '轻松', '平静', '舒缓', '安静', '放松'],
  upbeat: ['upbeat', 'energetic', 'fun', 'energy', 'dance', 'party', 'hype', 'exciting', '欢快', '动感', '活力', '激情'],
  lofi: ['lofi', 'lo-fi', 'lo fi', 'hip hop', 'hiphop', 'study', '低保真', '慵懒'],
  cinematic: ['cinematic', 'epic', 'dramatic', 'film', 'movie', 'trailer', 'orchestral', '史诗', '电影感', '电影', '大气', '震撼'],
  happy: ['happy', 'cheerful', 'joyful', 'bright', 'sunny', 'playful', '快乐', '开心', '愉快', '阳光'],
  corporate: ['corporate', 'business', 'professional', 'inspiring', 'presentation', 'commercial', '商务', '企业', '专业'],
};

const normalise = (text: string) => text.toLowerCase().replace(/[\s_\-‐–—]+/g, ' ').trim();
const hasCjk = (word: string) => /[\u3400-\u9fff]/.test(word);

/**
 * The library track for a mood word ("chill", "lo-fi", "史诗"), a track id or name, or a phrase containing one of
 * those ("some epic music"); undefined when nothing fits.
 */
export function findTrackByMood(mood: string): LibraryTrack | undefined {
  const text = normalise(mood);
  if (!text) return undefined;
  const byTrack = MUSIC_LIBRARY.find((t) => t.mood === text || normalise(t.id) === text || normalise(t.name) === text);
  if (byTrack) return byTrack;
  const padded = ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const [found, words] of Object.entries(MOOD_WORDS) as [Mood, string[]][]) {
    const hit = words.some((word) => (hasCjk(word) ? text.includes(word) : padded.includes(` ${normalise(word)} `)));
    if (hit) return MUSIC_LIBRARY.find((t) => t.mood === found);
  }
  return undefined;
}
