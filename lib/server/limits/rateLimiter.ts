// Token buckets in memory: each key may act `perMinute` times a minute, in bursts of up to that many.
//
// A ten-line bucket instead of a package: one process holds every request today; when web
// processes multiply (DESIGN.md, scale-out) this moves to a shared store such as
// rate-limiter-flexible's Postgres limiter behind the same take() call.

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, else the whole seconds until a token is back. */
  take(key: string): number {
    const now = this.now();
    const refillPerMs = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, updatedMs: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.updatedMs) * refillPerMs);
    b.updatedMs = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.prune(now);
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000));
  }

  /** Full buckets carry no information: drop them so memory follows active clients, not all clients ever. */
  private prune(now: number): void {
    if (this.buckets.size < 10_000) return;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.updatedMs) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(key);
    }
  }
}
