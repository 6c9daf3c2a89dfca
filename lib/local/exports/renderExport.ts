// Renders one claimed export: plan; the picture (fast or full) and the sound (measured, normalised) by separate processes at once; mux, probe, hand to the blob store, record.
import 'server-only';
import fs from 'node:fs/promises';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { ProcessError } from '@/lib/engine/process/runProcess';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { exportKey } from '@/lib/blob/blobKeys';
import { AppError, asAppError } from '@/lib/errors';
import type { LocalDeps } from '@/lib/local/localDeps';
import type { ExportRecord, Store } from '@/lib/store/types';
import { buildExportArgs, buildLoudnessMeasureArgs, buildMuxArgs, buildPictureArgs, graphFiles, passFiles } from '@/lib/engine/render/buildExportArgs';
import { compileFilterGraph, isAudioOnly } from '@/lib/engine/render/compileFilterGraph';
import { measureLoudnessArgs, parseEbur128Summary, parseLoudnormJson, type MeasuredLoudness } from '@/lib/engine/render/loudness';
import type { RenderPlan } from '@/lib/engine/render/renderPlan';
import { buildAudioPassArgs, compileAudioGraph } from '@/lib/engine/render/smart/audioPassArgs';
import { exportPaths } from '@/lib/engine/render/exportPaths';
import { prepareRender } from './prepareRender';
import { probeOutput } from '@/lib/engine/render/probeOutput';
import { recordedChoice, tryFastExport, type RenderChoice } from './fastExport';
import { renderTimeCapMessage, renderTimeCapMs } from '@/lib/engine/render/renderTimeCap';
import { StepTimes } from './stepTimes';

const PROGRESS_INTERVAL_MS = 500;

/** What the user reads when a render fails; details go to the server log only. */
export function failureMessage(err: unknown): string {
  const known = asAppError(err);
  if (known) return known.message;
  if (err instanceof ProcessError) {
    return 'The video could not be rendered. Try exporting again; if it fails again, one of the clips may be damaged: remove it and retry.';
  }
  return 'The export failed on the server. Try exporting again.';
}

/**
 * Runs a measuring ffmpeg; a measurement that fails costs the export its normalisation or its
 * reported loudness (logged), not the export itself. A cancel still stops everything.
 */
async function measureOrNull<T>(tools: Tools, args: string[], signal: AbortSignal, parse: (stderr: string) => T | null): Promise<T | null> {
  try {
    return parse((await runFfmpeg(tools, args, { signal })).stderrTail);
  } catch (err) {
    signal.throwIfAborted();
    console.error('[render] loudness measurement failed:', err instanceof Error ? err.message : err);
    return null;
  }
}

/**
 * The sound half of an export, made while the picture encodes: measured (first loudness pass),
 * normalised and encoded to AAC (second pass), and its loudness read back from that AAC stream,
 * which the mux copies into the export bit for bit (so it is the finished file's loudness).
 */
async function makeSound(mayStart: Promise<void>, prepared: () => Promise<RenderPlan>, tools: Tools, signal: AbortSignal, times: StepTimes): Promise<{ file: string; loudness: MeasuredLoudness | null }> {
  await mayStart;
  signal.throwIfAborted();
  const plan = await times.time('music', prepared);
  const graphs = graphFiles(plan);
  let soundPlan = plan;
  if (plan.loudness) {
    await fs.writeFile(graphs.loudness, compileFilterGraph(plan, { measureLoudness: true }), 'utf8');
    const measured = await times.time('measure', () => measureOrNull(tools, buildLoudnessMeasureArgs(plan), signal, parseLoudnormJson));
    soundPlan = { ...plan, loudness: { ...plan.loudness, measured } };
  }
  await fs.writeFile(graphs.sound, compileAudioGraph(soundPlan), 'utf8');
  const file = passFiles(plan).sound;
  await times.time('sound', () => runFfmpeg(tools, buildAudioPassArgs(soundPlan, graphs.sound, file), { signal }));
  return { file, loudness: await times.time('soundCheck', () => measureOrNull(tools, measureLoudnessArgs(file), signal, parseEbur128Summary)) };
}

/**
 * An audio-only export draws its picture from its sound, so it stays one process: loudness
 * measured first, then sound and picture rendered together, then the file measured.
 */
async function renderInOneProcess(plan: RenderPlan, quality: ExportRecord['quality'], tools: Tools, signal: AbortSignal, times: StepTimes, started: (pid: number) => void, report: (f: number) => void): Promise<MeasuredLoudness | null> {
  const graphs = graphFiles(plan);
  if (plan.loudness) {
    await fs.writeFile(graphs.loudness, compileFilterGraph(plan, { measureLoudness: true }), 'utf8');
    plan.loudness = { ...plan.loudness, measured: await times.time('measure', () => measureOrNull(tools, buildLoudnessMeasureArgs(plan), signal, parseLoudnormJson)) };
  }
  await fs.writeFile(graphs.export, compileFilterGraph(plan), 'utf8');
  const duration = timelineDuration(plan.timeline);
  await times.time('picture', () => runFfmpeg(tools, buildExportArgs(plan, quality), { signal, onStart: started, onProgress: ({ outTimeSeconds }) => report(outTimeSeconds / duration) }));
  return times.time('soundCheck', () => measureOrNull(tools, measureLoudnessArgs(plan.outputPath), signal, parseEbur128Summary));
}

