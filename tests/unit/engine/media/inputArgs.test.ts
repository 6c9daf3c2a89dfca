import { describe, expect, it } from 'vitest';
import { demuxerOf, firstProbeInputOptions, probedInput } from '@/lib/engine/media/inputArgs';

describe('how a user file is opened by ffmpeg', () => {
  it('lets the first probe read only local files and settle only on formats we accept', () => {
    const args = firstProbeInputOptions();
    expect(args.slice(0, 3)).toEqual(['-protocol_whitelist', 'file', '-format_whitelist']);
    const formats = args[3].split(',');
    expect(formats).toContain('mov');
    expect(formats).toContain('matroska');
    for (const listFormat of ['hls', 'concat', 'tty', 'image2pipe', 'lavfi', 'data']) expect(formats).not.toContain(listFormat);
  });

  it.each([
    ['mov,mp4,m4a,3gp,3g2,mj2', 'mov'],
    ['matroska,webm', 'matroska'],
    ['png_pipe', 'png_pipe'],
    ['webvtt', 'webvtt'],
  ])('forces the demuxer the probe found: %s -> %s', (format, demuxer) => {
    expect(demuxerOf(format)).toBe(demuxer);
    expect(probedInput('/d/x', format)).toEqual(['-protocol_whitelist', 'file', '-f', demuxer, '-i', '/d/x']);
  });

  it('refuses a format name that is not a plain demuxer name', () => {
    expect(() => demuxerOf('')).toThrow(/not a demuxer name/);
    expect(() => demuxerOf('-i http://x')).toThrow(/not a demuxer name/);
  });
});
