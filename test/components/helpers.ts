/**
 * Shared helpers for element tests: a reference API whose requests are recorded, clients acting as a
 * given user, and an axe-core check.
 *
 *     const { api, requests } = setupApi({ data: 'demo' });
 *     const client = clientFor(api, DEMO_VIEWERS.owner);
 *     const el = await fixture(html`<roster-user-list .client=${client}></roster-user-list>`);
 *     await axeCheck(el);
 */
import 'axe-core';
import type AxeCore from 'axe-core';
import { expect, waitUntil } from '@open-wc/testing';
import { createReferenceApi } from '../../src/mock/index.js';
import { type ClientOptions, createRosterClient, type RosterClient } from '../../src/sdk/index.js';

export const BASE_URL = '/api/roster/v1';

export type ReferenceApi = ReturnType<typeof createReferenceApi>;
export type ReferenceApiOptions = NonNullable<Parameters<typeof createReferenceApi>[0]>;

/** One request the reference API received: method, URL, and whether its caller aborted it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** `/users`, `/me`, …: the path under the base URL. */
  path: string;
  signal: AbortSignal;
}

export interface TestApi {
  api: ReferenceApi;
  /** Every request, in order. */
  requests: RecordedRequest[];
  /** `api.fetch` wrapped to record requests; clients made by `clientFor` use it. */
  fetch: typeof fetch;
  /** Makes the next matching requests fail (or hang) instead of reaching the API. */
  intercept(match: (request: RecordedRequest) => boolean, answer: (request: Request) => Promise<Response>): () => void;
}

// axe-core's UMD build installs itself as a global.
declare const axe: typeof AxeCore;

const apis = new WeakMap<ReferenceApi, TestApi>();

/** A reference API (default data unless `options` say otherwise) with recorded requests. */
export function setupApi(options: ReferenceApiOptions = {}): TestApi {
  const api = createReferenceApi(options);
  const requests: RecordedRequest[] = [];
  const interceptors: { match: (r: RecordedRequest) => boolean; answer: (request: Request) => Promise<Response> }[] =
    [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const url = new URL(request.url, location.href);
    const recorded = { method: request.method, url, path: url.pathname.slice(BASE_URL.length), signal: request.signal };
    requests.push(recorded);
    const interceptor = interceptors.find(({ match }) => match(recorded));
    return interceptor ? interceptor.answer(request) : api.fetch(request);
  };
  const intercept: TestApi['intercept'] = (match, answer) => {
    const entry = { match, answer };
    interceptors.push(entry);
    return () => interceptors.splice(interceptors.indexOf(entry), 1);
  };
  const testApi = { api, requests, fetch, intercept };
  apis.set(api, testApi);
  return testApi;
}

/** A client acting as `emailOrId`, through the recording fetch when the API came from `setupApi`. */
export function clientFor(api: ReferenceApi, emailOrId: string, options: Partial<ClientOptions> = {}): RosterClient {
  return createRosterClient({
    baseUrl: BASE_URL,
    fetch: apis.get(api)?.fetch ?? api.fetch,
    getToken: () => api.tokenFor(emailOrId),
    retry: 0,
    ...options,
  });
}

/** A response that never comes: rejects when the request is aborted. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/** A problem+json answer, for faking server failures. */
export function problemResponse(status: number, code: string, title = code): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** Runs axe-core on `element` (shadow roots included) and fails with the rule ids and targets. */
export async function axeCheck(element: Element): Promise<void> {
  const result = await axe.run(element, { resultTypes: ['violations'] });
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(summary, summary.join('\n')).to.deep.equal([]);
}

/** Waits until `check` returns a truthy value and returns it. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  message = 'condition',
  timeout = 15000,
): Promise<T> {
  let value: T | undefined | null | false;
  // A check that throws (a shadow root or chunk not there yet) is not true yet; if it never
  // becomes true, its last error is part of the failure.
  let lastError: unknown;
  try {
    await waitUntil(
      () => {
        try {
          value = check();
          lastError = undefined;
          return value;
        } catch (error) {
          lastError = error;
          return false;
        }
      },
      message,
      { timeout },
    );
  } catch (timedOut) {
    if (lastError === undefined) throw timedOut;
    throw new Error(`${(timedOut as Error).message}; the check last threw: ${String(lastError)}`, { cause: lastError });
  }
  return value as T;
}

/** What is rendered inside `host` (through shadow roots) but reaches past its left or right side. */
export function outside(host: Element) {
  const box = host.getBoundingClientRect();
  const found: string[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      const { left, right, width } = el.getBoundingClientRect();
      if (width && !el.closest('[hidden], .visually-hidden') && (left < box.left - 0.5 || right > box.right + 0.5)) {
        found.push(`${el.localName}.${el.getAttribute('class') ?? ''} "${el.textContent!.trim().slice(0, 24)}"`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return found;
}

/** Nothing inside `host` shows a skeleton or is still busy. */
export function settled(host: Element): boolean {
  return (
    !host.shadowRoot!.querySelector('.skeleton, [aria-busy="true"]') &&
    [...host.shadowRoot!.querySelectorAll('*')].every((el) => !el.shadowRoot || settled(el))
  );
}
