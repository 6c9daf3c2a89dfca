import { describe, expect, it } from 'vitest';
import { mediaUseCount, removeMediaUses } from '@/lib/engine/timeline/operations/removeMediaUses';
import { timelineSchema } from '@/lib/engine/timeline/schema';

const timeline = timelineSchema.parse({
  canvas: { width: 1920, height: 1080, fps: 30 },
  video: [
    { id: 's1', sourceId: 'a', in: 0, out: 5 },
    { id: 's2', sourceId: 'b', in: 0, out: 3 },
    { id: 's3', sourceId: 'a', in: 7, out: 9 },
  ],
  audio: [
    { id: 'm1', name: 'Song', source: { kind: 'media', mediaId: 'b' } },
    { id: 'm2', name: 'Calm', source: { kind: 'library', trackId: 'a' } },
  ],
  texts: [{ id: 't', text: 'Hi', start: 0, end: 2 }],
});

describe('taking one source off the timeline', () => {
  it('counts its video pieces and the music clips that play it (a library id is not a media id)', () => {
    expect(mediaUseCount(timeline, 'a')).toBe(2);
    expect(mediaUseCount(timeline, 'b')).toBe(2);
    expect(mediaUseCount(timeline, 'c')).toBe(0);
  });

  it('removes exactly those and leaves the rest as it was', () => {
    const out = removeMediaUses(timeline, 'b');
    expect(out.video.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(out.audio.map((a) => a.id)).toEqual(['m2']);
    expect(out.texts).toEqual(timeline.texts);
    expect(mediaUseCount(out, 'b')).toBe(0);
  });
});
