// Uploads land on the timeline: videos append to the main track, images become 3 s stills, audio waits
// as music, except in a project with no picture yet: there the audio is the video (a podcast).
import { nanoid } from 'nanoid';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { LANDSCAPE_CANVAS, PORTRAIT_CANVAS, type Timeline } from '../schema';

export const STILL_SECONDS = 3;

type Upload = Pick<MediaRecord, 'id' | 'probe'>;

/**
 * `known` is every upload of the project (it tells which main-track pieces are sound only). Audio
 * joins the main track when the track is empty or holds only audio, and nothing in this upload
 * is a video; images then stay off the track (the render uses the first one as the background).
 * A video arriving on a sound-only track takes the track back: the audio waits again, as music.
 */
export function appendMedia(timeline: Timeline, media: Upload[], known: Upload[] = media): Timeline {
  const kinds = new Map([...known, ...media].map((m) => [m.id, m.probe.kind]));
  const soundOnly = timeline.video.length > 0 && timeline.video.every((s) => kinds.get(s.sourceId) === 'audio');
  const bringsVideo = media.some((m) => m.probe.kind === 'video' && m.probe.duration > 0);
  const bringsAudio = media.some((m) => m.probe.kind === 'audio' && m.probe.duration > 0);
  const audioIsTheVideo = !bringsVideo && (soundOnly || (timeline.video.length === 0 && bringsAudio));

  const video = soundOnly && bringsVideo ? [] : [...timeline.video];
  for (const m of media) {
    if (m.probe.kind === 'video' && m.probe.duration > 0) {
      video.push({ id: nanoid(10), sourceId: m.id, in: 0, out: m.probe.duration, speed: 1, volume: 1 });
    } else if (m.probe.kind === 'image' && !audioIsTheVideo) {
      video.push({ id: nanoid(10), sourceId: m.id, in: 0, out: STILL_SECONDS, speed: 1, volume: 1 });
    } else if (m.probe.kind === 'audio' && m.probe.duration > 0 && audioIsTheVideo) {
      video.push({ id: nanoid(10), sourceId: m.id, in: 0, out: m.probe.duration, speed: 1, volume: 1 });
    }
  }
  let canvas = timeline.canvas;
  const firstPicture = media.find((m) => m.id === video[0]?.sourceId && m.probe.kind !== 'audio');
  if (!timeline.canvasLocked && (timeline.video.length === 0 || soundOnly) && firstPicture) {
    // The canvas follows the first clip until the user picks an aspect.
    const portrait = firstPicture.probe.width && firstPicture.probe.height ? firstPicture.probe.height > firstPicture.probe.width : false;
    canvas = { ...(portrait ? PORTRAIT_CANVAS : LANDSCAPE_CANVAS), fps: canvas.fps };
  }
  return { ...timeline, canvas, video };
}
