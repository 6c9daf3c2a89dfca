// How every ffprobe/ffmpeg run opens a user's file: local file protocol only, and a demuxer we chose.
//
// ffmpeg follows what a file says: an HLS playlist or a concat list names other files or URLs,
// and ffmpeg opens them. A user's file therefore may be read only through the `file` protocol,
// the first probe may only settle on a container we accept (so a playlist is refused, whatever
// its name), and every later run is told the demuxer that probe found instead of guessing again.
import { PROBE_FORMAT_NAMES } from './containerFormats';

const FILE_ONLY = ['-protocol_whitelist', 'file'];

/** Options for the first look at an upload (ffprobe), before its format is known. */
export function firstProbeInputOptions(): string[] {
  return [...FILE_ONLY, '-format_whitelist', PROBE_FORMAT_NAMES.join(',')];
}

/** The demuxer to force from a probed format name: "mov,mp4,m4a,3gp,3g2,mj2" is demuxer "mov". */
export function demuxerOf(formatName: string): string {
  const first = formatName.split(',')[0]?.trim() ?? '';
  if (!/^[a-z0-9_]+$/.test(first)) throw new Error(`not a demuxer name: "${formatName}"`);
  return first;
}

/** Options that go right before `-i` for a file already probed as `formatName`. */
export function probedInputOptions(formatName: string): string[] {
  return [...FILE_ONLY, '-f', demuxerOf(formatName)];
}

/** `-i file` with the options above: the one way a probed user file becomes an ffmpeg input. */
export function probedInput(file: string, formatName: string): string[] {
  return [...probedInputOptions(formatName), '-i', file];
}
