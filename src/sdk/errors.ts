/**
 * The errors the SDK throws. Every failure is one of these classes, except an aborted request,
 * which rejects with the platform's `AbortError` untouched (callers usually ignore those).
 */
import type { FieldError } from './rules.js';

/** What every Roster error carries; the subclasses only narrow `name`. */
export interface RosterErrorInit {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** Machine-readable code: the problem's `code` (`email_taken`), or `network_error`, `timeout`, `invalid_response`. */
  code: string;
  /** Short, human-readable summary (the problem's `title`). */
  title: string;
  /** Longer explanation from the server, when it gave one. */
  detail?: string;
  /** The fields the server refused, each with its own code. */
  fieldErrors?: FieldError[];
  /** Seconds the server asked to wait before trying again (`Retry-After`). */
  retryAfter?: number;
  /** The underlying failure (for network errors: the `TypeError` thrown by `fetch`). */
  cause?: unknown;
}

/** Base class of every error the SDK throws. Narrow with `instanceof` or on `name`. */
export class RosterError extends Error {
  declare name: string;
  /** Brand that survives realms and duplicate bundles, where `instanceof` fails; see {@link isRosterError}. */
  declare readonly isRosterError: true;
  declare readonly status?: number;
  declare readonly code: string;
  declare readonly title: string;
  declare readonly detail?: string;
  declare readonly fieldErrors: FieldError[];
  declare readonly retryAfter?: number;

  constructor({ status, code, title, detail, fieldErrors = [], retryAfter, cause }: RosterErrorInit) {
    super(detail ? `${title}: ${detail}` : title, cause === undefined ? undefined : { cause });
    Object.assign(this, { isRosterError: true, status, code, title, detail, fieldErrors, retryAfter });
  }
}

// Each subclass only narrows `name`, which the prototypes carry (see CLASSES below).

/**
 * 400, 413 or 422: the input broke a rule; `fieldErrors` says which fields and why. A body over
 * 1 MiB is `payload_too_large` (413); a list over its item limit is the field code `too_many_items`.
 */
export class ValidationError extends RosterError {
  declare name: 'ValidationError';
}
/** 401: no valid token, or the profile is still pending. */
export class UnauthorizedError extends RosterError {
  declare name: 'UnauthorizedError';
}
/** 403: the viewer may not do this. */
export class ForbiddenError extends RosterError {
  declare name: 'ForbiddenError';
}
/**
 * 404: no such user, tool or task (or not visible to the viewer). Also 410: gone for good, as a
 * verification link that was used (`link_used`) or expired or was replaced (`link_expired`).
 */
export class NotFoundError extends RosterError {
  declare name: 'NotFoundError';
}
/** 409: the request conflicts with the account's state (`email_taken`, `seat_limit_reached`, `guests_need_tasks`, …). */
export class ConflictError extends RosterError {
  declare name: 'ConflictError';
}
/** 412: the user changed since the given `version` was read; reload and try again. */
export class VersionConflictError extends RosterError {
  declare name: 'VersionConflictError';
}
/** 429: too many requests; `retryAfter` says how many seconds to wait. */
export class RateLimitError extends RosterError {
  declare name: 'RateLimitError';
}
/** 5xx: the server failed. */
export class ServerError extends RosterError {
  declare name: 'ServerError';
}
/** The request got no answer (offline, DNS, CORS, connection reset); `cause` is the original error. */
export class NetworkError extends RosterError {
  declare name: 'NetworkError';
}
/** No answer within the client's `timeout`. */
export class TimeoutError extends RosterError {
  declare name: 'TimeoutError';
}

/** The answer does not match the contract; `path` names the first failing place, e.g. `items.3.email`. */
export class ResponseShapeError extends RosterError {
  declare name: 'ResponseShapeError';
  /** Dotted path of the first value that broke the contract; empty when the body is not JSON at all. */
  declare readonly path: string;

  constructor(path: string, problem: string, { status, cause }: { status?: number; cause?: unknown } = {}) {
    const where = path ? `at ${path}` : 'in the body';
    super({ status, code: 'invalid_response', title: 'Unexpected response', detail: `${problem} (${where})`, cause });
    this.path = path;
  }
}

