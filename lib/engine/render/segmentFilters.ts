// One main-track segment as filter chains: trimmed, re-timed, fitted, and cut to its exact frame count.
import { probedInput } from '@/lib/engine/media/inputArgs';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { segmentFrames } from '@/lib/engine/timeline/duration';
import type { VideoSegment } from '@/lib/engine/timeline/schema';
import { buildFitFilter, type Fit } from './fitFilter';
import { AUDIO_SAMPLE_RATE, sec, type OutputSize } from './outputFormat';

export type SegmentMedia = Pick<MediaRecord, 'path' | 'probe'>;

/** atempo accepts 0.5..2 per stage, so other speeds become a chain of stages. */
export function atempoChain(speed: number): string[] {
  const stages: string[] = [];
  let rest = speed;
  while (rest > 2) {
    stages.push('atempo=2');
    rest /= 2;
  }
  while (rest < 0.5) {
    stages.push('atempo=0.5');
    rest /= 0.5;
  }
  if (Math.abs(rest - 1) > 1e-9) stages.push(`atempo=${Math.round(rest * 1e6) / 1e6}`);
  return stages;
}

/** Samples of audio that exactly match `frameCount` frames at `fps`. */
export function samplesForFrames(frameCount: number, fps: number): number {
  return Math.round((frameCount * AUDIO_SAMPLE_RATE) / fps);
}

/** Input options for a segment: seeking on the input skips decoding everything before `in`. */
export function segmentInputArgs(segment: VideoSegment, media: SegmentMedia): string[] {
  const input = probedInput(media.path, media.probe.format);
  if (media.probe.kind === 'image') return input;
  return ['-ss', sec(segment.in), '-t', sec(segment.out - segment.in), ...input];
}

export interface SegmentFilterInput {
  segment: VideoSegment;
  media: SegmentMedia;
  /** Index of this segment's ffmpeg input. */
  inputIndex: number;
  /** Position on the main track, used to name labels. */
  position: number;
  fit: Fit;
  out: OutputSize;
  voiceVolume: number;
}

/**
 * The segment's video ends as `[v<position>]` and its audio as `[a<position>]`. Both are cut to
 * exactly segmentFrames() frames (tpad clones the last frame when the source runs short), so the
 * export's length matches the timeline view's frame for frame however many segments there are.
 */
export function buildSegmentFilters(input: SegmentFilterInput): { video: string; audio: string } {
  const { segment, media, inputIndex: i, position: k, fit, out } = input;
  const frameCount = segmentFrames(segment, out.fps);
  const display = media.probe.width && media.probe.height ? { width: media.probe.width, height: media.probe.height } : null;
  const sourceSeconds = sec(segment.out - segment.in);
  const retime = segment.speed === 1 ? 'setpts=PTS-STARTPTS' : `setpts=(PTS-STARTPTS)/${segment.speed}`;

  const head =
    media.probe.kind === 'image'
      ? `[${i}:v:0]trim=end_frame=1,loop=loop=-1:size=1,setpts=N/${out.fps}/TB`
      : `[${i}:v:0]trim=duration=${sourceSeconds},${retime},fps=${out.fps}`;
  const video = [
    `${head}[s${k}in]`,
    buildFitFilter(fit, display, out, `s${k}in`, `s${k}fit`, `s${k}`),
    `[s${k}fit]format=yuv420p,tpad=stop=-1:stop_mode=clone,trim=end_frame=${frameCount},setpts=PTS-STARTPTS[v${k}]`,
  ].join(';');

  const samples = samplesForFrames(frameCount, out.fps);
  const volume = Math.round(segment.volume * input.voiceVolume * 1e4) / 1e4;
  const audio =
    media.probe.kind !== 'image' && media.probe.hasAudio
      ? [
          `[${i}:a:0]atrim=duration=${sourceSeconds}`,
          'asetpts=PTS-STARTPTS',
          `aresample=${AUDIO_SAMPLE_RATE}`,
          'aformat=sample_fmts=fltp:channel_layouts=stereo',
          ...atempoChain(segment.speed),
          ...(volume !== 1 ? [`volume=${volume}`] : []),
          'apad',
          `atrim=end_sample=${samples}`,
          `asetpts=PTS-STARTPTS[a${k}]`,
        ].join(',')
      : `anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${samples},aformat=sample_fmts=fltp:channel_layouts=stereo[a${k}]`;
  return { video, audio };
}
