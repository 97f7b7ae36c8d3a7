/** Turning thrown errors into text a person can act on. */
import type { Catalog } from '../localize/en.js';

/** An aborted request (a newer search replaced it, the element left the page): never shown. */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

interface ErrorLike {
  name?: string;
  code?: string;
  title?: string;
  status?: number;
  retryAfter?: number;
}

/**
 * The localised message for an error: by its `code` (`email_taken`, `network_error`, …), else by its
 * class (a `ResponseShapeError` says the server answered in an unexpected format), else the server's
 * title, else a generic line. Never the raw stack or markup: callers render it as text.
 */
export function errorMessage(error: unknown, t: Catalog): string {
  const e = (error ?? {}) as ErrorLike;
  const messages = t.errors as Record<string, string>;
  if (e.name === 'ResponseShapeError') return messages.invalid_response;
  if (e.code && Object.hasOwn(messages, e.code)) return messages[e.code];
  if (e.name === 'NetworkError') return messages.network_error;
  if (e.name === 'TimeoutError') return messages.timeout;
  if (typeof e.status === 'number' && e.status >= 500) return messages.server_error;
  if (typeof e.title === 'string' && e.title) return e.title;
  return messages.unknown;
}

/** True when trying again can help (network, timeouts, 5xx, rate limits, odd answers). */
export function isTransient(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike;
  return (
    ['NetworkError', 'TimeoutError', 'ServerError', 'RateLimitError', 'ResponseShapeError'].includes(e.name ?? '') ||
    (typeof e.status === 'number' && e.status >= 500)
  );
}
