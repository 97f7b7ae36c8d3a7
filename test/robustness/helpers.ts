/** Shared set-up of the Node robustness suites: the SDK on the reference API, no network. */
import assert from 'node:assert/strict';
import { createReferenceApi, type ReferenceApi, type ReferenceApiOptions } from '../../src/mock/index.js';
import {
  RosterError,
  createRosterClient,
  isRosterError,
  type ClientOptions,
  type RosterClient,
} from '../../src/sdk/index.js';

export const BASE = 'http://localhost/api/roster/v1';
export const OWNER = 'olivia.owner@acme.de';

/** A client acting as `emailOrId` on `api`, without retries unless asked. */
export function clientAs(api: ReferenceApi, emailOrId: string, options: Partial<ClientOptions> = {}): RosterClient {
  return createRosterClient({
    baseUrl: BASE,
    fetch: api.fetch,
    getToken: () => api.tokenFor(emailOrId),
    retry: 0,
    ...options,
  });
}

/** A reference API (default account unless told) and the owner's client on it. */
export function ownerSetup(apiOptions: ReferenceApiOptions = {}, clientOptions: Partial<ClientOptions> = {}) {
  const api = createReferenceApi(apiOptions);
  return { api, client: clientAs(api, OWNER, clientOptions) };
}

/** What a call ended with: its value, or the error it threw, which must be a Roster error. */
export async function settle<T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: RosterError }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    assert.ok(error instanceof RosterError && isRosterError(error), `not a Roster error: ${String(error)}`);
    return { ok: false, error };
  }
}

/** Follows the newest verification link mailed to `email` (public: no token, no faults). */
export async function verifyByMail(api: ReferenceApi, email: string): Promise<void> {
  const mail = api
    .outbox()
    .filter((entry) => entry.to === email)
    .at(-1);
  assert.ok(mail?.link, `no verification mail to ${email}`);
  const response = await api.fetch(new URL(mail.link, BASE), { method: 'POST' });
  assert.equal(response.status, 200);
}

/** A string shown in a failure message with its invisible characters made visible. */
export const show = (text: string) =>
  JSON.stringify(text)
    .replace(/[^\x20-\x7e]/g, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`)
    .slice(0, 160);

/** mulberry32: seeded choices, so a failing run can be repeated (and independent of the API's fault sequence). */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  /** A non-empty subset, in the given order. */
  const subset = <T>(items: readonly T[]): T[] => {
    const chosen = items.filter(() => random() < 0.5);
    return chosen.length ? chosen : [pick(items)];
  };
  return { random, pick, subset };
}
