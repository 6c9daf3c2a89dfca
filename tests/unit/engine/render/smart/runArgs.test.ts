import { describe, expect, it } from 'vitest';
import { buildAudioPassArgs, audioEncoderArgs } from '@/lib/engine/render/smart/audioPassArgs';
import { buildCopyRunArgs, seekSeconds } from '@/lib/engine/render/smart/copyRunArgs';
import { buildPacketHashPassArgs, buildWindowDecodeArgs } from '@/lib/engine/render/smart/checkWindows';
import { bFrameArgs, buildEncodeRunArgs, joinEncoderArgs } from '@/lib/engine/render/smart/encodeRunArgs';
import { buildConcatList, buildMuxArgs } from '@/lib/engine/render/smart/joinArgs';
import type { RenderPlan } from '@/lib/engine/render/renderPlan';
import { MEDIA, timeline } from '../fixtures';
import { talkIndex } from './fixtures';

const index = talkIndex();
const fonts = { latin: '/f/Inter.ttf', cjk: '/f/Noto.ttf' };
const join = { level: 40, reorderDelay: 2 };

function plan(t: ReturnType<typeof timeline>, extra: Partial<RenderPlan> = {}): RenderPlan {
  return { timeline: t, media: MEDIA, out: { width: 1920, height: 1080, fps: 30 }, texts: [], fonts, music: [], outputPath: '/x/out.mp4', background: null, loudness: null, workDir: '/w', ...extra };
}

const TALK = { path: '/m/talk.mp4', probe: { format: 'mov,mp4,m4a,3gp,3g2,mj2' } };

