// ffmpeg arguments for the export's sound alone: the full render's audio chains in one continuous pass, no picture decoded.
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { buildMusicMixFilter, musicInputArgs, type MusicInput } from '../musicMix';
import { encoderArgs, sec } from '../outputFormat';
import type { RenderPlan } from '../renderPlan';
import { buildSegmentFilters, segmentInputArgs } from '../segmentFilters';

/** The full render's audio encoder settings (everything from `-c:a` up to the container options). */
export function audioEncoderArgs(): string[] {
  const all = encoderArgs('high', 30);
  return all.slice(all.indexOf('-c:a'), all.indexOf('-movflags'));
}

/**
 * The same segment audio, concat, music mix and fades as compileFilterGraph, ending in [aout].
 * Only audio pads are referenced, so ffmpeg never decodes a video frame for this pass.
 */
export function compileAudioGraph(plan: RenderPlan): string {
  const { timeline, out } = plan;
  const duration = timelineDuration(timeline);
  const parts = timeline.video.map(
    (segment, k) =>
      buildSegmentFilters({ segment, media: plan.media[segment.sourceId], inputIndex: k, position: k, fit: timeline.fit, out, voiceVolume: timeline.voiceVolume }).audio,
  );
  parts.push(`${timeline.video.map((_, k) => `[a${k}]`).join('')}concat=n=${timeline.video.length}:v=0:a=1[acat]`);
  const music: MusicInput[] = plan.music.map((m, j) => ({ clip: m.clip, gain: m.gain, inputIndex: timeline.video.length + j }));
  const mix = buildMusicMixFilter('acat', music, duration, 'amixed');
  if (mix) parts.push(mix);
  const fades: string[] = [];
  const inLength = Math.min(timeline.fadeInSeconds, duration);
  const outLength = Math.min(timeline.fadeOutSeconds, duration);
  if (inLength > 0) fades.push(`afade=t=in:st=0:d=${sec(inLength)}`);
  if (outLength > 0) fades.push(`afade=t=out:st=${sec(duration - outLength)}:d=${sec(outLength)}`);
  parts.push(`[${mix ? 'amixed' : 'acat'}]${fades.length ? fades.join(',') : 'anull'}[aout]`);
  return parts.join(';');
}

/** Inputs laid out as buildExportArgs does (segment k is input k, music after), AAC into an MP4 of sound only. */
export function buildAudioPassArgs(plan: RenderPlan, outFile: string): string[] {
  const inputs = plan.timeline.video.flatMap((segment) => segmentInputArgs(segment, plan.media[segment.sourceId]));
  const music = plan.music.flatMap((m) => musicInputArgs(m.clip, m.path));
  return [
    '-v', 'error',
    ...inputs,
    ...music,
    '-filter_complex', compileAudioGraph(plan),
    '-map', '[aout]', '-vn', ...audioEncoderArgs(), '-f', 'mp4', outFile,
  ];
}
