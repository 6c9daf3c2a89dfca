// Runs one ffmpeg argument array through the given process runner, reporting -progress; the runner honours abort.
import type { Tools } from './tools';

export interface FfmpegProgress {
  /** Seconds of output written so far. */
  outTimeSeconds: number;
  done: boolean;
}

export interface RunFfmpegOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FfmpegProgress) => void;
  /** Called with the process id once ffmpeg started (lets a restart find and stop an orphan). */
  onStart?: (pid: number) => void;
}

/** Parses one `-progress` block's key=value lines into what callers need. */
export function parseProgressBlock(block: string): FfmpegProgress | null {
  let outTimeUs: number | null = null;
  let done = false;
  for (const line of block.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    // out_time_ms is microseconds too (a historical misnomer); prefer out_time_us.
    if ((key === 'out_time_us' || (key === 'out_time_ms' && outTimeUs === null)) && /^\d+$/.test(value)) outTimeUs = Number(value);
    if (key === 'progress') done = value === 'end';
  }
  if (outTimeUs === null && !done) return null;
  return { outTimeSeconds: (outTimeUs ?? 0) / 1e6, done };
}

/**
 * Runs ffmpeg with `args` (without the binary) through `tools.run`. Adds `-progress pipe:1 -nostats`
 * so progress arrives on stdout. Resolves with the end of stderr (measuring filters report there);
 * rejects with a ProcessError (lib/engine/process/runProcess.ts) on a non-zero exit, or with the abort reason.
 */
export async function runFfmpeg(tools: Tools, args: string[], options: RunFfmpegOptions = {}): Promise<{ stderrTail: string }> {
  const { onProgress } = options;
  let pending = '';
  const { stderrTail } = await tools.run(tools.ffmpeg, ['-hide_banner', '-nostdin', '-y', '-progress', 'pipe:1', '-nostats', ...args], {
    signal: options.signal,
    onStart: options.onStart,
    onStdout: (chunk) => {
      pending += chunk.toString('utf8');
      // Each block ends with a `progress=continue|end` line.
      let end: number;
      while ((end = pending.search(/progress=\w+\n/)) >= 0) {
        const lineEnd = pending.indexOf('\n', end) + 1;
        const parsed = parseProgressBlock(pending.slice(0, lineEnd));
        pending = pending.slice(lineEnd);
        if (parsed && onProgress) onProgress(parsed);
      }
    },
  });
  return { stderrTail };
}
