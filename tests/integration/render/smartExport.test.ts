// Fast export on real media: each case is rendered both ways, checked with ffprobe and a decode pass, and compared at every join.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import { spawnProcess } from '@/lib/local/process/spawnProcess';
import { parseProbe } from '@/lib/engine/media/parseProbe';
import { probeVideoIndex } from '@/lib/engine/media/probeVideoIndex';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { buildMuxArgs, buildPictureArgs, graphFiles, passFiles } from '@/lib/engine/render/buildExportArgs';
import { buildAudioPassArgs, compileAudioGraph } from '@/lib/engine/render/smart/audioPassArgs';
import { compileFilterGraph } from '@/lib/engine/render/compileFilterGraph';
import { fontFiles } from '@/lib/engine/render/fonts';
import { outputSize } from '@/lib/engine/render/outputFormat';
import { layoutTimelineTexts, type RenderPlan } from '@/lib/engine/render/renderPlan';
import { tryFastExport } from '@/lib/local/exports/fastExport';
import { planRuns } from '@/lib/engine/render/smart/planRuns';
import { lumaPsnr } from '@/lib/engine/render/smart/verifyJoined';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { FFMPEG, FFPROBE, ffprobe } from '../../helpers/ffprobe';
import { mediaFile } from '../../helpers/paths';
import { decodeErrors, frameTimes, lumaFrames } from './smartChecks';

const TOOLS = { ffmpeg: FFMPEG, ffprobe: FFPROBE, run: spawnProcess };
let dir: string;
const media: Record<string, MediaRecord> = {};

