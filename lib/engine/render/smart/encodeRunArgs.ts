// ffmpeg arguments for one encode run: its frames through the full render's filters, encoded to join the copied GOPs.
import { timelineDuration } from '@/lib/engine/timeline/duration';
import type { VideoIndex } from '@/lib/engine/media/videoIndex';
import { probedInput } from '@/lib/engine/media/inputArgs';
import { buildFitFilter } from '../fitFilter';
import { sec } from '../outputFormat';
import type { RenderPlan } from '../renderPlan';
import { buildReadFilters, readInputArgs } from '../readFilters';
import { buildSegmentFilters } from '../segmentFilters';
import type { SourceRead } from '../sourceReads';
import { buildTextOverlayFilter } from '../textOverlay';
import type { JoinFormat } from './copyEligibility';
import { frameSeconds, seekSeconds } from './copyRunArgs';
import type { Run } from './planRuns';

type EncodeRun = Extract<Run, { kind: 'encode' }>;

/** Same quality settings as the full render, so a cut is not visible as a change of sharpness. */
export const ENCODE_RUN_PRESET = 'veryfast';
export const ENCODE_RUN_CRF = '20';

/** "4.0" for level_idc 40. */
export const levelName = (level: number) => `${Math.floor(level / 10)}.${level % 10}`;

/** x264 B-frame settings that give the reorder delay the copied source has (0, 1 or 2 frames). */
export function bFrameArgs(reorderDelay: number): string[] {
  return ['-bf', reorderDelay === 0 ? '0' : reorderDelay === 1 ? '1' : '3'];
}

/**
 * Join-compatible H.264: same profile, level, pixel format, size and rate as the copied source,
 * the same reorder delay (so decode timestamps stay in order at each join), parameter sets in
 * band (MPEG-TS output) and an IDR first frame, so each run decodes on its own.
 */
export function joinEncoderArgs(join: JoinFormat, fps: number): string[] {
  return [
    '-c:v', 'libx264', '-profile:v', 'high', '-level:v', levelName(join.level),
    '-preset', ENCODE_RUN_PRESET, '-crf', ENCODE_RUN_CRF, '-pix_fmt', 'yuv420p', ...bFrameArgs(join.reorderDelay),
    '-r', String(fps),
  ];
}

export interface EncodeRunContext {
  plan: RenderPlan;
  /** Keyframe indexes of copyable sources, by media id. */
  indexes: Record<string, VideoIndex>;
  join: JoinFormat;
}

/**
 * Inputs are the run's pieces in order. The picture ends as `[venc]` for the encoder; a split of
 * it keeps the run's first and last frame, unencoded and luma only, as the reference the joined
 * file is checked against at this run's edges.
 */
export function buildEncodeRunArgs(ctx: EncodeRunContext, run: EncodeRun, outFile: string, referenceFile: string): string[] {
  const { plan, indexes, join } = ctx;
  const { timeline, out } = plan;
  const inputs: string[] = [];
  const chains: string[] = [];
  const labels: string[] = [];
  run.pieces.forEach((piece, i) => {
    const segment = timeline.video[piece.segmentIndex];
    const media = plan.media[segment.sourceId];
    if (piece.kind === 'segment') {
      // The piece read on its own, through the full render's read and piece filters (picture only).
      const read: SourceRead = {
        sourceId: segment.sourceId,
        kind: media.probe.kind === 'image' ? 'image' : media.probe.kind === 'audio' ? 'audio' : 'video',
        fromSeconds: media.probe.kind === 'image' ? 0 : segment.in,
        toSeconds: media.probe.kind === 'image' ? 0 : segment.out,
        positions: [piece.segmentIndex],
      };
      const pictureOnly = { ...media, probe: { ...media.probe, hasAudio: false } };
      const f = buildReadFilters({ read, media: pictureOnly, inputIndex: i, fit: timeline.fit, out, withVideo: true });
      const video = buildSegmentFilters({ segment, media, videoIn: f.video[0], audioIn: null, startFrame: 0, position: piece.segmentIndex, out, voiceVolume: timeline.voiceVolume }).video;
      inputs.push(...readInputArgs(read, media));
      chains.push(...f.parts, video!);
      labels.push(`[v${piece.segmentIndex}]`);
      return;
    }
    const index = indexes[piece.sourceId];
    // Half a frame early: input seeking keeps frames at or after the target, so exactly this frame comes first.
    const target = frameSeconds(index, piece.sourceFrame) - 0.5 / out.fps;
    inputs.push(...(piece.sourceFrame > 0 ? ['-ss', seekSeconds(target)] : []), ...probedInput(media.path, media.probe.format));
    const display = { width: index.width, height: index.height };
    chains.push(
      `[${i}:v:0]trim=end_frame=${piece.frames},setpts=PTS-STARTPTS[f${i}in];` +
        buildFitFilter(timeline.fit, display, out, `f${i}in`, `f${i}fit`, `f${i}`) +
        `;[f${i}fit]format=yuv420p[f${i}]`,
    );
    labels.push(`[f${i}]`);
  });

  const runStart = run.startFrame / out.fps;
  const runEnd = (run.startFrame + run.frames) / out.fps;
  const texts = plan.texts
    .filter((t) => t.end >= runStart && t.start < runEnd)
    .map((t) => ({ ...t, start: t.start - runStart, end: t.end - runStart }));
  const text = buildTextOverlayFilter(texts, plan.fonts);
  // Frames are numbered onto the output's grid before anything reads their time: the concat filter
  // guesses a piece's length from its frames' mean spacing, so a one-frame piece (a cut just before a
  // keyframe) has no length, and the next piece would start on the same timestamp (a frame shown
  // twice in the joined file, one missing later). Every piece is already at the output's rate.
  const tail = [`setpts=N/${out.fps}/TB`, ...(text ? [text] : []), ...runFades(plan, run), 'format=yuv420p', 'split=2[venc][vrefall]'];
  const joinIn = labels.length === 1 ? `${labels[0]}` : `${labels.join('')}concat=n=${labels.length}:v=1:a=0[vcat];[vcat]`;
  const graph = [
    ...chains,
    `${joinIn}${tail.join(',')}`,
    `[vrefall]select='eq(n\\,0)+eq(n\\,${run.frames - 1})',format=gray[vref]`,
  ].join(';');
  return [
    '-v', 'error',
    ...inputs,
    '-filter_complex', graph,
    '-map', '[venc]', '-frames:v', String(run.frames), ...joinEncoderArgs(join, out.fps), '-an', '-f', 'mpegts', outFile,
    '-map', '[vref]', '-vsync', '0', '-f', 'rawvideo', referenceFile,
  ];
}

/** The timeline's fades as they fall inside the run (the planner keeps every faded frame in one run). */
function runFades(plan: RenderPlan, run: EncodeRun): string[] {
  const { timeline, out } = plan;
  const duration = timelineDuration(timeline);
  const fades: string[] = [];
  const inLength = Math.min(timeline.fadeInSeconds, duration);
  const outLength = Math.min(timeline.fadeOutSeconds, duration);
  const runStart = run.startFrame / out.fps;
  if (inLength > 0 && run.startFrame === 0) fades.push(`fade=t=in:st=0:d=${sec(inLength)}`);
  if (outLength > 0 && Math.abs(run.startFrame + run.frames - Math.round(duration * out.fps)) < 1) {
    fades.push(`fade=t=out:st=${sec(duration - outLength - runStart)}:d=${sec(outLength)}`);
  }
  return fades;
}
