/**
 * The storage of src/core/storage.ts on PostgreSQL (pg or PGlite, see database.ts). Every
 * statement names the account; a write transaction locks the account row first, so the writes of
 * one account run one at a time across any number of processes.
 *
 * Lists page by keyset (`(key, id)` after the cursor's, through an index), never by OFFSET, so
 * page 2,000 costs what page 1 costs. They order as the in-memory store does: names by `fold()`
 * then id, in byte order (`COLLATE "C"`).
 */
import { fold } from '../mock/store.js';
import type { RosterEvent, Task, Tool, User } from '../sdk/schemas.js';
import {
  type AccountState,
  type AccountTx,
  type AuditEntry,
  type AuditFilter,
  EmailTakenError,
  type EventFilter,
  type IdempotencyRecord,
  type OutboxMail,
  type PageRequest,
  type PageResult,
  type Storage,
  type TaskFilter,
  type UserSecrets,
  type VerificationToken,
} from '../core/storage.js';
import { createHash } from 'node:crypto';
import { personKey } from '../core/email.js';
import type { Database, Queryable } from './database.js';

/** Links are kept as their SHA-256 only: a database dump cannot verify anyone. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

type Row = Record<string, unknown>;

const IDEMPOTENCY_HOURS = 24;

const iso = (value: unknown): string => (value instanceof Date ? value : new Date(value as string)).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
/** `json` columns come back parsed from pg and PGlite alike; a string would be a double encoding. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** `LIKE '%term%'` for a folded search word, with LIKE's own characters taken literally. */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const searchTerms = (q: string | undefined) => (q ? fold(q).split(/\s+/).filter(Boolean) : []);

