import { describe, expect, it } from 'vitest';
import { buildExportArgs } from '@/lib/engine/render/buildExportArgs';
import { compileFilterGraph } from '@/lib/engine/render/compileFilterGraph';
import { outputSize } from '@/lib/engine/render/outputFormat';
import { layoutTimelineTexts, type RenderPlan } from '@/lib/engine/render/renderPlan';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { MEDIA, timeline } from './fixtures';

const fonts = { latin: '/f/Inter.ttf', cjk: '/f/Noto.ttf' };
function plan(t: ReturnType<typeof timeline>, quality: 'high' | 'preview' = 'high', extra: Partial<RenderPlan> = {}): RenderPlan {
  return { timeline: t, media: MEDIA, out: outputSize(t.canvas, quality), texts: [], fonts, music: [], outputPath: '/data/exports/e1.attempt-1.partial.mp4', ...extra };
}

describe('the export command', () => {
  it('two segments at preview quality: 960x540, fast preset, one concat, exact lengths', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'silent', in: 1, out: 3 }] });
    expect(buildExportArgs(plan(t, 'preview'), 'preview')).toEqual([
      '-ss', '0', '-t', '4', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-ss', '1', '-t', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/city.mpg',
      '-filter_complex',
      '[0:v:0]trim=duration=4,setpts=PTS-STARTPTS,fps=30[s0in];[s0in]scale=960:540,setsar=1[s0fit];' +
        '[s0fit]format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=120,setpts=PTS-STARTPTS[v0];' +
        '[0:a:0]atrim=duration=4,asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,' +
        'apad,atrim=end_sample=192000,asetpts=PTS-STARTPTS[a0];' +
        '[1:v:0]trim=duration=2,setpts=PTS-STARTPTS,fps=30[s1in];[s1in]scale=960:540,setsar=1[s1fit];' +
        '[s1fit]format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=60,setpts=PTS-STARTPTS[v1];' +
        'anullsrc=r=48000:cl=stereo,atrim=end_sample=96000,aformat=sample_fmts=fltp:channel_layouts=stereo[a1];' +
        '[v0][a0][v1][a1]concat=n=2:v=1:a=1[vcat][acat];[vcat]format=yuv420p[vout];[acat]anull[aout]',
      '-map', '[vout]', '-map', '[aout]',
      '-c:v', 'libx264', '-profile:v', 'high', '-preset', 'superfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-r', '30',
      '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart', '-f', 'mp4',
      '/data/exports/e1.attempt-1.partial.mp4',
    ]);
  });

  it('high quality: canvas size, CRF 20 High profile, +faststart', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }] });
    const args = buildExportArgs(plan(t), 'high');
    expect(args.join(' ')).toContain('-c:v libx264 -profile:v high -preset veryfast -crf 20 -pix_fmt yuv420p -r 30 -c:a aac -b:a 160k -ar 48000 -ac 2 -movflags +faststart');
    expect(args[args.indexOf('-filter_complex') + 1]).toContain('scale=1920:1080,setsar=1');
  });

  it('a 9:16 canvas renders 1080x1920 and 540x960 for preview', () => {
    const t = timeline({ canvas: { width: 1080, height: 1920, fps: 30 }, video: [{ id: 'a', sourceId: 'phone', in: 0, out: 2 }] });
    expect(compileFilterGraph(plan(t))).toContain('[s0in]scale=1080:1920,setsar=1[s0fit]');
    expect(compileFilterGraph(plan(t, 'preview'))).toContain('[s0in]scale=540:960,setsar=1[s0fit]');
  });

  it('music inputs follow the segments, loop on the input, and the mix ends in [aout] with the timeline fades', () => {
    const t = timeline({
      video: [{ id: 'a', sourceId: 'talk', in: 0, out: 10 }],
      audio: [{ id: 'm', name: 'Calm', source: { kind: 'library', trackId: 'calm-horizon' } }],
      fadeInSeconds: 1,
      fadeOutSeconds: 1.5,
    });
    const args = buildExportArgs(plan(t, 'high', { music: [{ clip: t.audio[0], path: '/lib/calm.wav', format: 'wav', gain: 1 }] }), 'high');
    expect(args.slice(0, 18)).toEqual([
      '-ss', '0', '-t', '10', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-stream_loop', '-1', '-protocol_whitelist', 'file', '-f', 'wav', '-i', '/lib/calm.wav',
    ]);
    const graph = args[args.indexOf('-filter_complex') + 1];
    expect(graph).toContain('[acat]asplit=2[voicemain][duckkey0];[1:a:0]aresample=48000');
    expect(graph).toContain('[vcat]fade=t=in:st=0:d=1,fade=t=out:st=8.5:d=1.5,format=yuv420p[vout]');
    expect(graph.endsWith('[amixed]afade=t=in:st=0:d=1,afade=t=out:st=8.5:d=1.5[aout]')).toBe(true);
  });

  it('text overlays are drawn after the concat and before the fades, ending at the video end', () => {
    const t = timeline({
      video: [{ id: 'a', sourceId: 'talk', in: 0, out: 5 }],
      texts: [{ id: 't', text: 'Hello', start: 4, end: 9 }],
      fadeOutSeconds: 1,
    });
    const pending = layoutTimelineTexts(t, outputSize(t.canvas, 'high'));
    expect(pending.map((p) => [p.start, p.end])).toEqual([[4, 5]]);
    const texts = pending.map((p) => ({ layout: p.layout, start: p.start, end: p.end, lineFiles: ['/w/text-0-0.txt'] }));
    const graph = compileFilterGraph(plan(t, 'high', { texts }));
    expect(graph).toMatch(/\[vcat\]drawtext=fontfile=\/f\/Inter\.ttf:textfile=\/w\/text-0-0\.txt:expansion=none:[^;]*enable='between\(t,4,5\)',fade=t=out:st=4:d=1,format=yuv420p\[vout\]/);
  });

  it('the output is as long as the timeline view says, to the frame, with 16 uneven segments', () => {
    const video = Array.from({ length: 16 }, (_, i) => ({ id: `s${i}`, sourceId: 'talk', in: i * 3.01, out: i * 3.01 + 1.234 + i * 0.017, speed: i % 3 === 0 ? 1.3 : 1 }));
    const t = timeline({ video });
    const graph = compileFilterGraph(plan(t));
    const frames = [...graph.matchAll(/trim=end_frame=(\d+),setpts/g)].reduce((s, m) => s + Number(m[1]), 0);
    const samples = [...graph.matchAll(/atrim=end_sample=(\d+),asetpts/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(frames / 30).toBeCloseTo(timelineDuration(t), 9);
    expect(samples / 48000).toBeCloseTo(timelineDuration(t), 9);
  });

  it('refuses an empty timeline with a plain 409', () => {
    expect(() => compileFilterGraph(plan(timeline({})))).toThrow(/timeline is empty/);
  });
});
