// Reads back what was rendered (size, duration) so the export record states facts, not intentions.
import fs from 'node:fs/promises';
import { ffprobeNumber, ffprobeOutputSchema } from '@/lib/engine/media/ffprobeOutput';
import type { Tools } from '@/lib/engine/ffmpeg/tools';

export interface RenderedFile {
  width: number;
  height: number;
  duration: number;
  size: number;
}

/** The ffprobe arguments that describe a finished export. */
export function buildOutputProbeArgs(file: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file];
}

export async function probeOutput(tools: Tools, file: string): Promise<RenderedFile> {
  const { stdout } = await tools.run(tools.ffprobe, buildOutputProbeArgs(file), { timeoutMs: 60_000 });
  const probed = ffprobeOutputSchema.parse(JSON.parse(stdout));
  const video = probed.streams.find((s) => s.codec_type === 'video');
  if (!video?.width || !video.height) throw new Error('the rendered file has no video stream');
  const duration = ffprobeNumber(probed.format?.duration);
  if (duration === null) throw new Error('the rendered file states no duration');
  const { size } = await fs.stat(file);
  return { width: video.width, height: video.height, duration, size };
}
