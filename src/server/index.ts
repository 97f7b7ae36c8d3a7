/**
 * `rosterkit/server`: the Roster contract served for real, from PostgreSQL (a `pg` pool, or
 * embedded PGlite on disk or in memory), for any number of accounts, with real mail and sign-in
 * checks. The rules are the core's (src/core), the same the reference API runs.
 */
import { randomBytes } from 'node:crypto';
import { type Principal, type RecordEventInput, RosterProblem, createCore } from '../core/api.js';
import { createCursors, problem } from '../core/http.js';
import { nameProblem } from '../sdk/rules.js';
import type { RosterEvent, Tool, User } from '../sdk/schemas.js';
import { errorForStatus } from '../sdk/errors.js';
import { personKey, isValidEmailAddress } from '../core/email.js';
import type { SignInInput, SignInResult } from '../core/sign-in.js';
import { type AccountState, EmailTakenError, type Storage } from '../core/storage.js';
import { type Database, type DatabaseOptions, openDatabase } from './database.js';
import { type Logger, createLogger, silentLogger } from './log.js';
import { type MailTransport, type Mailer, createMailer } from './mailer.js';
import { migrate } from './migrations.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { type RateLimitOptions, createRateLimiter } from './rate-limit.js';
import { createSqlStorage } from './sql-storage.js';
import { createTokens } from './tokens.js';

export type ServerDatabaseOptions = { url: string; max?: number } | { dataDir: string } | { memory: true };

export interface RosterServerOptions {
  /** Default: embedded PGlite in `./.roster`. */
  database?: ServerDatabaseOptions;
  auth:
    | { secret: string; issuer?: string; audience?: string }
    | { authenticate(request: Request): Promise<Principal | null> };
  /** Default: mail stays in the outbox (development). */
  mail?: { smtp: string; from: string } | { transport: MailTransport; from: string };
  /** Default `/api/roster/v1`. */
  baseUrl?: string;
  /** The absolute origin mailed links start with, e.g. `https://app.example.com`. */
  publicUrl?: string;
  /** Per signed-in profile; 429 with Retry-After past it. Default 600 a minute, bursts of 120. */
  rateLimit?: RateLimitOptions | false;
  logger?: Logger | false;
  /** The clock (tests). */
  now?: () => Date;
}

export interface AccountInput {
  name: string;
  /** The domain every profile's address must use; null: any company domain. */
  emailDomain: string | null;
  seatLimit: number;
  passwordMode: 'shared' | 'per-user';
  credits: number;
  tools: Tool[];
  /** The language of the account's mails and verification page (BCP 47). Default `en`. */
  locale?: string;
  owner: { firstName: string; lastName: string; email: string; password?: string };
}

export interface AccountUpdate {
  name?: string;
  seatLimit?: number;
  tools?: Tool[];
  addCredits?: number;
  /** The language of the account's mails and verification page (BCP 47). */
  locale?: string;
}

export interface RosterServer {
  /** The contract's answer to one request: mount it in any fetch-style framework. */
  fetch(request: Request): Promise<Response>;
  readonly baseUrl: string;
  accounts: {
    create(input: AccountInput): Promise<{ account: AccountState; owner: User }>;
    update(accountId: string, change: AccountUpdate): Promise<AccountState>;
  };
  tokens: { issue(claims: { accountId: string; userId: string; ttlSeconds?: number }): Promise<string> };
  signIn(input: SignInInput): Promise<SignInResult>;
  events: { record(input: RecordEventInput): Promise<RosterEvent> };
  outbox(filter?: {
    accountId?: string;
  }): Promise<{ to: string; subject: string; link?: string; text: string; sentAt: string | null }[]>;
  /** The storage, for seeding (the demo) and tests. */
  readonly storage: Storage;
  /** Finishes requests in flight, stops mail delivery, closes the database. */
  close(): Promise<void>;
}

/** A problem the server cannot start with, in words for whoever runs it. */
export class ServerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerConfigError';
  }
}

function basePathOf(baseUrl: string): string {
  const path = /^[a-z][a-z0-9+.-]*:/i.test(baseUrl) ? new URL(baseUrl).pathname : baseUrl;
  return `/${path.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
}

function originOf(publicUrl: string | undefined): string | undefined {
  if (publicUrl === undefined) return undefined;
  try {
    return new URL(publicUrl).origin;
  } catch {
    throw new ServerConfigError(
      `publicUrl must be an absolute URL such as https://app.example.com (got ${JSON.stringify(publicUrl)}).`,
    );
  }
}

