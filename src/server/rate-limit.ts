/**
 * A token bucket per key. Each key may spend `burst` requests at once and regains `perMinute` per
 * minute, continuously. For "per token" limits, key by the token's user id rather than the token
 * itself: a fresh token must not come with a fresh budget, and raw tokens are better not held.
 *
 * Memory stays bounded: a key idle long enough to have refilled its bucket is the same as a key
 * never seen, so it is dropped; and never more than `maxKeys` are kept (under a flood of distinct
 * keys the least recently used go first, which at worst hands that key a fresh burst).
 */

export interface RateLimitOptions {
  perMinute?: number;
  burst?: number;
  maxKeys?: number;
  /** Milliseconds; tests pass a fake clock. */
  now?: () => number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateLimitResult;
  /** Keys held right now. */
  readonly size: number;
}

interface Bucket {
  /** In 1/60,000ths of a request: whole numbers, so refills of a few ms add up exactly. */
  credit: number;
  at: number;
}

const UNIT = 60_000;

export function createRateLimiter({
  perMinute = 600,
  burst = 120,
  maxKeys = 100_000,
  now = Date.now,
}: RateLimitOptions = {}): RateLimiter {
  if (!(perMinute > 0) || !(burst >= 1) || !(maxKeys >= 1))
    throw new RangeError('perMinute must be positive, burst and maxKeys at least 1.');
  const full = burst * UNIT;
  const refillMs = full / perMinute; // an empty bucket is full again after this long
  // Map order is insertion order; re-inserting on each use keeps it least recently used first.
  const buckets = new Map<string, Bucket>();

  function evictIdle(t: number): void {
    for (const [key, bucket] of buckets) {
      if (t - bucket.at < refillMs && buckets.size <= maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      evictIdle(t);
      const bucket = buckets.get(key);
      // A clock that steps back must not mint tokens: elapsed time is never negative.
      const credit = bucket ? Math.min(full, bucket.credit + Math.max(0, t - bucket.at) * perMinute) : full;
      buckets.delete(key);
      if (credit >= UNIT) {
        buckets.set(key, { credit: credit - UNIT, at: t });
        if (buckets.size > maxKeys) evictIdle(t);
        return { ok: true };
      }
      buckets.set(key, { credit, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((UNIT - credit) / perMinute / 1000)) };
    },
    get size() {
      return buckets.size;
    },
  };
}
