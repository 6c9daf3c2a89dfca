// Starts `npm run worker`'s process (a render worker on the shared queue) for tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from './paths';

export interface TestWorker {
  pid: number;
  logs(): string;
  /** Resolves with the first log line matching `pattern` (after `from` characters of output). */
  waitForLog(pattern: RegExp, timeoutMs?: number, from?: number): Promise<string>;
  /** Graceful stop (SIGTERM): renders in hand go back to the queue. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL), as a crash or a lost machine would. */
  kill(): Promise<void>;
}

/** The same command as `npm run worker` (package.json), run directly so the pid is the worker itself. */
export async function startWorker(env: Record<string, string>): Promise<TestWorker> {
  const script = JSON.parse(fs.readFileSync(`${ROOT}/package.json`, 'utf8')).scripts.worker as string;
  const [, ...args] = script.split(' '); // "node --conditions=react-server --import tsx scripts/worker.ts"
  let output = '';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitForLog = async (pattern: RegExp, timeoutMs = 60_000, from = 0) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = output.slice(from).split('\n').find((l) => pattern.test(l));
      if (line) return line;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited before ${pattern}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`worker did not log ${pattern} in ${timeoutMs} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  await waitForLog(/taking render jobs/);
  return { pid: child.pid!, logs: () => output, waitForLog, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** The ffmpeg processes on this machine encoding the picture of `exportId` (renders of that export). */
export function rendersOf(exportId: string): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      // The ffmpeg binary itself, not a wrapper around it (the process runner may start one), encoding the
      // export's picture: its sound is made by a second process at the same time, which is not a second render.
      if (/(^|\/)ffmpeg[^/]*$/.test(argv[0]) && argv.includes('libx264') && argv.some((a) => a.includes(exportId))) pids.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return pids;
}
