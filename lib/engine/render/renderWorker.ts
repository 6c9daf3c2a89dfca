// The in-process render queue: claims queued exports from the store, runs up to RENDER_CONCURRENCY at once.
import 'server-only';
import { getConfig } from '@/lib/server/config';
import type { Store } from '@/lib/server/store/types';
import { recoverExports } from './recoverExports';
import { failureMessage, renderExport } from './renderExport';
import type { RenderTimeLimits } from './renderTimeCap';

const POLL_MS = 2_000;

export class RenderWorker {
  private readonly running = new Map<string, AbortController>();
  private filling = false;
  private ready: Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    private readonly concurrency: number,
    private readonly limits: { maxRunningPerOwner: number } & RenderTimeLimits = { maxRunningPerOwner: 1, factor: 10, graceSeconds: 60 },
  ) {
    this.ready = recoverExports(store, dataDir).then(
      ({ requeued, failed }) => {
        if (requeued || failed) console.log(`[render] after restart: ${requeued} export(s) queued again, ${failed} failed`);
      },
      (err) => console.error('[render] start-up recovery failed', err),
    );
    // A poll catches jobs queued while every slot was busy, without relying on a perfect kick.
    setInterval(() => this.kick(), POLL_MS).unref();
    void this.ready.then(() => this.kick());
  }

  /** Starts queued exports while there are free slots. */
  kick(): void {
    void this.fill();
  }

  private async fill(): Promise<void> {
    await this.ready;
    if (this.filling) return;
    this.filling = true;
    try {
      while (this.running.size < this.concurrency) {
        const record = await this.store.claimNextExport({ maxRunningPerOwner: this.limits.maxRunningPerOwner });
        if (!record) break;
        const controller = new AbortController();
        this.running.set(record.id, controller);
        void renderExport(this.store, record, this.dataDir, controller.signal, this.limits)
          .catch(async (err) => {
            if (controller.signal.aborted) return; // canceled: the record already says so
            console.error(`[render] export ${record.id} failed:`, err instanceof Error ? err.message : err);
            const tail = (err as { stderrTail?: string }).stderrTail;
            if (tail) console.error(`[render] ffmpeg said:\n${tail.split('\n').slice(-15).join('\n')}`);
            await this.store.updateExport(record.id, {
              status: 'failed',
              error: failureMessage(err),
              backendState: null,
              finishedAt: new Date().toISOString(),
            });
          })
          .catch((err) => console.error('[render] could not record a failure', err))
          .finally(() => {
            this.running.delete(record.id);
            this.kick();
          });
      }
    } finally {
      this.filling = false;
    }
  }

  /** Stops the export's ffmpeg if it runs in this process. */
  abort(exportId: string): void {
    this.running.get(exportId)?.abort(new Error('canceled'));
  }

  /** Stops every render (process exit): the rows stay 'rendering' and are queued again at the next start. */
  abortAll(): void {
    for (const controller of this.running.values()) controller.abort(new Error('shutting down'));
  }
}

const g = globalThis as unknown as { __inVideoRenderWorker?: RenderWorker };

/** The process's one worker (kept on globalThis: Next bundles routes and instrumentation separately). */
export function renderWorker(store: Store): RenderWorker {
  if (!g.__inVideoRenderWorker) {
    const config = getConfig();
    const worker = new RenderWorker(store, config.DATA_DIR, config.RENDER_CONCURRENCY, {
      maxRunningPerOwner: config.QUOTA_RENDERS_RUNNING,
      factor: config.RENDER_TIME_FACTOR,
      graceSeconds: config.RENDER_TIME_GRACE_SECONDS,
    });
    g.__inVideoRenderWorker = worker;
    process.once('exit', () => worker.abortAll());
  }
  return g.__inVideoRenderWorker;
}
