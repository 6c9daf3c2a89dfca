// ffprobe/ffmpeg argument lists for probing, audio analysis and posters: pure, pinned by unit tests.
import { firstProbeInputOptions, probedInput } from './inputArgs';
import type { ProbeResult } from './schema';

/** The analysis decode: mono 16 kHz signed 16-bit PCM is plenty for loudness and waveforms. */
export const ANALYSIS_SAMPLE_RATE = 16_000;
export const THUMBNAIL_WIDTH = 320;

export function buildProbeArgs(file: string): string[] {
  return ['-v', 'error', ...firstProbeInputOptions(), '-print_format', 'json', '-show_format', '-show_streams', file];
}

/** `formatName` is the probed format of a user's file; leave it out only for files we made ourselves. */
export function buildPcmArgs(file: string, formatName?: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-v', 'error',
    ...(formatName ? probedInput(file, formatName) : ['-protocol_whitelist', 'file', '-i', file]),
    '-map', '0:a:0', '-vn', '-sn', '-dn',
    '-ac', '1', '-ar', String(ANALYSIS_SAMPLE_RATE),
    '-c:a', 'pcm_s16le', '-f', 's16le', 'pipe:1',
  ];
}

/**
 * Reads every packet of the picture and sound without decoding them (stream copy into the null muxer): the last
 * timestamp is the length of a file whose header states none. -progress prints it as out_time_us.
 */
export function buildMeasureArgs(file: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-v', 'error',
    '-i', file,
    '-map', '0:V?', '-map', '0:a?', '-c', 'copy',
    '-f', 'null', '-progress', 'pipe:1', '-nostats', '-',
  ];
}

/** The last out_time_us in ffmpeg's -progress output, in seconds (3 decimals); null when there is none. */
export function measuredSeconds(progress: string): number | null {
  const times = [...progress.matchAll(/^out_time_us=(\d+)$/gm)].map((m) => Number(m[1]));
  const last = times.pop();
  return last === undefined ? null : Math.round(last / 1000) / 1000;
}

/** A tenth of the way in, but never later than 1 s: early enough to exist, late enough to skip a black first frame. */
export function posterTimeSeconds(probe: Pick<ProbeResult, 'kind' | 'duration'>): number {
  if (probe.kind !== 'video') return 0;
  return Math.round(Math.min(1, probe.duration * 0.1) * 1000) / 1000;
}

/** Poster height for a 320 px wide JPEG, even (some encoders want it), from the display size. */
export function posterHeight(probe: Pick<ProbeResult, 'width' | 'height'>): number {
  if (!probe.width || !probe.height) return THUMBNAIL_WIDTH;
  return Math.max(2, Math.round((THUMBNAIL_WIDTH * probe.height) / probe.width / 2) * 2);
}

export function buildThumbnailArgs(file: string, out: string, probe: ProbeResult, atSeconds = posterTimeSeconds(probe)): string[] {
  // ffmpeg turns rotated video upright itself; the scale fixes non-square pixels by forcing the display size.
  // runFfmpeg adds -hide_banner -nostdin -y.
  return [
    '-v', 'error',
    ...(atSeconds > 0 ? ['-ss', String(atSeconds)] : []),
    ...probedInput(file, probe.format),
    '-map', '0:V:0', '-frames:v', '1',
    '-vf', `scale=${THUMBNAIL_WIDTH}:${posterHeight(probe)},setsar=1`,
    '-q:v', '4', '-f', 'image2', '-c:v', 'mjpeg', out,
  ];
}
