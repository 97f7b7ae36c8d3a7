/** Response helpers of the reference API: JSON, RFC 9457 problems, opaque cursors, hashing. */
import { FIELD_MESSAGES } from '../sdk/schemas.js';
import type { FieldError, FieldErrorCode } from '../sdk/rules.js';

/** Every top-level problem code of the contract with its status. */
export const PROBLEM_STATUS = {
  validation_failed: 422,
  email_role_address: 422,
  email_freemail: 422,
  email_domain_mismatch: 422,
  password_not_allowed: 422,
  password_too_weak: 422,
  credit_limit_not_allowed: 422,
  guest_requires_task: 422,
  idempotency_key_reused: 422,
  email_taken: 409,
  seat_limit_reached: 409,
  single_profile_account: 409,
  already_verified: 409,
  credit_limit_reached: 409,
  insufficient_credits: 409,
  owner_immutable: 409,
  guests_need_tasks: 409,
  link_expired: 410,
  link_used: 410,
  payload_too_large: 413,
  too_many_items: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  version_conflict: 412,
  rate_limited: 429,
  server_error: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request has invalid fields.',
  email_role_address: FIELD_MESSAGES.email_role_address,
  email_freemail: FIELD_MESSAGES.email_freemail,
  email_domain_mismatch: FIELD_MESSAGES.email_domain_mismatch,
  password_not_allowed: FIELD_MESSAGES.password_not_allowed,
  password_too_weak: FIELD_MESSAGES.password_too_weak,
  credit_limit_not_allowed: FIELD_MESSAGES.credit_limit_not_allowed,
  guest_requires_task: FIELD_MESSAGES.guest_requires_task,
  idempotency_key_reused: 'This Idempotency-Key was already used with another request body.',
  email_taken: FIELD_MESSAGES.email_taken,
  seat_limit_reached: 'All seats of the plan are taken.',
  single_profile_account: 'This account is limited to a single profile.',
  already_verified: 'This profile is already verified.',
  credit_limit_reached: "The task costs more than the profile's remaining credit limit.",
  insufficient_credits: "The task costs more than the account's credit balance.",
  owner_immutable: "The owner's role cannot change and the owner cannot be deleted.",
  guests_need_tasks: 'Guests would be left without a task.',
  link_expired: 'This link has expired or was replaced by a newer one.',
  link_used: 'This link was already used.',
  payload_too_large: 'The request body is larger than 1 MiB.',
  too_many_items: 'A list in the request has too many items.',
  unauthorized: 'Sign in to continue.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  method_not_allowed: 'This method is not allowed here.',
  version_conflict: 'The profile was changed by someone else. Reload it and try again.',
  rate_limited: 'Too many requests. Try again shortly.',
  server_error: 'The service is temporarily unavailable.',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export const empty = (status: 202 | 204, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

export function problem(code: ProblemCode, { detail, errors, headers = {} }: ProblemOptions = {}): Response {
  const status = PROBLEM_STATUS[code];
  const body = {
    type: `urn:roster:problem:${code}`,
    title: TITLES[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/**
 * Field errors as one problem: the top-level code is the broken rule's own code when exactly one
 * contract-level rule is broken (`email_taken`, `guest_requires_task`, …), else `validation_failed`.
 */
export function fieldProblem(errors: FieldError[], detail?: string): Response {
  const only = errors.length === 1 ? errors[0]!.code : null;
  const code = only && only in PROBLEM_STATUS ? (only as ProblemCode) : 'validation_failed';
  return problem(code, { errors, detail });
}

export const fieldError = (field: string, code: FieldErrorCode, message = FIELD_MESSAGES[code]): FieldError => ({
  field,
  code,
  message,
});

// ---- Hashing and randomness ---------------------------------------------------------------

/** cyrb53: a fast 53-bit string hash, for signatures and seeds (not for secrets). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomToken(bytes = 18): string {
  const values = new Uint8Array(bytes);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(values);
  else for (let i = 0; i < bytes; i++) values[i] = Math.floor(Math.random() * 256);
  return base64url(values);
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * A one-way fingerprint of a request body, so an idempotency record can tell "same body" without
 * keeping it (a body may hold a password). SHA-256 where the platform has WebCrypto.
 */
export async function fingerprint(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return base64url(new Uint8Array(digest));
  }
  return `${hash53(text, 1).toString(36)}.${hash53(text, 2).toString(36)}`;
}

// ---- Cursors ------------------------------------------------------------------------------

/** Where a page ended: the sort key and id of its last item. */
export type CursorPosition = [key: string | number, id: string];

/**
 * Opaque cursors: the position and the query they belong to, signed with a secret of this
 * instance. A forged, garbled or foreign cursor decodes to null and is refused, never trusted.
 */
export function createCursors(secret: string) {
  const sign = (body: string) => hash53(body, hash53(secret)).toString(36);
  return {
    encode(query: string, position: CursorPosition): string {
      const body = base64url(new TextEncoder().encode(JSON.stringify({ q: query, p: position })));
      return `${body}.${sign(body)}`;
    },
    decode(query: string, cursor: string): CursorPosition | null {
      const [body, signature, extra] = cursor.split('.');
      if (!body || extra !== undefined || signature !== sign(body)) return null;
      const bytes = fromBase64url(body);
      if (!bytes) return null;
      try {
        const value = JSON.parse(new TextDecoder().decode(bytes)) as { q?: unknown; p?: unknown };
        const p = value.p;
        if (value.q !== query || !Array.isArray(p) || p.length !== 2) return null;
        if (!['string', 'number'].includes(typeof p[0]) || typeof p[1] !== 'string') return null;
        return p as CursorPosition;
      } catch {
        return null;
      }
    },
  };
}

export type Cursors = ReturnType<typeof createCursors>;
