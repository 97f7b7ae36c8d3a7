/**
 * The transport under every resource: ky sends, times out and retries; this adds what ky cannot
 * know: which requests are safe to repeat, answers validated with the contract's schemas, Roster
 * errors, a lost answer's recovery, revalidation with ETags and the sharing of identical GETs.
 */
import ky, { isHTTPError, isTimeoutError, type BeforeRequestHook, type Options } from 'ky';
import type * as z from 'zod/mini';
import {
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  RosterError,
  TimeoutError,
  VersionConflictError,
  errorForStatus,
} from './errors.js';
import { ProblemSchema, type Page } from './schemas.js';

/** Options every SDK method takes last. */
export interface RequestOptions {
  /** Aborts the request; the call then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
}

/** How the client retries; see {@link HttpOptions.retry}. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 turns retries off. */
  limit?: number;
  /** Longest `Retry-After` (ms) worth waiting for; a longer one throws at once. Default 60 000. */
  maxRetryAfter?: number;
  /** First backoff delay in ms, doubled on each retry. Default 300. */
  delay?: number;
  /** Longest backoff delay in ms. Default 10 000. */
  backoffLimit?: number;
}

/** Options of the client (exported as `ClientOptions`). */
export interface HttpOptions {
  /** Base URL of the Roster API, e.g. `/api/roster/v1` in a page or `https://app.example/api/roster/v1` in Node. */
  baseUrl: string;
  /** Returns the bearer token sent as `Authorization` (only ever to the base URL's origin). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** `fetch` credentials mode, e.g. `'include'` for cookie sessions on another origin. */
  credentials?: RequestCredentials;
  /** The `fetch` to use; defaults to the global one. Pass a reference API's `api.fetch` to run without a network. */
  fetch?: typeof fetch;
  /** Per-attempt time limit in ms. Default 10 000. */
  timeout?: number;
  /**
   * Retry policy, or just its limit. Retried: network errors, timeouts, garbled answers,
   * 408, 429 and 5xx, with exponential backoff or the server's `Retry-After`. Only requests
   * that are safe to repeat are retried: GET, PUT, DELETE, a PATCH with `If-Match`, a POST with
   * an `Idempotency-Key`; any request after 408 or 429 (the server did not act on it).
   */
  retry?: number | RetryOptions;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | Date | null | undefined;

/** One call as the resources describe it. */
export interface RequestSpec extends RequestOptions {
  method: Method;
  /** Path below the base URL, without a leading slash; ids already encoded with {@link segment}. */
  path: string;
  /** Query parameters; empty ones (undefined, null, '') are left out. */
  query?: object;
  json?: unknown;
  headers?: Record<string, string>;
  /**
   * For a PATCH: when a repeat meets 412, the first attempt may have been applied with its answer
   * lost. Returns that result when it was (the caller's change holds), or undefined when not.
   */
  recoverConflict?: () => Promise<unknown>;
  /**
   * Remember the answer and its ETag under `path`: a later GET of the path sends `If-None-Match`
   * and takes a copy of the remembered answer on 304.
   */
  revalidate?: boolean;
  /** A POST that changes nothing (a check): safe to repeat, and no reason to forget what was read. */
  safe?: boolean;
}

/** The transport the resources use. */
export interface Http {
  /** Sends `spec` and returns the body parsed with `schema`. */
  request<T>(spec: RequestSpec, schema: z.ZodMiniType<T>): Promise<T>;
  /** Sends `spec` and ignores the body (204, 202). */
  request(spec: RequestSpec): Promise<void>;
  /** Counters since the transport was created: `retries` made by the retry policy. */
  readonly stats: { retries: number };
}

/** Encodes an id as one path segment; refuses the ones a URL would read as `.` or `..`. */
export function segment(id: string): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..')
    throw new TypeError(`Invalid id: ${JSON.stringify(id)}`);
  return encodeURIComponent(id);
}

/** The base URL made absolute: against the page's location in a browser. */
export function resolveBaseUrl(baseUrl: string): URL {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  try {
    return new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, page);
  } catch (cause) {
    throw new TypeError(`baseUrl must be an absolute URL outside a browser page: ${baseUrl}`, { cause });
  }
}

/**
 * Adds the bearer token resolved for this call (ky's `context.token`), and only when the request
 * goes to `origin`: a token never leaves for another host, whatever URL a request ends up with.
 */
export function authorizeFor(origin: string): BeforeRequestHook {
  return (request, options) => {
    const token = options.context['token'];
    if (new URL(request.url).origin !== origin) request.headers.delete('authorization');
    else if (typeof token === 'string' && token !== '') request.headers.set('authorization', `Bearer ${token}`);
  };
}

