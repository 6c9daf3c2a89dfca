// What the limits remember between requests (buckets, things in progress, bytes promised): one per app, kept on the composition root.
import type { RateLimiter } from './rateLimiter';

export interface LimitsState {
  /** One token-bucket set per limited action, made on first use. */
  rates: Map<string, RateLimiter>;
  /** Open chat streams and URL imports, by `kind:owner`. */
  inFlight: Map<string, number>;
  /** Bytes promised to uploads still arriving, by owner. */
  reservedBytes: Map<string, number>;
  /** The last export check-and-queue of each owner, so they run one at a time. */
  exportTurns: Map<string, Promise<unknown>>;
}

export function createLimitsState(): LimitsState {
  return { rates: new Map(), inFlight: new Map(), reservedBytes: new Map(), exportTurns: new Map() };
}
