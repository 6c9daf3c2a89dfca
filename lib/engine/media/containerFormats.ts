// Which containers we accept (by ffprobe's format name, never the file extension) and the extension each is stored under.
export type Family = 'video' | 'audio' | 'image' | 'subtitle';

interface Container {
  family: Family;
  ext: string;
}

/** ffprobe `format.format_name` values we accept. Anything else (e.g. `tty` for a text file) is refused. */
const CONTAINERS: Record<string, Container> = {
  'mov,mp4,m4a,3gp,3g2,mj2': { family: 'video', ext: 'mp4' },
  'matroska,webm': { family: 'video', ext: 'mkv' },
  avi: { family: 'video', ext: 'avi' },
  mpeg: { family: 'video', ext: 'mpg' },
  mpegts: { family: 'video', ext: 'ts' },
  flv: { family: 'video', ext: 'flv' },
  asf: { family: 'video', ext: 'wmv' },
  mp3: { family: 'audio', ext: 'mp3' },
  wav: { family: 'audio', ext: 'wav' },
  flac: { family: 'audio', ext: 'flac' },
  ogg: { family: 'audio', ext: 'ogg' },
  aac: { family: 'audio', ext: 'aac' },
  aiff: { family: 'audio', ext: 'aiff' },
  png_pipe: { family: 'image', ext: 'png' },
  jpeg_pipe: { family: 'image', ext: 'jpg' },
  webp_pipe: { family: 'image', ext: 'webp' },
  gif: { family: 'image', ext: 'gif' },
  gif_pipe: { family: 'image', ext: 'gif' },
  image2: { family: 'image', ext: 'img' },
  srt: { family: 'subtitle', ext: 'srt' },
  webvtt: { family: 'subtitle', ext: 'vtt' },
  ass: { family: 'subtitle', ext: 'ass' },
};

/** Bare codec streams have no timing of their own, so neither a duration nor a safe edit. */
const BARE_STREAMS: Record<string, string> = { hevc: 'HEVC', h264: 'H.264', mpegvideo: 'MPEG video', aac_latm: 'AAC' };

/** Every format name a first probe may settle on: the containers above and the bare streams we explain. */
export const PROBE_FORMAT_NAMES: readonly string[] = [...Object.keys(CONTAINERS), ...Object.keys(BARE_STREAMS)];

export function bareStreamName(formatName: string): string | null {
  return BARE_STREAMS[formatName] ?? null;
}

export function containerOf(formatName: string): Container | null {
  return CONTAINERS[formatName] ?? null;
}

const WEBM_CODECS = new Set(['vp8', 'vp9', 'av1', 'vorbis', 'opus']);

/**
 * The extension a stored file gets, from what ffprobe found: Matroska holding only WebM codecs
 * is .webm, an ISO-BMFF file with only audio is .m4a, a QuickTime brand is .mov.
 */
export function chooseExtension(input: {
  formatName: string;
  kind: Family;
  codecs: string[];
  majorBrand?: string;
  imageCodec?: string | null;
}): string {
  const container = containerOf(input.formatName);
  if (!container) throw new Error(`unsupported container ${input.formatName}`);
  if (input.formatName === 'matroska,webm') {
    return input.codecs.length > 0 && input.codecs.every((c) => WEBM_CODECS.has(c)) ? 'webm' : 'mkv';
  }
  if (input.formatName === 'mov,mp4,m4a,3gp,3g2,mj2') {
    if (input.kind === 'audio') return 'm4a';
    return input.majorBrand?.trim() === 'qt' ? 'mov' : 'mp4';
  }
  if (input.formatName === 'image2') {
    const byCodec: Record<string, string> = { png: 'png', mjpeg: 'jpg', webp: 'webp', gif: 'gif' };
    return byCodec[input.imageCodec ?? ''] ?? 'img';
  }
  return container.ext;
}
