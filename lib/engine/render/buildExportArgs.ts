// The complete ffmpeg argument array for one export: inputs, the filter graph, encoder, output file.
import { compileFilterGraph } from './compileFilterGraph';
import { musicInputArgs } from './musicMix';
import { encoderArgs, type ExportQuality } from './outputFormat';
import type { RenderPlan } from './renderPlan';
import { segmentInputArgs } from './segmentFilters';

export function buildExportArgs(plan: RenderPlan, quality: ExportQuality): string[] {
  const inputs = plan.timeline.video.flatMap((segment) => {
    const media = plan.media[segment.sourceId];
    return media ? segmentInputArgs(segment, media) : [];
  });
  const music = plan.music.flatMap((m) => musicInputArgs(m.clip, m.path, m.format));
  return [
    ...inputs,
    ...music,
    '-filter_complex', compileFilterGraph(plan),
    '-map', '[vout]',
    '-map', '[aout]',
    ...encoderArgs(quality, plan.out.fps),
    plan.outputPath,
  ];
}
