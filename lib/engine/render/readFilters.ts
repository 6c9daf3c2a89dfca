// One read (an opened input) as filter chains: decoded once, brought to the canvas, shared out to its pieces.
import { buildFitFilter, type Fit } from './fitFilter';
import { AUDIO_SAMPLE_RATE, sec, type OutputSize } from './outputFormat';
import type { SegmentMedia } from './segmentFilters';
import type { SourceRead } from './sourceReads';

/** Input options for a read: seeking on the input skips decoding everything before its first piece. */
export function readInputArgs(read: SourceRead, media: SegmentMedia): string[] {
  if (read.kind === 'image') return ['-i', media.path];
  return ['-ss', sec(read.fromSeconds), '-t', sec(read.toSeconds - read.fromSeconds), '-i', media.path];
}

export interface ReadFilterInput {
  read: SourceRead;
  media: SegmentMedia;
  /** Index of the read's ffmpeg input, also used to name its labels. */
  inputIndex: number;
  fit: Fit;
  out: OutputSize;
  /** False for an audio-only timeline, whose picture is made once for the whole export. */
  withVideo: boolean;
}

export interface ReadFilters {
  parts: string[];
  /** For each of the read's pieces (in read.positions order): its video and audio labels, or null. */
  video: (string | null)[];
  audio: (string | null)[];
}

/** `[in]split=n[a][b]...`, or the stream as it is when there is one piece. */
function share(head: string, filter: 'split' | 'asplit', labels: string[]): string {
  if (labels.length === 1) return `${head}[${labels[0]}]`;
  return `${head},${filter}=${labels.length}${labels.map((l) => `[${l}]`).join('')}`;
}

/**
 * The picture is made constant-rate at the canvas fps and fitted to the canvas once per read,
 * then padded without end (the last frame repeats, then silence) so every piece can be cut to its
 * exact frame and sample count even where the source runs short; each piece's trim ends its share.
 */
export function buildReadFilters(input: ReadFilterInput): ReadFilters {
  const { read, media, inputIndex: i, fit, out } = input;
  const n = read.positions.length;
  const parts: string[] = [];
  let video: (string | null)[] = Array(n).fill(null);
  if (input.withVideo) {
    const labels = read.positions.map((_, j) => `r${i}v${j}`);
    video = labels;
    const display = media.probe.width && media.probe.height ? { width: media.probe.width, height: media.probe.height } : null;
    if (read.kind === 'image') {
      // Fitted once, then the one fitted frame is repeated: no per-frame scaling of a still.
      parts.push(`[${i}:v:0]trim=end_frame=1[r${i}in]`, buildFitFilter(fit, display, out, `r${i}in`, `r${i}fit`, `r${i}`));
      parts.push(share(`[r${i}fit]format=yuv420p,loop=loop=-1:size=1,setpts=N/${out.fps}/TB`, 'split', labels));
    } else if (read.kind === 'audio') {
      parts.push(share(`color=c=black:s=${out.width}x${out.height}:r=${out.fps},format=yuv420p`, 'split', labels));
    } else {
      parts.push(`[${i}:v:0]fps=${out.fps}[r${i}in]`, buildFitFilter(fit, display, out, `r${i}in`, `r${i}fit`, `r${i}`));
      parts.push(share(`[r${i}fit]format=yuv420p,tpad=stop=-1:stop_mode=clone`, 'split', labels));
    }
  }
  let audio: (string | null)[] = Array(n).fill(null);
  if (read.kind !== 'image' && media.probe.hasAudio) {
    const labels = read.positions.map((_, j) => `r${i}a${j}`);
    audio = labels;
    parts.push(share(`[${i}:a:0]aresample=${AUDIO_SAMPLE_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo,apad`, 'asplit', labels));
  }
  return { parts, video, audio };
}
