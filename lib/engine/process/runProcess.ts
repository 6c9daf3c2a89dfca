// What the engine asks of whoever starts processes: run a binary, stream or collect its stdout, and fail in one typed way.

/** Why a process run failed; callers branch on this, never on message text. */
export type ProcessFailure = 'not-started' | 'exit' | 'timeout' | 'output-too-large';

export class ProcessError extends Error {
  constructor(
    message: string,
    readonly failure: ProcessFailure,
    /** Null when the process never exited on its own (not started, killed at the time limit or for too much output). */
    readonly exitCode: number | null,
    /** The last lines the process wrote to stderr: for server logs and failure reasons, never shown to users as is. */
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'ProcessError';
  }
}

export interface ProcessOptions {
  /** Aborting kills the process; the run then rejects with the signal's reason (the caller's own cancel). */
  signal?: AbortSignal;
  /** Killed after this long: rejects with a ProcessError of failure 'timeout'. */
  timeoutMs?: number;
  /** Receives stdout as it arrives (then `stdout` in the result stays empty); a returned promise pauses reading until it settles, a rejected one kills the process and becomes the run's failure. */
  onStdout?: (chunk: Buffer) => void | Promise<void>;
  /** Called with the process id once it started (lets a restart find and stop an orphan). */
  onStart?: (pid: number) => void;
}

export interface ProcessResult {
  /** All of stdout as text (empty when `onStdout` took it). */
  stdout: string;
  stderrTail: string;
}

/** Resolves when the process exits with code 0; every other ending rejects (see ProcessOptions). */
export type RunProcess = (bin: string, args: string[], options?: ProcessOptions) => Promise<ProcessResult>;
