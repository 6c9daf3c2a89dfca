// The complete ffmpeg argument arrays for one export: inputs, the filter graph file, encoder, output file.
import path from 'node:path';
import { probedInput } from '@/lib/engine/media/inputArgs';
import { compileFilterGraph, isAudioOnly } from './compileFilterGraph';
import { musicInputArgs } from './musicMix';
import { encoderArgs, type ExportQuality } from './outputFormat';
import { readInputArgs } from './readFilters';
import type { RenderPlan } from './renderPlan';
import { planSourceReads } from './sourceReads';

/** Where each graph goes: ffmpeg reads it from a file, so argv stays small however long the timeline. */
export function graphFiles(plan: Pick<RenderPlan, 'workDir'>): { export: string; loudness: string; picture: string; sound: string } {
  return {
    export: path.join(plan.workDir, 'graph.txt'),
    loudness: path.join(plan.workDir, 'loudness-graph.txt'),
    picture: path.join(plan.workDir, 'picture-graph.txt'),
    sound: path.join(plan.workDir, 'sound-graph.txt'),
  };
}

/** The two halves of a split export and where they are joined: picture and sound are made by separate processes, at once. */
export function passFiles(plan: Pick<RenderPlan, 'workDir'>): { picture: string; sound: string } {
  return { picture: path.join(plan.workDir, 'picture.mp4'), sound: path.join(plan.workDir, 'sound.m4a') };
}

/** One input per read, then an audio-only export's background image, then the music (as compileFilterGraph expects). */
export function exportInputArgs(plan: RenderPlan): string[] {
  const reads = planSourceReads(plan.timeline, plan.media).flatMap((read) => readInputArgs(read, plan.media[read.sourceId]));
  const background = isAudioOnly(plan) && plan.background ? probedInput(plan.background.path, plan.background.probe.format) : [];
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

/**
 * The picture half of an export (graph from compileFilterGraph with pictureOnly): only the reads
 * are opened, no sound is decoded, and the file has no index up front yet (the mux writes it).
 */
export function buildPictureArgs(plan: RenderPlan, quality: ExportQuality): string[] {
  const all = encoderArgs(quality, plan.out.fps);
  const video = all.slice(0, all.indexOf('-c:a'));
  const reads = planSourceReads(plan.timeline, plan.media).flatMap((read) => readInputArgs(read, plan.media[read.sourceId]));
  return [...reads, '-filter_complex_script', graphFiles(plan).picture, '-map', '[vout]', ...video, '-an', '-f', 'mp4', passFiles(plan).picture];
}

/** Picture and sound side by side into the export, both stream-copied, with the index up front (as a one-process export has). */
export function buildMuxArgs(pictureFile: string, soundFile: string, outFile: string): string[] {
  return ['-v', 'error', '-i', pictureFile, '-i', soundFile, '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', outFile];
}

/** The first loudness pass: the sound alone (no picture is decoded), measured by loudnorm, written nowhere. */
export function buildLoudnessMeasureArgs(plan: RenderPlan): string[] {
  return [...exportInputArgs(plan), '-filter_complex_script', graphFiles(plan).loudness, '-map', '[aout]', '-f', 'null', '-'];
}
