// The complete ffmpeg argument arrays for one export: inputs, the filter graph file, encoder, output file.
import path from 'node:path';
import { compileFilterGraph, isAudioOnly } from './compileFilterGraph';
import { musicInputArgs } from './musicMix';
import { encoderArgs, type ExportQuality } from './outputFormat';
import { readInputArgs } from './readFilters';
import type { RenderPlan } from './renderPlan';
import { planSourceReads } from './sourceReads';

/** Where each graph goes: ffmpeg reads it from a file, so argv stays small however long the timeline. */
export function graphFiles(plan: Pick<RenderPlan, 'workDir'>): { export: string; loudness: string } {
  return { export: path.join(plan.workDir, 'graph.txt'), loudness: path.join(plan.workDir, 'loudness-graph.txt') };
}

/** One input per read, then an audio-only export's background image, then the music (as compileFilterGraph expects). */
export function exportInputArgs(plan: RenderPlan): string[] {
  const reads = planSourceReads(plan.timeline, plan.media).flatMap((read) => readInputArgs(read, plan.media[read.sourceId]));
  const background = isAudioOnly(plan) && plan.background ? ['-i', plan.background.path] : [];
  const music = plan.music.flatMap((m) => musicInputArgs(m.clip, m.path, m.format));
  return [...reads, ...background, ...music];
}

export function buildExportArgs(plan: RenderPlan, quality: ExportQuality): string[] {
  return [
    ...exportInputArgs(plan),
    '-filter_complex_script', graphFiles(plan).export,
    '-map', '[vout]',
    '-map', '[aout]',
    ...encoderArgs(quality, plan.out.fps),
    plan.outputPath,
  ];
}

/** The first loudness pass: the sound alone (no picture is decoded), measured by loudnorm, written nowhere. */
export function buildLoudnessMeasureArgs(plan: RenderPlan): string[] {
  return [...exportInputArgs(plan), '-filter_complex_script', graphFiles(plan).loudness, '-map', '[aout]', '-f', 'null', '-'];
}
