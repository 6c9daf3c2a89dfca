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
  /** Receives stdout as it arrives (then `stdout` in the result stays empty). */
  onStdout?: (chunk: Buffer) => void;
}

const STDERR_KEEP = 8 * 1024;
const STDOUT_MAX = 16 * 1024 * 1024;

export function runTool(bin: string, args: string[], options: ToolOptions = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) return options.onStdout(chunk);
      outBytes += chunk.length;
      if (outBytes > STDOUT_MAX) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: stderr.trim() }));
  });
}
