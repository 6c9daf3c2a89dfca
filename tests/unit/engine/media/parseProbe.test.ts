import { describe, expect, it } from 'vitest';
import { parseProbe, parseRate } from '@/lib/engine/media/parseProbe';

// Shapes copied from real ffprobe 5.1 output for ../shared/media files, trimmed to the fields we read.
const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';
const aac = (index = 1, extra = {}) => ({ index, codec_type: 'audio', codec_name: 'aac', ...extra });
const h264 = (extra: Record<string, unknown> = {}) => ({
  index: 0, codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080,
  sample_aspect_ratio: '1:1', avg_frame_rate: '30/1', r_frame_rate: '30/1', ...extra,
});
const file = (format_name: string, streams: unknown[], format: Record<string, unknown> = {}) => ({
  streams,
  format: { format_name, duration: '2.000000', size: '30000', ...format },
});

describe('parseProbe reads what a file is', () => {
  const cases: Array<[string, unknown, Record<string, unknown>]> = [
    [
      'an iPhone MOV turned -90 in its display matrix, audio first, variable frame rate, is portrait',
      file(MP4, [aac(0), h264({ index: 1, width: 568, height: 320, sample_aspect_ratio: undefined, avg_frame_rate: '39600/1321', r_frame_rate: '30000/1001', side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] })], { duration: '2.201667', tags: { major_brand: 'qt  ' } }),
      { kind: 'video', width: 320, height: 568, rotation: 90, fps: 29.977, hasAudio: true, ext: 'mov' },
    ],
    [
      'an old-style rotate tag of 270 also swaps the sides',
      file(MP4, [h264({ width: 640, height: 360, tags: { rotate: '270' } })]),
      { width: 360, height: 640, rotation: 270, hasAudio: false },
    ],
    [
      'a half turn keeps the sides',
      file(MP4, [h264({ width: 640, height: 360, side_data_list: [{ rotation: 180 }] })]),
      { width: 640, height: 360, rotation: 180 },
    ],
    [
      'non-square pixels (SAR 2:3) narrow the display width',
      file(MP4, [h264({ width: 640, height: 360, sample_aspect_ratio: '2:3' }), aac()]),
      { width: 427, height: 360, ext: 'mp4' },
    ],
    [
      'a SAR of 404:405 is a rounding artefact and counts as square',
      file(MP4, [h264({ width: 1080, height: 1920, sample_aspect_ratio: '404:405' })]),
      { width: 1080, height: 1920 },
    ],
    [
      'SAR applies before rotation',
      file(MP4, [h264({ width: 640, height: 360, sample_aspect_ratio: '2:3', side_data_list: [{ rotation: 90 }] })]),
      { width: 360, height: 427, rotation: 270 },
    ],
    [
      'a missing average frame rate falls back to the nominal one',
      file('matroska,webm', [h264({ avg_frame_rate: '0/0', r_frame_rate: '30000/1001' })]),
      { fps: 29.97, ext: 'mkv' },
    ],
    [
      'absurd frame rates give null rather than a lie',
      file('matroska,webm', [h264({ avg_frame_rate: '0/0', r_frame_rate: '90000/1' })]),
      { fps: null },
    ],
    [
      'an MP3 whose only picture is its cover art is audio',
      file('mp3', [{ index: 0, codec_type: 'audio', codec_name: 'mp3' }, { index: 1, codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } }], { duration: '6.732' }),
      { kind: 'audio', width: null, height: null, fps: null, hasVideo: false, hasAudio: true, duration: 6.732, ext: 'mp3' },
    ],
    [
      'Vorbis in Ogg with album art is audio',
      file('ogg', [{ index: 0, codec_type: 'audio', codec_name: 'vorbis', bit_rate: '224000' }, { index: 1, codec_type: 'video', codec_name: 'mjpeg', width: 720, height: 720, disposition: { attached_pic: 1 } }], { duration: '61.458866', size: '1452719' }),
      { kind: 'audio', audioCodec: 'vorbis', videoCodec: null, ext: 'ogg' },
    ],
    [
      'audio alone in an MP4 container is stored as .m4a',
      file(MP4, [aac(0)]),
      { kind: 'audio', ext: 'm4a' },
    ],
    [
      'VP9 and Opus in Matroska are a WebM',
      file('matroska,webm', [h264({ codec_name: 'vp9' }), { index: 1, codec_type: 'audio', codec_name: 'opus' }]),
      { kind: 'video', ext: 'webm', videoCodec: 'vp9', audioCodec: 'opus' },
    ],
    [
      'H.264 with a WebVTT subtitle stream is a video in MKV',
      file('matroska,webm', [h264({ width: 300, height: 200 }), aac(), { index: 2, codec_type: 'subtitle', codec_name: 'webvtt' }]),
      { kind: 'video', width: 300, height: 200, ext: 'mkv' },
    ],
    [
      'a PNG is an image with no duration',
      file('png_pipe', [{ index: 0, codec_type: 'video', codec_name: 'png', width: 640, height: 480, avg_frame_rate: '0/0', r_frame_rate: '25/1' }], { duration: undefined }),
      { kind: 'image', duration: 0, width: 640, height: 480, fps: null, hasVideo: true, ext: 'png' },
    ],
    [
      'an MPEG program stream keeps its .mpg name',
      file('mpeg', [h264({ codec_name: 'mpeg2video', width: 720, height: 405, avg_frame_rate: '25/1' })], { duration: '7.6' }),
      { kind: 'video', fps: 25, duration: 7.6, ext: 'mpg' },
    ],
  ];
  it.each(cases)('%s', (_title, raw, expected) => {
    const result = parseProbe(raw);
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect({ ...result.probe, ext: result.ext }).toMatchObject(expected);
  });
});

