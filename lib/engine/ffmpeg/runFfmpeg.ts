// The one place ffmpeg processes are started: runs an argument array, reports -progress, honours abort.
import 'server-only';
import { spawn } from 'node:child_process';

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
  /** The ffmpeg binary to run (located by the caller; see tools.ts). */
  ffmpegPath: string;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    /** The last lines ffmpeg wrote to stderr: for server logs, never for users. */
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

const STDERR_TAIL_BYTES = 8 * 1024;

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
 * Runs ffmpeg with `args` (without the binary). Adds `-progress pipe:1 -nostats` so progress
 * arrives on stdout. Resolves with the end of stderr (measuring filters report there); rejects
 * with FfmpegError on a non-zero exit, or with the abort reason.
 */
export function runFfmpeg(args: string[], options: RunFfmpegOptions): Promise<{ stderrTail: string }> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
  const bin = options.ffmpegPath;
  const fullArgs = ['-hide_banner', '-nostdin', '-y', '-progress', 'pipe:1', '-nostats', ...args];

  return new Promise((resolve, reject) => {
    // The binary path is only known at run time; nothing here should be traced into the build.
    const child = spawn(/*turbopackIgnore: true*/ bin, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    let stderr = '';
    let pending = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      // Each block ends with a `progress=continue|end` line.
      let end: number;
      while ((end = pending.search(/progress=\w+\n/)) >= 0) {
        const lineEnd = pending.indexOf('\n', end) + 1;
        const parsed = parseProgressBlock(pending.slice(0, lineEnd));
        pending = pending.slice(lineEnd);
        if (parsed && onProgress) onProgress(parsed);
      }
    });

    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError(`ffmpeg could not start: ${err.message}`, null, stderr));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
      if (code === 0) return resolve({ stderrTail: stderr });
      reject(new FfmpegError(`ffmpeg exited with code ${code}`, code, stderr));
    });
  });
}