/** Resolves when the export is completed; throws on failure or abort (the worker records those). */
export async function renderExport(deps: LocalDeps, record: ExportRecord, signal: AbortSignal): Promise<void> {
  const { store } = deps;
  const tools = deps.tools();
  const dataDir = deps.settings.dataDir;
  const paths = exportPaths(dataDir, record.id, record.attempts);
  const times = new StepTimes();
  const begun = performance.now();
  // From the request to the claim: the queue's pick-up (a job queued behind others waits for a slot).
  if (record.startedAt) times.add('wait', (Date.parse(record.startedAt) - Date.parse(record.createdAt)) / 1000);
  await fs.mkdir(paths.dir, { recursive: true });
  try {
    const prepared = await times.time('prepare', () => prepareRender(store, deps.blobs, tools, dataDir, record, paths));
    // The picture's plan: complete but for the music, which the sound half waits for (see PreparedRender).
    const plan = prepared.picture;
    const duration = timelineDuration(plan.timeline);
    const capMs = renderTimeCapMs(duration, { factor: deps.settings.renderTimeFactor, graceSeconds: deps.settings.renderTimeGraceSeconds });
    const overtime = AbortSignal.timeout(capMs);
    // A failed half stops the other: nothing is left running for an export that cannot finish.
    const halves = new AbortController();
    const bounded = AbortSignal.any([signal, overtime, halves.signal]);
    let lastWrite = 0;
    const report = (fraction: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      void store.updateExport(record.id, { progress: Math.min(0.99, Math.max(0, fraction)) });
    };
    const started = (pid: number) => void store.updateExport(record.id, { backendState: { backend: 'local', pid } });
    let choice: RenderChoice;
    let loudness: MeasuredLoudness | null;
    let soundError: unknown;
    try {
      if (isAudioOnly(plan)) {
        choice = { render: 'full', reason: null };
        loudness = await renderInOneProcess(await times.time('music', prepared.plan), record.quality, tools, bounded, times, started, report);
      } else {
        // The sound (music, two loudness passes and its read-back) runs beside the picture, not before
        // it. It starts once the picture's ffmpeg runs: a library track's synthesis holds this thread,
        // and would otherwise hold back the picture's start. A fast export attempt needs the sound at once.
        let startSound = () => {};
        const soundMayStart = new Promise<void>((resolve) => (startSound = resolve));
        bounded.addEventListener('abort', () => startSound());
        const recorded = recordedChoice(record);
        if (!recorded) startSound();
        const sound = makeSound(soundMayStart, prepared.plan, tools, bounded, times);
        sound.catch((err) => {
          soundError = err;
          halves.abort(err);
        });
        const soundFile = sound.then((s) => s.file);
        soundFile.catch(() => undefined);
        // Fast export first where it may apply; it leaves no file behind when the full render must run.
        const fast = performance.now();
        choice =
          recorded ??
          (await tryFastExport(record, plan, await store.listMedia(record.projectId), paths.work, {
            tools,
            signal: bounded,
            onProgress: report,
            sound: soundFile,
            onlyWhenFaster: !deps.settings.fastExportAlways,
          }));
        // A fast export's runs, checks and join are its picture step.
        if (choice.render === 'smart') times.add('picture', (performance.now() - fast) / 1000);
        if (choice.render === 'full') {
          await fs.writeFile(graphFiles(plan).picture, compileFilterGraph(plan, { pictureOnly: true }), 'utf8');
          const pictureStarted = (pid: number) => {
            started(pid);
            startSound();
          };
          await times.time('picture', () => runFfmpeg(tools, buildPictureArgs(plan, record.quality), { signal: bounded, onStart: pictureStarted, onProgress: ({ outTimeSeconds }) => report(outTimeSeconds / duration) }));
          const soundPath = await soundFile;
          await times.time('mux', () => runFfmpeg(tools, buildMuxArgs(passFiles(plan).picture, soundPath, plan.outputPath), { signal: bounded }));
        }
        loudness = (await sound).loudness;
      }
    } catch (err) {
      halves.abort(err);
      if (overtime.aborted && !signal.aborted) throw new AppError(500, renderTimeCapMessage(capMs));
      // The picture stopped because the sound failed: the sound's error is the one to report.
      throw signal.aborted || soundError === undefined ? err : soundError;
    }
    const info = await times.time('probe', () => probeOutput(tools, paths.partial));
    signal.throwIfAborted();
    // A cancel that landed while ffmpeg was finishing wins over the finished file.
    if ((await store.getExport(record.id))?.status === 'canceled') return;
    // Local disk: a rename into DATA_DIR/exports; S3: a multipart upload from this machine's work folder.
    const key = exportKey(record.id);
    await times.time('store', () => deps.blobs.moveIn(key, paths.partial));
    await store.updateExport(record.id, {
      status: 'completed',
      progress: 1,
      path: deps.blobs.recordedName(key),
      width: info.width,
      height: info.height,
      duration: info.duration,
      size: info.size,
      render: choice.render,
      renderReason: choice.reason,
      loudness,
      error: null,
      backendState: null,
      finishedAt: new Date().toISOString(),
    });
    console.log(`[render] export ${record.id} completed (${choice.render}) in ${((performance.now() - begun) / 1000).toFixed(2)}s: ${times.line()}`);
  } finally {
    await fs.rm(paths.work, { recursive: true, force: true });
    await fs.rm(paths.partial, { force: true });
  }
}
