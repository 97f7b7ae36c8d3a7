/** A tiny request helper for the reference API's Node tests: no SDK, just Requests. */
import assert from 'node:assert/strict';
import type { ReferenceApi } from '../../src/mock/index.js';

export const BASE = 'http://localhost/api/roster/v1';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  /** Email or id of the profile acting; omit for no Authorization header. */
  as?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call<T = any>(
  api: ReferenceApi,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers.authorization = `Bearer ${api.tokenFor(options.as)}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await api.handle(new Request(`${BASE}${path}`, { method, headers, body }));
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: text && type.includes('json') ? JSON.parse(text) : text,
  };
}

/** A response read as an `Answer` (a JSON body), e.g. of a request made without `call`. */
export async function answerOf<T = any>(response: Response): Promise<Answer<T>> {
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Calls bound to one acting profile. */
export function as(api: ReferenceApi, who: string) {
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>(api, 'GET', path, { as: who, headers }),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>(api, 'POST', path, { as: who, body, headers }),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>(api, 'PATCH', path, { as: who, body, headers }),
    put: <T = any>(path: string, body: unknown) => call<T>(api, 'PUT', path, { as: who, body }),
    delete: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>(api, 'DELETE', path, { as: who, headers }),
  };
}

/** Asserts an RFC 9457 problem with this status and code, and returns its body. */
export function assertProblem(answer: Answer, status: number, code: string) {
  assert.equal(
    answer.status,
    status,
    `expected ${status} ${code}, got ${answer.status} ${JSON.stringify(answer.body)}`,
  );
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(answer.body.code, code, JSON.stringify(answer.body));
  assert.equal(answer.body.status, status);
  assert.equal(typeof answer.body.type, 'string');
  assert.equal(typeof answer.body.title, 'string');
  return answer.body as { code: string; errors?: { field: string; code: string; message: string }[]; detail?: string };
}

/** Asserts a problem whose `errors[]` holds exactly this field error (among possibly others). */
export function assertFieldError(answer: Answer, field: string, code: string) {
  const errors = (answer.body.errors ?? []) as { field: string; code: string }[];
  assert.ok(
    errors.some((error) => error.field === field && error.code === code),
    `expected ${field}: ${code} in ${JSON.stringify(errors)}`,
  );
}

/** A valid new profile for the default account (acme.de), with overrides. */
export function newProfile(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Max',
    lastName: 'Mustermann',
    email: 'max.mustermann@acme.de',
    role: 'specialist',
    ...overrides,
  };
}

export const OWNER = 'olivia.owner@acme.de';

/** Follows the verification link of the newest mail to `email`. */
export async function verify(api: ReferenceApi, email: string) {
  const mail = api
    .outbox()
    .filter((entry) => entry.to === email)
    .at(-1);
  assert.ok(mail?.link, `no verification mail to ${email}`);
  const response = await api.handle(new Request(`http://localhost${mail.link}`, { method: 'POST' }));
  assert.equal(response.status, 200);
}
