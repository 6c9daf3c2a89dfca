// Reads a video's keyframe index once, at upload; a file we cannot index simply never takes the fast export path.
import 'server-only';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { buildVideoIndexArgs, parseVideoIndex, type VideoIndex } from './videoIndex';

const INDEX_TIMEOUT_MS = 120_000;
// One packet line is ~60 bytes of JSON: this covers an hour at 60 fps.
const INDEX_MAX_BYTES = 64 * 1024 * 1024;

export async function probeVideoIndex(tools: Tools, file: string): Promise<VideoIndex | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const controller = new AbortController();
  try {
    await tools.run(tools.ffprobe, buildVideoIndexArgs(file), {
      timeoutMs: INDEX_TIMEOUT_MS,
      signal: controller.signal,
      onStdout: (chunk) => {
        bytes += chunk.length;
        if (bytes > INDEX_MAX_BYTES) controller.abort();
        else chunks.push(chunk);
      },
    });
    return parseVideoIndex(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  } catch {
    return null;
  }
}