const bearer = (request: Request) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];

export async function createRosterServer(options: RosterServerOptions): Promise<RosterServer> {
  const basePath = basePathOf(options.baseUrl ?? '/api/roster/v1');
  const publicOrigin = originOf(options.publicUrl);
  const now = options.now ?? (() => new Date());
  const logger = options.logger === false ? silentLogger : (options.logger ?? createLogger());
  const tokens = 'secret' in options.auth ? createTokens(options.auth) : null;
  const authenticateRequest =
    'authenticate' in options.auth
      ? options.auth.authenticate
      : async (request: Request) => {
          const token = bearer(request);
          return token ? tokens!.verify(token) : null;
        };

  const database: Database = await openDatabase((options.database ?? { dataDir: './.roster' }) as DatabaseOptions);
  let storage: Storage;
  try {
    await migrate(database);
    storage = kickingAfterCommit(createSqlStorage(database), () => mailer?.kick());
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }

  let mailer: Mailer | null = null;
  if (options.mail) {
    mailer = createMailer({
      storage,
      ...('smtp' in options.mail ? { smtp: options.mail.smtp } : { transport: options.mail.transport }),
      from: options.mail.from,
      logger: logger.child({ part: 'mailer' }),
    });
  }

  const passwords = { hash: hashPassword, verify: verifyPassword };
  // One request's principal, worked out once for the rate limit and the core.
  const principals = new WeakMap<Request, Principal | null>();
  const core = createCore({
    storage,
    basePath,
    now,
    // Cursors are signed with a key of the database, so every process accepts every other's.
    cursors: createCursors(await cursorSecret(database)),
    passwords,
    publicOrigin,
    authenticate: async (request) =>
      principals.has(request) ? principals.get(request)! : authenticateRequest(request),
  });
  const limiter = options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? {});

  let inFlight = 0;
  let closing: Promise<void> | null = null;
  let drained: (() => void) | null = null;

  async function fetch(request: Request): Promise<Response> {
    if (closing)
      return problem('server_error', { detail: 'The server is shutting down.', headers: { 'retry-after': '1' } });
    inFlight += 1;
    const started = performance.now();
    let status = 500;
    try {
      if (limiter && new URL(request.url).pathname.startsWith(`${basePath}/`)) {
        const principal = await authenticateRequest(request).catch(() => null);
        principals.set(request, principal);
        if (principal) {
          // Keyed by the profile, not the token: a fresh token brings no fresh budget.
          const verdict = limiter.take(`${principal.accountId}/${principal.userId}`);
          if (!verdict.ok) {
            status = 429;
            return problem('rate_limited', { headers: { 'retry-after': String(verdict.retryAfterSeconds) } });
          }
        }
      }
      const response = await core.handle(request);
      status = response.status;
      return response;
    } catch (error) {
      logger.error('request failed', {
        method: request.method,
        error: error instanceof Error ? error.message : String(error),
      });
      return problem('server_error');
    } finally {
      inFlight -= 1;
      logger.debug('request', { method: request.method, status, ms: Math.round(performance.now() - started) });
      if (inFlight === 0) drained?.();
    }
  }

  async function createAccount(input: AccountInput) {
    const ownerEmail = input.owner.email.trim().toLowerCase();
    const problems = [
      nameProblem(input.owner.firstName) && 'owner.firstName',
      nameProblem(input.owner.lastName) && 'owner.lastName',
      !isValidEmailAddress(ownerEmail) && 'owner.email',
      !(Number.isSafeInteger(input.seatLimit) && input.seatLimit >= 1) && 'seatLimit',
      !(Number.isSafeInteger(input.credits) && input.credits >= 0) && 'credits',
      input.locale !== undefined && !localeTag(input.locale) && 'locale',
    ].filter(Boolean);
    if (problems.length) throw new TypeError(`accounts.create: invalid ${problems.join(', ')}`);
    const at = now().toISOString();
    const accountId = `acc_${randomBytes(9).toString('base64url')}`;
    const account: AccountState = {
      id: accountId,
      name: input.name,
      planName: input.passwordMode === 'per-user' ? 'Enterprise' : 'Standard',
      seatLimit: input.seatLimit,
      emailDomain: input.emailDomain?.toLowerCase() ?? null,
      passwordMode: input.passwordMode,
      balance: input.credits,
      tools: input.tools.map((tool) => ({ ...tool })),
      locale: (input.locale !== undefined && localeTag(input.locale)) || 'en',
      passwordSetAt: null,
    };
    await storage.createAccount!(account);
    const passwordHash = input.owner.password === undefined ? null : await hashPassword(input.owner.password);
    const owner = await storage.write(accountId, async (tx) => {
      if (await tx.emailTaken(personKey(ownerEmail))) throw new EmailTakenError();
      const user: User = {
        id: await tx.newId('usr'),
        firstName: input.owner.firstName.trim(),
        lastName: input.owner.lastName.trim(),
        email: ownerEmail,
        phone: null,
        role: 'owner',
        status: 'active',
        verifiedAt: at,
        createdAt: at,
        updatedAt: at,
        version: 1,
        creditLimit: null,
        creditsSpent: 0,
        allowedIps: [],
        notifications: { taskUpdates: true, reportReady: true, creditsLow: true },
        access: { tools: [], tasks: [] },
      };
      // In shared mode the owner's password is the account password.
      await tx.insertUser(user, { passwordHash: input.passwordMode === 'per-user' ? passwordHash : null });
      if (input.passwordMode === 'shared' && passwordHash) {
        await tx.setAccountPasswordHash(passwordHash);
        await tx.updateAccount({ passwordSetAt: at });
      }
      return user;
    });
    return { account: await storage.read(accountId, (tx) => tx.account()), owner };
  }

  return {
    fetch,
    baseUrl: basePath,
    storage,
    accounts: {
      create: createAccount,
      update: (accountId, change) =>
        storage.write(accountId, async (tx) => {
          const locale = change.locale === undefined ? undefined : localeTag(change.locale);
          if (locale === null) throw new TypeError('accounts.update: invalid locale');
          const account = await tx.account();
          await tx.updateAccount({
            ...(change.name !== undefined && { name: change.name }),
            ...(change.seatLimit !== undefined && { seatLimit: change.seatLimit }),
            ...(change.tools !== undefined && { tools: change.tools.map((tool) => ({ ...tool })) }),
            ...(change.addCredits !== undefined && { balance: account.balance + change.addCredits }),
            ...(locale !== undefined && { locale }),
          });
          return tx.account();
        }),
    },
    tokens: {
      async issue(claims) {
        if (!tokens)
          throw new ServerConfigError(
            'tokens.issue needs auth.secret; this server authenticates with your own authenticate().',
          );
        return tokens.issue(claims);
      },
    },
    signIn: (input) => core.signIn(input),
    events: {
      async record(input) {
        try {
          return await core.recordEvent(input);
        } catch (error) {
          if (!(error instanceof RosterProblem)) throw error;
          const body = (await error.response.json()) as { code: string; title: string; detail?: string };
          throw errorForStatus(error.response.status, body);
        }
      },
    },
    async outbox(filter = {}) {
      const mail = await storage.mail!(filter.accountId);
      return mail.map(({ to, subject, link, text, sentAt }) => ({ to, subject, link, text, sentAt }));
    },
    close() {
      closing ??= (async () => {
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        await mailer?.close();
        await storage.close();
      })();
      return closing;
    },
  };
}

