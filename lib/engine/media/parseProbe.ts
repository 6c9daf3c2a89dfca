// Turns ffprobe's JSON into a ProbeResult: kind, display size after SAR and rotation, frame rate, codecs.
import { ffprobeNumber as toNumber, ffprobeOutputSchema, type FfprobeOutput, type FfprobeStream } from './ffprobeOutput';
import { bareStreamName, chooseExtension, containerOf } from './containerFormats';
import { probeResultSchema, type ProbeResult } from './schema';

type Stream = FfprobeStream;

/**
 * `durationKnown` is false when the container states no length (a browser's MediaRecorder WebM): the caller measures it
 * by reading the file and fills in `probe.duration`. `streamCount` counts every stream, for the limits.
 */
export type ProbeParse =
  | { ok: true; probe: ProbeResult; ext: string; durationKnown: boolean; streamCount: number }
  | { ok: false; reason: string };

const MAX_SANE_FPS = 240;
/** Pixels this close to square are treated as square (a 404:405 SAR is a rounding artefact of cropping). */
const SQUARE_TOLERANCE = 0.01;

/** "30000/1001" -> 29.97; null when the ratio is missing, zero or absurd. */
export function parseRate(rate: string | undefined): number | null {
  const m = /^(\d+)\/(\d+)$/.exec(rate ?? '');
  if (!m || Number(m[2]) === 0) return null;
  const fps = Number(m[1]) / Number(m[2]);
  return fps > 0 && fps <= MAX_SANE_FPS ? Math.round(fps * 1000) / 1000 : null;
}

