// The one place the app starts ffmpeg and ffprobe: the RunProcess the engine is given (see lib/engine/process/runProcess.ts).
import 'server-only';
import { spawn } from 'node:child_process';
import { ProcessError, type ProcessOptions, type ProcessResult } from '@/lib/engine/process/runProcess';

const STDERR_TAIL_BYTES = 8 * 1024;
/** Collected stdout (ffprobe's JSON) beyond this is a runaway, not an answer. */
const STDOUT_MAX_BYTES = 16 * 1024 * 1024;

/** Why we killed a process: our own limit (its ProcessError is made at close, with the whole stderr tail), or the caller's cancel or stdout consumer's error. */
type KilledFor = { failure: 'timeout' | 'output-too-large'; message: string } | { error: unknown };

export function spawnProcess(bin: string, args: string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
  return new Promise((resolve, reject) => {
    // The binary path is only known at run time; nothing here should be traced into the build.
    const child = spawn(/*turbopackIgnore: true*/ bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    const name = bin.split(/[\\/]/).pop() ?? bin;
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let killedFor: KilledFor | null = null;
    let consumed: Promise<unknown> = Promise.resolve();
    const kill = (why: KilledFor) => {
      killedFor ??= why;
      child.kill('SIGKILL');
      // A stdout paused for a slow consumer would never end, and 'close' waits for it: drain and drop the rest.
      child.stdout.resume();
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (killedFor) return;
      if (options.onStdout) {
        const pending = options.onStdout(chunk);
        if (pending) {
          consumed = pending.catch(() => undefined);
          // Backpressure: a slow consumer (the speech model) holds the decoder instead of buffering the whole file.
          child.stdout.pause();
          pending.then(() => child.stdout.resume(), (error) => kill({ error }));
        }
        return;
      }
      outBytes += chunk.length;
      if (outBytes > STDOUT_MAX_BYTES) kill({ failure: 'output-too-large', message: `${name} wrote more than ${STDOUT_MAX_BYTES} bytes` });
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });

    const timer = options.timeoutMs === undefined ? null : setTimeout(() => kill({ failure: 'timeout', message: `${name} took longer than ${options.timeoutMs} ms` }), options.timeoutMs);
    const onAbort = () => kill({ error: signal!.reason ?? new Error('aborted') });
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (err) => {
      settle();
      reject(new ProcessError(`${name} could not start: ${err.message}`, 'not-started', null, stderr));
    });
    child.on('close', (code) => {
      settle();
      void consumed.then(() => {
        const why = killedFor as KilledFor | null;
        if (why && 'error' in why) return reject(why.error);
        if (why) return reject(new ProcessError(why.message, why.failure, null, stderr));
        if (code === 0) return resolve({ stdout: Buffer.concat(out).toString('utf8'), stderrTail: stderr });
        reject(new ProcessError(`${name} exited with code ${code}`, 'exit', code, stderr));
      });
    });
  });
}
