/**
 * The account a check runs in: what the host's `setup()` returns, completed over HTTP (ids and
 * emails from `GET /me`), with small helpers to act as each role and to add profiles and tasks.
 */
import assert from 'node:assert/strict';
import type { Me, Task, User } from '../sdk/schemas.js';
import { type Answer, type Fetch, Http, assertStatus, show } from './http.js';

export type Role = 'owner' | 'manager' | 'specialist' | 'guest';
export const ROLES: Role[] = ['owner', 'manager', 'specialist', 'guest'];

/**
 * A fresh account made by the host for the kit. The kit changes it freely (adds and deletes
 * profiles, spends credits), so every call returns a new, isolated one.
 *
 * The account holds exactly four ACTIVE (verified) profiles, one per role:
 * - the owner;
 * - a manager;
 * - a specialist granted `account.tools[0]`, with a credit limit of at least 5 times its
 *   `taskCost` and nothing spent yet;
 * - a guest granted one task of `account.tools[0]` owned by the owner (SPEC rule 10: a guest needs one).
 */
export interface ConformanceAccount {
  /** Bearer tokens (sent as `Authorization: Bearer <token>`) of the four profiles. */
  tokens: Record<Role, string>;
  /** The account as the host configured it; the kit checks that `GET /me` reports the same. */
  account: {
    /** The domain every profile's address uses (the kit creates profiles under it). */
    emailDomain: string;
    /** At least 8. */
    seatLimit: number;
    passwordMode: 'shared' | 'per-user';
    /** The credit balance: at least 20 times the most expensive tool's `taskCost`. */
    balance: number;
    /** At least two tools, each with `taskCost > 0`. */
    tools: { id: string; taskCost: number }[];
  };
  /**
   * The newest verification link mailed to `email` (as in the outbox: an absolute path under the
   * base URL's origin, or an absolute URL), or null when none was mailed. Give it, and set
   * `capabilities.verificationLinks`, to run the verification checks (Contract v1.1).
   */
  latestLink?: (email: string) => Promise<string | null>;
}

export interface ConformanceOptions {
  /** The absolute base URL of the API, e.g. `http://127.0.0.1:8787/api/roster/v1`. */
  baseUrl: string;
  /** Default `globalThis.fetch`; a fetch-style handler (e.g. the reference API's `api.fetch`) works too. */
  fetch?: Fetch;
  /** Makes a fresh account (see `ConformanceAccount`); called once per check that changes state. */
  setup: () => Promise<ConformanceAccount>;
  /** Prefix of the suite names, e.g. `my-backend`. Default `Roster`. */
  name?: string;
  /** What the host's setup provides beyond HTTP; the checks that need it are registered only then. */
  capabilities?: {
    /** `setup()` returns `latestLink`: the verification checks run. */
    verificationLinks?: boolean;
  };
}

