// The finished sound: how loud it is made (loudness target), and turning an audio upload into the video.
import type { LoudnessTarget, Timeline } from '../schema';
import type { EditOperationOf } from './editOperation';
import { OperationError, type OperationContext, type OperationResult } from './operationContext';

const TARGET_TEXT: Record<LoudnessTarget, string> = {
  social: '-14 LUFS, the level YouTube, TikTok and Instagram play at',
  podcast: '-16 LUFS, the level podcast apps expect',
  off: 'as recorded (no loudness normalisation)',
};

export function setLoudness(timeline: Timeline, op: EditOperationOf<'setLoudness'>): OperationResult {
  if (op.target === timeline.loudness && op.target === 'social') {
    // "Make it louder" at the social level: louder still would only be turned down again by the platforms.
    return { timeline, said: `The sound is already made ${TARGET_TEXT.social}; louder would be turned back down there. To lift the voice over the music, say "music quieter".` };
  }
  const said = op.target === 'off' ? `The export's sound will stay ${TARGET_TEXT.off}.` : `The export's sound will be normalised to ${TARGET_TEXT[op.target]}, peaks at or under -1 dBTP.`;
  return { timeline: { ...timeline, loudness: op.target }, said };
}

/**
 * The audio upload becomes the main track, whole; stills leave it (the first image is the
 * background) and the file stops playing as music. Refused when the project has video clips:
 * then the audio belongs under them.
 */
export function audioAsVideo(timeline: Timeline, op: EditOperationOf<'audioAsVideo'>, ctx: OperationContext): OperationResult {
  const audio = ctx.media.filter((m) => m.kind === 'audio' && m.duration > 0);
  const wanted = op.file?.toLowerCase();
  const picked = wanted ? audio.find((m) => m.name.toLowerCase() === wanted) ?? audio.find((m) => m.name.toLowerCase().startsWith(wanted.replace(/\.[a-z0-9]+$/, ''))) : audio[audio.length - 1];
  if (!picked) {
    throw new OperationError(audio.length ? `I can't find an audio upload called ${op.file} (audio files here: ${audio.map((m) => m.name).join(', ')}).` : 'There is no audio upload yet: upload the recording (MP3, WAV, M4A...) first.');
  }
  const kinds = new Map(ctx.media.map((m) => [m.id, m.kind]));
  const videos = timeline.video.filter((s) => kinds.get(s.sourceId) === 'video');
  if (videos.length > 0) {
    throw new OperationError(`This project already has video clips, so ${picked.name} would play under them: say "use ${picked.name} as music" for that, or start a new project for the audio alone.`);
  }
  const image = ctx.media.find((m) => m.kind === 'image');
  const video = [{ id: ctx.newId(), sourceId: picked.id, in: 0, out: picked.duration, speed: 1, volume: 1 }];
  const audioClips = timeline.audio.filter((c) => !(c.source.kind === 'media' && c.source.mediaId === picked.id));
  const background = image ? `the image ${image.name}` : 'a plain background';
  return {
    timeline: { ...timeline, video, audio: audioClips },
    said: `${picked.name} is now the video: its sound over ${background}, with the project title and a waveform. Export to get a ${timeline.canvas.width}x${timeline.canvas.height} MP4.`,
  };
}