describe('parseProbe reads the start timecode editors relink by', () => {
  const tmcd = (tc: string) => ({ index: 2, codec_type: 'data', codec_tag_string: 'tmcd', tags: { timecode: tc } });
  it.each([
    ['on the picture stream', file(MP4, [h264({ tags: { timecode: '01:00:00:00' } }), aac()]), '01:00:00:00'],
    ['on a QuickTime tmcd track', file(MP4, [h264(), aac(), tmcd('10:00:00:12')]), '10:00:00:12'],
    ['drop-frame, on the container (MXF, MKV)', file('matroska,webm', [h264(), aac()], { tags: { timecode: '00:59:58;00' } }), '00:59:58;00'],
    ['none at all', file(MP4, [h264(), aac()]), null],
    ['a tag that is not a timecode', file(MP4, [h264({ tags: { timecode: 'yesterday' } })]), null],
  ])('%s', (_, raw, timecode) => {
    const parsed = parseProbe(raw);
    expect(parsed.ok && parsed.probe.startTimecode).toBe(timecode);
  });
});

describe('parseProbe reads caption files', () => {
  it.each([
    ['srt', 'srt', 'subrip'],
    ['webvtt', 'vtt', 'webvtt'],
  ])('a %s file is a subtitle upload stored as .%s', (format, ext, codec) => {
    const result = parseProbe(file(format, [{ index: 0, codec_type: 'subtitle', codec_name: codec }], { duration: '12.5' }));
    expect(result).toMatchObject({ ok: true, ext, probe: { kind: 'subtitle', duration: 12.5, width: null, hasAudio: false, hasVideo: false } });
  });
});

describe('parseProbe refuses what it cannot edit, saying why', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a text file (ffprobe calls it tty)', file('tty', [{ index: 0, codec_type: 'video', codec_name: 'ansi', width: 640, height: 400 }]), /not a supported format.*tty/],
    ['a bare HEVC stream (no container, no duration)', file('hevc', [h264({ codec_name: 'hevc' })], { duration: undefined }), /bare HEVC stream without a container/],
    ['output without a format', { streams: [] }, /not a video, audio or image/],
    ['a container with no audio or video', file('matroska,webm', [{ index: 0, codec_type: 'subtitle', codec_name: 'webvtt' }]), /no video or audio/],
    [
      // The first 100 KB of talk-1080p.mp4: its index (moov) is complete, its samples are not.
      'an MP4 cut after 100 KB',
      file(MP4, [h264({ bit_rate: '125640', duration: '60.000000' }), aac(1, { bit_rate: '98682', duration: '60.000000' })], { duration: '60.000000', size: '102400' }),
      /cut short: 1\.5 MB/,
    ],
  ];
  it.each(cases)('%s', (_title, raw, reason) => {
    const result = parseProbe(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a subtitle file with no cues', () => {
    expect(parseProbe(file('srt', []))).toMatchObject({ ok: false, reason: expect.stringMatching(/without readable cues/) });
  });

  it('accepts a MediaRecorder WebM that states no length, for the caller to measure', () => {
    const recorded = file('matroska,webm', [h264({ codec_name: 'vp9' }), { index: 1, codec_type: 'audio', codec_name: 'opus' }], { duration: undefined });
    expect(parseProbe(recorded)).toMatchObject({ ok: true, durationKnown: false, streamCount: 2, ext: 'webm', probe: { kind: 'video', duration: 0 } });
  });

  it('a file with a stated length needs no measuring', () => {
    expect(parseProbe(file('matroska,webm', [h264()]))).toMatchObject({ ok: true, durationKnown: true, streamCount: 1, probe: { duration: 2 } });
  });

  it('accepts the same MP4 when it is whole', () => {
    const whole = file(MP4, [h264({ bit_rate: '125640', duration: '60.000000' }), aac(1, { bit_rate: '98682', duration: '60.000000' })], { duration: '60.000000', size: '1750089' });
    expect(parseProbe(whole)).toMatchObject({ ok: true, probe: { duration: 60 } });
  });
});

describe('parseRate', () => {
  it.each([
    ['30/1', 30],
    ['30000/1001', 29.97],
    ['24000/1001', 23.976],
    ['0/0', null],
    ['25/0', null],
    ['1000/1', null],
    [undefined, null],
  ])('%s -> %s', (rate, fps) => expect(parseRate(rate)).toBe(fps));
});