/**
 * The storage whose writes that queued mail call `mailWritten` once committed. Called from inside
 * the transaction, the mailer would look too early: it would miss the mail, or, joining the
 * transaction (database.ts), send it before the commit and record it outside, where the record
 * of a mail not yet committed changes nothing, so the mail stays "unsent" and goes out again.
 */
function kickingAfterCommit(storage: Storage, mailWritten: () => void): Storage {
  return {
    ...storage,
    async write(accountId, work) {
      let wrote = false;
      const result = await storage.write(accountId, (tx) =>
        work({
          ...tx,
          async enqueueMail(mail) {
            await tx.enqueueMail(mail);
            wrote = true;
          },
        }),
      );
      if (wrote) mailWritten();
      return result;
    },
  };
}

/** A random key kept in the database, made by whichever process starts first. */
async function cursorSecret(database: Database): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await database.query(`INSERT INTO settings (key, value) VALUES ('cursor_secret', $1) ON CONFLICT (key) DO NOTHING`, [
    candidate,
  ]);
  const [row] = await database.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'cursor_secret'`);
  return row!.value;
}

export { EmailTakenError };
export { toNodeListener } from './node-http.js';
export type { Principal, RecordEventInput, SignInInput, SignInResult };

/** A BCP 47 tag in its canonical spelling (`pt-br` → `pt-BR`), or null when it is none. */
function localeTag(value: string): string | null {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}
