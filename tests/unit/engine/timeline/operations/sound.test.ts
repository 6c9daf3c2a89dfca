import { describe, expect, test } from 'vitest';
import { OperationError } from '@/lib/engine/timeline/operations/operationContext';
import { audioAsVideo, setLoudness } from '@/lib/engine/timeline/operations/sound';
import { contextWith, timelineOf } from './operationFixtures';

describe('setLoudness', () => {
  test('social is the default; podcast and off change the target and say the level', () => {
    const t = timelineOf([{ sourceId: 'm-talk', out: 60 }]);
    expect(t.loudness).toBe('social');
    const podcast = setLoudness(t, { type: 'setLoudness', target: 'podcast' });
    expect(podcast.timeline.loudness).toBe('podcast');
    expect(podcast.said).toMatch(/-16 LUFS/);
    expect(setLoudness(t, { type: 'setLoudness', target: 'off' }).timeline.loudness).toBe('off');
    expect(setLoudness(podcast.timeline, { type: 'setLoudness', target: 'social' }).said).toMatch(/-14 LUFS.*-1 dBTP/);
  });

  test('"louder" at the social level says why it stays there and what to try', () => {
    const t = timelineOf([{ sourceId: 'm-talk', out: 60 }]);
    const r = setLoudness(t, { type: 'setLoudness', target: 'social' });
    expect(r.timeline).toBe(t);
    expect(r.said).toMatch(/already .*-14 LUFS.*music quieter/);
  });
});

describe('audioAsVideo', () => {
  const media = [
    { id: 'm-cover', name: 'cover.jpg', kind: 'image' as const, duration: 0 },
    { id: 'm-ep', name: 'episode.mp3', kind: 'audio' as const, duration: 1800 },
  ];
  test('the latest audio upload becomes the main track, whole; stills leave it and it stops playing as music', () => {
    const t = timelineOf([{ sourceId: 'm-cover', out: 3 }], { audio: [{ id: 'mu', name: 'episode.mp3', source: { kind: 'media', mediaId: 'm-ep' }, start: 0, end: null, volume: 0.3, duck: true, loop: true, fadeInSeconds: 1, fadeOutSeconds: 2 }] });
    const r = audioAsVideo(t, { type: 'audioAsVideo' }, contextWith({ media }));
    expect(r.timeline.video.map((s) => [s.sourceId, s.in, s.out])).toEqual([['m-ep', 0, 1800]]);
    expect(r.timeline.audio).toEqual([]);
    expect(r.said).toMatch(/episode\.mp3 is now the video: its sound over the image cover\.jpg/);
  });

  test('refuses when there is no audio, or when the project has video clips (the audio belongs under them)', () => {
    expect(() => audioAsVideo(timelineOf([]), { type: 'audioAsVideo' }, contextWith({ media: [] }))).toThrow(/no audio upload yet/);
    const withVideo = timelineOf([{ sourceId: 'm-talk', out: 60 }]);
    expect(() => audioAsVideo(withVideo, { type: 'audioAsVideo', file: 'song.mp3' }, contextWith())).toThrow(OperationError);
    expect(() => audioAsVideo(withVideo, { type: 'audioAsVideo', file: 'song.mp3' }, contextWith())).toThrow(/use song\.mp3 as music/);
  });
});
