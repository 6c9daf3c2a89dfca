// The shared render queue's job for an export, as plain data: its id, its place in the fair order, its queue settings.
import { createHash } from 'node:crypto';

export const RENDER_QUEUE = 'render';
/** Where a job goes after its worker died on every attempt (pg-boss's dead letter): the export is failed there. */
export const INTERRUPTED_QUEUE = 'render-interrupted';

export interface RenderJobData {
  exportId: string;
}

/**
 * The job id of an export: derived from the export id (a UUID, as pg-boss's ids are), so sending the
 * same export twice (a retry of the web request, the worker's sweep of queued rows) stores one job.
 */
export function renderJobId(exportId: string): string {
  const h = createHash('sha1').update(`in-video:export:${exportId}`).digest('hex');
  // Shaped as a name-based (version 5) UUID: version nibble 5, variant bits 10.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The job's priority: minus the owner's renders already running or waiting when it was queued. The
 * queue takes higher priorities first and the oldest first among equals, so owners are served in turn
 * (everyone's first export, then everyone's second...) and one who queues many cannot hold back one
 * who queued a single export, the same round-robin as the embedded queue's claim.
 */
export function fairPriority(ownerRendersAhead: number): number {
  return ownerRendersAhead >= 1 ? -Math.floor(ownerRendersAhead) : 0;
}

/** The render queue's settings (pg-boss createQueue), from the lease and the attempts allowed. */
export function renderQueueOptions(leaseSeconds: number, maxAttempts: number) {
  return {
    // A worker that stops beating (killed, frozen, cut off) loses the job after this long; the
    // queue's supervisor then hands it to another worker.
    heartbeatSeconds: leaseSeconds,
    // Our render has its own time cap (RENDER_TIME_FACTOR); this is only the queue's outer bound.
    expireInSeconds: 12 * 60 * 60,
    retryLimit: maxAttempts - 1,
    retryDelay: 0,
    deadLetter: INTERRUPTED_QUEUE,
  };
}