/** Every error class by its name; a minifier renames classes, so the names are spelt out here. */
const CLASSES: Record<string, { prototype: RosterError }> = {
  RosterError,
  ValidationError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  VersionConflictError,
  RateLimitError,
  ServerError,
  NetworkError,
  TimeoutError,
  ResponseShapeError,
};
for (const [name, ErrorClass] of Object.entries(CLASSES)) ErrorClass.prototype.name = name;

/**
 * The codes a Roster error can carry, with the class each comes as: the contract's problem codes,
 * the fallbacks taken from a status when the body says none, and the SDK's own.
 */
export interface RosterErrorCodes {
  validation_failed: ValidationError;
  email_role_address: ValidationError;
  email_freemail: ValidationError;
  email_domain_mismatch: ValidationError;
  password_not_allowed: ValidationError;
  password_too_weak: ValidationError;
  credit_limit_not_allowed: ValidationError;
  guest_requires_task: ValidationError;
  idempotency_key_reused: ValidationError;
  too_many_items: ValidationError;
  payload_too_large: ValidationError;
  unauthorized: UnauthorizedError;
  forbidden: ForbiddenError;
  not_found: NotFoundError;
  link_expired: NotFoundError;
  link_used: NotFoundError;
  gone: NotFoundError;
  email_taken: ConflictError;
  seat_limit_reached: ConflictError;
  single_profile_account: ConflictError;
  already_verified: ConflictError;
  credit_limit_reached: ConflictError;
  insufficient_credits: ConflictError;
  owner_immutable: ConflictError;
  guests_need_tasks: ConflictError;
  conflict: ConflictError;
  version_conflict: VersionConflictError;
  rate_limited: RateLimitError;
  server_error: ServerError;
  network_error: NetworkError;
  timeout: TimeoutError;
  invalid_response: ResponseShapeError;
  method_not_allowed: RosterError;
  http_error: RosterError;
}

/** A code {@link isRosterError} can test for. */
export type RosterErrorCode = keyof RosterErrorCodes;

/**
 * Whether `error` is a Roster error. Also true for one made by another copy of the SDK or in
 * another realm (an iframe), where `instanceof` is false: it then checks the brand and the name.
 */
export function isRosterError(error: unknown): error is RosterError;
/**
 * Whether `error` is a Roster error with this `code`, narrowed to its class:
 * `if (isRosterError(error, 'version_conflict')) reload();`.
 */
export function isRosterError<C extends RosterErrorCode>(
  error: unknown,
  code: C,
): error is RosterErrorCodes[C] & { readonly code: C };
export function isRosterError(error: unknown, code?: string): boolean {
  const candidate = error as { isRosterError?: unknown; name?: unknown; code?: unknown } | null;
  const branded =
    error instanceof RosterError ||
    (candidate?.isRosterError === true && typeof candidate.name === 'string' && Object.hasOwn(CLASSES, candidate.name));
  return branded && (code === undefined || candidate!.code === code);
}

type ErrorClass = new (init: RosterErrorInit) => RosterError;

const BY_STATUS: Record<number, [ErrorClass, code: string, title: string]> = {
  400: [ValidationError, 'validation_failed', 'Invalid request'],
  401: [UnauthorizedError, 'unauthorized', 'Not signed in'],
  403: [ForbiddenError, 'forbidden', 'Not allowed'],
  404: [NotFoundError, 'not_found', 'Not found'],
  409: [ConflictError, 'conflict', 'Conflict'],
  410: [NotFoundError, 'gone', 'No longer available'],
  412: [VersionConflictError, 'version_conflict', 'Changed since it was loaded'],
  413: [ValidationError, 'payload_too_large', 'Request too large'],
  422: [ValidationError, 'validation_failed', 'Invalid input'],
  429: [RateLimitError, 'rate_limited', 'Too many requests'],
};

/**
 * The error for an HTTP status, filled with what the answer said. Without a problem body, the
 * class, code and title still follow from the status.
 */
export function errorForStatus(status: number, said: Partial<RosterErrorInit> = {}): RosterError {
  const [ErrorClass, code, title] =
    BY_STATUS[status] ??
    (status >= 500 ? [ServerError, 'server_error', 'Server error'] : [RosterError, 'http_error', `HTTP ${status}`]);
  return new ErrorClass({ ...said, status, code: said.code ?? code, title: said.title ?? title });
}
