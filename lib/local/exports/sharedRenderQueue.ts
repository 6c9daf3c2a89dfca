// The render queue on PostgreSQL (pg-boss): web processes send one job per export, worker processes render them.
import 'server-only';
import fs from 'node:fs/promises';
import { PgBoss, type Job } from 'pg-boss';
import { exportPaths } from '@/lib/engine/render/exportPaths';
import type { ExportRecord } from '@/lib/store/types';
import type { ExportQueue, LocalDeps } from '@/lib/local/localDeps';
import { MAX_ATTEMPTS } from './recoverExports';
import { failureMessage, renderExport } from './renderExport';
import { fairPriority, INTERRUPTED_QUEUE, RENDER_QUEUE, renderJobId, renderQueueOptions, type RenderJobData } from './renderJobs';

const BUSY_RETRY_MS = 1_000;
const SWEEP_MS = 30_000;

export interface SharedQueueOptions {
  databaseUrl: string;
  /** Seconds without a heartbeat before a job goes to another worker (RENDER_LEASE_SECONDS). */
  leaseSeconds: number;
  /** Whether this process renders (a worker, or a web process without WEB_ONLY). */
  work: boolean;
  /** A name in pg-boss's instance registry and in the log. */
  name: string;
}

/**
 * What pg-boss does: delivery, the lease (heartbeat), retry of a dead worker's job on another worker,
 * one holder at a time (a worker whose claim went away is told through the job's signal), cancel, and
 * a first per-owner cap (groupConcurrency). What stays ours: the fair order (the job's priority), the
 * exact per-owner cap (beginExportRender counts under a lock), and the export row the app reads.
 */
export class SharedRenderQueue implements ExportQueue {
  private readonly boss: PgBoss;
  private readonly running = new Map<string, AbortController>();
  private stopping = false;
  private sweepTimer: NodeJS.Timeout | null = null;
  readonly ready: Promise<void>;

  constructor(private readonly deps: LocalDeps, private readonly options: SharedQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.databaseUrl,
      instanceName: options.name,
      // The supervisor finds jobs whose worker stopped beating; checking once per lease bounds the
      // hand-over to about two leases.
      superviseIntervalSeconds: options.leaseSeconds,
      monitorIntervalSeconds: options.leaseSeconds,
    });
    // pg-boss reports a database out of reach as an event; unhandled, it would end the process.
    this.boss.on('error', (err) => console.error(`[queue] ${err instanceof Error ? err.message : err}`));
    this.ready = this.start();
    // Callers wait on `ready` where it matters; a failed start is logged here and surfaces there.
    this.ready.catch((err) => console.error('[queue] could not start:', err instanceof Error ? err.message : err));
  }

  private async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(INTERRUPTED_QUEUE);
    await this.boss.createQueue(RENDER_QUEUE, renderQueueOptions(this.options.leaseSeconds, MAX_ATTEMPTS));
    if (!this.options.work) return;
    const { renderConcurrency, maxRunningPerOwner } = this.deps.settings;
    await this.boss.work<RenderJobData>(
      RENDER_QUEUE,
      {
        localConcurrency: renderConcurrency,
        groupConcurrency: maxRunningPerOwner,
        pollingIntervalSeconds: 1,
        heartbeatRefreshSeconds: Math.max(1, Math.floor(this.options.leaseSeconds / 4)),
      },
      ([job]) => this.render(job),
    );
    await this.boss.work<RenderJobData>(INTERRUPTED_QUEUE, { pollingIntervalSeconds: 5 }, ([job]) => this.giveUp(job.data.exportId));
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_MS);
    this.sweepTimer.unref();
  }

  async queued(record: ExportRecord): Promise<void> {
    await this.ready;
    await this.send(record);
  }

  private async send(record: ExportRecord): Promise<void> {
    const project = await this.deps.store.getProject(record.projectId);
    if (!project) return;
    const usage = await this.deps.store.ownerUsage(project.ownerId);
    // This export is one of the owner's queued ones: the others are ahead of it.
    const ahead = usage.rendersRunning + usage.rendersQueued - 1;
    await this.boss.send(RENDER_QUEUE, { exportId: record.id } satisfies RenderJobData, {
      id: renderJobId(record.id),
      priority: fairPriority(ahead),
      group: { id: project.ownerId },
    });
  }

  /** Queued rows whose job was never sent (the web process died between the row and the send): send them now. */
  private async sweep(): Promise<void> {
    for (const record of await this.deps.store.listExportsByStatus(['queued'])) {
      if (this.stopping) return;
      await this.send(record); // the derived job id makes this a no-op for rows already sent
    }
  }

  async canceled(exportId: string): Promise<void> {
    // Here at once; in another worker through its next heartbeat, which finds the claim gone and aborts the job's signal.
    this.running.get(exportId)?.abort(new Error('canceled'));
    await this.ready;
    await this.boss.cancel(RENDER_QUEUE, renderJobId(exportId));
  }

  private async render(job: Job<RenderJobData>): Promise<void> {
    const { store, settings } = this.deps;
    const id = job.data.exportId;
    let record = await store.beginExportRender(id, { maxRunningPerOwner: settings.maxRunningPerOwner });
    // Two workers fetched two of one owner's jobs at once past the queue's own count: this one waits its turn, holding the lease.
    while (record === 'busy' && !job.signal.aborted && !this.stopping) {
      await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
      record = await store.beginExportRender(id, { maxRunningPerOwner: settings.maxRunningPerOwner });
    }
    if (record === 'busy') throw new Error('stopped while waiting for the owner\'s other render');
    if (!record) return; // canceled, finished or deleted meanwhile
    if (record.attempts > MAX_ATTEMPTS) return this.giveUp(id);
    console.log(`[worker ${this.options.name}] rendering export ${id} (attempt ${record.attempts})`);
    // An earlier attempt killed on this machine left its file (no start-up recovery clears a shared queue's
    // work files): this attempt owns the export now. Another machine's leftovers go with that machine's cache.
    for (let earlier = 1; earlier < record.attempts; earlier++) await fs.rm(exportPaths(settings.dataDir, id, earlier).partial, { force: true });
    const controller = new AbortController();
    const signal = AbortSignal.any([job.signal, controller.signal]);
    this.running.set(id, controller);
    try {
      await renderExport(this.deps, record, signal);
      console.log(`[worker ${this.options.name}] finished export ${id}`);
    } catch (err) {
      // Shutting down: the job goes back to the queue (pg-boss retries a failed job) for another worker.
      if (this.stopping) throw err;
      // Canceled, or the lease moved to another worker: the row says so, or that worker writes it.
      if (signal.aborted) return;
      console.error(`[worker ${this.options.name}] export ${id} failed:`, err instanceof Error ? err.message : err);
      await store.updateExport(id, { status: 'failed', error: failureMessage(err), backendState: null, finishedAt: new Date().toISOString() });
    } finally {
      this.running.delete(id);
    }
  }

  /** Every attempt's worker died or was stopped: the export fails plainly instead of looping. */
  private async giveUp(exportId: string): Promise<void> {
    const record = await this.deps.store.getExport(exportId);
    if (!record || (record.status !== 'queued' && record.status !== 'rendering')) return;
    await this.deps.store.updateExport(exportId, {
      status: 'failed',
      error: `The export was interrupted ${record.attempts} times by stopped render workers and was stopped. Export again to retry.`,
      backendState: null,
      finishedAt: new Date().toISOString(),
    });
  }

  /** Stops taking jobs; renders in hand are stopped and go back to the queue for another worker. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const controller of this.running.values()) controller.abort(new Error('worker stopping'));
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
