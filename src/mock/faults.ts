/**
 * Latency and fault injection for demos and robustness tests. Both draw from seeded PRNGs, so
 * the same options and the same sequence of requests give the same delays and faults.
 */
import { seededRandom } from '../core/http.js';

/**
 * - `server_error`: 503 problem, the request is not performed.
 * - `rate_limited`: 429 problem with `Retry-After` (`retryAfter`, default 1 s), not performed.
 * - `drop`: performed, then the answer is lost: rejects with `TypeError('Failed to fetch')`.
 * - `timeout`: performed, then answered only after `timeoutMs` (aborting the request ends the wait).
 * - `malformed`: performed, answered with its JSON body cut in half.
 * - `schema`: performed, answered with a body that breaks the contract (e.g. a user without `email`).
 */
export type FaultKind = 'server_error' | 'rate_limited' | 'drop' | 'timeout' | 'malformed' | 'schema';

export const FAULT_KINDS: readonly FaultKind[] = [
  'server_error',
  'rate_limited',
  'drop',
  'timeout',
  'malformed',
  'schema',
];

export interface FaultOptions {
  /** Share of requests that get a fault, 0–1. */
  rate: number;
  /** Kinds to draw from, evenly; default all. */
  kinds?: FaultKind[];
  seed?: number;
  /** How long a `timeout` fault holds the answer back; default 15000 ms. */
  timeoutMs?: number;
  /** Seconds a `rate_limited` fault asks the client to wait (`Retry-After`); default 1. */
  retryAfter?: number;
}

/** A fixed delay or a range `[min, max]` in ms. */
export type Latency = number | [min: number, max: number];

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) {
    throwIfAborted(signal);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    throwIfAborted(signal);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createChaos(latency: Latency | undefined, initialFaults: FaultOptions | undefined) {
  const latencyRandom = seededRandom(7);
  let faults = initialFaults;
  let faultRandom = seededRandom(faults?.seed ?? 1);
  let kinds = faults?.kinds?.length ? faults.kinds : FAULT_KINDS;
  const counts = new Map<FaultKind, number>();

  return {
    get timeoutMs() {
      return faults?.timeoutMs ?? 15000;
    },
    get retryAfter() {
      return faults?.retryAfter ?? 1;
    },
    /** Replaces the fault options (undefined: none) and restarts their random sequence; counts stay. */
    setFaults(next: FaultOptions | undefined): void {
      faults = next;
      faultRandom = seededRandom(next?.seed ?? 1);
      kinds = next?.kinds?.length ? next.kinds : FAULT_KINDS;
    },
    delay(signal?: AbortSignal): Promise<void> {
      if (latency === undefined) return Promise.resolve();
      const [min, max] = typeof latency === 'number' ? [latency, latency] : latency;
      return sleep(min + Math.round(latencyRandom() * Math.max(0, max - min)), signal);
    },
    /** The fault for the next request, or null. */
    draw(): FaultKind | null {
      if (!faults || faults.rate <= 0) return null;
      if (faultRandom() >= faults.rate) return null;
      return kinds[Math.floor(faultRandom() * kinds.length)]!;
    },
    record(kind: FaultKind): void {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    },
    count(kind?: FaultKind): number {
      if (kind) return counts.get(kind) ?? 0;
      let total = 0;
      for (const value of counts.values()) total += value;
      return total;
    },
  };
}

export type Chaos = ReturnType<typeof createChaos>;

/** Breaks a contract body in a way a schema must notice. */
export function breakContract(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { unexpected: body };
  const record = body as Record<string, unknown>;
  if ('items' in record) return { ...record, items: 'not a list', total: String(record.total) };
  if ('email' in record) {
    const { email: _dropped, ...rest } = record;
    return rest;
  }
  if ('user' in record) return { ...record, user: null };
  if ('creditsAvailable' in record)
    return { ...record, creditsAvailable: `${String(record.creditsAvailable)} credits` };
  if ('id' in record) return { ...record, id: 42 };
  return { ...record, status: 'unexpected' };
}
