// The seconds each step of one export job took, for the job's log line: where a slow export spent its time.

/** Steps in the order a job runs them (the sound's steps run beside the picture's). */
export const EXPORT_STEPS = ['wait', 'prepare', 'music', 'measure', 'sound', 'soundCheck', 'picture', 'mux', 'probe', 'store'] as const;
export type ExportStep = (typeof EXPORT_STEPS)[number];

export class StepTimes {
  private readonly seconds = new Map<ExportStep, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Adds the time `run` takes to `step` (a step run twice, e.g. after a retry, sums). */
  async time<T>(step: ExportStep, run: () => Promise<T>): Promise<T> {
    const from = this.now();
    try {
      return await run();
    } finally {
      this.add(step, (this.now() - from) / 1000);
    }
  }

  add(step: ExportStep, seconds: number): void {
    this.seconds.set(step, (this.seconds.get(step) ?? 0) + Math.max(0, seconds));
  }

  /** "wait=0.01s prepare=0.42s ..." in EXPORT_STEPS order, steps that did not run left out. */
  line(): string {
    return EXPORT_STEPS.filter((s) => this.seconds.has(s))
      .map((s) => `${s}=${this.seconds.get(s)!.toFixed(2)}s`)
      .join(' ');
  }
}

/** The steps back from a log line written by line() (the benchmark reads the server's log). */
export function parseStepTimes(text: string): Partial<Record<ExportStep, number>> {
  const out: Partial<Record<ExportStep, number>> = {};
  for (const m of text.matchAll(/\b(\w+)=(\d+(?:\.\d+)?)s\b/g)) {
    if ((EXPORT_STEPS as readonly string[]).includes(m[1])) out[m[1] as ExportStep] = Number(m[2]);
  }
  return out;
}
