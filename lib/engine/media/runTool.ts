// Runs ffprobe and the analysis decode, whose stdout carries data (JSON, PCM); renders go through runFfmpeg.
import 'server-only';
import { spawn } from 'node:child_process';

export interface ToolResult {
  code: number | null;
  stdout: string;
  /** The last few KB of stderr, enough to explain a failure. */
  stderr: string;
}

export interface ToolOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Receives stdout as it arrives (then `stdout` in the result stays empty); a returned promise pauses the reading until it settles. */
  onStdout?: (chunk: Buffer) => void | Promise<void>;
}

const STDERR_KEEP = 8 * 1024;
const STDOUT_MAX = 16 * 1024 * 1024;

export function runTool(bin: string, args: string[], options: ToolOptions = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let failure: unknown = null;
    let consumed: Promise<unknown> = Promise.resolve();
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) {
        const pending = options.onStdout(chunk);
        if (pending) {
          consumed = pending.catch(() => undefined);
          // Backpressure: a slow consumer (the speech model) holds the decoder instead of buffering the whole file.
          child.stdout.pause();
          pending.then(() => child.stdout.resume(), (err) => {
            failure ??= err;
            child.kill('SIGKILL');
          });
        }
        return;
      }
      outBytes += chunk.length;
      if (outBytes > STDOUT_MAX) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      void consumed.then(() => {
        if (failure) reject(failure);
        else resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: stderr.trim() });
      });
    });
  });
}
