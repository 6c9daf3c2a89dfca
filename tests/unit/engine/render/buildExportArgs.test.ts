import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import { describe, expect, it } from 'vitest';
import { buildExportArgs, buildMuxArgs, buildPictureArgs } from '@/lib/engine/render/buildExportArgs';
import { compileFilterGraph } from '@/lib/engine/render/compileFilterGraph';
import { outputSize } from '@/lib/engine/render/outputFormat';
import { layoutTimelineTexts, type RenderPlan } from '@/lib/engine/render/renderPlan';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { MEDIA, timeline } from './fixtures';

const fonts = { latin: '/f/Inter.ttf', cjk: '/f/Noto.ttf' };
function plan(t: ReturnType<typeof timeline>, quality: ExportQuality = 'high', extra: Partial<RenderPlan> = {}): RenderPlan {
  return {
    timeline: t, media: MEDIA, out: outputSize(t.canvas, quality), texts: [], fonts, music: [], outputPath: '/data/exports/e1.attempt-1.partial.mp4',
    background: null, loudness: null, workDir: '/w', ...extra,
  };
}

describe('the export command', () => {
  it('two segments at preview quality: 960x540, fast preset, one read per source, the graph in a file, exact lengths', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'silent', in: 1, out: 3 }] });
    const p = plan(t, 'preview');
    expect(buildExportArgs(p, 'preview')).toEqual([
      '-ss', '0', '-t', '4', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-ss', '1', '-t', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/city.mpg',
      '-filter_complex_script', '/w/graph.txt',
      '-map', '[vout]', '-map', '[aout]',
      '-c:v', 'libx264', '-profile:v', 'high', '-preset', 'superfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-r', '30',
      '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart', '-f', 'mp4',
      '/data/exports/e1.attempt-1.partial.mp4',
    ]);
    expect(compileFilterGraph(p)).toBe(
      '[0:v:0]fps=30[r0in];[r0in]scale=960:540,setsar=1[r0fit];[r0fit]format=yuv420p,tpad=stop=-1:stop_mode=clone[r0v0];' +
        '[0:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad[r0a0];' +
        '[1:v:0]fps=30[r1in];[r1in]scale=960:540,setsar=1[r1fit];[r1fit]format=yuv420p,tpad=stop=-1:stop_mode=clone[r1v0];' +
        '[r0v0]trim=start_frame=0:end_frame=120,setpts=PTS-STARTPTS[v0];' +
        '[r0a0]atrim=start_sample=0:end_sample=192000,asetpts=PTS-STARTPTS[a0];' +
        '[r1v0]trim=start_frame=0:end_frame=60,setpts=PTS-STARTPTS[v1];' +
        'anullsrc=r=48000:cl=stereo,atrim=end_sample=96000,aformat=sample_fmts=fltp:channel_layouts=stereo[a1];' +
        '[v0][a0][v1][a1]concat=n=2:v=1:a=1[vcat][acat];[vcat]format=yuv420p[vout];[acat]anull[aout]',
    );
  });

  it('pieces cut from one source in order share one decoder: split by frame and sample number', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 1, out: 3 }, { id: 'b', sourceId: 'talk', in: 3.5, out: 5 }, { id: 'c', sourceId: 'talk', in: 8, out: 9 }] });
    const p = plan(t);
    expect(buildExportArgs(p, 'high').slice(0, 12)).toEqual(['-ss', '1', '-t', '8', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4', '-filter_complex_script', '/w/graph.txt']);
    const graph = compileFilterGraph(p);
    expect(graph).toContain('[r0fit]format=yuv420p,tpad=stop=-1:stop_mode=clone,split=3[r0v0][r0v1][r0v2];');
    expect(graph).toContain('[0:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,asplit=3[r0a0][r0a1][r0a2];');
    expect(graph).toContain('[r0v1]trim=start_frame=75:end_frame=120,setpts=PTS-STARTPTS[v1];[r0a1]atrim=start_sample=120000:end_sample=192000,asetpts=PTS-STARTPTS[a1]');
    expect(graph).toContain('[r0v2]trim=start_frame=210:end_frame=240,setpts=PTS-STARTPTS[v2]');
  });

  it('three hundred pieces of an hour-long source: one input, and an argument list of a few hundred bytes', () => {
    const video = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, sourceId: 'talk', in: i * 12, out: i * 12 + 9.5 }));
    const p = plan(timeline({ video }));
    const args = buildExportArgs(p, 'high');
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(args.join(' ').length).toBeLessThan(1024);
    expect(compileFilterGraph(p).length).toBeGreaterThan(40_000);
  });

  it('an audio-only timeline concatenates sound only and makes its picture once: colour, waveform, title', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'podcast', in: 0, out: 2 }, { id: 'b', sourceId: 'podcast', in: 3, out: 4 }] });
    const p = plan(t);
    expect(buildExportArgs(p, 'high').slice(0, 10)).toEqual(['-ss', '0', '-t', '4', '-protocol_whitelist', 'file', '-f', 'mp3', '-i', '/data/media/episode.mp3']);
    expect(compileFilterGraph(p)).toBe(
      '[0:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,asplit=2[r0a0][r0a1];' +
        '[r0a0]atrim=start_sample=0:end_sample=96000,asetpts=PTS-STARTPTS[a0];' +
        '[r0a1]atrim=start_sample=144000:end_sample=192000,asetpts=PTS-STARTPTS[a1];' +
        '[a0][a1]concat=n=2:v=0:a=1[acat];' +
        '[acat]asplit=2[avoice][awave];color=c=0x1d2230:s=1920x1080:r=30,format=yuv420p,trim=end_frame=90[bgv];' +
        '[awave]showwaves=s=1920x360:mode=cline:rate=30:scale=sqrt:colors=white[wave];' +
        '[bgv][wave]overlay=x=0:y=(main_h-overlay_h)/2:eof_action=pass[vcat];' +
        '[vcat]format=yuv420p[vout];[avoice]anull[aout]',
    );
  });

  it('an audio-only timeline with an uploaded image: the image is the next input, fitted once and repeated; music after it', () => {
    const t = timeline({
      video: [{ id: 'a', sourceId: 'podcast', in: 0, out: 10 }],
      audio: [{ id: 'm', name: 'Calm', source: { kind: 'library', trackId: 'calm-horizon' } }],
    });
    const p = plan(t, 'high', { background: MEDIA.still, music: [{ clip: t.audio[0], path: '/lib/calm.wav', gain: 1 }] });
    expect(buildExportArgs(p, 'high').slice(0, 20)).toEqual([
      '-ss', '0', '-t', '10', '-protocol_whitelist', 'file', '-f', 'mp3', '-i', '/data/media/episode.mp3', '-protocol_whitelist', 'file', '-f', 'png_pipe', '-i', '/data/media/photo.png', '-stream_loop', '-1', '-i', '/lib/calm.wav',
    ]);
    const graph = compileFilterGraph(p);
    expect(graph).toContain('[1:v:0]trim=end_frame=1[bgin];[bgin]split=2[bgbg][bgfg];');
    expect(graph).toContain('[bgfit]format=yuv420p,loop=loop=-1:size=1,setpts=N/30/TB,trim=end_frame=300[bgv]');
    expect(graph).toContain('[avoice]asplit=2[voicemain][duckkey0];[2:a:0]aresample=48000');
  });

  it('high quality: canvas size, CRF 20 High profile, +faststart', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }] });
    const args = buildExportArgs(plan(t), 'high');
    expect(args.join(' ')).toContain('-c:v libx264 -profile:v high -preset veryfast -crf 20 -pix_fmt yuv420p -r 30 -c:a aac -b:a 160k -ar 48000 -ac 2 -movflags +faststart');
    expect(compileFilterGraph(plan(t))).toContain('[r0in]scale=1920:1080,setsar=1[r0fit]');
  });

  it('a 9:16 canvas renders 1080x1920 and 540x960 for preview', () => {
    const t = timeline({ canvas: { width: 1080, height: 1920, fps: 30 }, video: [{ id: 'a', sourceId: 'phone', in: 0, out: 2 }] });
    expect(compileFilterGraph(plan(t))).toContain('[r0in]scale=1080:1920,setsar=1[r0fit]');
    expect(compileFilterGraph(plan(t, 'preview'))).toContain('[r0in]scale=540:960,setsar=1[r0fit]');
  });

  it('music inputs follow the segments, loop on the input, and the mix ends in [aout] with the timeline fades', () => {
    const t = timeline({
      video: [{ id: 'a', sourceId: 'talk', in: 0, out: 10 }],
      audio: [{ id: 'm', name: 'Calm', source: { kind: 'library', trackId: 'calm-horizon' } }],
      fadeInSeconds: 1,
      fadeOutSeconds: 1.5,
    });
    const args = buildExportArgs(plan(t, 'high', { music: [{ clip: t.audio[0], path: '/lib/calm.wav', gain: 1 }] }), 'high');
    expect(args.slice(0, 14)).toEqual(['-ss', '0', '-t', '10', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4', '-stream_loop', '-1', '-i', '/lib/calm.wav']);
    const graph = compileFilterGraph(plan(t, 'high', { music: [{ clip: t.audio[0], path: '/lib/calm.wav', gain: 1 }] }));
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
    const frames = [...graph.matchAll(/trim=(?:start_frame=(\d+):)?end_frame=(\d+),setpts=PTS-STARTPTS\[v/g)].reduce((s, m) => s + (m[2] ? Number(m[2]) - Number(m[1] ?? 0) : 0), 0);
    const samples = [...graph.matchAll(/atrim=(?:start_sample=(\d+):)?end_sample=(\d+),asetpts=PTS-STARTPTS\[a/g)].reduce((s, m) => s + Number(m[2]) - Number(m[1] ?? 0), 0);
    expect(frames / 30).toBeCloseTo(timelineDuration(t), 9);
    expect(samples / 48000).toBeCloseTo(timelineDuration(t), 9);
  });

  it('refuses an empty timeline with a plain 409', () => {
    expect(() => compileFilterGraph(plan(timeline({})))).toThrow(/timeline is empty/);
  });

  it('split export, picture half: only the reads are opened, no sound is decoded, video encoder only, into the work folder', () => {
    const t = timeline({
      video: [{ id: 'a', sourceId: 'talk', in: 0, out: 4 }, { id: 'b', sourceId: 'silent', in: 1, out: 3 }],
      audio: [{ id: 'm', name: 'Calm', source: { kind: 'library', trackId: 'calm-horizon' } }],
      fadeInSeconds: 1,
    });
    const p = plan(t, 'high', { music: [{ clip: t.audio[0], path: '/lib/calm.wav', gain: 1 }] });
    expect(buildPictureArgs(p, 'high')).toEqual([
      '-ss', '0', '-t', '4', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/talk.mp4',
      '-ss', '1', '-t', '2', '-protocol_whitelist', 'file', '-f', 'mov', '-i', '/data/media/city.mpg',
      '-filter_complex_script', '/w/picture-graph.txt',
      '-map', '[vout]',
      '-c:v', 'libx264', '-profile:v', 'high', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', '-r', '30',
      '-an', '-f', 'mp4', '/w/picture.mp4',
    ]);
    expect(compileFilterGraph(p, { pictureOnly: true })).toBe(
      '[0:v:0]fps=30[r0in];[r0in]scale=1920:1080,setsar=1[r0fit];[r0fit]format=yuv420p,tpad=stop=-1:stop_mode=clone[r0v0];' +
        '[1:v:0]fps=30[r1in];[r1in]scale=1920:1080,setsar=1[r1fit];[r1fit]format=yuv420p,tpad=stop=-1:stop_mode=clone[r1v0];' +
        '[r0v0]trim=start_frame=0:end_frame=120,setpts=PTS-STARTPTS[v0];' +
        '[r1v0]trim=start_frame=0:end_frame=60,setpts=PTS-STARTPTS[v1];' +
        '[v0][v1]concat=n=2:v=1:a=0[vcat];[vcat]fade=t=in:st=0:d=1,format=yuv420p[vout]',
    );
  });

  it('split export, picture half: the same picture chains as the one-process graph, so the two paths draw the same frames', () => {
    const video = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, sourceId: 'talk', in: i * 2, out: i * 2 + 1.5, speed: i === 3 ? 1.5 : 1 }));
    const t = timeline({ video, texts: [{ id: 't', text: 'Hi', start: 1, end: 3 }] });
    const texts = layoutTimelineTexts(t, outputSize(t.canvas, 'high')).map((x) => ({ layout: x.layout, start: x.start, end: x.end, lineFiles: ['/w/text-0-0.txt'] }));
    const p = plan(t, 'high', { texts });
    const isPicture = (c: string) => /:v:0\]|\[r\d+(in|fit)\]|^\[r\d+v\d+\]|^\[vcat\]/.test(c);
    const whole = compileFilterGraph(p).split(';').filter(isPicture).map((c) => c.replace(',asplit', ''));
    const picture = compileFilterGraph(p, { pictureOnly: true }).split(';').filter((c) => !c.includes('concat='));
    expect(picture).toEqual(whole);
  });

  it('split export, picture half: refused for an audio-only timeline, whose picture is drawn from its sound', () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'podcast', in: 0, out: 2 }] });
    expect(() => compileFilterGraph(plan(t), { pictureOnly: true })).toThrow(/no picture of its own/);
  });

  it('split export, the join: picture and sound stream-copied into the export, index up front', () => {
    expect(buildMuxArgs('/w/picture.mp4', '/w/sound.m4a', '/data/exports/e1.partial.mp4')).toEqual([
      '-v', 'error', '-i', '/w/picture.mp4', '-i', '/w/sound.m4a', '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy',
      '-movflags', '+faststart', '-f', 'mp4', '/data/exports/e1.partial.mp4',
    ]);
  });
});
