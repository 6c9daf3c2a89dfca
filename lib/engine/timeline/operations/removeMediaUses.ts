// Takes every piece of one source off the timeline: its video segments and the music clips that play it.
import type { Timeline } from '../schema';

export function mediaUseCount(timeline: Timeline, mediaId: string): number {
  const video = timeline.video.filter((s) => s.sourceId === mediaId).length;
  const audio = timeline.audio.filter((a) => a.source.kind === 'media' && a.source.mediaId === mediaId).length;
  return video + audio;
}

export function removeMediaUses(timeline: Timeline, mediaId: string): Timeline {
  return {
    ...timeline,
    video: timeline.video.filter((s) => s.sourceId !== mediaId),
    audio: timeline.audio.filter((a) => !(a.source.kind === 'media' && a.source.mediaId === mediaId)),
  };
}
