/**
 * The server's schema as versioned migrations. Each version is a list of single statements
 * (PGlite's parameterised protocol takes one at a time). A version, once released, never changes:
 * a later change is a new version appended to the list.
 *
 * Migrations run at start in one transaction under a transaction-level advisory lock, so two
 * processes starting together never race: the second waits, then finds the versions applied.
 * (Statements that cannot run in a transaction, such as `CREATE INDEX CONCURRENTLY`, would need
 * a session-level lock instead.)
 */
import type { Database } from './database.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Any constant shared by all processes; "roster" in ASCII. */
const MIGRATION_LOCK = 0x726f73746572;

// Ids, sort keys and anything compared with JavaScript's `<` use COLLATE "C" (byte order), so the
// database orders them as the in-memory store does. Times are timestamptz and come back as ISO
// strings; credits are bigint; JSON that is only stored and returned is `json`, which keeps the
// key order it was given.
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts, profiles, tasks, events, idempotency, verification, outbox, audit',
    statements: [
      'CREATE EXTENSION IF NOT EXISTS pg_trgm',
      // Ids are never reused (tokens name them): one sequence for the whole server.
      'CREATE SEQUENCE roster_ids',
      `CREATE TABLE accounts (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        plan_name text NOT NULL,
        seat_limit integer NOT NULL CHECK (seat_limit >= 0),
        email_domain text,
        password_mode text NOT NULL CHECK (password_mode IN ('shared', 'per-user')),
        balance bigint NOT NULL,
        tools json NOT NULL DEFAULT '[]',
        locale text NOT NULL DEFAULT 'en',
        password_hash text,
        password_set_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        user_count integer NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE users (
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        id text COLLATE "C" NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        person_key text NOT NULL,
        name_key text COLLATE "C" NOT NULL,
        haystack text NOT NULL,
        phone text,
        role text NOT NULL CHECK (role IN ('owner', 'manager', 'specialist', 'guest')),
        status text NOT NULL CHECK (status IN ('pending', 'active')),
        verified_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        credit_limit bigint,
        credits_spent bigint NOT NULL,
        allowed_ips json NOT NULL,
        notifications json NOT NULL,
        access json NOT NULL,
        granted_task_ids text[] NOT NULL,
        password_hash text,
        PRIMARY KEY (account_id, id)
      )`,
      // The unfiltered list's total and the seat count read `accounts.user_count`: counting an
      // account's 100,000 profiles took longer than reading the page itself. Statement triggers
      // keep it for any write, bulk loads included; a write already holds the account row's lock.
      `CREATE FUNCTION users_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE accounts SET user_count = accounts.user_count + changed.n
          FROM (SELECT account_id, count(*) AS n FROM added GROUP BY account_id) AS changed WHERE accounts.id = changed.account_id;
        ELSE
          UPDATE accounts SET user_count = accounts.user_count - changed.n
          FROM (SELECT account_id, count(*) AS n FROM removed GROUP BY account_id) AS changed WHERE accounts.id = changed.account_id;
        END IF;
        RETURN NULL;
      END $$`,
      'CREATE TRIGGER users_added AFTER INSERT ON users REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION users_counted()',
      'CREATE TRIGGER users_removed AFTER DELETE ON users REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION users_counted()',
      // An email is the login name of the whole server.
      'CREATE UNIQUE INDEX users_person_key ON users (person_key)',
      "CREATE UNIQUE INDEX users_one_owner ON users (account_id) WHERE role = 'owner'",
      // Keyset pages in each sort, both directions (a btree is read backwards for `-sort`).
      'CREATE INDEX users_by_name ON users (account_id, name_key, id)',
      'CREATE INDEX users_by_created ON users (account_id, created_at, id)',
      'CREATE INDEX users_by_spent ON users (account_id, credits_spent, id)',
      // Filtered totals (`role`, `status`) count from an index alone.
      'CREATE INDEX users_by_role_status ON users (account_id, role, status)',
      'CREATE INDEX users_search ON users USING gin (haystack gin_trgm_ops)',
      'CREATE INDEX users_granted_tasks ON users USING gin (granted_task_ids)',
      `CREATE TABLE tasks (
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        id text COLLATE "C" NOT NULL,
        tool_id text COLLATE "C" NOT NULL,
        name text NOT NULL,
        name_key text COLLATE "C" NOT NULL,
        owner_id text COLLATE "C" NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, id)
      )`,
      'CREATE INDEX tasks_by_created ON tasks (account_id, created_at, id)',
      'CREATE INDEX tasks_by_name ON tasks (account_id, name_key, id)',
      'CREATE INDEX tasks_of_owner ON tasks (account_id, owner_id, created_at, id)',
      'CREATE INDEX tasks_of_tool_by_created ON tasks (account_id, tool_id, created_at, id)',
      'CREATE INDEX tasks_of_tool_by_name ON tasks (account_id, tool_id, name_key, id)',
      'CREATE INDEX tasks_search ON tasks USING gin (name_key gin_trgm_ops)',
      `CREATE TABLE events (
        account_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        at timestamptz NOT NULL,
        type text NOT NULL,
        description text NOT NULL,
        cost bigint NOT NULL,
        tool_id text,
        task_id text,
        task_name text,
        PRIMARY KEY (account_id, id),
        FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id) ON DELETE CASCADE
      )`,
      'CREATE INDEX events_of_user ON events (account_id, user_id, at, id)',
      'CREATE INDEX events_of_user_by_type ON events (account_id, user_id, type, at, id)',
      `CREATE TABLE idempotency_keys (
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        key text COLLATE "C" NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        headers json NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, key)
      )`,
      // Keys are kept 24 hours; expired ones are deleted by age.
      'CREATE INDEX idempotency_keys_by_age ON idempotency_keys (account_id, created_at)',
      `CREATE TABLE verification_tokens (
        token_hash text COLLATE "C" PRIMARY KEY,
        account_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        replaced_at timestamptz,
        FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id) ON DELETE CASCADE
      )`,
      'CREATE INDEX verification_tokens_of_user ON verification_tokens (account_id, user_id)',
      // Mail outlives the profile it was for: no foreign key to users.
      `CREATE TABLE outbox (
        id text COLLATE "C" PRIMARY KEY,
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        user_id text COLLATE "C" NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        html text,
        link text,
        kind text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        claimed_by text,
        claimed_until timestamptz
      )`,
      // Keys every process shares (the cursor signing key).
      `CREATE TABLE settings (
        key text COLLATE "C" PRIMARY KEY,
        value text NOT NULL
      )`,
      'CREATE INDEX outbox_undelivered ON outbox (created_at, id) WHERE sent_at IS NULL',
      'CREATE INDEX outbox_of_account ON outbox (account_id, created_at, id)',
      `CREATE TABLE audit_entries (
        account_id text COLLATE "C" NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        id text COLLATE "C" NOT NULL,
        at timestamptz NOT NULL,
        actor_id text COLLATE "C" NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        target_id text COLLATE "C",
        target_name text,
        changes json NOT NULL,
        PRIMARY KEY (account_id, id)
      )`,
      'CREATE INDEX audit_by_time ON audit_entries (account_id, at, id)',
      'CREATE INDEX audit_of_actor ON audit_entries (account_id, actor_id, at, id)',
      'CREATE INDEX audit_of_target ON audit_entries (account_id, target_id, at, id)',
      'CREATE INDEX audit_by_action ON audit_entries (account_id, action, at, id)',
    ],
  },
];

/** Applies the migrations the database lacks; answers the versions applied now. */
export async function migrate(database: Database, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...migrations.map((migration) => migration.version));
    const ahead = [...done].filter((version) => version > newest);
    if (ahead.length) {
      throw new Error(
        `The database schema is at version ${Math.max(...ahead)}, newer than this server knows (${newest}). Upgrade rosterkit.`,
      );
    }
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
