/**
 * One small database interface over PostgreSQL (`pg` pool) or embedded PGlite (on disk or in
 * memory), with one SQL dialect. The storage and the migrations speak only to this.
 *
 * A query made while a transaction runs in the same async context joins that transaction, and so
 * does a nested `transaction()`: PGlite has a single connection, so a query outside the running
 * transaction would wait for it forever; on a pool, joining keeps one consistent view.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { access, constants, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

export type DatabaseOptions =
  { url: string; /** Pool size (default 10). */ max?: number } | { dataDir: string } | { memory: true };

export interface Queryable {
  /** Runs one statement and answers its rows (with `RETURNING`, the changed rows). */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface TransactionOptions {
  /** A read-only transaction with one snapshot for all its statements. */
  readOnly?: boolean;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** A startup problem with a message fit for the person running the server (never a password). */
export class DatabaseConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseConfigError';
  }
}

interface Running {
  tx: Queryable;
  /** Set at commit or rollback: work scheduled from inside (timers) must not use the old handle. */
  done: boolean;
}

const BEGIN_READ_ONLY = 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY';

abstract class BaseDatabase implements Database {
  abstract readonly kind: 'postgres' | 'pglite';
  private readonly running = new AsyncLocalStorage<Running>();

  protected abstract directQuery(sql: string, params: readonly unknown[]): Promise<unknown[]>;
  protected abstract runTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;

  query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const current = this.running.getStore();
    if (current && !current.done) return current.tx.query<T>(sql, params);
    return this.directQuery(sql, params) as Promise<T[]>;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const current = this.running.getStore();
    if (current && !current.done) return work(current.tx);
    return this.runTransaction(async (tx) => {
      const running: Running = { tx, done: false };
      try {
        if (options.readOnly) await tx.query(BEGIN_READ_ONLY);
        return await this.running.run(running, () => work(tx));
      } finally {
        running.done = true;
      }
    });
  }
}

// ---- PostgreSQL through pg --------------------------------------------------------------------

/** `host:port/database` of a URL, for messages: never its user's password. */
function describeUrl(url: URL): string {
  const database = decodeURIComponent(url.pathname.slice(1)) || '(default database)';
  return `${url.hostname || 'localhost'}:${url.port || '5432'}/${database}`;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DatabaseConfigError(
      'The database URL is not a valid URL; use postgres://user:password@host:port/database.',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(
      `The database URL must start with postgres:// or postgresql://, not ${url.protocol}//.`,
    );
  }
  return url;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/** Why a first connection failed, in words, naming host and port but never the password. */
function connectionProblem(error: unknown, url: URL): DatabaseConfigError {
  const where = describeUrl(url);
  const { code, message } = error as { code?: string; message?: string };
  if (code && UNREACHABLE.has(code))
    return new DatabaseConfigError(
      `Cannot reach PostgreSQL at ${where} (${code}). Is it running, and are the host and port right?`,
      { cause: error },
    );
  if (/timeout/i.test(message ?? ''))
    return new DatabaseConfigError(`Cannot reach PostgreSQL at ${where}: the connection timed out.`, { cause: error });
  if (code === '28P01' || code === '28000')
    return new DatabaseConfigError(
      `PostgreSQL at ${where} refused the login of user "${decodeURIComponent(url.username)}" (${code}).`,
      { cause: error },
    );
  if (code === '3D000')
    return new DatabaseConfigError(`PostgreSQL at ${where}: the database does not exist (${code}).`, { cause: error });
  const safe = (message ?? String(error)).split(url.password || '\u0000').join('***');
  return new DatabaseConfigError(`Cannot use PostgreSQL at ${where}: ${safe}`, { cause: error });
}

class PostgresDatabase extends BaseDatabase {
  readonly kind = 'postgres';
  constructor(private readonly pool: import('pg').Pool) {
    super();
  }

  protected async directQuery(sql: string, params: readonly unknown[]) {
    return (await this.pool.query(sql, params as unknown[])).rows;
  }

  protected async runTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const tx: Queryable = { query: async (sql, params = []) => (await client.query(sql, params as unknown[])).rows };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError;
      }
      throw error;
    } finally {
      // A connection that could not roll back is not given back to the pool.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  close() {
    return this.pool.end();
  }
}

async function openPostgres(text: string, max = 10): Promise<Database> {
  const url = parseUrl(text);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: text, max, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw connectionProblem(error, url);
  }
  return new PostgresDatabase(pool);
}

// ---- PGlite -----------------------------------------------------------------------------------

type PGliteInstance = import('@electric-sql/pglite').PGlite;

class PgliteDatabase extends BaseDatabase {
  readonly kind = 'pglite';
  constructor(private readonly db: PGliteInstance) {
    super();
  }

  protected async directQuery(sql: string, params: readonly unknown[]) {
    return (await this.db.query(sql, params as unknown[])).rows;
  }

  // PGlite has one connection: its own transaction() runs one transaction at a time.
  protected runTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((inner) =>
      work({ query: async (sql, params = []) => (await inner.query(sql, params as unknown[])).rows as never }),
    );
  }

  close() {
    return this.db.close();
  }
}

async function writableDirectory(dataDir: string): Promise<string> {
  const path = resolve(dataDir);
  try {
    await mkdir(path, { recursive: true });
    await access(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new DatabaseConfigError(
      `The data directory ${path} cannot be created or written (${code}). Choose another with --data, or fix its permissions.`,
      { cause: error },
    );
  }
  return path;
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const path = dataDir === null ? undefined : await writableDirectory(dataDir);
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  let db: PGliteInstance;
  try {
    db = await PGlite.create(path, { extensions: { pg_trgm } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DatabaseConfigError(`Cannot open the embedded database${path ? ` in ${path}` : ''}: ${message}`, {
      cause: error,
    });
  }
  return new PgliteDatabase(db);
}

/** Connects (or opens the embedded database) and checks that it answers. */
export function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options.url, options.max);
  if ('dataDir' in options) return openPglite(options.dataDir);
  return openPglite(null);
}
