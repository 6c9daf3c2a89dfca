import { describe, expect, it } from 'vitest';
import { atempoChain, buildSegmentFilters, samplesForFrames, segmentInputArgs } from '@/lib/engine/render/segmentFilters';
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

describe('a segment as filter chains', () => {
  it('seeks on the input for a video clip and reads an image whole', () => {
    expect(segmentInputArgs(segment({ in: 2, out: 7.5 }), MEDIA.talk)).toEqual(['-ss', '2', '-t', '5.5', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4']);
    expect(segmentInputArgs(segment({ sourceId: 'still', out: 3 }), MEDIA.still)).toEqual(['-protocol_whitelist', 'file', '-f', 'png_pipe', '-i', '/data/media/photo.png']);
  });

  it('trims, makes 30 fps and cuts a 5.5 s piece to exactly 165 frames and 264000 samples', () => {
    const f = buildSegmentFilters({ segment: segment({ in: 2, out: 7.5 }), media: MEDIA.talk, inputIndex: 0, position: 0, fit: 'blur', out, voiceVolume: 1 });
    expect(f.video).toBe(
      '[0:v:0]trim=duration=5.5,setpts=PTS-STARTPTS,fps=30[s0in];[s0in]scale=1920:1080,setsar=1[s0fit];' +
        '[s0fit]format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=165,setpts=PTS-STARTPTS[v0]',
    );
    expect(f.audio).toBe(
      '[0:a:0]atrim=duration=5.5,asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,' +
        'apad,atrim=end_sample=264000,asetpts=PTS-STARTPTS[a0]',
    );
  });

  it('speeds up picture and sound together and applies segment volume times voice volume', () => {
    const f = buildSegmentFilters({ segment: segment({ in: 1, out: 9, speed: 2, volume: 0.5 }), media: MEDIA.talk, inputIndex: 2, position: 2, fit: 'blur', out, voiceVolume: 0.8 });
    expect(f.video).toContain('[2:v:0]trim=duration=8,setpts=(PTS-STARTPTS)/2,fps=30[s2in]');
    expect(f.video).toContain('trim=end_frame=120,');
    expect(f.audio).toBe(
      '[2:a:0]atrim=duration=8,asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,' +
        'atempo=2,volume=0.4,apad,atrim=end_sample=192000,asetpts=PTS-STARTPTS[a2]',
    );
  });

  it('loops an image for its length on a blurred fill, with generated silence', () => {
    const f = buildSegmentFilters({ segment: segment({ sourceId: 'still', out: 3 }), media: MEDIA.still, inputIndex: 1, position: 1, fit: 'blur', out, voiceVolume: 1 });
    expect(f.video).toBe(
      '[1:v:0]trim=end_frame=1,loop=loop=-1:size=1,setpts=N/30/TB[s1in];' +
        '[s1in]split=2[s1bg][s1fg];[s1bg]scale=240:320,crop=240:136,boxblur=8:2,scale=1920:1080,setsar=1[s1bgb];' +
        '[s1fg]scale=810:1080,setsar=1[s1fgs];[s1bgb][s1fgs]overlay=555:0[s1fit];' +
        '[s1fit]format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=90,setpts=PTS-STARTPTS[v1]',
    );
    expect(f.audio).toBe('anullsrc=r=48000:cl=stereo,atrim=end_sample=144000,aformat=sample_fmts=fltp:channel_layouts=stereo[a1]');
  });

  it('gives a clip without sound exact-length silence', () => {
    const f = buildSegmentFilters({ segment: segment({ sourceId: 'silent', out: 4 }), media: MEDIA.silent, inputIndex: 3, position: 3, fit: 'bars', out, voiceVolume: 1 });
    expect(f.audio).toBe('anullsrc=r=48000:cl=stereo,atrim=end_sample=192000,aformat=sample_fmts=fltp:channel_layouts=stereo[a3]');
  });

  it('matches audio samples to whole frames', () => {
    expect(samplesForFrames(1, 30)).toBe(1600);
    expect(samplesForFrames(1001, 30)).toBe(1_601_600);
  });
});
