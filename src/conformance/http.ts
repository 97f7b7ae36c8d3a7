/**
 * The kit's only way to the backend: plain HTTP requests through the host's `fetch`, and the
 * assertions every check shares (RFC 9457 problems, field errors, shapes of the contract).
 */
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { ProblemSchema } from '../sdk/schemas.js';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer says it is JSON, else the text. */
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  /** A value is sent as JSON; a string is sent as it is (with a JSON content type). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Fetch = typeof globalThis.fetch;

export class Http {
  readonly base: string;

  constructor(
    baseUrl: string,
    private readonly fetcher: Fetch,
  ) {
    assert.ok(/^https?:\/\//i.test(baseUrl), `baseUrl must be an absolute http(s) URL, got ${baseUrl}`);
    this.base = baseUrl.replace(/\/+$/, '');
  }

  /** A path under the base URL, or an absolute URL (a link the backend handed out) as it is. */
  url(path: string): string {
    return /^https?:\/\//i.test(path) ? path : `${this.base}${path}`;
  }

  /** A link as mailed: an absolute path resolves against the base URL's origin. */
  link(link: string): string {
    return new URL(link, this.base).href;
  }

  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await this.fetcher(this.url(path), { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (text && /json/.test(type)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        assert.fail(`${method} ${path}: the answer says ${type} but is not JSON: ${text.slice(0, 200)}`);
      }
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
}

/** What a failed check prints about an answer. */
export const show = (answer: Answer) => `${answer.status} ${answer.text.slice(0, 400)}`;

export function assertStatus(answer: Answer, status: number, why: string): void {
  assert.equal(answer.status, status, `${why}: expected ${status}, got ${show(answer)}`);
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
}

/**
 * HTTP contract, Errors: an RFC 9457 `application/problem+json` answer with this status and
 * top-level code, `{ type, title, status, code, detail?, errors? }`.
 */
export function assertProblem(
  answer: Answer,
  status: number,
  code: string,
  why = `expected ${status} ${code}`,
): ProblemBody {
  assert.equal(answer.status, status, `${why}: got ${show(answer)}`);
  assert.match(
    answer.headers.get('content-type') ?? '',
    /^application\/problem\+json/i,
    `${why}: RFC 9457 answers use the media type application/problem+json (got ${answer.headers.get('content-type')})`,
  );
  assertShape(ProblemSchema, answer.body, 'problem');
  assert.equal(answer.body.status, status, `${why}: the problem's status member equals the HTTP status`);
  assert.equal(answer.body.code, code, `${why}: got code ${answer.body.code} (${answer.text.slice(0, 400)})`);
  return answer.body as ProblemBody;
}

const errorsOf = (answer: Answer): { field: string; code: string }[] =>
  answer.body && typeof answer.body === 'object' && Array.isArray(answer.body.errors) ? answer.body.errors : [];

const onField = (field: string) => (error: { field: string }) =>
  error.field === field || error.field.startsWith(`${field}.`);

/** A broken field rule is reported in `errors[]` with its field (and, when given, its code). */
export function assertFieldError(answer: Answer, field: string, code?: string): void {
  const errors = errorsOf(answer);
  assert.ok(
    errors.some((error) => onField(field)(error) && (code === undefined || error.code === code)),
    `expected a field error on ${field}${code ? ` with code ${code}` : ''} in errors[], got ${show(answer)}`,
  );
}

/** The codes reported for one field (its sub-fields included). */
export const fieldCodes = (answer: Answer, field: string) =>
  errorsOf(answer)
    .filter(onField(field))
    .map((error) => error.code);

/** Checks a value against one of the SDK's schemas of the contract, naming every broken member. */
export function assertShape(schema: z.ZodMiniType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  assert.fail(
    `${what} does not have the contract's shape: ${issues.join('; ')}\n${JSON.stringify(value).slice(0, 600)}`,
  );
}