describe('fast export arguments', () => {
  it('copies a run of whole GOPs from its keyframe, as MPEG-TS with parameter sets in band, its packets listed and its first frame decoded', () => {
    const files = { run: '/w/run-1.ts', hash: '/w/run-1.md5', idr: '/w/run-1.idr.md5', ref: '/w/ref-1.gray' };
    expect(buildCopyRunArgs(TALK, index, { kind: 'copy', startFrame: 45, frames: 120, sourceId: 'talk', sourceFrame: 60 }, files)).toEqual([
      '-v', 'error',
      '-ss', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/m/talk.mp4',
      '-ss', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/m/talk.mp4',
      '-map', '0:V:0', '-frames:v', '120', '-c:v', 'copy', '-an', '-sn', '-dn', '-f', 'mpegts', '/w/run-1.ts',
      '-map', '0:V:0', '-frames:v', '120', '-c:v', 'copy', '-an', '-sn', '-dn', '-bsf:v', 'filter_units=remove_types=7|8|9', '-f', 'framemd5', '/w/run-1.md5',
      '-map', '0:V:0', '-frames:v', '1', '-c:v', 'copy', '-an', '-sn', '-dn', '-bsf:v', 'filter_units=pass_types=5', '-f', 'framemd5', '/w/run-1.idr.md5',
      '-map', '1:V:0', '-vf', 'trim=end_frame=1,format=gray', '-frames:v', '1', '-f', 'rawvideo', '/w/ref-1.gray',
    ]);
  });

  it('opens the source once when the copied run needs no reference (nothing joins before it)', () => {
    const files = { run: '/w/run-0.ts', hash: '/w/run-0.md5', idr: '/w/run-0.idr.md5', ref: null };
    expect(buildCopyRunArgs(TALK, index, { kind: 'copy', startFrame: 0, frames: 60, sourceId: 'talk', sourceFrame: 0 }, files)).toEqual([
      '-v', 'error', '-ss', '0', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/m/talk.mp4',
      '-map', '0:V:0', '-frames:v', '60', '-c:v', 'copy', '-an', '-sn', '-dn', '-f', 'mpegts', '/w/run-0.ts',
      '-map', '0:V:0', '-frames:v', '60', '-c:v', 'copy', '-an', '-sn', '-dn', '-bsf:v', 'filter_units=remove_types=7|8|9', '-f', 'framemd5', '/w/run-0.md5',
      '-map', '0:V:0', '-frames:v', '1', '-c:v', 'copy', '-an', '-sn', '-dn', '-bsf:v', 'filter_units=pass_types=5', '-f', 'framemd5', '/w/run-0.idr.md5',
    ]);
  });

  it('seeks never later than a frame and never a whole microsecond early', () => {
    expect(seekSeconds(1001 / 30000)).toBe('0.033366');
    expect(seekSeconds(1.8)).toBe('1.8');
    expect(seekSeconds(-0.01)).toBe('0');
  });

  it('encodes a run across a cut: exact frames from each side, the title shifted to the run, a reference of its edges', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0.5, out: 6.3 }, { id: 'b', sourceId: 'talk', in: 12.1, out: 16.9 }] });
    const layout = { font: 'latin' as const, fontSize: 80, boxBorder: 20, lines: [{ text: 'Hi', y: 100 }] };
    const p = plan(t, { texts: [{ layout, start: 5, end: 7, lineFiles: ['/w/text-0-0.txt'] }] });
    const run = {
      kind: 'encode' as const, startFrame: 165, frames: 66, pieces: [
        { kind: 'frames' as const, segmentIndex: 0, sourceId: 'talk', sourceFrame: 180, frames: 9 },
        { kind: 'frames' as const, segmentIndex: 1, sourceId: 'talk', sourceFrame: 363, frames: 57 },
      ],
    };
    expect(buildEncodeRunArgs({ plan: p, indexes: { talk: index }, join }, run, '/w/run-2.ts', '/w/ref-2.gray')).toEqual([
      '-v', 'error',
      '-ss', '5.983333', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-ss', '12.083333', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-filter_complex',
      '[0:v:0]trim=end_frame=9,setpts=PTS-STARTPTS[f0in];[f0in]scale=1920:1080,setsar=1[f0fit];[f0fit]format=yuv420p[f0];' +
        '[1:v:0]trim=end_frame=57,setpts=PTS-STARTPTS[f1in];[f1in]scale=1920:1080,setsar=1[f1fit];[f1fit]format=yuv420p[f1];' +
        '[f0][f1]concat=n=2:v=1:a=0[vcat];[vcat]setpts=N/30/TB,drawtext=fontfile=/f/Inter.ttf:textfile=/w/text-0-0.txt:expansion=none:fontsize=80:fontcolor=white:box=1:' +
        "boxcolor=black@0.5:boxborderw=20:shadowcolor=black@0.6:shadowx=3:shadowy=3:x=(w-text_w)/2:y=100:enable='between(t,-0.5,1.5)'," +
        'format=yuv420p,split=2[venc][vrefall];' +
        "[vrefall]select='eq(n\\,0)+eq(n\\,65)',format=gray[vref]",
      '-map', '[venc]', '-frames:v', '66',
      '-c:v', 'libx264', '-profile:v', 'high', '-level:v', '4.0', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-bf', '3', '-r', '30',
      '-an', '-f', 'mpegts', '/w/run-2.ts',
      '-map', '[vref]', '-vsync', '0', '-f', 'rawvideo', '/w/ref-2.gray',
    ]);
  });

  it('encodes a whole segment that cannot be copied through the full render\'s own segment chain', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'phone', in: 0, out: 2 }] });
    const args = buildEncodeRunArgs({ plan: plan(t), indexes: { talk: index }, join }, { kind: 'encode', startFrame: 120, frames: 60, pieces: [{ kind: 'segment', segmentIndex: 1, frames: 60 }] }, '/w/r.ts', '/w/r.gray');
    expect(args.slice(0, 12)).toEqual(['-v', 'error', '-ss', '0', '-t', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/phone.mov']);
    expect(args[13]).toMatch(/^\[0:v:0\]fps=30\[r0in\];.*\[r0fit\]format=yuv420p,tpad=stop=-1:stop_mode=clone\[r0v0\];\[r0v0\]trim=start_frame=0:end_frame=60,setpts=PTS-STARTPTS\[v1\];\[v1\]setpts=N\/30\/TB,format=yuv420p,split=2\[venc\]\[vrefall\];/);
  });

  it('matches the copied source\'s reorder delay with x264\'s B-frame settings', () => {
    expect([0, 1, 2].map(bFrameArgs)).toEqual([['-bf', '0'], ['-bf', '1'], ['-bf', '3']]);
    expect(joinEncoderArgs({ level: 42, reorderDelay: 0 }, 30).join(' ')).toBe('-c:v libx264 -profile:v high -level:v 4.2 -preset veryfast -crf 20 -pix_fmt yuv420p -bf 0 -r 30');
  });

  it('lists the runs with durations that add up to exact frame boundaries', () => {
    const list = buildConcatList([{ file: '/w/run-0.ts', frames: 14 }, { file: '/w/run-1.ts', frames: 120 }, { file: '/w/run-2.ts', frames: 10 }], 30);
    expect(list).toBe("ffconcat version 1.0\nfile 'run-0.ts'\nduration 0.466667\nfile 'run-1.ts'\nduration 4\nfile 'run-2.ts'\nduration 0.333333\n");
    expect(buildMuxArgs('/w/runs.ffconcat', '/w/audio.m4a', '/x/out.mp4')).toEqual([
      '-v', 'error', '-f', 'concat', '-safe', '0', '-i', '/w/runs.ffconcat', '-i', '/w/audio.m4a',
      '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', '/x/out.mp4',
    ]);
  });

  it('renders the sound in one pass from the full render\'s inputs and its sound-only graph file, with the full render\'s encoder', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'silent', in: 1, out: 3 }], fadeOutSeconds: 1 });
    expect(audioEncoderArgs()).toEqual(['-c:a', 'aac', '-b:a', '160k', '-ar', '48000', '-ac', '2']);
    expect(buildAudioPassArgs(plan(t), '/w/audio-graph.txt', '/w/audio.m4a')).toEqual([
      '-v', 'error',
      '-ss', '0', '-t', '4', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-ss', '1', '-t', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/city.mpg',
      '-filter_complex_script', '/w/audio-graph.txt',
      '-map', '[aout]', '-vn', '-c:a', 'aac', '-b:a', '160k', '-ar', '48000', '-ac', '2', '-f', 'mp4', '/w/audio.m4a',
    ]);
  });

  it('hashes the joined file\'s packets without decoding its picture, and decodes its sound', () => {
    expect(buildPacketHashPassArgs('/x/out.mp4', '/w/joined.md5')).toEqual([
      '-v', 'error', '-i', '/x/out.mp4', '-map', '0:a:0', '-f', 'null', '-',
      '-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'filter_units=remove_types=7|8|9', '-f', 'framemd5', '/w/joined.md5',
    ]);
  });

  it('decodes one window from its keyframe and keeps the join frames found by their own timestamps', () => {
    expect(buildWindowDecodeArgs('/x/out.mp4', { startFrame: 120, frames: 126 }, [165, 231], { fps: 30, startSeconds: 0 }, '/w/window-0.gray')).toEqual([
      '-v', 'error', '-copyts', '-noaccurate_seek', '-ss', '4.016666', '-i', '/x/out.mp4',
      '-filter_complex', "[0:v:0]trim=end_frame=126,select='lt(abs(t-5.5)\\,0.016667)+lt(abs(t-7.7)\\,0.016667)',format=gray[joins]",
      '-map', '[joins]', '-vsync', '0', '-f', 'rawvideo', '/w/window-0.gray',
    ]);
  });
});
