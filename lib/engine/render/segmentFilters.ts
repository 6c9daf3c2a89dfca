// One main-track piece as filter chains: cut from its read by frame and sample number, re-timed, at its exact length.
import type { MediaRecord } from '@/lib/engine/media/schema';
import { segmentFrames } from '@/lib/engine/timeline/duration';
import type { VideoSegment } from '@/lib/engine/timeline/schema';
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

export interface SegmentFilterInput {
  segment: VideoSegment;
  media: SegmentMedia;
  /** This piece's share of its read (see readFilters.ts); null when the read has no such stream. */
  videoIn: string | null;
  audioIn: string | null;
  /** Where the piece starts in its read, in frames of the canvas rate (see pieceWindow). */
  startFrame: number;
  /** Position on the main track, used to name labels. */
  position: number;
  out: OutputSize;
  voiceVolume: number;
}

/**
 * The segment's video ends as `[v<position>]` and its audio as `[a<position>]`, cut by frame and
 * sample number from the read's stream (already at the canvas rate and size), so both are exactly
 * segmentFrames() long and the export's length matches the timeline view's frame for frame. Only
 * a sped-up or slowed piece re-times its frames here; nothing in a piece's chain holds a frame
 * once the piece is done, so memory does not grow with the number of pieces.
 */
export function buildSegmentFilters(input: SegmentFilterInput): { video: string | null; audio: string } {
  const { segment, videoIn, audioIn, startFrame, position: k, out } = input;
  const frameCount = segmentFrames(segment, out.fps);
  const speed = segment.speed;
  let video: string | null = null;
  if (videoIn === null) {
    // An audio-only timeline: the picture is made once for the whole export (audioPicture.ts).
  } else if (speed === 1) {
    video = `[${videoIn}]trim=start_frame=${startFrame}:end_frame=${startFrame + frameCount},setpts=PTS-STARTPTS[v${k}]`;
  } else {
    // One source frame more than the new length needs, so fps never runs short at the end.
    const sourceFrames = Math.ceil(frameCount * speed) + 1;
    video =
      `[${videoIn}]trim=start_frame=${startFrame}:end_frame=${startFrame + sourceFrames},setpts=(PTS-STARTPTS)/${speed},` +
      `fps=${out.fps},trim=end_frame=${frameCount},setpts=PTS-STARTPTS[v${k}]`;
  }

  const samples = samplesForFrames(frameCount, out.fps);
  const volume = Math.round(segment.volume * input.voiceVolume * 1e4) / 1e4;
  const gain = volume !== 1 ? [`volume=${volume}`] : [];
  let audio: string;
  if (audioIn === null) {
    audio = `anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${samples},aformat=sample_fmts=fltp:channel_layouts=stereo[a${k}]`;
  } else {
    const startSample = samplesForFrames(startFrame, out.fps);
    if (speed === 1) {
      audio = [`[${audioIn}]atrim=start_sample=${startSample}:end_sample=${startSample + samples}`, 'asetpts=PTS-STARTPTS', ...gain].join(',') + `[a${k}]`;
    } else {
      // A tenth of a second more source than the tempo change needs, then cut to the exact length.
      const sourceSamples = Math.round(samples * speed) + AUDIO_SAMPLE_RATE / 10;
      audio =
        [
          `[${audioIn}]atrim=start_sample=${startSample}:end_sample=${startSample + sourceSamples}`,
          'asetpts=PTS-STARTPTS',
          ...atempoChain(speed),
          ...gain,
          'apad',
          `atrim=end_sample=${samples}`,
          'asetpts=PTS-STARTPTS',
        ].join(',') + `[a${k}]`;
    }
  }
  return { video, audio };
}
