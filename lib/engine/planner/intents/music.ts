// Background music (library mood or an uploaded file), its volume, and the voice volume.
import { findFileNames } from '../parameters/clipRefs';
import { findDurations, findPercent } from '../parameters/numbers';
import { findMood } from '../parameters/vocabulary';
import type { EditOperationOf } from '@/lib/engine/timeline/operations/editOperation';
import { REMOVE_WORDS, type Intent, type PlanContext } from './intent';

const MUSIC_WORDS = /\b(music|song|songs|soundtrack|bgm|tune|tunes|beat|beats|backing track|audio track|track)\b|音乐|配乐|背景乐|歌曲|歌|bgm/;
const VOICE_WORDS = /\b(voice|voices|speech|speaker|dialogue|dialog|vocals?|narration|narrator|talking|speaking|commentary)\b|人声|说话|原声|旁白|解说/;
const LOUDER = /\b(louder|up|raise|increase|boost|higher|more audible)\b|大声|调高|调大|提高|增大/;
const QUIETER = /\b(quieter|softer|down|lower|reduce|decrease|less loud|too loud|turn down|duck)\b|小声|调低|调小|降低|减小|轻一点|小一点/;
const VOLUME_WORDS = /\b(volume|level|loud|louder|quieter|softer|quiet|mute|muted|silence the|turn( \w+){0,2} (up|down)|lower|raise|percent)\b|%|％|音量|声音|大声|小声|静音|调低|调高/;

function volumeChange(text: string): Pick<EditOperationOf<'setVolume'>, 'level' | 'change'> | null {
  const percent = findPercent(text);
  if (percent !== undefined) return { level: Math.min(2, percent) };
  if (/\bmute|静音/.test(text)) return { change: 'mute' };
  if (QUIETER.test(text)) return { change: 'down' };
  if (LOUDER.test(text)) return { change: 'up' };
  return null;
}

function audioUploads(ctx: PlanContext) {
  return ctx.uploads.filter((u) => u.kind === 'audio').map((u) => u.name);
}

export const musicIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  const files = findFileNames(t, audioUploads(ctx)).filter((f) => audioUploads(ctx).some((a) => a.toLowerCase() === f.toLowerCase()) || /\.(mp3|wav|m4a|aac|ogg|oga|opus|flac)$/i.test(f));
  if (!MUSIC_WORDS.test(t) && files.length === 0) return null;
  const adding = /\b(add|use|put|play|include|insert|give|want|need|with|set|as|some|choose|pick|try|swap|switch|replace|change)\b|加|添加|配上|用|换成|放/.test(t);
  const explicitAdd = files.length > 0 || findMood(t) !== undefined || /\b(add|use|insert|include|put)\b|加|添加|配上|换成/.test(t);
  if (REMOVE_WORDS.test(t) && !explicitAdd) return { ops: [{ type: 'removeMusic' }], topic: 'music' };

  const change = VOLUME_WORDS.test(t) ? volumeChange(t) : null;
  if (change && !explicitAdd) return { ops: [{ type: 'setVolume', target: 'music', ...change }], topic: 'music' };

  const fades = findDurations(t);
  const op: EditOperationOf<'addMusic'> = { type: 'addMusic' };
  if (files.length > 0) op.file = files[0];
  else op.mood = findMood(t);
  if (change?.level !== undefined) op.volume = Math.min(1, change.level);
  else if (change?.change === 'down') op.volume = 0.15;
  if (/\b(no|without|don't|do not|never)\b.*\bduck|\bno ducking\b|不要压低/.test(t)) op.duck = false;
  if (/\bfade (it )?in\b/.test(t) && fades.length) op.fadeInSeconds = fades[0];
  if (/\bfade (it )?out\b/.test(t) && fades.length) op.fadeOutSeconds = fades[fades.length - 1];
  if (!adding && !change && !ctx.hasMusic && !/music|音乐|配乐|bgm/.test(t)) return null;
  return { ops: [op], topic: 'music' };
};

export const voiceIntent: Intent = (clause) => {
  const t = clause.text;
  if (!VOICE_WORDS.test(t) || !VOLUME_WORDS.test(t)) return null;
  const change = volumeChange(t);
  if (!change) return null;
  return { ops: [{ type: 'setVolume', target: 'voice', ...change }], topic: 'voice' };
};
