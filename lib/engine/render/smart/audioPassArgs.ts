// ffmpeg arguments for the export's sound alone: the full render's audio chains in one continuous pass, no picture decoded.
import { exportInputArgs } from '../buildExportArgs';
import { compileFilterGraph } from '../compileFilterGraph';
import { encoderArgs } from '../outputFormat';
import type { RenderPlan } from '../renderPlan';

/** The full render's audio encoder settings (everything from `-c:a` up to the container options). */
export function audioEncoderArgs(): string[] {
  const all = encoderArgs('high', 30);
  return all.slice(all.indexOf('-c:a'), all.indexOf('-movflags'));
}

/**
 * The full render's graph without its picture: the same reads, pieces, music, fades and loudness,
 * ending in [aout]. Only audio pads are referenced, so ffmpeg never decodes a video frame here.
 */
export function compileAudioGraph(plan: RenderPlan): string {
  return compileFilterGraph(plan, { soundOnly: true });
}

/** The full render's inputs, the sound-only graph from `graphFile` (see compileAudioGraph), AAC into an MP4 of sound only. */
export function buildAudioPassArgs(plan: RenderPlan, graphFile: string, outFile: string): string[] {
  return ['-v', 'error', ...exportInputArgs(plan), '-filter_complex_script', graphFile, '-map', '[aout]', '-vn', ...audioEncoderArgs(), '-f', 'mp4', outFile];
}