/** Collects a WHERE clause with numbered parameters. */
class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  constructor(accountId: string) {
    this.add('account_id = ?', accountId);
  }
  /** `?` marks stand for the values, in order. */
  add(condition: string, ...values: unknown[]): this {
    let index = 0;
    this.parts.push(
      condition.replace(/\?/g, () => {
        this.params.push(values[index++]);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }
  get sql(): string {
    return this.parts.join(' AND ');
  }
}

interface Keyset {
  /** The sort column (an SQL expression over the table). */
  column: string;
  /** The SQL type of the cursor's key, for the cast. */
  type: 'text' | 'timestamptz' | 'bigint';
  descending: boolean;
}

/**
 * One keyset page: rows after `page.after` in `(column, id)` order, one more than asked to know
 * whether more follow, and the count of all matches (`total` when the caller knows it cheaper).
 */
async function keysetPage<T>(
  tx: Queryable,
  table: string,
  columns: string,
  where: Where,
  keyset: Keyset,
  page: PageRequest,
  toItem: (row: Row) => T,
  keyOf: (row: Row) => string | number,
  total?: () => Promise<number>,
): Promise<PageResult<T>> {
  const filter = where.sql;
  const countParams = [...where.params];
  const direction = keyset.descending ? 'DESC' : 'ASC';
  if (page.after) {
    const [key, id] = page.after;
    where.add(`(${keyset.column}, id) ${keyset.descending ? '<' : '>'} (?::${keyset.type}, ?)`, key, id);
  }
  const limit = Math.max(0, Math.floor(page.limit));
  where.params.push(limit + 1);
  const [rows, counted] = await Promise.all([
    tx.query<Row>(
      `SELECT ${columns} FROM ${table} WHERE ${where.sql} ORDER BY ${keyset.column} ${direction}, id ${direction} LIMIT $${where.params.length}`,
      where.params,
    ),
    total
      ? total().then((n) => [{ total: n }])
      : tx.query<{ total: unknown }>(`SELECT count(*) AS total FROM ${table} WHERE ${filter}`, countParams),
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(toItem),
    total: num(counted[0]!.total),
    next: more && last ? [keyOf(last), last.id as string] : null,
  };
}

// ---- Rows and objects -------------------------------------------------------------------------

const ACCOUNT_COLUMNS =
  'id, name, plan_name, seat_limit, email_domain, password_mode, balance, tools, locale, password_set_at';

const accountFrom = (row: Row): AccountState => ({
  id: row.id as string,
  name: row.name as string,
  planName: row.plan_name as string,
  seatLimit: num(row.seat_limit),
  emailDomain: (row.email_domain as string | null) ?? null,
  passwordMode: row.password_mode as AccountState['passwordMode'],
  balance: num(row.balance),
  tools: parsed<Tool[]>(row.tools),
  locale: row.locale as string,
  passwordSetAt: isoOrNull(row.password_set_at),
});

const USER_COLUMNS =
  'id, first_name, last_name, email, phone, role, status, verified_at, created_at, updated_at, version, ' +
  'credit_limit, credits_spent, allowed_ips, notifications, access, name_key';

// In the order of the contract's User (the order the in-memory store keeps).
const userFrom = (row: Row): User => ({
  id: row.id as string,
  firstName: row.first_name as string,
  lastName: row.last_name as string,
  email: row.email as string,
  phone: (row.phone as string | null) ?? null,
  role: row.role as User['role'],
  status: row.status as User['status'],
  verifiedAt: isoOrNull(row.verified_at),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  version: num(row.version),
  creditLimit: numOrNull(row.credit_limit),
  creditsSpent: num(row.credits_spent),
  allowedIps: parsed<string[]>(row.allowed_ips),
  notifications: parsed<User['notifications']>(row.notifications),
  access: parsed<User['access']>(row.access),
});

const nameKeyOf = (user: Pick<User, 'firstName' | 'lastName'>) => fold(`${user.firstName} ${user.lastName}`);

/** The values of a user's row after account_id and id, in the order of USER_WRITE_COLUMNS. */
const USER_WRITE_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'person_key',
  'name_key',
  'haystack',
  'phone',
  'role',
  'status',
  'verified_at',
  'created_at',
  'updated_at',
  'version',
  'credit_limit',
  'credits_spent',
  'allowed_ips',
  'notifications',
  'access',
  'granted_task_ids',
];
const USER_WRITE_CASTS: Record<string, string> = {
  allowed_ips: '::json',
  notifications: '::json',
  access: '::json',
  granted_task_ids: '::text[]',
};
function userValues(user: User): unknown[] {
  const nameKey = nameKeyOf(user);
  return [
    user.firstName,
    user.lastName,
    user.email,
    personKey(user.email),
    nameKey,
    `${nameKey} ${fold(user.email)}`,
    user.phone,
    user.role,
    user.status,
    user.verifiedAt,
    user.createdAt,
    user.updatedAt,
    user.version,
    user.creditLimit,
    user.creditsSpent,
    JSON.stringify(user.allowedIps),
    JSON.stringify(user.notifications),
    JSON.stringify(user.access),
    [...new Set(user.access.tasks.map((ref) => ref.taskId))],
  ];
}

const TASK_COLUMNS = 'id, tool_id, name, owner_id, created_at, name_key';
const taskFrom = (row: Row): Task => ({
  id: row.id as string,
  toolId: row.tool_id as string,
  name: row.name as string,
  ownerId: row.owner_id as string,
  createdAt: iso(row.created_at),
});

const EVENT_COLUMNS = 'id, at, type, description, cost, tool_id, task_id, task_name';
// `taskName` (v1.1) is always present, null when the event names no task.
const eventFrom = (row: Row): RosterEvent =>
  ({
    id: row.id as string,
    at: iso(row.at),
    type: row.type as string,
    description: row.description as string,
    cost: num(row.cost),
    toolId: (row.tool_id as string | null) ?? null,
    taskId: (row.task_id as string | null) ?? null,
    taskName: (row.task_name as string | null) ?? null,
  }) as RosterEvent;

const AUDIT_COLUMNS = 'id, at, actor_id, actor_name, action, target_id, target_name, changes';
const auditFrom = (row: Row): AuditEntry => ({
  id: row.id as string,
  at: iso(row.at),
  actor: { id: row.actor_id as string, name: row.actor_name as string },
  action: row.action as AuditEntry['action'],
  targetId: (row.target_id as string | null) ?? null,
  targetName: (row.target_name as string | null) ?? null,
  changes: parsed<AuditEntry['changes']>(row.changes),
});

const MAIL_COLUMNS = 'id, account_id, user_id, recipient, subject, text, html, link, kind, created_at, sent_at';
const mailFrom = (row: Row): OutboxMail & { accountId: string } => ({
  id: row.id as string,
  to: row.recipient as string,
  subject: row.subject as string,
  text: row.text as string,
  ...(row.html !== null && { html: row.html as string }),
  ...(row.link !== null && { link: row.link as string }),
  kind: row.kind as OutboxMail['kind'],
  userId: row.user_id as string,
  createdAt: iso(row.created_at),
  sentAt: isoOrNull(row.sent_at),
  accountId: row.account_id as string,
});

const tokenFrom = (row: Row, token: string): VerificationToken => ({
  token,
  userId: row.user_id as string,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  usedAt: isoOrNull(row.used_at),
  replacedAt: isoOrNull(row.replaced_at),
});

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;

const USER_SORT_KEYS: Record<string, { column: string; type: Keyset['type']; keyOf: (row: Row) => string | number }> = {
  name: { column: 'name_key', type: 'text', keyOf: (row) => row.name_key as string },
  createdAt: { column: 'created_at', type: 'timestamptz', keyOf: (row) => iso(row.created_at) },
  creditsSpent: { column: 'credits_spent', type: 'bigint', keyOf: (row) => num(row.credits_spent) },
};

// ---- One account's transaction ----------------------------------------------------------------

function accountTx(tx: Queryable, accountId: string): AccountTx {
  const one = async (sql: string, params: unknown[]) => (await tx.query<Row>(sql, params))[0];
  const where = () => new Where(accountId);
  // Kept by triggers on users (migrations.ts): no count over the account's profiles.
  const countUsers = async () =>
    num((await one('SELECT user_count FROM accounts WHERE id = $1', [accountId]))!.user_count);

  return {
    accountId,

    async account() {
      const row = await one(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [accountId]);
      if (!row) throw new Error(`No account ${accountId}`);
      return accountFrom(row);
    },

    async updateAccount(change) {
      const sets = new Where(accountId);
      const assignments: string[] = [];
      const assign = (column: string, value: unknown, cast = '') => {
        sets.params.push(value);
        assignments.push(`${column} = $${sets.params.length}${cast}`);
      };
      if (change.balance !== undefined) assign('balance', change.balance);
      if (change.passwordSetAt !== undefined) assign('password_set_at', change.passwordSetAt);
      if (change.name !== undefined) assign('name', change.name);
      if (change.seatLimit !== undefined) assign('seat_limit', change.seatLimit);
      if (change.tools !== undefined) assign('tools', JSON.stringify(change.tools), '::json');
      if (change.locale !== undefined) assign('locale', change.locale);
      if (!assignments.length) return;
      await tx.query(`UPDATE accounts SET ${assignments.join(', ')} WHERE id = $1`, sets.params);
    },

    async accountPasswordHash() {
      const row = await one('SELECT password_hash FROM accounts WHERE id = $1', [accountId]);
      return (row?.password_hash as string | null) ?? null;
    },

    async setAccountPasswordHash(hash) {
      await tx.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [accountId, hash]);
    },

    // ---- Profiles

    async user(id) {
      const row = await one(`SELECT ${USER_COLUMNS} FROM users WHERE account_id = $1 AND id = $2`, [accountId, id]);
      return row ? userFrom(row) : null;
    },

    async owner() {
      const row = await one(`SELECT ${USER_COLUMNS} FROM users WHERE account_id = $1 AND role = 'owner'`, [accountId]);
      if (!row) throw new Error('The account has no owner.');
      return userFrom(row);
    },

    countUsers,

    async pageUsers(request) {
      const filter = where();
      if (request.role) filter.add('role = ?', request.role);
      if (request.status) filter.add('status = ?', request.status);
      const terms = searchTerms(request.q);
      for (const term of terms) filter.add("haystack LIKE ? ESCAPE '\\'", containing(term));
      const sort = USER_SORT_KEYS[request.sort.replace('-', '')]!;
      const unfiltered = !request.role && !request.status && !terms.length;
      return keysetPage(
        tx,
        'users',
        USER_COLUMNS,
        filter,
        { column: sort.column, type: sort.type, descending: request.sort.startsWith('-') },
        request,
        userFrom,
        sort.keyOf,
        unfiltered ? countUsers : undefined,
      );
    },

    async newId(prefix) {
      const row = await one("SELECT nextval('roster_ids') AS n", []);
      return `${prefix}_${BigInt(row!.n as string | number)
        .toString(36)
        .padStart(5, '0')}`;
    },

    async insertUser(user, secrets) {
      const columns = ['account_id', 'id', ...USER_WRITE_COLUMNS, 'password_hash'];
      const values = [accountId, user.id, ...userValues(user), secrets.passwordHash];
      const marks = columns.map((column, index) => `$${index + 1}${USER_WRITE_CASTS[column] ?? ''}`);
      try {
        await tx.query(`INSERT INTO users (${columns.join(', ')}) VALUES (${marks.join(', ')})`, values);
      } catch (error) {
        if (isUniqueViolation(error, 'users_person_key')) throw new EmailTakenError();
        throw error;
      }
    },

    async updateUser(user) {
      const sets = USER_WRITE_COLUMNS.map(
        (column, index) => `${column} = $${index + 3}${USER_WRITE_CASTS[column] ?? ''}`,
      );
      let rows: Row[];
      try {
        rows = await tx.query<Row>(
          `UPDATE users SET ${sets.join(', ')} WHERE account_id = $1 AND id = $2 RETURNING id`,
          [accountId, user.id, ...userValues(user)],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'users_person_key')) throw new EmailTakenError();
        throw error;
      }
      if (!rows.length) throw new Error(`No profile ${user.id}`);
    },

    async deleteUser(id) {
      // Its events and verification tokens go with it (foreign keys, ON DELETE CASCADE).
      await tx.query('DELETE FROM users WHERE account_id = $1 AND id = $2', [accountId, id]);
    },

    async userSecrets(id) {
      const row = await one('SELECT password_hash FROM users WHERE account_id = $1 AND id = $2', [accountId, id]);
      return { passwordHash: (row?.password_hash as string | null) ?? null };
    },

    async setUserSecrets(id, secrets: UserSecrets) {
      await tx.query('UPDATE users SET password_hash = $3 WHERE account_id = $1 AND id = $2', [
        accountId,
        id,
        secrets.passwordHash,
      ]);
    },

    async emailTaken(personKey) {
      // Across accounts: an email is the login name of the whole server.
      return (await tx.query('SELECT 1 FROM users WHERE person_key = $1 LIMIT 1', [personKey])).length > 0;
    },

    async userByPersonKey(personKey) {
      const row = await one(`SELECT ${USER_COLUMNS} FROM users WHERE account_id = $1 AND person_key = $2`, [
        accountId,
        personKey,
      ]);
      return row ? userFrom(row) : null;
    },

    // ---- Tasks

    async task(id) {
      const row = await one(`SELECT ${TASK_COLUMNS} FROM tasks WHERE account_id = $1 AND id = $2`, [accountId, id]);
      return row ? taskFrom(row) : null;
    },

    async tasksById(ids) {
      const found = new Map<string, Task>();
      if (!ids.length) return found;
      const rows = await tx.query<Row>(
        `SELECT ${TASK_COLUMNS} FROM tasks WHERE account_id = $1 AND id = ANY($2::text[])`,
        [accountId, [...new Set(ids)]],
      );
      for (const row of rows) found.set(row.id as string, taskFrom(row));
      return found;
    },

    async pageTasks(filter: TaskFilter, page) {
      const conditions = where();
      if (filter.toolId !== undefined) conditions.add('tool_id = ?', filter.toolId);
      if (filter.ownerId !== undefined) conditions.add('owner_id = ?', filter.ownerId);
      for (const term of searchTerms(filter.q)) conditions.add("name_key LIKE ? ESCAPE '\\'", containing(term));
      const viewer = filter.visibleTo;
      // SPEC rule 14, as `canSeeTask`: owner and managers see all; a specialist their own and the
      // granted; a guest the granted.
      if (viewer && viewer.role !== 'owner' && viewer.role !== 'manager') {
        const granted = viewer.access.tasks.map((ref) => ref.taskId);
        if (viewer.role === 'specialist') conditions.add('(owner_id = ? OR id = ANY(?::text[]))', viewer.id, granted);
        else conditions.add('id = ANY(?::text[])', granted);
      }
      if (filter.shared)
        conditions.add(filter.shared.shared ? 'owner_id <> ?' : 'owner_id = ?', filter.shared.viewerId);
      const byName = filter.order === 'name';
      return keysetPage(
        tx,
        'tasks',
        TASK_COLUMNS,
        conditions,
        byName
          ? { column: 'name_key', type: 'text', descending: false }
          : { column: 'created_at', type: 'timestamptz', descending: true },
        page,
        taskFrom,
        byName ? (row) => row.name_key as string : (row) => iso(row.created_at),
      );
    },

    async tasksOwnedBy(userId) {
      const rows = await tx.query<Row>('SELECT id FROM tasks WHERE account_id = $1 AND owner_id = $2 ORDER BY id', [
        accountId,
        userId,
      ]);
      return rows.map((row) => row.id as string);
    },

    async countTasksOwned(userId) {
      return num(
        (await one('SELECT count(*) AS n FROM tasks WHERE account_id = $1 AND owner_id = $2', [accountId, userId]))!.n,
      );
    },

    async insertTask(task) {
      await tx.query(
        'INSERT INTO tasks (account_id, id, tool_id, name, name_key, owner_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [accountId, task.id, task.toolId, task.name, fold(task.name), task.ownerId, task.createdAt],
      );
    },

    async transferTasks(fromUserId, toUserId) {
      await tx.query('UPDATE tasks SET owner_id = $3 WHERE account_id = $1 AND owner_id = $2', [
        accountId,
        fromUserId,
        toUserId,
      ]);
    },

    async deleteTasksOf(userId) {
      const rows = await tx.query<Row>('DELETE FROM tasks WHERE account_id = $1 AND owner_id = $2 RETURNING id', [
        accountId,
        userId,
      ]);
      return rows.map((row) => row.id as string).sort();
    },

    async usersGrantedAny(taskIds) {
      if (!taskIds.length) return [];
      const rows = await tx.query<Row>(
        `SELECT ${USER_COLUMNS} FROM users WHERE account_id = $1 AND granted_task_ids && $2::text[] ORDER BY id`,
        [accountId, [...new Set(taskIds)]],
      );
      return rows.map(userFrom);
    },

    // ---- Events

    async pageEvents(userId, filter: EventFilter, page) {
      const conditions = where().add('user_id = ?', userId);
      if (filter.type) conditions.add('type = ?', filter.type);
      // `from` inclusive, `to` exclusive: consecutive ranges never count an event twice.
      if (filter.from) conditions.add('at >= ?::timestamptz', filter.from);
      if (filter.to) conditions.add('at < ?::timestamptz', filter.to);
      return keysetPage(
        tx,
        'events',
        EVENT_COLUMNS,
        conditions,
        { column: 'at', type: 'timestamptz', descending: true },
        page,
        eventFrom,
        (row) => iso(row.at),
      );
    },

    async insertEvent(userId, event) {
      const taskName = (event as { taskName?: string | null }).taskName ?? null;
      await tx.query(
        `INSERT INTO events (account_id, id, user_id, at, type, description, cost, tool_id, task_id, task_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          accountId,
          event.id,
          userId,
          event.at,
          event.type,
          event.description,
          event.cost,
          event.toolId,
          event.taskId,
          taskName,
        ],
      );
    },

    async lastActiveAt(userId) {
      const row = await one('SELECT max(at) AS at FROM events WHERE account_id = $1 AND user_id = $2', [
        accountId,
        userId,
      ]);
      return isoOrNull(row?.at);
    },

    // ---- Idempotency

    async idempotency(key) {
      const row = await one(
        'SELECT fingerprint, status, headers, body, created_at FROM idempotency_keys WHERE account_id = $1 AND key = $2',
        [accountId, key],
      );
      if (!row) return null;
      return {
        fingerprint: row.fingerprint as string,
        status: num(row.status),
        headers: parsed<[string, string][]>(row.headers),
        body: row.body as string,
        createdAt: iso(row.created_at),
      };
    },

    async putIdempotency(key, record: IdempotencyRecord) {
      // Keys are kept 24 hours: the account's expired ones go as new ones come (an index on age).
      await tx.query(
        `DELETE FROM idempotency_keys WHERE account_id = $1 AND created_at < $2::timestamptz - interval '${IDEMPOTENCY_HOURS} hours'`,
        [accountId, record.createdAt],
      );
      // An expired record of the same key is replaced.
      await tx.query(
        `INSERT INTO idempotency_keys (account_id, key, fingerprint, status, headers, body, created_at)
         VALUES ($1, $2, $3, $4, $5::json, $6, $7)
         ON CONFLICT (account_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status,
           headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = EXCLUDED.created_at`,
        [
          accountId,
          key,
          record.fingerprint,
          record.status,
          JSON.stringify(record.headers),
          record.body,
          record.createdAt,
        ],
      );
    },

    // ---- Verification links

    async insertVerificationToken(token) {
      await tx.query(
        `INSERT INTO verification_tokens (token_hash, account_id, user_id, created_at, expires_at, used_at, replaced_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          tokenHash(token.token),
          accountId,
          token.userId,
          token.createdAt,
          token.expiresAt,
          token.usedAt,
          token.replacedAt,
        ],
      );
    },

    async verificationToken(token) {
      const row = await one(
        'SELECT token_hash, user_id, created_at, expires_at, used_at, replaced_at FROM verification_tokens WHERE account_id = $1 AND token_hash = $2',
        [accountId, tokenHash(token)],
      );
      return row ? tokenFrom(row, token) : null;
    },

    async replaceVerificationTokens(userId, at) {
      await tx.query(
        'UPDATE verification_tokens SET replaced_at = $3 WHERE account_id = $1 AND user_id = $2 AND used_at IS NULL AND replaced_at IS NULL',
        [accountId, userId, at],
      );
    },

    async useVerificationToken(token, at) {
      await tx.query('UPDATE verification_tokens SET used_at = $3 WHERE account_id = $1 AND token_hash = $2', [
        accountId,
        tokenHash(token),
        at,
      ]);
    },

    // ---- Mail and audit

    async enqueueMail(mail) {
      await tx.query(
        `INSERT INTO outbox (id, account_id, user_id, recipient, subject, text, html, link, kind, created_at, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          mail.id,
          accountId,
          mail.userId,
          mail.to,
          mail.subject,
          mail.text,
          mail.html ?? null,
          mail.link ?? null,
          mail.kind,
          mail.createdAt,
          mail.sentAt,
        ],
      );
    },

    async insertAudit(entry) {
      await tx.query(
        `INSERT INTO audit_entries (account_id, id, at, actor_id, actor_name, action, target_id, target_name, changes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::json)`,
        [
          accountId,
          entry.id,
          entry.at,
          entry.actor.id,
          entry.actor.name,
          entry.action,
          entry.targetId,
          entry.targetName,
          JSON.stringify(entry.changes),
        ],
      );
    },

    async pageAudit(filter: AuditFilter, page) {
      const conditions = where();
      if (filter.actorId) conditions.add('actor_id = ?', filter.actorId);
      if (filter.targetId) conditions.add('target_id = ?', filter.targetId);
      if (filter.action) conditions.add('action = ?', filter.action);
      if (filter.from) conditions.add('at >= ?::timestamptz', filter.from);
      if (filter.to) conditions.add('at < ?::timestamptz', filter.to);
      return keysetPage(
        tx,
        'audit_entries',
        AUDIT_COLUMNS,
        conditions,
        { column: 'at', type: 'timestamptz', descending: true },
        page,
        auditFrom,
        (row) => iso(row.at),
      );
    },
  };
}

// ---- The storage ------------------------------------------------------------------------------

/**
 * The storage over a migrated database (see migrations.ts). `close()` closes the database too:
 * the storage owns it.
 */
export function createSqlStorage(database: Database): Storage {
  return {
    read(accountId, work) {
      return database.transaction((tx) => work(accountTx(tx, accountId)), { readOnly: true });
    },

    write(accountId, work) {
      return database.transaction(async (tx) => {
        // Writes of one account run one at a time, in every process: the account row is the lock.
        const locked = await tx.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
        if (!locked.length) throw new Error(`No account ${accountId}`);
        return work(accountTx(tx, accountId));
      });
    },

    async createAccount(account: AccountState) {
      await database.query(
        `INSERT INTO accounts (id, name, plan_name, seat_limit, email_domain, password_mode, balance, tools, locale, password_set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9, $10)`,
        [
          account.id,
          account.name,
          account.planName,
          account.seatLimit,
          account.emailDomain,
          account.passwordMode,
          account.balance,
          JSON.stringify(account.tools),
          account.locale,
          account.passwordSetAt,
        ],
      );
    },

    async accountOfVerificationToken(token) {
      const rows = await database.query<Row>('SELECT account_id FROM verification_tokens WHERE token_hash = $1', [
        tokenHash(token),
      ]);
      return (rows[0]?.account_id as string | undefined) ?? null;
    },

    async accountOfEmail(personKey) {
      const rows = await database.query<Row>('SELECT account_id FROM users WHERE person_key = $1', [personKey]);
      return (rows[0]?.account_id as string | undefined) ?? null;
    },

    async undeliveredMail(limit) {
      const rows = await database.query<Row>(
        `SELECT ${MAIL_COLUMNS} FROM outbox WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
         ORDER BY created_at, id LIMIT $1`,
        [limit],
      );
      return rows.map(mailFrom);
    },

    async claimMail(owner, limit, leaseSeconds) {
      // Each process leases a batch before sending it, so two processes never send one mail twice.
      const rows = await database.query<Row>(
        `UPDATE outbox SET claimed_by = $1, claimed_until = now() + $3 * interval '1 second'
         WHERE id IN (
           SELECT id FROM outbox
           WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
             AND (claimed_until IS NULL OR claimed_until < now() OR claimed_by = $1)
           ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${MAIL_COLUMNS}`,
        [owner, limit, leaseSeconds],
      );
      return rows
        .map(mailFrom)
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    },

    async markMailSent(id, at) {
      await database.query('UPDATE outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1', [
        id,
        at,
      ]);
    },

    async markMailFailed(id, error, retryAt) {
      await database.query(
        'UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1 AND sent_at IS NULL',
        [id, error, retryAt],
      );
    },

    async mail(accountId) {
      const rows =
        accountId === undefined
          ? await database.query<Row>(`SELECT ${MAIL_COLUMNS} FROM outbox ORDER BY created_at, id`)
          : await database.query<Row>(
              `SELECT ${MAIL_COLUMNS} FROM outbox WHERE account_id = $1 ORDER BY created_at, id`,
              [accountId],
            );
      return rows.map(mailFrom);
    },

    close() {
      return database.close();
    },
  };
}
