// The finished sound: loudness normalisation ("make it louder", "normalise for podcast") and "make a video from this audio".
import type { LoudnessTarget } from '@/lib/engine/timeline/schema';
import { findFileNames } from '../parameters/clipRefs';
import type { Intent } from './intent';

const AUDIO_NOUN = /\b(audio|podcast|episode|recording|sound file|voice memo|mp3|wav|m4a|this)\b|音频|播客|录音/;
const TO_VIDEO = /\b(make|turn|create|convert|render|build|get|produce)\b.*\bvideo\b|\b(in)?to (a |an )?(mp4|video)\b|做成视频|转成视频|生成视频|变成视频/;

/** "make a video from this audio", "turn the podcast into a video", "把音频做成视频". */
export const audioVideoIntent: Intent = (clause, ctx) => {
  const t = clause.text;
  if (!TO_VIDEO.test(t) || !AUDIO_NOUN.test(t)) return null;
  const audio = ctx.uploads.filter((u) => u.kind === 'audio').map((u) => u.name);
  if (!/\b(audio|podcast|episode|recording|mp3|wav|m4a)\b|音频|播客|录音/.test(t) && audio.length === 0) return null;
  const file = findFileNames(t, audio)[0];
  return { ops: [{ type: 'audioAsVideo', ...(file ? { file } : {}) }], topic: 'sound' };
};

function loudnessTarget(t: string): LoudnessTarget | null {
  const normalise = /\bnormali[sz](e|ed|ing|ation)\b|\bloudness\b|\blufs\b|响度|标准化|归一化/.test(t);
  if (normalise && /\b(no|without|don't|do not|turn off|skip|disable|stop|remove)\b|不要|关闭|取消/.test(t)) return 'off';
  if (/\bkeep (the )?(original|natural|recorded) (loudness|levels?|volume)\b|\bas recorded\b|保持原始音量/.test(t)) return 'off';
  if (/\bpodcast\b|-16\s*lufs|播客/.test(t) && (normalise || /\b(level|levels|loud|volume)\b|音量/.test(t))) return 'podcast';
  if (normalise) return 'social';
  if (/\b(make|get|turn) (it|the (video|sound|audio|export|whole thing))( \w+)? louder\b|\blouder overall\b|^louder\b|整体大声|声音大一点|大声一点/.test(t)) return 'social';
  return null;
}

/** Runs after the music and voice intents: "make the music louder" is theirs, "make it louder" is the whole sound. */
export const loudnessIntent: Intent = (clause, ctx) => {
  const target = loudnessTarget(clause.text);
  if (!target) return null;
  // "make it louder" right after a music or voice change means that track: the planner re-reads "it" as the topic.
  if (/\b(it|that|this)\b/.test(clause.text) && (ctx.recentTopic === 'music' || ctx.recentTopic === 'voice') && !/normali|loudness|lufs|响度/.test(clause.text)) return null;
  return { ops: [{ type: 'setLoudness', target }], topic: 'sound' };
};
