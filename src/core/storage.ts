/**
 * What the rules need from a database. The core (routes, rules, idempotency) is written once
 * against this interface; `memory.ts` implements it for the reference API, `src/server/sql-storage.ts`
 * on PostgreSQL (pg or PGlite).
 *
 * Every call happens inside a transaction scoped to one account. `write` transactions of one
 * account are serialised (in SQL: the account row is locked `FOR UPDATE` first), so every rule
 * that counts or charges (seats, credits, idempotency keys, versions) sees a stable state and
 * holds across processes. Reads do not lock.
 */
import type { AuditAction, RosterEvent, Task, Tool, User, UserSort } from '../sdk/schemas.js';

/** Where a page ended: the sort key and id of its last item. */
export type CursorPosition = [key: string | number, id: string];

export interface AccountState {
  id: string;
  name: string;
  planName: string;
  seatLimit: number;
  emailDomain: string | null;
  passwordMode: 'shared' | 'per-user';
  balance: number;
  tools: Tool[];
  /** BCP 47; mails and the verification page use it. */
  locale: string;
  /** When the shared account password was last set (the hash lives in `secrets`). */
  passwordSetAt: string | null;
}

/** A mail written in the transaction that causes it; delivery happens after commit, with retries. */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Absolute path under the base URL of a verification link. */
  link?: string;
  kind: 'verification' | 'welcome';
  userId: string;
  createdAt: string;
  /** Null until delivered (the reference API marks mail sent when written). */
  sentAt: string | null;
}

/** One stored answer to an `Idempotency-Key`, refusals included (v1.1). */
export interface IdempotencyRecord {
  /** One-way fingerprint of method, path and body: the body may hold a password. */
  fingerprint: string;
  status: number;
  headers: [string, string][];
  body: string;
  createdAt: string;
}

export interface VerificationToken {
  /** The token of the link. A database keeps only its SHA-256, so a dump cannot verify anyone. */
  token: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** Set when a later resend replaced it. */
  replacedAt: string | null;
}

export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string };
  action: AuditAction;
  targetId: string | null;
  targetName: string | null;
  changes: AuditChange[];
}

export interface UserFilter {
  /** Free text: every word must occur in the folded name or email. */
  q?: string;
  role?: string;
  status?: string;
}

export interface PageRequest {
  limit: number;
  after: CursorPosition | null;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  /** The position of the last item when more follow. */
  next: CursorPosition | null;
}

export interface TaskFilter {
  toolId?: string;
  ownerId?: string;
  /** Only tasks whose name contains every folded word. */
  q?: string;
  /** Tasks this viewer may see (SPEC rule 14); undefined: all. */
  visibleTo?: Pick<User, 'id' | 'role' | 'access'>;
  /** true: owned by someone other than `ownerNot`; false: owned by `ownerNot`. */
  shared?: { viewerId: string; shared: boolean };
  /** Order: `createdAt` newest first, or `name` (folded) A–Z. */
  order: 'createdAt' | 'name';
}

export interface EventFilter {
  type?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

export interface AuditFilter {
  actorId?: string;
  targetId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Password hashes and similar: never part of a `User`, never answered. */
export interface UserSecrets {
  passwordHash: string | null;
}

/** The data of one account, inside one transaction. */
export interface AccountTx {
  readonly accountId: string;
  account(): Promise<AccountState>;
  updateAccount(
    change: Partial<Pick<AccountState, 'balance' | 'passwordSetAt' | 'name' | 'seatLimit' | 'tools' | 'locale'>>,
  ): Promise<void>;
  /** The shared account password's hash (shared mode). */
  accountPasswordHash(): Promise<string | null>;
  setAccountPasswordHash(hash: string): Promise<void>;

  // Profiles
  user(id: string): Promise<User | null>;
  /** Whether any profile of any account has this person key (`personKey`). */
  emailTaken(personKey: string): Promise<boolean>;
  /** The profile of this person key in this account: sign-in finds people by email. */
  userByPersonKey(personKey: string): Promise<User | null>;
  owner(): Promise<User>;
  countUsers(): Promise<number>;
  pageUsers(request: UserFilter & PageRequest & { sort: UserSort }): Promise<PageResult<User>>;
  /** A new id that was never used (ids are never reused: tokens name them). */
  newId(prefix: 'usr' | 'tsk' | 'evt' | 'aud' | 'mail'): Promise<string>;
  insertUser(user: User, secrets: UserSecrets): Promise<void>;
  /** Stores the changed profile (any field, `creditsSpent` included). */
  updateUser(user: User): Promise<void>;
  deleteUser(id: string): Promise<void>;
  userSecrets(id: string): Promise<UserSecrets>;
  setUserSecrets(id: string, secrets: UserSecrets): Promise<void>;

