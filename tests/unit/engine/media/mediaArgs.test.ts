import { describe, expect, it } from 'vitest';
import { buildMeasureArgs, buildPcmArgs, buildProbeArgs, measuredSeconds, buildThumbnailArgs, posterHeight, posterTimeSeconds } from '@/lib/engine/media/mediaArgs';
import type { ProbeResult } from '@/lib/engine/media/schema';

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({
  kind: 'video', format: 'mov,mp4,m4a,3gp,3g2,mj2', duration: 60, width: 1920, height: 1080, fps: 30,
  rotation: 0, hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac', ...over,
});

describe('media argument builders', () => {
  it('probes once with format and streams as JSON', () => {
    expect(buildProbeArgs('/d/a.incoming').join(' ')).toBe(
      '-v error -protocol_whitelist file -format_whitelist ' +
        'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpeg,mpegts,flv,asf,mp3,wav,flac,ogg,aac,aiff,png_pipe,jpeg_pipe,webp_pipe,gif,gif_pipe,image2,srt,webvtt,ass,hevc,h264,mpegvideo,aac_latm ' +
        '-print_format json -show_format -show_streams /d/a.incoming',
    );
  });

  it('decodes the first audio stream to mono 16 kHz s16le on stdout', () => {
    expect(buildPcmArgs('/d/a.mp4', 'mov,mp4,m4a,3gp,3g2,mj2').join(' ')).toBe(
      '-hide_banner -nostdin -v error -protocol_whitelist file -f mov -i /d/a.mp4 -map 0:a:0 -vn -sn -dn -ac 1 -ar 16000 -c:a pcm_s16le -f s16le pipe:1',
    );
  });

  it('measures a length by copying every picture and sound packet into the null muxer, without decoding', () => {
    expect(buildMeasureArgs('/d/rec.webm').join(' ')).toBe(
      '-hide_banner -nostdin -v error -i /d/rec.webm -map 0:V? -map 0:a? -c copy -f null -progress pipe:1 -nostats -',
    );
  });

  it.each([
    ['the last out_time_us of -progress', 'out_time_us=5000000\nprogress=continue\nout_time_us=12001000\nprogress=end\n', 12.001],
    ['none when nothing was read', 'progress=end\n', null],
    ['out_time_us=N/A is not a time', 'out_time_us=N/A\nprogress=end\n', null],
  ])('measuredSeconds: %s', (_name, text, seconds) => expect(measuredSeconds(text)).toBe(seconds));

  it('takes a 320 px poster at 1 s of a long video, never from cover art', () => {
    expect(buildThumbnailArgs('/d/a.mp4', '/d/a.thumb.jpg', probe()).join(' ')).toBe(
      '-v error -ss 1 -protocol_whitelist file -f mov -i /d/a.mp4 -map 0:V:0 -frames:v 1 -vf scale=320:180,setsar=1 -q:v 4 -f image2 -c:v mjpeg /d/a.thumb.jpg',
    );
  });

  it('takes an image poster without seeking, keeping a portrait shape', () => {
    const args = buildThumbnailArgs('/d/p.png', '/d/p.thumb.jpg', probe({ kind: 'image', duration: 0, width: 320, height: 568 }));
    expect(args).not.toContain('-ss');
    expect(args).toContain('scale=320:568,setsar=1');
  });

  it.each([
    [probe({ duration: 60 }), 1],
    [probe({ duration: 2.2 }), 0.22],
    [probe({ kind: 'image', duration: 0 }), 0],
  ])('poster time for %#', (p, seconds) => expect(posterTimeSeconds(p)).toBe(seconds));

  it.each([
    [1920, 1080, 180],
    [427, 360, 270],
    [320, 568, 568],
    [null, null, 320],
  ])('poster height for %sx%s is %s (even)', (width, height, h) => expect(posterHeight({ width, height })).toBe(h));
});
