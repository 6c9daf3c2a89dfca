import { describe, expect, it } from 'vitest';
import { buildMusicMixFilter, musicInputArgs, musicSpan, sumStreams } from '@/lib/engine/render/musicMix';
import { audioClipSchema } from '@/lib/engine/timeline/schema';

const libraryClip = audioClipSchema.parse({ id: 'm', name: 'Calm', source: { kind: 'library', trackId: 'calm-horizon' } });
const songClip = audioClipSchema.parse({
  id: 'n', name: 'Song', source: { kind: 'media', mediaId: 'x' }, start: 5, end: 12, volume: 0.5, duck: false, loop: false, fadeInSeconds: 0, fadeOutSeconds: 0,
});

describe('background music under the voice', () => {
  it('loops a looping clip on the input, plays a one-shot once', () => {
    expect(musicInputArgs(libraryClip, '/m/calm.wav', 'wav')).toEqual(['-stream_loop', '-1', '-protocol_whitelist', 'file', '-f', 'wav', '-i', '/m/calm.wav']);
    expect(musicInputArgs(songClip, '/m/song.mp3', 'mp3')).toEqual(['-protocol_whitelist', 'file', '-f', 'mp3', '-i', '/m/song.mp3']);
  });

  it('defaults: whole video, 30%, fades in 1 s and out 2 s at the end, ducked by the voice, summed as they are', () => {
    expect(buildMusicMixFilter('acat', [{ clip: libraryClip, inputIndex: 2, gain: 1 }], 20, 'amixed')).toBe(
      '[acat]asplit=2[voicemain][duckkey0];' +
        '[2:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=end_sample=960000,asetpts=PTS-STARTPTS,' +
        'volume=0.3,afade=t=in:st=0:d=1,afade=t=out:st=18:d=2,apad=whole_len=960000[music0raw];' +
        '[music0raw][duckkey0]sidechaincompress=threshold=0.02:ratio=10:attack=20:release=400[music0];' +
        '[voicemain][music0]amix=inputs=2:duration=first:dropout_transition=0:weights=1 1,volume=2[amixed]',
    );
  });

  it('a second clip placed at 5..12 s without ducking is delayed and padded, not compressed', () => {
    const graph = buildMusicMixFilter('acat', [{ clip: libraryClip, inputIndex: 2, gain: 1 }, { clip: songClip, inputIndex: 3, gain: 1 }], 20, 'amixed')!;
    expect(graph).toContain(
      '[3:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=end_sample=336000,asetpts=PTS-STARTPTS,' +
        'volume=0.5,adelay=delays=5000|5000,apad=whole_len=960000[music1]',
    );
    expect(graph).toContain('[voicemain][music0][music1]amix=inputs=3:duration=first:dropout_transition=0:weights=1 1 1,volume=3[amixed]');
    expect(graph.match(/sidechaincompress/g)).toHaveLength(1);
  });

  it('shares short clips between the two fades and clamps the span to the video', () => {
    const short = audioClipSchema.parse({ ...libraryClip, start: 17, end: 30 });
    expect(musicSpan(short, 20)).toEqual({ start: 17, length: 3 });
    expect(buildMusicMixFilter('acat', [{ clip: short, inputIndex: 1, gain: 1 }], 20, 'amixed')).toContain('afade=t=in:st=0:d=1,afade=t=out:st=1:d=2,adelay=delays=17000|17000');
  });

  it('applies the loudness match on top of the clip volume', () => {
    expect(buildMusicMixFilter('acat', [{ clip: libraryClip, inputIndex: 2, gain: 0.5 }], 20, 'amixed')).toContain(',volume=0.15,');
  });

  it('sums streams with forms ffmpeg 4.x knows: equal weights, then the division amix makes undone', () => {
    expect(sumStreams(2)).toBe('amix=inputs=2:duration=first:dropout_transition=0:weights=1 1,volume=2');
    expect(sumStreams(4)).toBe('amix=inputs=4:duration=first:dropout_transition=0:weights=1 1 1 1,volume=4');
  });

  it('leaves the voice alone when no music is audible', () => {
    const late = audioClipSchema.parse({ ...libraryClip, start: 25 });
    expect(buildMusicMixFilter('acat', [{ clip: late, inputIndex: 1, gain: 1 }], 20, 'amixed')).toBeNull();
    expect(buildMusicMixFilter('acat', [], 20, 'amixed')).toBeNull();
  });
});
