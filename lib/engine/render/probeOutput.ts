// Reads back what was rendered (size, duration) so the export record states facts, not intentions.
import 'server-only';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { Tools } from '@/lib/engine/ffmpeg/tools';

const run = promisify(execFile);

const ffprobeOutputSchema = z.object({
  streams: z.array(z.object({ codec_type: z.string(), width: z.number().optional(), height: z.number().optional() })),
  format: z.object({ duration: z.coerce.number() }),
});

export interface RenderedFile {
  width: number;
  height: number;
  duration: number;
  size: number;
}

export async function probeOutput(tools: Tools, file: string): Promise<RenderedFile> {
  const { stdout } = await run(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const probed = ffprobeOutputSchema.parse(JSON.parse(stdout));
  const video = probed.streams.find((s) => s.codec_type === 'video');
  if (!video?.width || !video.height) throw new Error('the rendered file has no video stream');
  const { size } = await fs.stat(file);
  return { width: video.width, height: video.height, duration: probed.format.duration, size };
}
