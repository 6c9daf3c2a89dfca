import { describe, expect, it } from 'vitest';
import { buildVideoIndexArgs, cleanCutPositions, parseVideoIndex } from '@/lib/engine/media/videoIndex';

/** A closed-GOP 30 fps stream with B-frames in 1/15360 ticks (512 per frame): decode order I P B B, shown I B B P. */
function stream(patch: Record<string, unknown> = {}, packets = closedGops(2, 6)) {
  return {
    format: { start_time: '0.000000' },
    streams: [{ codec_name: 'h264', profile: 'High', level: 40, pix_fmt: 'yuv420p', width: 1920, height: 1080, sample_aspect_ratio: '1:1', r_frame_rate: '30/1', avg_frame_rate: '30/1', time_base: '1/15360', has_b_frames: 2, field_order: 'progressive', ...patch }],
    packets,
  };
}
function closedGops(gops: number, size: number) {
  const packets: { pts: number; dts: number; flags: string }[] = [];
  for (let g = 0; g < gops; g++) {
    const base = g * size;
    const order = [0, 3, 1, 2, ...Array.from({ length: size - 4 }, (_, i) => 4 + i)];
    order.forEach((f, i) => packets.push({ pts: (base + f) * 512, dts: (base + i - 2) * 512, flags: f === 0 ? 'K_' : '__' }));
  }
  return packets;
}

describe('the keyframe index', () => {
  it('asks ffprobe for the first video stream\'s facts and its packets', () => {
    expect(buildVideoIndexArgs('/m/a.mp4')).toEqual([
      '-v', 'error', '-select_streams', 'V:0', '-print_format', 'json', '-show_entries',
      'format=start_time:stream=codec_name,profile,level,pix_fmt,width,height,sample_aspect_ratio,r_frame_rate,avg_frame_rate,time_base,has_b_frames,field_order,start_time:stream_side_data=rotation:packet=pts,dts,flags',
      '/m/a.mp4',
    ]);
  });

  it('reads a constant-rate stream\'s keyframes as frame numbers', () => {
    expect(parseVideoIndex(stream())).toEqual({
      codec: 'h264', profile: 'High', level: 40, pixFmt: 'yuv420p', width: 1920, height: 1080, sar: '1:1', rotation: 0, fieldOrder: 'progressive',
      fps: 30, constantFrameRate: true, reorderDelay: 2, frameCount: 12, firstFrameSeconds: 0, cutFrames: [0, 6],
    });
  });

  it('calls a stream with uneven frame times variable, and gives it no cut points', () => {
    const packets = closedGops(2, 6).map((p, i) => (i === 7 ? { ...p, pts: p.pts + 200 } : p));
    expect(parseVideoIndex(stream({}, packets))).toMatchObject({ constantFrameRate: false, cutFrames: [] });
    expect(parseVideoIndex(stream({ avg_frame_rate: '24/1', r_frame_rate: '30/1' }))).toMatchObject({ constantFrameRate: false });
  });

  it('skips a keyframe that frames from before it are shown after (an open GOP)', () => {
    // Keyframe at 10 decoded before frame 9 of the previous group.
    expect(cleanCutPositions([{ pts: 0, key: true }, { pts: 1, key: false }, { pts: 10, key: true }, { pts: 9, key: false }, { pts: 11, key: false }])).toEqual([0]);
  });

  it('counts the first frame from the file\'s start (what -ss measures) and turns rotation into clockwise quarters', () => {
    const s = stream({ side_data_list: [{ rotation: -90 }] });
    s.format.start_time = '-0.050000';
    expect(parseVideoIndex(s)).toMatchObject({ firstFrameSeconds: 0.05, rotation: 270 });
  });

  it('gives nothing for a file without video packets', () => {
    expect(parseVideoIndex({ streams: [], packets: [] })).toBeNull();
    expect(parseVideoIndex(stream({}, []))).toBeNull();
  });
});