async function record(id: string, file: string): Promise<MediaRecord> {
  const json = JSON.parse(execFileSync(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' }));
  const parsed = parseProbe(json);
  if (!parsed.ok) throw new Error(parsed.reason);
  return {
    id, projectId: 'p', name: path.basename(file), path: file, size: fs.statSync(file).size, probe: parsed.probe,
    analysis: null, peaks: null, hasThumbnail: false, createdAt: '', videoIndex: parsed.probe.kind === 'video' ? await probeVideoIndex(TOOLS, file) : null,
  };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-smart-'));
  for (const [id, name] of [['talk', 'talk-1080p.mp4'], ['vertical', 'talk-vertical-1080x1920.mp4'], ['phone', 'iphone-rotated-vfr.mov'], ['hevc', 'testsrc-hevc.mp4'], ['music', 'loop-garzul.flac']] as const) {
    media[id] = await record(id, mediaFile(name));
  }
  // A picture that changes every frame (testsrc2), encoded as a camera would: High, GOP 2 s, B-frames, with sound.
  const moving = path.join(dir, 'moving.mp4');
  execFileSync(FFMPEG, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', '10', '-c:v', 'libx264', '-profile:v', 'high', '-preset', 'superfast', '-pix_fmt', 'yuv420p', '-g', '60', '-keyint_min', '60', '-sc_threshold', '0',
    '-c:a', 'aac', moving]);
  media.moving = await record('moving', moving);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function timeline(patch: Record<string, unknown>): Timeline {
  return timelineSchema.parse({ canvas: { width: 1920, height: 1080, fps: 30 }, canvasLocked: true, ...patch });
}

/**
 * Two short pieces of the talk (keyframes every 2 s from 1.8 s), each holding one whole GOP with
 * partial GOPs on both sides, so the output is encode, copy, encode | encode, copy, encode.
 */
const CUTS = [
  { id: 'a', sourceId: 'talk', in: 1.2, out: 4.3 },
  { id: 'b', sourceId: 'talk', in: 13.5, out: 16.1 },
];
// Two renders of a few seconds of 1080p each, on a machine that may be busy.
const SLOW = 600_000;

function plan(t: Timeline, name: string): RenderPlan {
  const out = outputSize(t.canvas, 'high');
  const texts = layoutTimelineTexts(t, out).map(({ layout, start, end }, i) => ({
    layout, start, end,
    lineFiles: layout.lines.map((line, j) => {
      const file = path.join(dir, `${name}-text-${i}-${j}.txt`);
      fs.writeFileSync(file, line.text);
      return file;
    }),
  }));
  const music = t.audio.map((clip) => ({ clip, path: media.music.path, gain: 1 }));
  const used = Object.fromEntries(t.video.map((s) => [s.sourceId, media[s.sourceId]]));
  const workDir = path.join(dir, `${name}-graph`);
  fs.mkdirSync(workDir, { recursive: true });
  return { timeline: t, media: used, out, texts, fonts: fontFiles(), music, outputPath: path.join(dir, `${name}.mp4`), background: null, loudness: null, workDir };
}

/** The export's sound as the export job makes it (no loudness step in these plans): its own process, AAC. */
async function renderSound(p: RenderPlan): Promise<string> {
  fs.writeFileSync(graphFiles(p).sound, compileAudioGraph(p), 'utf8');
  await runFfmpeg(TOOLS, buildAudioPassArgs(p, graphFiles(p).sound, passFiles(p).sound));
  return passFiles(p).sound;
}

/** The full render as the export job runs it: the picture and the sound by separate processes at once, then muxed. */
async function renderFull(p: RenderPlan) {
  const sound = renderSound(p);
  fs.writeFileSync(graphFiles(p).picture, compileFilterGraph(p, { pictureOnly: true }), 'utf8');
  await runFfmpeg(TOOLS, buildPictureArgs(p, 'high'));
  await runFfmpeg(TOOLS, buildMuxArgs(passFiles(p).picture, await sound, p.outputPath));
}

async function renderBoth(t: Timeline, name: string) {
  const smartPlan = plan(t, `${name}-smart`);
  const choice = await tryFastExport({ id: name, quality: 'high' }, smartPlan, Object.values(media), path.join(dir, `${name}-work`), { tools: TOOLS, sound: renderSound(smartPlan) });
  const fullPlan = plan(t, `${name}-full`);
  await renderFull(fullPlan);
  return { choice, smart: smartPlan.outputPath, full: fullPlan.outputPath, frames: Math.round(timelineDuration(t) * 30) };
}

/** Output frames on both sides of every join the planner made. */
function joinFrames(t: Timeline): number[] {
  const p = planRuns({ timeline: t, out: outputSize(t.canvas, 'high'), sources: media, overlays: layoutTimelineTexts(t, outputSize(t.canvas, 'high')) });
  if (p.path !== 'smart') throw new Error(p.reason);
  return p.runs.slice(1).flatMap((r) => [r.startFrame - 1, r.startFrame]);
}

/** The smart file's frame at each join against the full render's: both are lossy encodes of one picture. */
function expectJoinsMatchFull(smart: string, full: string, frames: number[]) {
  const s = lumaFrames(smart, frames, 1920, 1080);
  const f = lumaFrames(full, frames, 1920, 1080);
  for (const n of frames) expect(lumaPsnr(s.get(n)!, f.get(n)!), `frame ${n}`).toBeGreaterThan(30);
}

/** Presentation times step by exactly one frame from 0 to the last frame: nothing doubled, nothing skipped. */
function expectSteadyFrames(file: string, frames: number) {
  const times = frameTimes(file);
  expect(times).toHaveLength(frames);
  expect(times[0]).toBeCloseTo(0, 6);
  const steps = new Set(times.slice(1).map((x, i) => Math.round((x - times[i]) * 30 * 1000) / 1000));
  expect([...steps]).toEqual([1]);
}

function expectExportShape(file: string, frames: number) {
  const p = ffprobe(file);
  const v = p.streams.find((x) => x.codec_type === 'video')!;
  const a = p.streams.find((x) => x.codec_type === 'audio')!;
  expect([v.codec_name, v.profile, v.pix_fmt, v.width, v.height]).toEqual(['h264', 'High', 'yuv420p', 1920, 1080]);
  expect(a.codec_name).toBe('aac');
  expect(Math.abs(Number(v.duration) - frames / 30)).toBeLessThanOrEqual(1 / 30 + 1e-6);
  expect(Math.abs(Number(v.start_time) - Number(a.start_time))).toBeLessThanOrEqual(1 / 30);
  expect(decodeErrors(file)).toBe('');
}

describe('fast export on real media', () => {
  it('cuts only: copies the whole GOPs, matches the full render at every join, and no frame is doubled or lost', async () => {
    const t = timeline({ video: CUTS });
    const { choice, smart, full, frames } = await renderBoth(t, 'cuts');
    expect(choice).toEqual({ render: 'smart', reason: null });
    expectExportShape(smart, frames);
    expectJoinsMatchFull(smart, full, joinFrames(t));
    expectSteadyFrames(smart, frames);
  }, SLOW);

  it('no stutter: on a picture that changes every frame, each join frame is the full render\'s frame, not a neighbour', async () => {
    const t = timeline({ video: [{ id: 'a', sourceId: 'moving', in: 0.5, out: 4.5 }, { id: 'b', sourceId: 'moving', in: 5.2, out: 9 }] });
    const { choice, smart, full, frames } = await renderBoth(t, 'moving');
    expect(choice.render).toBe('smart');
    expectSteadyFrames(smart, frames);
    const joins = joinFrames(t);
    expect(joins.length).toBeGreaterThanOrEqual(6);
    const around = [...new Set(joins.flatMap((n) => [n - 1, n, n + 1]))].filter((n) => n >= 0 && n < frames);
    const s = lumaFrames(smart, joins, 1920, 1080);
    const f = lumaFrames(full, around, 1920, 1080);
    for (const n of joins) {
      const same = lumaPsnr(s.get(n)!, f.get(n)!);
      for (const other of [n - 1, n + 1]) {
        if (f.has(other)) expect(same, `frame ${n} against the full render's frame ${other}`).toBeGreaterThan(lumaPsnr(s.get(n)!, f.get(other)!) + 3);
      }
    }
  }, SLOW);

  it('a one-frame piece at a join (a cut just after a keyframe) is shown once, and the next piece follows one frame later', async () => {
    // moving.mp4 has keyframes every 2 s: piece a ends one frame after the one at 4 s, so that frame
    // is encoded alone ahead of piece b's head (found on phone-like 1-s GOP sources, where it is common).
    const t = timeline({ video: [{ id: 'a', sourceId: 'moving', in: 0.5, out: 121 / 30 }, { id: 'b', sourceId: 'moving', in: 5.2, out: 9 }] });
    const p = planRuns({ timeline: t, out: outputSize(t.canvas, 'high'), sources: media, overlays: [] });
    if (p.path !== 'smart') throw new Error(p.reason);
    expect(p.runs.some((r) => r.kind === 'encode' && r.pieces.length > 1 && r.pieces[0].frames === 1)).toBe(true);
    const { choice, smart, full, frames } = await renderBoth(t, 'oneframe');
    expect(choice).toEqual({ render: 'smart', reason: null });
    expectExportShape(smart, frames);
    expectSteadyFrames(smart, frames);
    expectJoinsMatchFull(smart, full, joinFrames(t));
  }, SLOW);

  it('cuts + music: the one audio pass carries the music over the joined picture', async () => {
    const t = timeline({ video: CUTS, audio: [{ id: 'm', name: 'loop', source: { kind: 'media', mediaId: 'music' }, volume: 0.5 }] });
    const { choice, smart, full, frames } = await renderBoth(t, 'music');
    expect(choice.render).toBe('smart');
    expectExportShape(smart, frames);
    expectJoinsMatchFull(smart, full, joinFrames(t));
    const level = (file: string) => Number(/mean_volume: (-?[\d.]+) dB/.exec(spawnSync(FFMPEG, ['-i', file, '-map', '0:a', '-af', 'volumedetect', '-f', 'null', '-'], { encoding: 'utf8' }).stderr)![1]);
    expect(Math.abs(level(smart) - level(full))).toBeLessThan(0.5);
  }, SLOW);

  it('cuts + a title: the titled stretch is encoded with the text, the rest copied', async () => {
    const t = timeline({ video: CUTS, texts: [{ id: 't', text: 'Fast export', start: 0, end: 3 }] });
    const { choice, smart, full, frames } = await renderBoth(t, 'title');
    expect(choice.render).toBe('smart');
    expectExportShape(smart, frames);
    expectJoinsMatchFull(smart, full, joinFrames(t));
    // Mid-title, the frame shows the text exactly as the full render draws it.
    const s = lumaFrames(smart, [45], 1920, 1080).get(45)!;
    expect(lumaPsnr(s, lumaFrames(full, [45], 1920, 1080).get(45)!)).toBeGreaterThan(30);
    const untitled = lumaFrames(path.join(dir, 'cuts-smart.mp4'), [45], 1920, 1080).get(45)!;
    expect(lumaPsnr(s, untitled)).toBeLessThan(lumaPsnr(s, lumaFrames(full, [45], 1920, 1080).get(45)!) - 3);
  }, SLOW);

  it('mixed sources: the vertical clip is encoded (blurred fill), the talk copied where it can be', async () => {
    const t = timeline({ video: [CUTS[0], { id: 'v', sourceId: 'vertical', in: 1, out: 3 }, CUTS[1]] });
    const { choice, smart, full, frames } = await renderBoth(t, 'mixed');
    expect(choice.render).toBe('smart');
    expectExportShape(smart, frames);
    expectJoinsMatchFull(smart, full, joinFrames(t));
  }, SLOW);

  it('a variable-frame-rate phone clip goes the full way, and says why', async () => {
    const t = timeline({ video: [{ id: 'p', sourceId: 'phone', in: 0, out: 2.2 }] });
    const p = plan(t, 'phone');
    const choice = await tryFastExport({ id: 'phone', quality: 'high' }, p, Object.values(media), path.join(dir, 'phone-work'), { tools: TOOLS, sound: Promise.resolve(passFiles(p).sound) });
    // Its timestamps step as 29.97 fps needs (20 or 21 ticks of 1/600 s), so the refusal is its rate.
    expect(choice).toEqual({ render: 'full', reason: '"iphone-rotated-vfr.mov" runs at 29.97 fps, the export at 30' });
    expect(fs.existsSync(p.outputPath)).toBe(false);
    await renderFull(p);
    expectExportShape(p.outputPath, 66);
  }, SLOW);

  it('an HEVC clip goes the full way, and says why', async () => {
    const t = timeline({ video: [{ id: 'h', sourceId: 'hevc', in: 0, out: 2 }] });
    const p = plan(t, 'hevc');
    const choice = await tryFastExport({ id: 'hevc', quality: 'high' }, p, Object.values(media), path.join(dir, 'hevc-work'), { tools: TOOLS, sound: Promise.resolve(passFiles(p).sound) });
    expect(choice).toEqual({ render: 'full', reason: '"testsrc-hevc.mp4" is HEVC, not H.264 like the export' });
    await renderFull(p);
    expectExportShape(p.outputPath, 60);
  }, SLOW);
});
