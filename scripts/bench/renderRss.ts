// Benchmark: one export's ffmpeg memory and time for the same 1080p source cut into 10, 100 and 300 pieces.
// Run alone: `npx tsx scripts/bench/renderRss.ts [source.mp4]`. Uses the render's own pure builders and
// runs both passes (loudness measurement, then the export) exactly as the worker does; no server needed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExportArgs, buildLoudnessMeasureArgs, graphFiles } from '../../lib/engine/render/buildExportArgs';
import { compileFilterGraph } from '../../lib/engine/render/compileFilterGraph';
import { loudnessStep, parseLoudnormJson } from '../../lib/engine/render/loudness';
import { outputSize } from '../../lib/engine/render/outputFormat';
import type { RenderPlan } from '../../lib/engine/render/renderPlan';
import { timelineDuration } from '../../lib/engine/timeline/duration';
import { timelineSchema } from '../../lib/engine/timeline/schema';
import { FFMPEG, ffmpeg, ffprobe } from '../../tests/helpers/ffprobe';
import { mediaFile } from '../../tests/helpers/paths';

const PIECES = [10, 100, 300];
const GAP_SECONDS = 0.2;

/** Runs ffmpeg, sampling the child's VmHWM (peak resident memory) from /proc until it exits. */
function runMeasured(args: string[], logLevel = 'error'): Promise<{ seconds: number; peakMb: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(FFMPEG, ['-hide_banner', '-nostdin', '-y', '-v', logLevel, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`ffmpeg exited ${code}: ${stderr}`));
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: Math.round(peakKb / 1024), stderr });
    });
  });
}

/** The source cut into `count` evenly spaced pieces with GAP_SECONDS taken out between them (a pause cut). */
function planFor(source: string, duration: number, count: number, dir: string): RenderPlan {
  const p = ffprobe(source);
  const v = p.streams.find((s) => s.codec_type === 'video')!;
  const step = duration / count;
  const video = Array.from({ length: count }, (_, i) => ({ id: `p${i}`, sourceId: 'src', in: i * step, out: (i + 1) * step - GAP_SECONDS }));
  const timeline = timelineSchema.parse({ canvas: { width: 1920, height: 1080, fps: 30 }, video });
  const probe = { kind: 'video' as const, format: 'mp4', duration, width: v.width, height: v.height, fps: 30, rotation: 0, hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac' };
  const workDir = path.join(dir, `work-${count}`);
  fs.mkdirSync(workDir, { recursive: true });
  return {
    timeline, media: { src: { path: source, probe } }, out: outputSize(timeline.canvas, 'high'), texts: [], fonts: { latin: '', cjk: '' }, music: [],
    outputPath: path.join(dir, `out-${count}.mp4`), background: null, loudness: loudnessStep('social'), workDir,
  };
}

export async function benchRenderRss(sourceArg?: string): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-render-rss-'));
  try {
    let source = sourceArg;
    if (!source) {
      // Two minutes of 1080p30 speech: talk-1080p.mp4 played twice (stream copy).
      source = path.join(dir, 'talk-2min-1080p.mp4');
      ffmpeg(['-stream_loop', '1', '-i', mediaFile('talk-1080p.mp4'), '-t', '120', '-c', 'copy', source]);
    }
    const duration = Number(ffprobe(source).format.duration);
    const rows = [];
    for (const count of PIECES) {
      const plan = planFor(source, duration, count, dir);
      const graphs = graphFiles(plan);
      fs.writeFileSync(graphs.loudness, compileFilterGraph(plan, { measureLoudness: true }));
      // The two passes of renderExport.ts: the sound measured alone, then the export normalised with it.
      const measure = await runMeasured(buildLoudnessMeasureArgs(plan), 'info');
      plan.loudness = { integratedLufs: -14, measured: parseLoudnormJson(measure.stderr) };
      fs.writeFileSync(graphs.export, compileFilterGraph(plan));
      const args = buildExportArgs(plan, 'high');
      const render = await runMeasured(args);
      rows.push({
        pieces: count,
        outputSeconds: Math.round(timelineDuration(plan.timeline) * 100) / 100,
        peakRssMb: render.peakMb,
        exportSeconds: Math.round(render.seconds * 10) / 10,
        loudnessPassSeconds: Math.round(measure.seconds * 10) / 10,
        loudnessPassPeakRssMb: measure.peakMb,
        argvBytes: args.join(' ').length,
        graphBytes: fs.statSync(graphs.export).size,
      });
      fs.rmSync(plan.outputPath, { force: true });
    }
    const first = rows[0];
    const last = rows[rows.length - 1];
    return { source: path.basename(source), sourceSeconds: duration, rows, rss300over10: Math.round((last.peakRssMb / first.peakRssMb) * 100) / 100 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchRenderRss(process.argv[2]).then((r) => console.log(JSON.stringify({ name: 'renderRss', ...r })), (err) => {
    console.error(err);
    process.exit(1);
  });
}