/** `Retry-After` as seconds: a number of seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The Roster error for a failed answer; problem+json bodies fill in code, detail and field errors. */
export async function errorFromResponse(response: Response): Promise<RosterError> {
  // A body that is not JSON (a proxy's HTML page) says nothing beyond the status.
  const problem = ProblemSchema.safeParse(await response.json().catch(() => undefined)).data;
  return errorForStatus(response.status, {
    ...problem,
    fieldErrors: problem?.errors,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** Parses a success body with `schema`; a mismatch names the first failing path. */
export function parseBody<T>(schema: z.ZodMiniType<T>, text: string, status?: number): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ResponseShapeError('', 'The answer is not JSON', { status });
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { path, message } = result.error.issues[0]!;
  throw new ResponseShapeError(path.join('.'), message, { status, cause: result.error });
}

/**
 * Turns what `fetch`/ky threw into a Roster error. Aborts are returned untouched, and so is
 * anything unexpected (a bug should surface as itself). Nothing here keeps the request (its
 * body may hold a password): ky's HTTPError and TimeoutError, which do, are not kept as causes.
 */
async function fromFailure(error: unknown, signal: AbortSignal | null | undefined): Promise<unknown> {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return error;
  if (isHTTPError(error)) return errorFromResponse(error.response);
  if (isTimeoutError(error)) return new TimeoutError({ code: 'timeout', title: 'The server did not answer in time' });
  if (error instanceof TypeError)
    return new NetworkError({ code: 'network_error', title: 'Could not reach the server', cause: error });
  return error;
}

/** Settles like `promise`, or calls `onAbort` and rejects with the signal's reason when it aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | null | undefined, onAbort: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    promise.finally(() => signal?.removeEventListener('abort', abort)).then(resolve, reject);
  });
}

/** Whether repeating `spec` cannot apply it twice. */
function isRepeatable({ method, headers = {}, safe }: RequestSpec): boolean {
  // A repeat of an applied PATCH meets a newer version and gets 412: nothing is applied twice.
  if (method === 'PATCH') return 'if-match' in headers;
  // The server answers a repeated key with the first answer and creates nothing new.
  return method !== 'POST' || 'idempotency-key' in headers || !!safe;
}

function searchParams(query: object = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value != null && value !== '') params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  params.sort();
  return params;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/** Creates the transport for one client. */
export function createHttp(options: HttpOptions): Http {
  const base = resolveBaseUrl(options.baseUrl);
  const {
    limit = 2,
    maxRetryAfter = 60_000,
    delay = 300,
    backoffLimit = 10_000,
  }: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const inFlight = new Map<string, InFlight>();
  const remembered = new Map<string, { etag: string; value: unknown }>();
  const stats = { retries: 0 };

  const api = ky.create({
    prefixUrl: base.href,
    fetch: options.fetch,
    timeout: options.timeout ?? 10_000,
    credentials: options.credentials,
    headers: { accept: 'application/json', ...options.headers },
    // Every method the policy might repeat: each request's `shouldRetry` decides, and sets the wait.
    retry: { limit, methods: ['get', 'post', 'put', 'patch', 'delete'] },
    hooks: { beforeRequest: [authorizeFor(base.origin)] },
  });

  /** Milliseconds to wait before repeating `spec` after what ky threw, or undefined to give up. */
  function retryDelay(spec: RequestSpec, error: Error, retried: number): number | undefined {
    const response = isHTTPError(error) ? error.response : undefined;
    const status = response?.status ?? 0;
    // 408 and 429: the server did not act on the request, so even a create may be repeated.
    const notActedOn = status === 408 || status === 429;
    // Below 300: no answer, or a garbled one (network error, timeout, ResponseShapeError).
    const failed =
      response || isTimeoutError(error) || error instanceof TypeError || error instanceof ResponseShapeError;
    if (!failed || !(notActedOn || ((status < 300 || status >= 500) && isRepeatable(spec)))) return undefined;
    const retryAfter = parseRetryAfter(response?.headers.get('retry-after') ?? null);
    if (retryAfter === undefined) return Math.min(backoffLimit, delay * 2 ** retried);
    const wait = retryAfter * 1000;
    return wait > maxRetryAfter ? undefined : wait;
  }

  /** Sends `spec` until an answer counts: the body parsed with `schema` (or ignored without one), or a Roster error. */
  async function send(spec: RequestSpec, init: Options, schema?: z.ZodMiniType): Promise<unknown> {
    const known = spec.method === 'GET' ? remembered.get(spec.path) : undefined;
    let retried = 0;
    let wait = 0;
    let value: unknown;
    try {
      const response = await api(spec.path, {
        ...init,
        headers: known ? { ...init.headers, 'if-none-match': known.etag } : init.headers,
        // A 304 answers the revalidation; unasked for, it is an error like any other.
        throwHttpErrors: (status) => !(known && status === 304),
        retry: {
          shouldRetry: ({ error }) => {
            const ms = init.signal?.aborted ? undefined : retryDelay(spec, error, retried);
            if (ms === undefined) return false;
            wait = ms;
            retried++;
            stats.retries++;
            return true;
          },
          delay: () => wait,
        },
        hooks: {
          afterResponse: [
            async (_request, _options, answer) => {
              // Parsed inside ky's retry loop, so that a garbled answer is repeated like a lost one.
              if (schema && answer.ok) value = parseBody(schema, await answer.text(), answer.status);
            },
          ],
        },
      });
      void response.body?.cancel().catch(() => undefined);
      if (response.status === 304) return known!.value;
      const etag = response.headers.get('etag');
      // A copy: the caller gets `value` itself and may change it.
      if (spec.revalidate && etag) remembered.set(spec.path, { etag, value: structuredClone(value) });
      return value;
    } catch (error) {
      const failure = await fromFailure(error, init.signal);
      if (retried) {
        // The attempt whose answer was lost deleted it: the caller's intent holds.
        if (spec.method === 'DELETE' && failure instanceof NotFoundError) return undefined;
        if (failure instanceof VersionConflictError) {
          const recovered = await spec.recoverConflict?.();
          if (recovered !== undefined) return recovered;
        }
      }
      throw failure;
    }
  }

  /** Joins an identical GET in flight, or starts one that later identical GETs can join. */
  async function shared(key: string, run: (signal: AbortSignal) => Promise<unknown>, signal: AbortSignal | undefined) {
    signal?.throwIfAborted();
    let entry = inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      inFlight.set(key, (entry = { controller, waiters: 0, promise: run(controller.signal) }));
    }
    const current = entry;
    const forget = () => {
      if (inFlight.get(key) === current) inFlight.delete(key);
    };
    current.promise.then(forget, forget);
    current.waiters++;
    const value = await untilAborted(current.promise, signal, () => {
      // The shared request stops only when nobody waits for it any more.
      if (--current.waiters === 0) {
        forget();
        current.controller.abort(signal?.reason);
      }
    });
    // Each caller gets its own copy, so that one mutating its result cannot affect another.
    return structuredClone(value);
  }

  async function request(spec: RequestSpec, schema?: z.ZodMiniType): Promise<unknown> {
    const token = await options.getToken?.();
    const query = searchParams(spec.query);
    const init = (signal?: AbortSignal): Options => ({
      method: spec.method,
      searchParams: query,
      json: spec.json,
      // ky would read `headers: undefined` as "drop the client's headers".
      headers: spec.headers ?? {},
      signal,
      // A redirected write would send its body (a password, say) on to wherever the redirect points.
      redirect: spec.method === 'GET' ? 'follow' : 'error',
      context: { token },
    });
    if (spec.method === 'GET') {
      const key = JSON.stringify([spec.path, `${query}`, spec.headers, token]);
      return shared(key, (signal) => send(spec, init(signal), schema), spec.signal);
    }
    if (!spec.safe) {
      // A GET that started before this write may answer with the old state: later GETs start
      // afresh. A write may also change a remembered answer without a new ETag (a task charges
      // its owner's credits): forget them all, then keep what this write answers.
      inFlight.clear();
      remembered.clear();
    }
    try {
      return await send(spec, init(spec.signal), schema);
    } finally {
      if (!spec.safe) inFlight.clear();
    }
  }

  return { request: request as Http['request'], stats };
}

/** A fresh `Idempotency-Key`: a random UUID, also on plain-http pages where `randomUUID` is missing. */
export function newIdempotencyKey(): string {
  // Version 4: `x` is any hex digit, `y` one of the variant's 8, 9, a, b.
  return (
    crypto.randomUUID?.() ??
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (slot) => {
      const nibble = crypto.getRandomValues(new Uint8Array(1))[0]! & 15;
      return (slot === 'x' ? nibble : 8 | (nibble & 3)).toString(16);
    })
  );
}

/** The `If-Match` header for a version, when one is given. */
export function ifMatch(version: number | undefined): Record<string, string> | undefined {
  return version === undefined ? undefined : { 'if-match': `"${version}"` };
}

/**
 * Every item of every page, following `nextCursor` from `query.cursor` on. A server that hands
 * back a cursor it already gave would loop forever: that is reported as a contract breach.
 */
export async function* iterateItems<T, Q extends { cursor?: string }>(
  list: (query: Q, options?: RequestOptions) => Promise<Page<T>>,
  query: Q,
  options?: RequestOptions,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor = query.cursor;
  for (;;) {
    const { items, nextCursor } = await list({ ...query, cursor }, options);
    yield* items;
    if (nextCursor === null) return;
    if (seen.has(nextCursor)) throw new ResponseShapeError('nextCursor', 'The cursor repeats an earlier one');
    seen.add((cursor = nextCursor));
  }
}
