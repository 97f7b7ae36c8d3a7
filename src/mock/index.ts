/**
 * `rosterkit/mock`: the reference API. An in-memory implementation of the whole Roster HTTP
 * contract and all of SPEC's rules, as one fetch-style handler, for the demo, the tests and host
 * teams prototyping before their backend exists.
 */
import type { Task, Tool, User } from '../sdk/schemas.js';
import { createDemoStore } from './data.js';
import {
  type Chaos,
  type FaultKind,
  type FaultOptions,
  type Latency,
  breakContract,
  createChaos,
  sleep,
  throwIfAborted,
} from './faults.js';
import { createHandlers } from './handlers.js';
import { createCore } from '../core/api.js';
import { createCursors, problem, randomToken } from '../core/http.js';
import type { OutboxMail as StoredMail } from '../core/storage.js';
import type { SignInInput, SignInResult } from '../core/sign-in.js';
import { verificationRecords } from '../core/verification.js';
import { createMemoryStorage } from './memory-storage.js';
import { demoPasswords } from './passwords.js';
import { Store } from './store.js';

export { DEMO_PASSWORD, DEMO_VIEWERS, type DemoAccountOptions } from './data.js';
export type { FaultKind, FaultOptions, Latency } from './faults.js';
export { isValidEmailAddress, isFreeMailAddress, isRoleAddress } from '../core/email.js';

export interface AccountOptions {
  name: string;
  /** The domain every profile's address must use; null: any company domain. */
  emailDomain: string | null;
  seatLimit: number;
  passwordMode: 'shared' | 'per-user';
  /** The account's credit balance. */
  credits: number;
  /** v1.1: the language of its mails and verification page (BCP 47). Default `en`. */
  locale: string;
}

export interface OwnerOptions {
  firstName: string;
  lastName: string;
  email: string;
}

/** An initial profile; everything but names, email and role has a default (active, verified). */
export type SeedUser = Pick<User, 'firstName' | 'lastName' | 'email'> & {
  role: 'manager' | 'specialist' | 'guest';
} & Partial<Omit<User, 'firstName' | 'lastName' | 'email' | 'role'>>;

/** An initial task; `ownerId` may name the owner by id or email. */
export interface SeedTask {
  id?: string;
  toolId: string;
  name: string;
  ownerId: string;
  createdAt?: string;
}

export interface ReferenceApiOptions {
  /** Matched on the request URL's pathname, any origin. Default `/api/roster/v1`. */
  baseUrl?: string;
  account?: Partial<AccountOptions>;
  owner?: OwnerOptions;
  tools?: Tool[];
  users?: SeedUser[];
  tasks?: SeedTask[];
  /**
   * The seeded demo team of Nordlicht Analytics GmbH instead of the options above; of `account`,
   * only `passwordMode` and `seatLimit` apply to it. Everyone's password is `DEMO_PASSWORD`.
   */
  data?: 'demo';
  /** Profiles in the demo data, owner included (default 11, at least the core team). */
  demoUsers?: number;
  latency?: Latency;
  faults?: FaultOptions;
  /** The clock for timestamps of writes; default the real one. */
  now?: () => Date;
}

export type OutboxMail = Readonly<
  Pick<StoredMail, 'to' | 'subject' | 'link' | 'text' | 'kind' | 'userId'> & { sentAt: string }
>;

export interface ReferenceApi {
  /** The base path requests are matched under. */
  readonly baseUrl: string;
  handle(request: Request): Promise<Response>;
  /** `fetch`-shaped, for `createRosterClient({ fetch: api.fetch })`: no network involved. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** msw 2 handlers, for `setupWorker(...api.handlers)` or `setupServer(...api.handlers)`. */
  readonly handlers: ReturnType<typeof createHandlers>;
  /** A bearer token acting as the profile with this email or id (401 while it is pending or gone). */
  tokenFor(emailOrId: string): string;
  /**
   * The host's sign-in check, as the server's `signIn`: password, status, allowed IPs, throttled
   * failures. A success records a `signed_in` event.
   */
  signIn(input: SignInInput): Promise<SignInResult>;
  /** Every mail "sent", oldest first. */
  outbox(): OutboxMail[];
  /** How many faults were injected, in all or of one kind. */
  faultsInjected(kind?: FaultKind): number;
  /**
   * Turns fault injection on with new options, or off with null (e.g. to read the state a soak
   * test left behind without faults). The counts of `faultsInjected` are kept.
   */
  setFaults(faults: FaultOptions | null): void;
}

