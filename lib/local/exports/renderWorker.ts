// The in-process render queue of the embedded default (SQLite): claims queued exports from the store, runs up to RENDER_CONCURRENCY at once.
import 'server-only';
import type { ExportRecord, Store } from '@/lib/store/types';
import type { ExportQueue, LocalDeps } from '@/lib/local/localDeps';
import { recoverExports } from './recoverExports';
import { failureMessage, renderExport } from './renderExport';

const POLL_MS = 2_000;

export class RenderWorker implements ExportQueue {
  private readonly running = new Map<string, AbortController>();
  private filling = false;
  /** A kick that came while a fill was claiming: the fill looks again before it ends, so the job does not wait for the poll. */
  private kickedWhileFilling = false;
  private ready: Promise<void>;
  private readonly store: Store;
  private readonly concurrency: number;

  /** Built once per process by the composition root (lib/server/root.ts); recovers interrupted exports first. */
  constructor(private readonly deps: LocalDeps) {
    this.store = deps.store;
    this.concurrency = deps.settings.renderConcurrency;
    this.ready = recoverExports(deps.store, deps.settings.dataDir).then(
      ({ requeued, failed }) => {
        if (requeued || failed) console.log(`[render] after restart: ${requeued} export(s) queued again, ${failed} failed`);
      },
      (err) => console.error('[render] start-up recovery failed', err),
    );
    // A poll catches jobs queued while every slot was busy, without relying on a perfect kick.
    setInterval(() => this.kick(), POLL_MS).unref();
    void this.ready.then(() => this.kick());
  }

  async queued(_record: ExportRecord): Promise<void> {
    this.kick();
  }

  async canceled(exportId: string): Promise<void> {
    this.abort(exportId);
  }

  /** Starts queued exports while there are free slots. */
  kick(): void {
    // A shared database can be briefly out of reach; the next poll tries again rather than the process dying.
    this.fill().catch((err) => console.error('[render] could not claim an export:', err instanceof Error ? err.message : err));
  }

  private async fill(): Promise<void> {
    await this.ready;
    if (this.filling) {
      this.kickedWhileFilling = true;
      return;
    }
    this.filling = true;
    this.kickedWhileFilling = false;
    try {
      while (this.running.size < this.concurrency) {
        const record = await this.store.claimNextExport({ maxRunningPerOwner: this.deps.settings.maxRunningPerOwner });
        if (!record) break;
        const controller = new AbortController();
        this.running.set(record.id, controller);
        void renderExport(this.deps, record, controller.signal)
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
    if (this.kickedWhileFilling) this.kick();
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
