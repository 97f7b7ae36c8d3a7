/**
 * `rosterkit/conformance`: checks that a backend implements the Roster HTTP contract (v1 and
 * v1.1) as SPEC states it, over HTTP only. For teams who implement the contract in another
 * language: run it with Node's test runner against the backend's base URL.
 *
 * ```ts
 * // conformance.test.mjs — node --test conformance.test.mjs
 * import { runConformance } from 'rosterkit/conformance';
 * runConformance({
 *   baseUrl: 'http://127.0.0.1:8787/api/roster/v1',
 *   setup: async () => {
 *     // Create an account with its four active profiles in your backend, then:
 *     return { tokens: { owner, manager, specialist, guest }, account: { emailDomain, seatLimit, passwordMode, balance, tools } };
 *   },
 * });
 * ```
 *
 * Each check is a `node:test` test named after the SPEC rule it holds the backend to.
 */
import { authentication, me, permissions, visibility } from './access.js';
import type { ConformanceOptions } from './fixture.js';
import { limits, verification } from './limits.js';
import { audit, events, pagination } from './lists.js';
import { crud, idempotency, rules, validate } from './profiles.js';
import { credits, deleting } from './tasks.js';

export type { ConformanceAccount, ConformanceOptions, Role } from './fixture.js';

/** Registers one group of checks; `title` prefixes a suite name. */
export type Suite = (options: ConformanceOptions, title: (name: string) => string) => void;

const SUITES: Suite[] = [
  authentication,
  me,
  permissions,
  visibility,
  crud,
  rules,
  idempotency,
  validate,
  pagination,
  events,
  audit,
  credits,
  deleting,
  limits,
];

/**
 * Registers the conformance suites with `node:test` (`describe`/`it`). Call it at the top level
 * of a test file. Checks that need more than HTTP (verification links) are registered only when
 * `capabilities` says the host provides it, so none is ever skipped.
 */
export function runConformance(options: ConformanceOptions): void {
  const prefix = options.name ?? 'Roster';
  const title = (name: string) => `${prefix} conformance: ${name}`;
  for (const suite of SUITES) suite(options, title);
  if (options.capabilities?.verificationLinks) verification(options, title);
}