export const DEFAULT_TOOLS: Tool[] = [
  { id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 },
  { id: 'site-audit', name: 'Site Audit', taskCost: 25 },
  { id: 'keyword-research', name: 'Keyword Research', taskCost: 5 },
];

const DEFAULT_OWNER: OwnerOptions = { firstName: 'Olivia', lastName: 'Owner', email: 'olivia.owner@acme.de' };

function normalizeBasePath(baseUrl: string): string {
  const path = /^[a-z][a-z0-9+.-]*:/i.test(baseUrl) ? new URL(baseUrl).pathname : baseUrl;
  return `/${path.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
}

function createStore(options: ReferenceApiOptions, now: () => Date): Store {
  const owner = options.owner ?? DEFAULT_OWNER;
  const ownerEmail = owner.email.trim().toLowerCase();
  const account = {
    name: 'Acme GmbH',
    seatLimit: 12,
    passwordMode: 'shared' as const,
    credits: 1000,
    ...options.account,
  };
  const emailDomain =
    options.account && 'emailDomain' in options.account
      ? (options.account.emailDomain?.toLowerCase() ?? null)
      : options.owner
        ? ownerEmail.slice(ownerEmail.lastIndexOf('@') + 1)
        : 'acme.de';
  const store = new Store({
    id: 'acc_1',
    name: account.name,
    planName: account.passwordMode === 'per-user' ? 'Enterprise' : 'Standard',
    seatLimit: account.seatLimit,
    emailDomain,
    passwordMode: account.passwordMode,
    balance: account.credits,
    tools: (options.tools ?? DEFAULT_TOOLS).map((tool) => ({ ...tool })),
    locale: account.locale ?? 'en',
    passwordSetAt: null,
  });
  const at = now().toISOString();
  const profile = (seed: Omit<SeedUser, 'role'> & { role: User['role'] }): User => ({
    id: seed.id ?? store.nextId('usr'),
    firstName: seed.firstName.trim(),
    lastName: seed.lastName.trim(),
    email: seed.email.trim().toLowerCase(),
    phone: seed.phone ?? null,
    role: seed.role,
    status: seed.status ?? 'active',
    verifiedAt:
      seed.verifiedAt !== undefined ? seed.verifiedAt : seed.status === 'pending' ? null : (seed.createdAt ?? at),
    createdAt: seed.createdAt ?? at,
    updatedAt: seed.updatedAt ?? seed.createdAt ?? at,
    version: seed.version ?? 1,
    creditLimit: seed.creditLimit ?? null,
    creditsSpent: seed.creditsSpent ?? 0,
    allowedIps: seed.allowedIps ?? [],
    notifications: { taskUpdates: true, reportReady: true, creditsLow: true, ...seed.notifications },
    access: seed.access ?? { tools: [], tasks: [] },
  });
  for (const seed of [{ ...owner, role: 'owner' as const }, ...(options.users ?? [])]) {
    const user = profile(seed);
    if (store.users.has(user.id) || store.userByEmail(user.email))
      throw new Error(`Duplicate initial profile ${user.email}`);
    store.addUser(user, true);
    if (user.status === 'pending') store.awaitingMail.push(user.id);
  }
  for (const seed of options.tasks ?? []) {
    const ownerUser = store.users.get(seed.ownerId) ?? store.userByEmail(seed.ownerId);
    if (!ownerUser) throw new Error(`Initial task ${seed.name}: no profile ${seed.ownerId}`);
    const task: Task = {
      id: seed.id ?? store.nextId('tsk'),
      toolId: seed.toolId,
      name: seed.name,
      ownerId: ownerUser.id,
      createdAt: seed.createdAt ?? at,
    };
    store.tasks.set(task.id, task);
  }
  return store;
}

function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  if (input instanceof Request) return init ? new Request(input, init) : input;
  const text = String(input);
  const base = (globalThis as { location?: { href: string } }).location?.href ?? 'http://localhost/';
  return new Request(new URL(text, base), init);
}

/**
 * Creates an in-memory Roster API. Where SPEC leaves room, it behaves like this:
 * - `GET /users` sorts by `name` (first then last name, case- and accent-folded) unless asked;
 *   `q` matches every word against names and email, ignoring case and accents.
 * - Everyone may read their own profile, stats and events; other profiles need `users:read`.
 * - Deleting the owner is `owner_immutable` (409) for the owner and `forbidden` for everyone else.
 * - `tasks=delete` also removes the deleted tasks from other profiles' grants; it is refused
 *   (409 `guests_need_tasks`) when a guest would be left with no task.
 * - `GET /tasks`: `shared=true` lists tasks other profiles own, `shared=false` the viewer's own.
 *   A specialist sees the tasks they own and those granted to them (`access.tasks`).
 * - Spending credits changes `creditsSpent` but not `version`, so it never causes a 412.
 * - The verification link is sent on every creation; `sendWelcomeEmail` makes it the welcome mail.
 * - Passwords are kept only as salted hashes (for `signIn`), never answered.
 * The rules themselves live in src/core, shared with `rosterkit/server`.
 */
export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const basePath = normalizeBasePath(options.baseUrl ?? '/api/roster/v1');
  const now = options.now ?? (() => new Date());
  const store =
    options.data === 'demo' ? createDemoStore(options.demoUsers, options.account) : createStore(options, now);
  const storage = createMemoryStorage([store]);
  const accountId = store.account.id;
  const chaos: Chaos = createChaos(options.latency, options.faults);
  // Tokens name profile ids, bound when first resolved: a later profile with the same email is someone else.
  const tokens = new Map<string, { subject: string; userId?: string }>();
  const tokensBySubject = new Map<string, string>();

  const bind = (entry: { subject: string; userId?: string }) => {
    entry.userId ??= entry.subject.includes('@') ? store.userByEmail(entry.subject)?.id : entry.subject;
    return entry.userId;
  };
  const core = createCore({
    storage,
    basePath,
    now,
    cursors: createCursors(randomToken()),
    passwords: demoPasswords,
    async authenticate(request) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
      const entry = match ? tokens.get(match[1]!) : undefined;
      const userId = entry && bind(entry);
      return userId ? { accountId, userId } : null;
    },
  });
  // The pending profiles of the initial data get their links as if they had just been added.
  for (const id of store.awaitingMail.splice(0)) {
    const { token, mail } = verificationRecords({
      account: store.account,
      owner: store.owner(),
      user: store.users.get(id)!,
      basePath,
      at: now(),
      welcome: false,
      mailId: store.nextId('mail'),
    });
    store.verificationTokens.set(token.token, token);
    store.outbox.push({ ...mail, sentAt: mail.createdAt });
  }

  async function applyFault(kind: FaultKind, response: Response, signal: AbortSignal): Promise<Response> {
    if (kind === 'drop') {
      chaos.record(kind);
      throw new TypeError('Failed to fetch');
    }
    if (kind === 'timeout') {
      chaos.record(kind);
      await sleep(chaos.timeoutMs, signal);
      return response;
    }
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    if (!response.ok || !isJson) return response;
    chaos.record(kind);
    const text = await response.text();
    const body =
      kind === 'malformed'
        ? text.slice(0, Math.max(1, Math.floor(text.length / 2)))
        : JSON.stringify(breakContract(JSON.parse(text)));
    return new Response(body, { status: response.status, headers: response.headers });
  }

  async function handle(request: Request): Promise<Response> {
    throwIfAborted(request.signal);
    await chaos.delay(request.signal);
    // The verification link is opened outside the app: faults are for the app's own requests.
    const isLink = new URL(request.url).pathname.startsWith(`${basePath}/verify/`);
    const fault = isLink ? null : chaos.draw();
    if (fault === 'server_error' || fault === 'rate_limited') {
      chaos.record(fault);
      return fault === 'server_error'
        ? problem('server_error')
        : problem('rate_limited', { headers: { 'retry-after': String(chaos.retryAfter) } });
    }
    const response = await core.handle(request);
    throwIfAborted(request.signal);
    const answer = fault ? await applyFault(fault, response, request.signal) : response;
    throwIfAborted(request.signal);
    return answer;
  }

  let handlers: ReturnType<typeof createHandlers> | undefined;
  return {
    baseUrl: basePath,
    handle,
    fetch: (input, init) => handle(toRequest(input, init)),
    get handlers() {
      handlers ??= createHandlers(basePath, handle);
      return handlers;
    },
    tokenFor(emailOrId) {
      const given = emailOrId.includes('@') ? emailOrId.trim().toLowerCase() : emailOrId;
      const subject = (given.includes('@') ? store.userByEmail(given)?.id : undefined) ?? given;
      let token = tokensBySubject.get(subject);
      if (!token) {
        token = `roster_${randomToken()}`;
        tokensBySubject.set(subject, token);
        tokens.set(token, { subject });
      }
      return token;
    },
    outbox: () =>
      store.outbox.map(({ to, subject, link, text, kind, userId, sentAt }) => ({
        to,
        subject,
        link,
        text,
        kind,
        userId,
        sentAt: sentAt!,
      })),
    signIn: (input) => core.signIn(input),
    faultsInjected: (kind) => chaos.count(kind),
    setFaults: (faults) => chaos.setFaults(faults ?? undefined),
  };
}
