import { describe, expect, it } from 'vitest';
import { atempoChain, buildSegmentFilters, samplesForFrames } from '@/lib/engine/render/segmentFilters';
import type { VideoSegment } from '@/lib/engine/timeline/schema';
import { MEDIA } from './fixtures';

const out = { width: 1920, height: 1080, fps: 30 };
const segment = (patch: Partial<VideoSegment>): VideoSegment => ({ id: 's', sourceId: 'talk', in: 0, out: 10, speed: 1, volume: 1, ...patch });

describe('atempo chains keep every stage within 0.5..2', () => {
  it.each([
    [1, []],
    [1.5, ['atempo=1.5']],
    [2, ['atempo=2']],
    [4, ['atempo=2', 'atempo=2']],
    [3, ['atempo=2', 'atempo=1.5']],
    [0.5, ['atempo=0.5']],
    [0.25, ['atempo=0.5', 'atempo=0.5']],
    [0.1, ['atempo=0.5', 'atempo=0.5', 'atempo=0.5', 'atempo=0.8']],
    [16, ['atempo=2', 'atempo=2', 'atempo=2', 'atempo=2']],
  ])('speed %s becomes %j', (speed, chain) => {
    expect(atempoChain(speed)).toEqual(chain);
  });
});

describe('a piece as filter chains, cut from its read', () => {
  it('cuts a 5.5 s piece starting 2 s into its read to exactly 165 frames and 264000 samples', () => {
    const f = buildSegmentFilters({ segment: segment({ in: 2, out: 7.5 }), media: MEDIA.talk, videoIn: 'r0v1', audioIn: 'r0a1', startFrame: 60, position: 4, out, voiceVolume: 1 });
    expect(f.video).toBe('[r0v1]trim=start_frame=60:end_frame=225,setpts=PTS-STARTPTS[v4]');
    expect(f.audio).toBe('[r0a1]atrim=start_sample=96000:end_sample=360000,asetpts=PTS-STARTPTS[a4]');
  });

  it('speeds up picture and sound together, from one frame and a tenth of a second more source than needed, and applies segment volume times voice volume', () => {
    const f = buildSegmentFilters({ segment: segment({ in: 1, out: 9, speed: 2, volume: 0.5 }), media: MEDIA.talk, videoIn: 'r2v0', audioIn: 'r2a0', startFrame: 0, position: 2, out, voiceVolume: 0.8 });
    expect(f.video).toBe('[r2v0]trim=start_frame=0:end_frame=241,setpts=(PTS-STARTPTS)/2,fps=30,trim=end_frame=120,setpts=PTS-STARTPTS[v2]');
    expect(f.audio).toBe(
      '[r2a0]atrim=start_sample=0:end_sample=388800,asetpts=PTS-STARTPTS,atempo=2,volume=0.4,apad,atrim=end_sample=192000,asetpts=PTS-STARTPTS[a2]',
    );
  });

  it('gives a clip without sound exact-length silence', () => {
    const f = buildSegmentFilters({ segment: segment({ sourceId: 'silent', out: 4 }), media: MEDIA.silent, videoIn: 'r3v0', audioIn: null, startFrame: 0, position: 3, out, voiceVolume: 1 });
    expect(f.audio).toBe('anullsrc=r=48000:cl=stereo,atrim=end_sample=192000,aformat=sample_fmts=fltp:channel_layouts=stereo[a3]');
  });

  it('makes no picture for a piece of an audio-only timeline (the export makes one for the whole)', () => {
    const f = buildSegmentFilters({ segment: segment({ sourceId: 'podcast', out: 4 }), media: MEDIA.podcast, videoIn: null, audioIn: 'r0a0', startFrame: 0, position: 0, out, voiceVolume: 1 });
    expect(f.video).toBeNull();
  });

  it('matches audio samples to whole frames', () => {
    expect(samplesForFrames(1, 30)).toBe(1600);
    expect(samplesForFrames(1001, 30)).toBe(1_601_600);
  });
});
