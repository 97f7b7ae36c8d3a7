// Hand-written servers for SDK unit tests: each test gets its own client and its own fetch.
import { createRosterClient, type ClientOptions } from '../../src/sdk/index.js';

export const BASE = 'http://localhost/api/roster/v1';

export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

/** A client whose `fetch` calls `handler`; `requests` records what was sent (bodies readable). */
export function observedClient(handler: Handler, options: Partial<ClientOptions> = {}) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return handler(request, new URL(request.url));
  };
  const client = createRosterClient({ baseUrl: BASE, fetch, retry: 0, getToken: () => 'tok-1', ...options });
  return { client, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = { type: `https://roster.dev/problems/${code}`, title: `Title of ${code}`, status, code, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** Never answers; rejects with the abort reason when ky's timeout or the caller aborts. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/** Resolves after `ms`. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function userFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: 'u1',
    firstName: 'Anna',
    lastName: 'Berg',
    email: 'anna.berg@acme.de',
    phone: null,
    role: 'specialist',
    status: 'active',
    verifiedAt: '2024-05-01T10:00:00Z',
    createdAt: '2024-04-30T09:00:00Z',
    updatedAt: '2024-05-01T10:00:00Z',
    version: 3,
    creditLimit: null,
    creditsSpent: 0,
    allowedIps: [],
    notifications: { taskUpdates: true, reportReady: true, creditsLow: false },
    access: { tools: ['rank-tracker'], tasks: [] },
    ...overrides,
  };
}

export function taskFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: 't1',
    toolId: 'rank-tracker',
    name: 'Shop keywords',
    ownerId: 'u1',
    createdAt: '2024-05-02T08:00:00Z',
    ...overrides,
  };
}

export function page<T>(items: T[], nextCursor: string | null = null, total = items.length) {
  return { items, nextCursor, total };
}

/**
 * Every string reachable from `value` (own properties, enumerable or not, causes, arrays), for
 * secrecy checks. A request or response inside would hide its body from this walk: that throws.
 */
export function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  if (value instanceof Request || value instanceof Response) throw new Error('A request or response is reachable');
  seen.add(value);
  const found: string[] = [];
  if (value instanceof Error) found.push(String(value));
  for (const key of Object.getOwnPropertyNames(value)) {
    found.push(...reachableStrings((value as Record<string, unknown>)[key], seen));
  }
  return found;
}