/** Clockwise degrees (0, 90, 180, 270) the picture must turn to display upright. */
export function rotationOf(stream: Stream): number {
  const matrix = stream.side_data_list?.find((d) => typeof d.rotation === 'number');
  // The display matrix counts counter-clockwise; the legacy `rotate` tag counts clockwise.
  const degrees = matrix ? -matrix.rotation! : toNumber(stream.tags?.rotate) ?? 0;
  const quarter = Math.round(degrees / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}

/** Width and height as shown: non-square pixels stretched, then turned by the rotation. */
export function displaySize(stream: Stream, rotation: number): { width: number; height: number } | null {
  if (!stream.width || !stream.height) return null;
  let width = stream.width;
  const sar = /^(\d+):(\d+)$/.exec(stream.sample_aspect_ratio ?? '');
  if (sar && Number(sar[1]) > 0 && Number(sar[2]) > 0) {
    const ratio = Number(sar[1]) / Number(sar[2]);
    if (Math.abs(ratio - 1) > SQUARE_TOLERANCE) width = Math.round(width * ratio);
  }
  return rotation % 180 === 0 ? { width, height: stream.height } : { width: stream.height, height: width };
}

/** Container holds an index of every sample (ISO-BMFF), so its declared bit rates tell how big the file must be. */
function missingBytes(out: FfprobeOutput, streams: Stream[], duration: number, size: number | null): number {
  if (out.format?.format_name !== 'mov,mp4,m4a,3gp,3g2,mj2' || size === null) return 0;
  const expected = streams.reduce((sum, s) => {
    const bitRate = toNumber(s.bit_rate) ?? 0;
    return sum + (bitRate * (toNumber(s.duration) ?? duration)) / 8;
  }, 0);
  return size < expected * 0.9 ? expected - size : 0;
}

const TIMECODE = /^\d{1,2}:\d{2}:\d{2}[:;.,]\d{2,3}$/;

/** The start timecode a camera or editor wrote: on the picture stream, a tmcd data track or the container. */
export function startTimecodeOf(out: FfprobeOutput): string | null {
  const candidates = [
    ...out.streams.filter((s) => s.codec_type === 'video').map((s) => s.tags?.timecode),
    ...out.streams.filter((s) => s.codec_type !== 'video').map((s) => s.tags?.timecode),
    out.format?.tags?.timecode,
  ];
  return candidates.find((tc): tc is string => typeof tc === 'string' && TIMECODE.test(tc.trim()))?.trim() ?? null;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A caption file (SRT, WebVTT, ASS): no picture or sound, only timed text the planner reads. */
function subtitleProbe(out: FfprobeOutput, formatName: string, ext: string): ProbeParse {
  const cues = out.streams.find((s) => s.codec_type === 'subtitle');
  if (!cues) return { ok: false, reason: 'is a subtitle file without readable cues' };
  const probe = probeResultSchema.parse({
    kind: 'subtitle', format: formatName, duration: Math.round((toNumber(out.format?.duration) ?? 0) * 1000) / 1000,
    width: null, height: null, fps: null, rotation: 0, hasAudio: false, hasVideo: false,
    videoCodec: null, audioCodec: null,
  });
  return { ok: true, probe, ext, durationKnown: true, streamCount: out.streams.length };
}

export function parseProbe(raw: unknown): ProbeParse {
  const parsed = ffprobeOutputSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.format?.format_name) return { ok: false, reason: 'is not a video, audio or image file we can read' };
  const out = parsed.data;
  const format = { ...parsed.data.format, format_name: parsed.data.format.format_name };
  const container = containerOf(format.format_name);
  const bare = bareStreamName(format.format_name);
  if (bare) return { ok: false, reason: `is a bare ${bare} stream without a container, so it has no timing (save it as MP4 or MKV first)` };
  if (!container) return { ok: false, reason: `is not a supported format (it looks like "${format.format_name}")` };

  if (container.family === 'subtitle') return subtitleProbe(out, format.format_name, container.ext);

  const pictures = out.streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = out.streams.filter((s) => s.codec_type === 'audio');
  const visual = pictures[0];
  const kind = container.family === 'image' ? 'image' : visual ? 'video' : audio.length > 0 ? 'audio' : null;
  if (!kind) return { ok: false, reason: 'holds no video or audio stream' };
  if (kind === 'image' && !visual) return { ok: false, reason: 'is an image we cannot decode' };

  const streamDurations = [...pictures, ...audio].map((s) => toNumber(s.duration) ?? 0);
  const duration = kind === 'image' ? 0 : toNumber(format.duration) ?? Math.max(0, ...streamDurations);
  // No stated length is not no length: live-written files (MediaRecorder, streams) never go back to write it.
  const durationKnown = kind === 'image' || duration > 0;

  const size = toNumber(format.size);
  const missing = missingBytes(out, [...pictures, ...audio], duration, size);
  if (missing > 0) {
    return { ok: false, reason: `is cut short: ${mb(missing)} of its video and audio data are missing (was the upload or copy finished?)` };
  }

  const rotation = visual ? rotationOf(visual) : 0;
  const dims = visual ? displaySize(visual, rotation) : null;
  if (visual && !dims) return { ok: false, reason: 'has a picture stream without a size' };
  const fps = kind === 'video' && visual ? parseRate(visual.avg_frame_rate) ?? parseRate(visual.r_frame_rate) : null;

  const probe = probeResultSchema.parse({
    kind,
    format: format.format_name,
    duration: Math.round(duration * 1000) / 1000,
    width: dims?.width ?? null,
    height: dims?.height ?? null,
    fps,
    rotation,
    hasAudio: audio.length > 0,
    hasVideo: kind !== 'audio',
    videoCodec: visual?.codec_name ?? null,
    audioCodec: audio[0]?.codec_name ?? null,
    startTimecode: kind === 'image' ? null : startTimecodeOf(out),
  });
  const codecs = [...pictures, ...audio].map((s) => s.codec_name ?? '');
  const ext = chooseExtension({
    formatName: format.format_name,
    kind,
    codecs,
    majorBrand: format.tags?.major_brand,
    imageCodec: visual?.codec_name ?? null,
  });
  return { ok: true, probe, ext, durationKnown, streamCount: out.streams.length };
}
