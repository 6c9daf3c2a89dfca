// Background music: add or replace (a library mood or an uploaded file), remove, and music/voice volume.
import type { AudioClip, Timeline } from '../schema';
import type { EditOperationOf } from './editOperation';
import { OperationError, type OperationContext, type OperationResult } from './operationContext';

export const DEFAULT_MUSIC_VOLUME = 0.3;
const pct = (v: number) => `${Math.round(v * 100)}%`;

type PickedSource = Pick<AudioClip, 'name' | 'source'> & { substitute?: string };

function pickSource(op: EditOperationOf<'addMusic'>, ctx: OperationContext, previous: AudioClip | undefined): PickedSource {
  // "duck the music" or "fade the music in" keeps the track already chosen.
  if (!op.file && !op.mood && previous) return { name: previous.name, source: previous.source };
  if (op.file) {
    const wanted = op.file.toLowerCase();
    const media = ctx.media.find((m) => m.name.toLowerCase() === wanted) ?? ctx.media.find((m) => m.name.toLowerCase().startsWith(wanted.replace(/\.[a-z0-9]+$/, '')));
    if (!media) {
      const audio = ctx.media.filter((m) => m.kind === 'audio').map((m) => m.name);
      throw new OperationError(`I can't find an upload called ${op.file}${audio.length ? ` (audio files here: ${audio.join(', ')})` : ''}. Upload it first, or ask for a mood like "calm music".`);
    }
    if (media.kind === 'image') throw new OperationError(`${media.name} is an image, so it has no sound to use as music.`);
    return { name: media.name, source: { kind: 'media', mediaId: media.id } };
  }
  if (ctx.music.length === 0) throw new OperationError('The music library is empty, so I can only use an uploaded audio file.');
  const track = (op.mood && ctx.music.find((t) => t.mood === op.mood)) || ctx.music.find((t) => t.mood === 'calm') || ctx.music[0];
  const substitute = op.mood && track.mood !== op.mood ? ` (there is no ${op.mood} track, so I picked ${track.mood})` : '';
  return { name: track.name, source: { kind: 'library', trackId: track.id }, substitute };
}

export function addMusic(timeline: Timeline, op: EditOperationOf<'addMusic'>, ctx: OperationContext): OperationResult {
  const previous = timeline.audio[0];
  const { name, source, substitute = '' } = pickSource(op, ctx, previous);
  const clip: AudioClip = {
    id: ctx.newId(),
    name,
    source,
    start: 0,
    end: null,
    volume: op.volume ?? previous?.volume ?? DEFAULT_MUSIC_VOLUME,
    duck: op.duck ?? true,
    loop: true,
    fadeInSeconds: op.fadeInSeconds ?? 1,
    fadeOutSeconds: op.fadeOutSeconds ?? 2,
  };
  const same = previous && JSON.stringify(previous.source) === JSON.stringify(source);
  const verb = same ? 'Updated the music' : previous ? 'Replaced the music with' : 'Added background music:';
  const ducking = clip.duck ? ', lowered under speech' : '';
  return {
    timeline: { ...timeline, audio: [clip] },
    said: `${verb} "${name}"${substitute} at ${pct(clip.volume)}${ducking}, looping to cover the video and fading out at the end.`,
  };
}

export function removeMusic(timeline: Timeline): OperationResult {
  if (timeline.audio.length === 0) throw new OperationError('There is no background music to remove.');
  return { timeline: { ...timeline, audio: [] }, said: 'Removed the background music.' };
}

function changed(current: number, op: EditOperationOf<'setVolume'>): number {
  if (op.level !== undefined) return op.level;
  if (op.change === 'mute') return 0;
  if (op.change === 'up') return current === 0 ? 0.3 : current * 1.5;
  return current * 0.5;
}

export function setVolume(timeline: Timeline, op: EditOperationOf<'setVolume'>): OperationResult {
  if (op.target === 'voice') {
    const voiceVolume = Math.min(4, Math.max(0, changed(timeline.voiceVolume, op)));
    return { timeline: { ...timeline, voiceVolume }, said: `Set the voice volume to ${pct(voiceVolume)}.` };
  }
  if (timeline.audio.length === 0) throw new OperationError('There is no background music yet: say "add background music" first.');
  const volume = Math.min(2, Math.max(0, changed(timeline.audio[0].volume, op)));
  const audio = timeline.audio.map((c) => ({ ...c, volume }));
  return { timeline: { ...timeline, audio }, said: volume === 0 ? 'Muted the music.' : `Set the music volume to ${pct(volume)}.` };
}
