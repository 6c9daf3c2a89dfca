// Background music (library mood or an uploaded file), its volume, and the voice volume.
import { findFileNames } from '../parameters/clipRefs';
import { findDurations, findPercent } from '../parameters/numbers';
import { phrasePattern } from '../parameters/phrasePattern';
import { findMood } from '../parameters/vocabulary';
import type { EditOperationOf } from '@/lib/engine/timeline/operations/editOperation';
import { REMOVE_WORDS, type Intent, type PlanContext } from './intent';

const MUSIC_WORDS = phrasePattern('music');
const VOICE_WORDS = phrasePattern('voice');
/** "my voice is too quiet" asks for more, "the music is too loud" for less. */
const TOO_QUIET = /\btoo (quiet|soft|low)\b|\b(can'?t|cannot|hard to) hear\b|听不清|太小声|太小了/;
const TOO_LOUD = /\btoo loud\b|太大声|太吵|太响/;
const LOUDER = /\b(louder|up|raise|increase|boost|higher|more audible)\b|大声|调高|调大|提高|增大|大一点|大些/;
const QUIETER = /\b(quieter|softer|down|lower|reduce|decrease|less loud|too loud|turn down|duck)\b|小声|调低|调小|降低|减小|轻一点|小一点/;
const VOLUME_WORDS = /\b(volume|level|loud|louder|quieter|softer|quiet|mute|muted|silence the|turn( \w+){0,2} (up|down)|turn (up|down)|lower|raise|boost|percent)\b|%|％|音量|声音|大声|小声|静音|调低|调高|大一点|小一点|关掉|关闭/;

function volumeChange(text: string): Pick<EditOperationOf<'setVolume'>, 'level' | 'change'> | null {
  const percent = findPercent(text);
  if (percent !== undefined) return { level: Math.min(2, percent) };
  if (/\bmute|静音|关掉|关闭/.test(text)) return { change: 'mute' };
  if (TOO_QUIET.test(text)) return { change: 'up' };
  if (TOO_LOUD.test(text)) return { change: 'down' };
  if (QUIETER.test(text)) return { change: 'down' };
  if (LOUDER.test(text)) return { change: 'up' };
  return null;
}

const OWN_SONG = /\b(my|our|own|uploaded|the one i|i uploaded|i added|i just)\b|我的|上传的|我传的/;
const NO_MUSIC = /\bno (background )?(music|bgm|songs?|soundtrack)\b|\b(don'?t|do not|dont) (want|need|like) (the |any )?(background )?(music|bgm|songs?)\b|不要(背景)?音乐|不要配乐|不想要(背景)?音乐/;

function audioUploads(ctx: PlanContext) {
  return ctx.uploads.filter((u) => u.kind === 'audio').map((u) => u.name);
}

export const musicIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  const files = findFileNames(t, audioUploads(ctx)).filter((f) => audioUploads(ctx).some((a) => a.toLowerCase() === f.toLowerCase()) || /\.(mp3|wav|m4a|aac|ogg|oga|opus|flac)$/i.test(f));
  if (!MUSIC_WORDS.test(t) && files.length === 0) return null;
  // "my song", "the track I uploaded": the newest audio upload.
  if (files.length === 0 && audioUploads(ctx).length > 0 && OWN_SONG.test(t)) files.push(audioUploads(ctx).at(-1)!);
  const adding = /\b(add|use|put|play|include|insert|give|want|need|with|set|as|some|choose|pick|try|swap|switch|replace|change)\b|加|添加|配上|用|换成|放/.test(t);
  const explicitAdd = files.length > 0 || findMood(t) !== undefined || /\b(add|use|insert|include|put)\b|加|添加|配上|换成/.test(t);
  if ((REMOVE_WORDS.test(t) || NO_MUSIC.test(t)) && !explicitAdd && !/\b(volume|mute)\b|静音|音量/.test(t)) return { ops: [{ type: 'removeMusic' }], topic: 'music' };

  const change = VOLUME_WORDS.test(t) ? volumeChange(t) : null;
  // "music at 20%" with no music yet adds it at that level.
  if (change && !explicitAdd && (ctx.hasMusic || change.level === undefined)) return { ops: [{ type: 'setVolume', target: 'music', ...change }], topic: 'music' };

  const fades = findDurations(t);
  const op: EditOperationOf<'addMusic'> = { type: 'addMusic' };
  if (files.length > 0) op.file = files[0];
  else op.mood = findMood(t);
  if (change?.level !== undefined) op.volume = Math.min(1, change.level);
  else if (change?.change === 'down') op.volume = 0.15;
  if (/\b(no|without|don't|do not|never)\b.*\bduck|\bno ducking\b|不要压低/.test(t)) op.duck = false;
  if (/\bfade (it )?in\b/.test(t) && fades.length) op.fadeInSeconds = fades[0];
  if (/\bfade (it )?out\b/.test(t) && fades.length) op.fadeOutSeconds = fades[fades.length - 1];
  if (!adding && !explicitAdd && !change && !ctx.hasMusic && !/music|background|音乐|配乐|bgm/.test(t)) return null;
  // A bare name ("the song") says what, not what to do with it: the planner offers it instead.
  if (!adding && !change && !op.mood && t.split(/\s+/).length <= 2 && !/\b(in|on|under|behind|please|pls)\b|加|配|用|放/.test(t)) return null;
  return { ops: [op], topic: 'music' };
};

export const voiceIntent: Intent = (clause) => {
  const t = clause.text;
  if (!VOICE_WORDS.test(t) || !(VOLUME_WORDS.test(t) || LOUDER.test(t) || TOO_QUIET.test(t) || TOO_LOUD.test(t))) return null;
  const change = volumeChange(t);
  if (!change) return null;
  return { ops: [{ type: 'setVolume', target: 'voice', ...change }], topic: 'voice' };
};