let sequence = 0;
const suffix = () => `${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** A password no rule refuses (12–128 characters, not common, not the email). */
export const strongPassword = () => `Conformance passphrase ${suffix()} 4711`;

export interface Fixture {
  http: Http;
  declared: ConformanceAccount['account'];
  tokens: Record<Role, string>;
  /** Each role's profile as `GET /me` answered it. */
  users: Record<Role, User>;
  me: Me;
  /** The owner's task the guest is granted. */
  guestTask: { toolId: string; taskId: string };
  domain: string;
  latestLink?: (email: string) => Promise<string | null>;
  as(role: Role): Caller;
  /** A valid `UserCreate` with a new, unique personal address in the account's domain. */
  profile(overrides?: Record<string, unknown>): Record<string, unknown> & { email: string };
  /** Adds a (pending) profile as the owner and returns it. */
  addUser(overrides?: Record<string, unknown>): Promise<User>;
  /** Creates a task as `role` and returns it. */
  addTask(role: Role, toolId: string, name?: string): Promise<Task>;
  balance(): Promise<number>;
  user(id: string): Promise<User>;
  /** The most and least expensive tools. */
  dearest: { id: string; taskCost: number };
  cheapest: { id: string; taskCost: number };
}

export interface Caller {
  token: string;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  put<T = any>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  delete<T = any>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
}

export function caller(http: Http, token: string): Caller {
  return {
    token,
    get: (path, headers) => http.call('GET', path, { token, headers }),
    post: (path, body, headers) => http.call('POST', path, { token, body, headers }),
    patch: (path, body, headers) => http.call('PATCH', path, { token, body, headers }),
    put: (path, body, headers) => http.call('PUT', path, { token, body, headers }),
    delete: (path, headers) => http.call('DELETE', path, { token, headers }),
  };
}

const FIRST_NAMES = ['Anna', 'Jonas', 'Mia', 'Lukas', 'Lea', 'Elias', 'Emma', 'Noah'];
const LAST_NAMES = ['Becker', 'Hoffmann', 'Wagner', 'Keller', 'Richter', 'Wolf', 'Krause', 'Vogel'];

/** Runs the host's setup and reads each role's profile over HTTP. */
export async function start(options: ConformanceOptions): Promise<Fixture> {
  const http = new Http(options.baseUrl, options.fetch ?? globalThis.fetch.bind(globalThis));
  const account = await options.setup();
  const declared = account.account;
  assert.ok(declared.seatLimit >= 8, 'setup(): the kit needs an account with at least 8 seats');
  assert.ok(
    declared.tools.length >= 2 && declared.tools.every((tool) => tool.taskCost > 0),
    'setup(): the kit needs at least two tools, each with taskCost > 0',
  );
  const dearest = declared.tools.reduce((a, b) => (b.taskCost > a.taskCost ? b : a));
  const cheapest = declared.tools.reduce((a, b) => (b.taskCost < a.taskCost ? b : a));
  assert.ok(
    declared.balance >= 20 * dearest.taskCost,
    'setup(): the balance must be at least 20 times the dearest taskCost',
  );

  const users = {} as Record<Role, User>;
  let me: Me | undefined;
  for (const role of ROLES) {
    const answer = await caller(http, account.tokens[role]).get<Me>('/me');
    assertStatus(answer, 200, `setup(): GET /me with the ${role}'s token`);
    assert.equal(answer.body.user.role, role, `setup(): tokens.${role} acts as a ${answer.body.user.role}`);
    assert.equal(answer.body.user.status, 'active', `setup(): the ${role}'s profile must be active`);
    users[role] = answer.body.user;
    me ??= answer.body;
  }
  const guestTask = users.guest.access.tasks[0];
  assert.ok(guestTask, 'setup(): the guest must be granted a task');
  assert.ok(
    users.specialist.access.tools.includes(declared.tools[0]!.id),
    'setup(): the specialist must be granted account.tools[0]',
  );
  const limit = users.specialist.creditLimit;
  assert.ok(
    limit !== null && limit - users.specialist.creditsSpent >= 5 * declared.tools[0]!.taskCost,
    'setup(): the specialist needs a credit limit of at least 5 times the taskCost of account.tools[0], unspent',
  );
  const domain = declared.emailDomain.toLowerCase();

  const fixture: Fixture = {
    http,
    declared,
    tokens: account.tokens,
    users,
    me: me!,
    guestTask,
    domain,
    latestLink: account.latestLink,
    dearest,
    cheapest,
    as: (role) => caller(http, account.tokens[role]),
    profile(overrides = {}) {
      const first = FIRST_NAMES[sequence % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(sequence >> 3) % LAST_NAMES.length]!;
      const email = `${first}.${last}.${suffix()}@${domain}`.toLowerCase();
      return { firstName: first, lastName: last, email, role: 'specialist', ...overrides };
    },
    async addUser(overrides = {}) {
      const answer = await fixture.as('owner').post<User>('/users', fixture.profile(overrides));
      assertStatus(answer, 201, 'POST /users as the owner with a valid profile');
      return answer.body;
    },
    async addTask(role, toolId, name = `Conformance task ${suffix()}`) {
      const answer = await fixture.as(role).post<Task>('/tasks', { toolId, name });
      assertStatus(answer, 201, `POST /tasks as the ${role} in ${toolId}`);
      return answer.body;
    },
    async balance() {
      const answer = await fixture.as('owner').get<Me>('/me');
      assertStatus(answer, 200, 'GET /me');
      return answer.body.account.credits.balance;
    },
    async user(id) {
      const answer = await fixture.as('owner').get<User>(`/users/${encodeURIComponent(id)}`);
      assert.equal(answer.status, 200, `GET /users/${id}: ${show(answer)}`);
      return answer.body;
    },
  };
  return fixture;
}

/** Every item of a list, page by page: `total` the same on every page, no item twice, none missing. */
export async function walk<T extends { id: string }>(as: Caller, path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  let total: number | undefined;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page: Answer = await as.get(url);
    assertStatus(page, 200, `GET ${url}`);
    assert.ok(Array.isArray(page.body.items) && page.body.items.length <= limit, `GET ${url}: at most ${limit} items`);
    total ??= page.body.total as number;
    assert.equal(page.body.total, total, `GET ${url}: total counts all matches on every page`);
    items.push(...(page.body.items as T[]));
    cursor = page.body.nextCursor;
    assert.ok(
      cursor === null || (typeof cursor === 'string' && cursor !== ''),
      `GET ${url}: nextCursor is a string or null`,
    );
    assert.ok(
      ++pages <= Math.ceil(total / limit) + 1,
      `GET ${path}: more pages than total ${total} / limit ${limit} allows`,
    );
  } while (cursor !== null);
  const ids = items.map((item) => item.id);
  assert.equal(new Set(ids).size, ids.length, `GET ${path}: an item came twice across pages`);
  assert.equal(items.length, total, `GET ${path}: the pages hold ${items.length} items, total says ${total}`);
  return items;
}