  // Tasks
  task(id: string): Promise<Task | null>;
  /** The tasks of these ids that exist (for grants). */
  tasksById(ids: string[]): Promise<Map<string, Task>>;
  pageTasks(filter: TaskFilter, page: PageRequest): Promise<PageResult<Task>>;
  countTasksOwned(userId: string): Promise<number>;
  /** The ids of the tasks `userId` owns. */
  tasksOwnedBy(userId: string): Promise<string[]>;
  insertTask(task: Task): Promise<void>;
  /** Gives every task of `fromUserId` to `toUserId`. */
  transferTasks(fromUserId: string, toUserId: string): Promise<void>;
  /** Deletes the tasks of `userId` and returns their ids. */
  deleteTasksOf(userId: string): Promise<string[]>;
  /** Profiles whose `access.tasks` names any of these tasks. */
  usersGrantedAny(taskIds: string[]): Promise<User[]>;

  // Events
  pageEvents(userId: string, filter: EventFilter, page: PageRequest): Promise<PageResult<RosterEvent>>;
  insertEvent(userId: string, event: RosterEvent): Promise<void>;
  lastActiveAt(userId: string): Promise<string | null>;

  // Idempotency (keyed by the account, the viewer, the route and the key)
  idempotency(key: string): Promise<IdempotencyRecord | null>;
  putIdempotency(key: string, record: IdempotencyRecord): Promise<void>;

  // Verification links
  insertVerificationToken(token: VerificationToken): Promise<void>;
  verificationToken(token: string): Promise<VerificationToken | null>;
  /** Marks the profile's unused tokens replaced (a resend invalidates earlier links). */
  replaceVerificationTokens(userId: string, at: string): Promise<void>;
  useVerificationToken(token: string, at: string): Promise<void>;

  // Mail and audit
  enqueueMail(mail: OutboxMail): Promise<void>;
  insertAudit(entry: AuditEntry): Promise<void>;
  pageAudit(filter: AuditFilter, page: PageRequest): Promise<PageResult<AuditEntry>>;
}

export interface Storage {
  /** A transaction that only reads. */
  read<T>(accountId: string, work: (tx: AccountTx) => Promise<T>): Promise<T>;
  /** A transaction that writes; those of one account run one at a time. Throwing rolls back. */
  write<T>(accountId: string, work: (tx: AccountTx) => Promise<T>): Promise<T>;
  /** The account of a verification link, for the public verification route. */
  accountOfVerificationToken(token: string): Promise<string | null>;
  /**
   * The account of the profile whose person key (`personKey`) this is, across all accounts:
   * an email is the login name of the whole server.
   */
  accountOfEmail(personKey: string): Promise<string | null>;
  /** Mail not yet delivered, oldest first, across accounts (the server's delivery loop). */
  undeliveredMail?(limit: number): Promise<(OutboxMail & { accountId: string })[]>;
  /**
   * Up to `limit` undelivered mails, oldest first, leased to `owner` for `leaseSeconds`: mail
   * leased to another owner whose lease runs is skipped, so processes never send one mail twice.
   */
  claimMail?(owner: string, limit: number, leaseSeconds: number): Promise<(OutboxMail & { accountId: string })[]>;
  markMailSent?(id: string, at: string): Promise<void>;
  /** A delivery failed: counts the attempt and holds the mail back until `retryAt`. */
  markMailFailed?(id: string, error: string, retryAt: string): Promise<void>;
  /** All mail, sent or not, oldest first, of one account or all (`server.outbox()`). */
  mail?(accountId?: string): Promise<(OutboxMail & { accountId: string })[]>;
  /** Adds an account (the server's `accounts.create`); its owner is then inserted by a `write`. */
  createAccount?(account: AccountState): Promise<void>;
  close(): Promise<void>;
}

/**
 * Thrown by `insertUser` when another profile (in any account) already has this person key: the
 * check before the insert cannot see a concurrent insert of another account, the unique index can.
 */
export class EmailTakenError extends Error {
  constructor() {
    super('A profile with this email already exists.');
    this.name = 'EmailTakenError';
  }
}
