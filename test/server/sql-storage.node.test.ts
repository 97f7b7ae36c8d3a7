// The SQL storage against PGlite in memory, and against PostgreSQL when ROSTER_TEST_DATABASE_URL
// names a server (a fresh database per run, dropped after). Orders are checked against the
// in-memory store's, so the server lists what the reference API lists.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type AccountState, type AuditEntry, EmailTakenError, type Storage } from '../../src/core/storage.js';
import { Store, fold } from '../../src/mock/store.js';
import type { RosterEvent, Task, User, UserSort } from '../../src/sdk/schemas.js';
import { type Database, DatabaseConfigError, openDatabase } from '../../src/server/database.js';
import { MIGRATIONS, migrate } from '../../src/server/migrations.js';
import { personKey as personKeyOf } from '../../src/core/email.js';
import { createSqlStorage } from '../../src/server/sql-storage.js';
import { POSTGRES_URL, freshPostgresDatabase } from './database-helpers.js';

const TABLES = 'accounts, users, tasks, events, idempotency_keys, verification_tokens, outbox, audit_entries';
const SORTS: UserSort[] = ['name', '-name', 'createdAt', '-createdAt', 'creditsSpent', '-creditsSpent'];
const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function account(id: string, change: Partial<AccountState> = {}): AccountState {
  return {
    id,
    name: `Team ${id}`,
    planName: 'Team',
    seatLimit: 12,
    emailDomain: 'example.com',
    passwordMode: 'per-user',
    balance: 1000,
    tools: [
      { id: 'rank', name: 'Rank Tracker', taskCost: 5 },
      { id: 'audit', name: 'Site Audit', taskCost: 3 },
    ],
    locale: 'en',
    passwordSetAt: null,
    ...change,
  };
}

function user(id: string, change: Partial<User> = {}): User {
  return {
    id,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${id}@example.com`,
    phone: null,
    role: 'specialist',
    status: 'active',
    verifiedAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    version: 1,
    creditLimit: null,
    creditsSpent: 0,
    allowedIps: [],
    notifications: { taskUpdates: true, reportReady: false, creditsLow: true },
    access: { tools: [], tasks: [] },
    ...change,
  };
}

const task = (id: string, change: Partial<Task> = {}): Task => ({
  id,
  toolId: 'rank',
  name: `Task ${id}`,
  ownerId: 'usr_owner',
  createdAt: at(0),
  ...change,
});

type StoredEvent = RosterEvent & { taskName: string | null };
const event = (id: string, change: Partial<StoredEvent> = {}): RosterEvent =>
  ({
    id,
    at: at(0),
    type: 'task_created',
    description: 'Created a task',
    cost: 5,
    toolId: 'rank',
    taskId: null,
    taskName: null,
    ...change,
  }) as RosterEvent;

const backends: { name: string; open: () => Promise<{ database: Database; cleanup: () => Promise<void> }> }[] = [
  { name: 'PGlite', open: async () => ({ database: await openDatabase({ memory: true }), cleanup: async () => {} }) },
];
if (POSTGRES_URL) {
  backends.push({
    name: 'PostgreSQL',
    open: async () => {
      const fresh = await freshPostgresDatabase(POSTGRES_URL!);
      return { database: await openDatabase({ url: fresh.url }), cleanup: fresh.drop };
    },
  });
}

for (const backend of backends) {
  describe(`SQL storage on ${backend.name}`, () => {
    let database: Database;
    let storage: Storage;
    let cleanup: () => Promise<void>;

    /** An account with its owner, as the server creates it. */
    async function seedAccount(id: string, change: Partial<AccountState> = {}): Promise<User> {
      await storage.createAccount!(account(id, change));
      const owner = user(`usr_owner_${id}`, {
        role: 'owner',
        email: `owner@${id}.example.com`,
        firstName: 'Olga',
        lastName: 'Owner',
      });
      await storage.write(id, (tx) => tx.insertUser(owner, { passwordHash: null }));
      return owner;
    }

    before(async () => {
      ({ database, cleanup } = await backend.open());
      await migrate(database);
      storage = createSqlStorage(database);
    });
    after(async () => {
      await storage.close();
      await cleanup();
    });
    beforeEach(async () => {
      await database.query(`TRUNCATE ${TABLES} CASCADE`);
    });

    test('migrating again applies nothing', async () => {
      assert.deepEqual(await migrate(database), []);
      const rows = await database.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((row) => Number(row.version)),
        MIGRATIONS.map((migration) => migration.version),
      );
    });

    test('an account: read, change, password hash', async () => {
      await seedAccount('acc_a');
      const tools = [{ id: 'kw', name: 'Keywords', taskCost: 2 }];
      await storage.write('acc_a', async (tx) => {
        assert.deepEqual(await tx.account(), account('acc_a'));
        await tx.updateAccount({ balance: 990, name: 'Renamed', seatLimit: 6, tools, passwordSetAt: at(5) });
        await tx.setAccountPasswordHash('scrypt$hash');
      });
      const state = await storage.read('acc_a', (tx) => tx.account());
      assert.deepEqual(state, {
        ...account('acc_a'),
        balance: 990,
        name: 'Renamed',
        seatLimit: 6,
        tools,
        passwordSetAt: at(5),
      });
      assert.equal(await storage.read('acc_a', (tx) => tx.accountPasswordHash()), 'scrypt$hash');
    });

    test('a profile: insert, read, update, secrets, delete', async () => {
      const owner = await seedAccount('acc_a');
      const ines = user('usr_ines', {
        firstName: 'Inés',
        lastName: 'Núñez',
        email: 'ines@example.com',
        phone: '+4930123456',
        creditLimit: 50,
        allowedIps: ['10.0.0.0/8', '2001:db8::1'],
        access: { tools: ['rank'], tasks: [{ toolId: 'rank', taskId: 'tsk_1' }] },
      });
      await storage.write('acc_a', (tx) => tx.insertUser(ines, { passwordHash: 'h1' }));
      await storage.read('acc_a', async (tx) => {
        assert.deepEqual(await tx.user('usr_ines'), ines);
        assert.deepEqual(Object.keys((await tx.user('usr_ines'))!), Object.keys(ines), 'fields in the contract order');
        assert.deepEqual(await tx.owner(), owner);
        assert.equal(await tx.countUsers(), 2);
        assert.deepEqual(await tx.userSecrets('usr_ines'), { passwordHash: 'h1' });
        assert.deepEqual(await tx.userByPersonKey!('ines@example.com'), ines);
        assert.equal(await tx.user('usr_nobody'), null);
      });
      const changed: User = {
        ...ines,
        lastName: 'Núñez-Prado',
        role: 'manager',
        creditLimit: null,
        creditsSpent: 15,
        version: 2,
        updatedAt: at(9),
        status: 'active',
        verifiedAt: at(8),
      };
      await storage.write('acc_a', async (tx) => {
        await tx.updateUser(changed);
        await tx.setUserSecrets('usr_ines', { passwordHash: null });
      });
      await storage.read('acc_a', async (tx) => {
        assert.deepEqual(await tx.user('usr_ines'), changed);
        assert.deepEqual(await tx.userSecrets('usr_ines'), { passwordHash: null });
      });
      await storage.write('acc_a', (tx) => tx.deleteUser('usr_ines'));
      assert.equal(await storage.read('acc_a', (tx) => tx.user('usr_ines')), null);
      assert.equal(await storage.read('acc_a', (tx) => tx.countUsers()), 1);
      assert.equal(await storage.accountOfEmail('ines@example.com'), null, 'the email is free again');
    });

    test('the total of an unfiltered list and the seat count read no profiles, and stay right through inserts, deletes and bulk writes', async () => {
      await seedAccount('acc_a');
      await seedAccount('acc_b');
      await storage.write('acc_a', async (tx) => {
        for (let i = 0; i < 200; i += 1)
          await tx.insertUser(user(`usr_${String(i).padStart(3, '0')}`, { role: i % 2 ? 'manager' : 'specialist' }), {
            passwordHash: null,
          });
        await tx.deleteUser('usr_000');
      });
      // Many rows in one statement each way, as an import or a clean-up would write them.
      await database.query(`INSERT INTO users (account_id, id, first_name, last_name, email, person_key, name_key, haystack, role, status,
          created_at, updated_at, version, credits_spent, allowed_ips, notifications, access, granted_task_ids)
        SELECT 'acc_b', 'usr_bulk' || g, 'Bea', 'Bulk', 'bea' || g || '@example.com', 'bea' || g || '@example.com', 'bea bulk',
          'bea bulk bea' || g || '@example.com', 'specialist', 'active', now(), now(), 1, 0, '[]', '{}', '{"tools":[],"tasks":[]}', '{}'
        FROM generate_series(1, 30) AS g`);
      await database.query("DELETE FROM users WHERE account_id = 'acc_b' AND id LIKE 'usr_bulk1%'");
      await database.query('ANALYZE users');
      // Index entries and rows of users read in this transaction, from PostgreSQL's own statistics.
      const rowsRead = async () =>
        Number(
          (
            await database.query<{ n: string }>(
              `SELECT sum(pg_stat_get_xact_tuples_returned(oid) + pg_stat_get_xact_tuples_fetched(oid)) AS n FROM pg_class
         WHERE oid = 'users'::regclass OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'users'::regclass)`,
            )
          )[0]!.n,
        );
      await storage.read('acc_a', async (tx) => {
        // As on a large table: the page is read through its index, not by a scan of every row.
        await database.query('SET LOCAL enable_seqscan = off');
        const before = await rowsRead();
        assert.equal(await tx.countUsers(), 200);
        const page = await tx.pageUsers({ sort: 'name', limit: 10, after: null });
        assert.equal(page.total, 200);
        assert.equal(page.items.length, 10);
        const read = (await rowsRead()) - before;
        assert.ok(read <= 40, `a page of 10 and two totals read ${read} index entries and rows of users`);
        assert.equal(
          (await tx.pageUsers({ sort: 'name', role: 'manager', limit: 10, after: null })).total,
          100,
          'a filtered total still counts',
        );
      });
      assert.equal(await storage.read('acc_b', (tx) => tx.countUsers()), 1 + 30 - 11);
      assert.equal(
        (await storage.read('acc_b', (tx) => tx.pageUsers({ sort: '-createdAt', limit: 5, after: null }))).total,
        20,
      );
    });

    test('new ids are never reused, even after a delete', async () => {
      await seedAccount('acc_a');
      const ids = await storage.write('acc_a', async (tx) => [
        await tx.newId('usr'),
        await tx.newId('tsk'),
        await tx.newId('usr'),
      ]);
      assert.equal(new Set(ids).size, 3);
      assert.match(ids[0]!, /^usr_/);
      await storage.write('acc_a', (tx) => tx.insertUser(user(ids[0]!), { passwordHash: null }));
      await storage.write('acc_a', (tx) => tx.deleteUser(ids[0]!));
      const later = await storage.write('acc_a', (tx) => tx.newId('usr'));
      assert.ok(!ids.includes(later));
    });

    test('an email is one person across the whole server: a +tag or case is the same person', async () => {
      await seedAccount('acc_a');
      await seedAccount('acc_b');
      await storage.write('acc_a', (tx) =>
        tx.insertUser(user('usr_1', { email: 'ines@example.com' }), { passwordHash: null }),
      );
      for (const email of ['ines@example.com', 'Ines+test@Example.com']) {
        await assert.rejects(
          storage.write('acc_b', (tx) =>
            tx.insertUser(user('usr_2', { email: email.toLowerCase() }), { passwordHash: null }),
          ),
          EmailTakenError,
        );
      }
      assert.equal(await storage.read('acc_b', (tx) => tx.countUsers()), 1, 'the refused insert rolled back');
      assert.equal(await storage.accountOfEmail(personKeyOf('INES+x@example.com')), 'acc_a');
    });

    test("another account's profiles, tasks, events and links are invisible", async () => {
      await seedAccount('acc_a');
      await seedAccount('acc_b');
      const theirs = user('usr_b1', {
        email: 'b1@example.com',
        access: { tools: [], tasks: [{ toolId: 'rank', taskId: 'tsk_b1' }] },
      });
      await storage.write('acc_b', async (tx) => {
        await tx.insertUser(theirs, { passwordHash: 'secret' });
        await tx.insertTask(task('tsk_b1', { ownerId: 'usr_b1' }));
        await tx.insertEvent('usr_b1', event('evt_b1'));
        await tx.insertVerificationToken({
          token: 'hash_b1',
          userId: 'usr_b1',
          createdAt: at(0),
          expiresAt: at(100),
          usedAt: null,
          replacedAt: null,
        });
        await tx.putIdempotency('key', { fingerprint: 'f', status: 201, headers: [], body: '{}', createdAt: at(0) });
        await tx.insertAudit({
          id: 'aud_b1',
          at: at(0),
          actor: { id: 'usr_owner_acc_b', name: 'Olga Owner' },
          action: 'user.created',
          targetId: 'usr_b1',
          targetName: 'Ada Lovelace',
          changes: [],
        });
      });
      await storage.write('acc_a', async (tx) => {
        assert.equal(await tx.user('usr_b1'), null);
        assert.equal(await tx.task('tsk_b1'), null);
        assert.equal((await tx.tasksById(['tsk_b1'])).size, 0);
        assert.equal(await tx.countTasksOwned('usr_b1'), 0);
        assert.deepEqual(await tx.usersGrantedAny(['tsk_b1']), []);
        assert.equal((await tx.pageUsers({ sort: 'name', limit: 50, after: null })).total, 1);
        assert.equal((await tx.pageTasks({ order: 'createdAt' }, { limit: 50, after: null })).total, 0);
        assert.equal((await tx.pageEvents('usr_b1', {}, { limit: 50, after: null })).total, 0);
        assert.equal((await tx.pageAudit({}, { limit: 50, after: null })).total, 0);
        assert.equal(await tx.lastActiveAt('usr_b1'), null);
        assert.equal(await tx.verificationToken('hash_b1'), null);
        assert.equal(await tx.idempotency('key'), null);
        assert.deepEqual(await tx.userSecrets('usr_b1'), { passwordHash: null });
        assert.equal(await tx.userByPersonKey!('b1@example.com'), null);
        // Changes aimed at the other account's rows touch nothing.
        await assert.rejects(tx.updateUser({ ...theirs, firstName: 'Mallory' }));
        await tx.deleteUser('usr_b1');
        await tx.setUserSecrets('usr_b1', { passwordHash: null });
        await tx.transferTasks('usr_b1', 'usr_owner_acc_a');
        assert.deepEqual(await tx.deleteTasksOf('usr_b1'), []);
        await tx.useVerificationToken('hash_b1', at(1));
      });
      await storage.read('acc_b', async (tx) => {
        assert.deepEqual(await tx.user('usr_b1'), theirs);
        assert.deepEqual(await tx.userSecrets('usr_b1'), { passwordHash: 'secret' });
        assert.equal((await tx.task('tsk_b1'))?.ownerId, 'usr_b1');
        assert.equal((await tx.verificationToken('hash_b1'))?.usedAt, null);
      });
      assert.equal(await storage.accountOfVerificationToken('hash_b1'), 'acc_b');
    });

    test('tasks: insert, read, transfer, delete, grants', async () => {
      await seedAccount('acc_a');
      const spec = user('usr_s', { access: { tools: ['rank'], tasks: [{ toolId: 'rank', taskId: 'tsk_2' }] } });
      const guest = user('usr_g', {
        role: 'guest',
        access: {
          tools: [],
          tasks: [
            { toolId: 'rank', taskId: 'tsk_3' },
            { toolId: 'rank', taskId: 'tsk_2' },
          ],
        },
      });
      await storage.write('acc_a', async (tx) => {
        await tx.insertUser(spec, { passwordHash: null });
        await tx.insertUser(guest, { passwordHash: null });
        await tx.insertTask(task('tsk_1', { ownerId: 'usr_s', name: 'Ünïcode' }));
        await tx.insertTask(task('tsk_2', { ownerId: 'usr_s' }));
        await tx.insertTask(task('tsk_3', { ownerId: 'usr_owner_acc_a' }));
      });
      await storage.write('acc_a', async (tx) => {
        assert.deepEqual(await tx.task('tsk_1'), task('tsk_1', { ownerId: 'usr_s', name: 'Ünïcode' }));
        assert.deepEqual([...(await tx.tasksById(['tsk_1', 'tsk_9', 'tsk_3'])).keys()].sort(), ['tsk_1', 'tsk_3']);
        assert.equal(await tx.countTasksOwned('usr_s'), 2);
        assert.deepEqual(
          (await tx.usersGrantedAny(['tsk_2'])).map((u) => u.id),
          ['usr_g', 'usr_s'],
        );
        assert.deepEqual(
          (await tx.usersGrantedAny(['tsk_3', 'tsk_9'])).map((u) => u.id),
          ['usr_g'],
        );
        await tx.transferTasks('usr_s', 'usr_owner_acc_a');
        assert.equal(await tx.countTasksOwned('usr_s'), 0);
        assert.deepEqual(await tx.deleteTasksOf('usr_owner_acc_a'), ['tsk_1', 'tsk_2', 'tsk_3']);
        assert.equal(await tx.task('tsk_1'), null);
        // Grants follow the profile's access when it is stored again.
        await tx.updateUser({ ...guest, access: { tools: [], tasks: [{ toolId: 'rank', taskId: 'tsk_3' }] } });
        assert.deepEqual(
          (await tx.usersGrantedAny(['tsk_2'])).map((u) => u.id),
          ['usr_s'],
        );
      });
    });

    test('task lists: visibility, shared, tool, search, and the reference API order', async () => {
      await seedAccount('acc_a');
      const spec = user('usr_s', { access: { tools: ['rank'], tasks: [{ toolId: 'rank', taskId: 'tsk_05' }] } });
      const guest = user('usr_g', {
        role: 'guest',
        access: { tools: [], tasks: [{ toolId: 'rank', taskId: 'tsk_07' }] },
      });
      const names = [
        'Berlin shops',
        'berlin Cafés',
        'Zürich',
        'Ärzte Berlin',
        'audit',
        'Audit',
        '100% done',
        'under_score',
        'Cafe',
        'café',
      ];
      const tasks = names.map((name, i) =>
        task(`tsk_${String(i).padStart(2, '0')}`, {
          name,
          toolId: i % 3 === 0 ? 'audit' : 'rank',
          ownerId: i % 2 ? 'usr_s' : 'usr_g',
          createdAt: at(Math.floor(i / 3)),
        }),
      );
      await storage.write('acc_a', async (tx) => {
        await tx.insertUser(spec, { passwordHash: null });
        await tx.insertUser(guest, { passwordHash: null });
        for (const item of tasks) await tx.insertTask(item);
      });
      // As the reference API's routes do it: sortBy, then pageOf.
      const byName = (a: Task, b: Task) =>
        fold(a.name) < fold(b.name) ? -1 : fold(a.name) > fold(b.name) ? 1 : a.id < b.id ? -1 : 1;
      const newest = (a: Task, b: Task) =>
        a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id > b.id ? -1 : 1;
      const cases: {
        filter: Parameters<import('../../src/core/storage.js').AccountTx['pageTasks']>[0];
        expected: Task[];
      }[] = [
        { filter: { order: 'createdAt' }, expected: [...tasks].sort(newest) },
        { filter: { order: 'name' }, expected: [...tasks].sort(byName) },
        { filter: { order: 'name', toolId: 'rank' }, expected: tasks.filter((t) => t.toolId === 'rank').sort(byName) },
        {
          filter: { order: 'createdAt', ownerId: 'usr_s' },
          expected: tasks.filter((t) => t.ownerId === 'usr_s').sort(newest),
        },
        {
          filter: { order: 'name', q: 'BERLIN' },
          expected: tasks.filter((t) => fold(t.name).includes('berlin')).sort(byName),
        },
        { filter: { order: 'name', q: 'cafe berlin' }, expected: [tasks[1]!] },
        { filter: { order: 'name', q: '%' }, expected: [tasks[6]!] },
        { filter: { order: 'name', q: '_' }, expected: [tasks[7]!] },
        {
          filter: { order: 'createdAt', visibleTo: spec },
          expected: tasks.filter((t) => t.ownerId === 'usr_s' || t.id === 'tsk_05').sort(newest),
        },
        { filter: { order: 'createdAt', visibleTo: guest }, expected: [tasks[7]!] },
        {
          filter: { order: 'createdAt', shared: { viewerId: 'usr_s', shared: true } },
          expected: tasks.filter((t) => t.ownerId !== 'usr_s').sort(newest),
        },
        {
          filter: { order: 'createdAt', shared: { viewerId: 'usr_s', shared: false } },
          expected: tasks.filter((t) => t.ownerId === 'usr_s').sort(newest),
        },
      ];
      await storage.read('acc_a', async (tx) => {
        for (const { filter, expected } of cases) {
          for (const limit of [1, 3, 50]) {
            const seen: Task[] = [];
            let after: [string | number, string] | null = null;
            do {
              const page = await tx.pageTasks(filter, { limit, after });
              assert.equal(page.total, expected.length, JSON.stringify(filter));
              assert.ok(page.items.length <= limit);
              seen.push(...page.items);
              after = page.next;
            } while (after);
            assert.deepEqual(
              seen.map((t) => t.id),
              expected.map((t) => t.id),
              `${JSON.stringify(filter)}, limit ${limit}`,
            );
          }
        }
      });
    });

    test('user lists: every sort, both directions, ties, filters and search page as the in-memory store does', async () => {
      await seedAccount('acc_a');
      const firstNames = [
        'Zoë',
        'zoe',
        'Jürgen',
        'Jurgen',
        'Ada',
        'ada',
        'Åsa',
        'Øystein',
        '李',
        'Émile',
        'Straße',
        "O'Brien",
        'José María',
      ];
      const users: User[] = [];
      for (let i = 0; i < 45; i += 1) {
        const first = firstNames[i % firstNames.length]!;
        users.push(
          user(`usr_${String((i * 7) % 45).padStart(3, '0')}`, {
            firstName: first,
            lastName: i % 4 ? 'Weiß' : 'Lee',
            email: `p${i}.${i % 5 ? 'team' : 'ops'}@example.com`,
            role: (['manager', 'specialist', 'guest'] as const)[i % 3],
            status: i % 4 ? 'active' : 'pending',
            createdAt: at(Math.floor(i / 4)),
            creditsSpent: (i * 13) % 5,
          }),
        );
      }
      await storage.write('acc_a', async (tx) => {
        for (const item of users) await tx.insertUser(item, { passwordHash: null });
      });
      const owner = await storage.read('acc_a', (tx) => tx.owner());
      const store = new Store({
        id: 'acc_a',
        name: 'x',
        planName: 'x',
        seatLimit: 99,
        emailDomain: null,
        passwordMode: 'shared',
        balance: 0,
        tools: [],
        locale: 'en',
        passwordSetAt: null,
      });
      for (const item of [owner, ...users]) store.addUser(item);

      const filters = [
        {},
        { q: 'jurgen weiss' },
        { q: 'ZOE' },
        { q: 'ops' },
        { q: 'strasse' },
        { role: 'guest' },
        { status: 'pending', q: 'lee' },
        { q: 'nobody' },
      ];
      await storage.read('acc_a', async (tx) => {
        for (const sort of SORTS) {
          for (const filter of filters) {
            for (const limit of [1, 4, 200]) {
              let after: [string | number, string] | null = null;
              let pages = 0;
              do {
                const request: Parameters<typeof store.pageUsers>[0] = { ...filter, sort, limit, after };
                const expected: ReturnType<typeof store.pageUsers> = store.pageUsers(request);
                const actual = await tx.pageUsers(request);
                const label: string = `${sort} ${JSON.stringify(filter)} limit ${limit} after ${JSON.stringify(after)}`;
                assert.deepEqual(
                  actual.items.map((u) => u.id),
                  expected.items.map((u) => u.id),
                  label,
                );
                assert.equal(actual.total, expected.total, label);
                assert.deepEqual(actual.next, expected.next, label);
                after = actual.next;
                pages += 1;
              } while (after && pages < 100);
            }
          }
        }
      });
    });

    test('events: insert, page newest first with ties, type and time range, last activity; gone with the profile', async () => {
      await seedAccount('acc_a');
      await storage.write('acc_a', (tx) => tx.insertUser(user('usr_s'), { passwordHash: null }));
      const events = Array.from({ length: 12 }, (_, i) =>
        event(`evt_${String(i).padStart(2, '0')}`, {
          at: at(Math.floor(i / 3)),
          type: i % 2 ? 'signed_in' : 'task_created',
          taskId: i % 2 ? null : `tsk_${i}`,
          taskName: i % 2 ? null : `Task ${i}`,
        }),
      );
      await storage.write('acc_a', async (tx) => {
        for (const item of events) await tx.insertEvent('usr_s', item);
      });
      const newest = [...events].sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : a.id > b.id ? -1 : 1));
      await storage.read('acc_a', async (tx) => {
        const cases = [
          { filter: {}, expected: newest },
          { filter: { type: 'signed_in' }, expected: newest.filter((e) => e.type === 'signed_in') },
          { filter: { from: at(1), to: at(3) }, expected: newest.filter((e) => e.at >= at(1) && e.at < at(3)) },
        ];
        for (const { filter, expected } of cases) {
          const seen: RosterEvent[] = [];
          let after: [string | number, string] | null = null;
          do {
            const page = await tx.pageEvents('usr_s', filter, { limit: 2, after });
            assert.equal(page.total, expected.length);
            seen.push(...page.items);
            after = page.next;
          } while (after);
          assert.deepEqual(seen, expected);
        }
        assert.equal(await tx.lastActiveAt('usr_s'), at(3));
        assert.equal(await tx.lastActiveAt('usr_owner_acc_a'), null);
      });
      await storage.write('acc_a', (tx) => tx.deleteUser('usr_s'));
      assert.equal(Number((await database.query<{ n: number }>('SELECT count(*) AS n FROM events'))[0]!.n), 0);
    });

    test('idempotency records: stored, answered, replaced after 24 hours', async () => {
      await seedAccount('acc_a');
      const record = {
        fingerprint: 'sha256:abc',
        status: 409,
        headers: [['content-type', 'application/problem+json']] as [string, string][],
        body: '{"code":"email_taken"}',
        createdAt: at(0),
      };
      await storage.write('acc_a', (tx) => tx.putIdempotency('usr_owner:POST /users:k1', record));
      assert.deepEqual(await storage.read('acc_a', (tx) => tx.idempotency('usr_owner:POST /users:k1')), record);
      assert.equal(await storage.read('acc_a', (tx) => tx.idempotency('usr_owner:POST /users:k2')), null);
      // A day later the old key may be used afresh; expired records of the account are dropped.
      const later = { ...record, status: 201, fingerprint: 'sha256:def', createdAt: at(24 * 3600 + 1) };
      await storage.write('acc_a', (tx) => tx.putIdempotency('usr_owner:POST /users:k1', later));
      assert.deepEqual(await storage.read('acc_a', (tx) => tx.idempotency('usr_owner:POST /users:k1')), later);
      await storage.write('acc_a', async (tx) => {
        await tx.putIdempotency('old', { ...record, createdAt: at(10) });
        await tx.putIdempotency('new', { ...record, createdAt: at(10 + 24 * 3600 + 1) });
      });
      assert.equal(await storage.read('acc_a', (tx) => tx.idempotency('old')), null);
    });

    test('verification tokens: stored by hash, used, replaced by a resend', async () => {
      await seedAccount('acc_a');
      await storage.write('acc_a', async (tx) => {
        await tx.insertUser(user('usr_p', { status: 'pending' }), { passwordHash: null });
        await tx.insertVerificationToken({
          token: 'h1',
          userId: 'usr_p',
          createdAt: at(0),
          expiresAt: at(7 * 86400),
          usedAt: null,
          replacedAt: null,
        });
        await tx.insertVerificationToken({
          token: 'h0',
          userId: 'usr_p',
          createdAt: at(0),
          expiresAt: at(7 * 86400),
          usedAt: at(1),
          replacedAt: null,
        });
      });
      assert.equal(await storage.accountOfVerificationToken('h1'), 'acc_a');
      assert.equal(await storage.accountOfVerificationToken('nope'), null);
      await storage.write('acc_a', async (tx) => {
        await tx.replaceVerificationTokens('usr_p', at(5));
        await tx.insertVerificationToken({
          token: 'h2',
          userId: 'usr_p',
          createdAt: at(5),
          expiresAt: at(5 + 7 * 86400),
          usedAt: null,
          replacedAt: null,
        });
        await tx.useVerificationToken('h2', at(6));
      });
      await storage.read('acc_a', async (tx) => {
        assert.deepEqual(await tx.verificationToken('h1'), {
          token: 'h1',
          userId: 'usr_p',
          createdAt: at(0),
          expiresAt: at(7 * 86400),
          usedAt: null,
          replacedAt: at(5),
        });
        assert.equal((await tx.verificationToken('h0'))!.replacedAt, null, 'a used link stays used, not replaced');
        assert.equal((await tx.verificationToken('h2'))!.usedAt, at(6));
      });
    });

    test('outbox: mail written in the transaction, delivered oldest first, retried after a failure', async () => {
      await seedAccount('acc_a');
      await seedAccount('acc_b');
      const mail = (id: string, seconds: number) => ({
        id,
        to: `${id}@example.com`,
        subject: 'Confirm',
        text: 'Hello',
        link: `/api/roster/v1/verify/${id}`,
        kind: 'verification' as const,
        userId: 'usr_x',
        createdAt: at(seconds),
        sentAt: null,
      });
      await storage.write('acc_b', (tx) => tx.enqueueMail(mail('mail_2', 2)));
      await storage.write('acc_a', (tx) => tx.enqueueMail({ ...mail('mail_1', 1), html: '<p>Hello</p>' }));
      await assert.rejects(
        storage.write('acc_a', async (tx) => {
          await tx.enqueueMail(mail('mail_3', 3));
          throw new Error('the change failed');
        }),
      );
      assert.deepEqual(
        (await storage.undeliveredMail!(10)).map((m) => [m.id, m.accountId]),
        [
          ['mail_1', 'acc_a'],
          ['mail_2', 'acc_b'],
        ],
      );
      assert.deepEqual((await storage.undeliveredMail!(10))[0], {
        ...mail('mail_1', 1),
        html: '<p>Hello</p>',
        accountId: 'acc_a',
      });
      await storage.markMailSent!('mail_1', at(10));
      await storage.markMailFailed!('mail_2', 'ECONNREFUSED', new Date(Date.now() + 3600_000).toISOString());
      assert.deepEqual(await storage.undeliveredMail!(10), [], 'a failed mail waits for its retry time');
      await storage.markMailFailed!('mail_2', 'ECONNREFUSED', new Date(Date.now() - 1000).toISOString());
      assert.deepEqual(
        (await storage.undeliveredMail!(10)).map((m) => m.id),
        ['mail_2'],
      );
      assert.deepEqual(
        (await storage.mail!('acc_a')).map((m) => [m.id, m.sentAt]),
        [['mail_1', at(10)]],
      );
      assert.deepEqual(
        (await storage.mail!()).map((m) => m.id),
        ['mail_1', 'mail_2'],
      );
    });

    test('audit: entries newest first, filtered, paged', async () => {
      await seedAccount('acc_a');
      const entries: AuditEntry[] = Array.from({ length: 9 }, (_, i) => ({
        id: `aud_${i}`,
        at: at(Math.floor(i / 2)),
        actor: { id: i % 3 ? 'usr_owner_acc_a' : 'usr_m', name: 'Olga Owner' },
        action: i % 2 ? 'user.updated' : 'user.created',
        targetId: i === 8 ? null : `usr_${i % 2}`,
        targetName: i === 8 ? null : 'Ada Lovelace',
        changes:
          i % 2
            ? [
                { field: 'password', from: null, to: null },
                { field: 'role', from: 'guest', to: 'manager' },
              ]
            : [],
      }));
      await storage.write('acc_a', async (tx) => {
        for (const entry of entries) await tx.insertAudit(entry);
      });
      const newest = [...entries].sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : a.id > b.id ? -1 : 1));
      await storage.read('acc_a', async (tx) => {
        const cases = [
          { filter: {}, expected: newest },
          { filter: { actorId: 'usr_m' }, expected: newest.filter((e) => e.actor.id === 'usr_m') },
          {
            filter: { targetId: 'usr_1', action: 'user.updated' },
            expected: newest.filter((e) => e.targetId === 'usr_1'),
          },
          { filter: { from: at(1), to: at(3) }, expected: newest.filter((e) => e.at >= at(1) && e.at < at(3)) },
        ];
        for (const { filter, expected } of cases) {
          const seen: AuditEntry[] = [];
          let after: [string | number, string] | null = null;
          do {
            const page = await tx.pageAudit(filter, { limit: 2, after });
            assert.equal(page.total, expected.length);
            seen.push(...page.items);
            after = page.next;
          } while (after);
          assert.deepEqual(seen, expected);
        }
      });
    });

    test('a write that throws changes nothing; a read cannot write', async () => {
      await seedAccount('acc_a');
      await assert.rejects(
        storage.write('acc_a', async (tx) => {
          await tx.updateAccount({ balance: 1 });
          await tx.insertUser(user('usr_x'), { passwordHash: null });
          throw new Error('refused');
        }),
        /refused/,
      );
      assert.equal((await storage.read('acc_a', (tx) => tx.account())).balance, 1000);
      assert.equal(await storage.read('acc_a', (tx) => tx.user('usr_x')), null);
      await assert.rejects(storage.read('acc_a', (tx) => tx.updateAccount({ balance: 1 })));
      await assert.rejects(
        storage.write('acc_missing', async () => 'never'),
        /No account/,
      );
    });

    test(
      'a lookup outside the account during a write answers (no wait on the single connection)',
      { timeout: 20_000 },
      async () => {
        await seedAccount('acc_a');
        await seedAccount('acc_b');
        await storage.write('acc_b', (tx) =>
          tx.insertUser(user('usr_b', { email: 'bea@example.com' }), { passwordHash: null }),
        );
        const found = await storage.write('acc_a', async (tx) => {
          await tx.updateAccount({ balance: 5 });
          return [
            await storage.accountOfEmail('bea@example.com'),
            await storage.read('acc_a', (inner) => inner.account()),
          ];
        });
        assert.deepEqual(found, ['acc_b', { ...account('acc_a'), balance: 5 }]);
      },
    );

    test('concurrent writes of one account each see the last one: no charge is lost', async () => {
      await seedAccount('acc_a', { balance: 0 });
      await Promise.all(
        Array.from({ length: 20 }, () =>
          storage.write('acc_a', async (tx) => {
            const { balance } = await tx.account();
            await new Promise((resolve) => setImmediate(resolve));
            await tx.updateAccount({ balance: balance + 1 });
          }),
        ),
      );
      assert.equal((await storage.read('acc_a', (tx) => tx.account())).balance, 20);
    });
  });
}

describe('database startup', () => {
  test('a URL that is no PostgreSQL URL is refused in words', async () => {
    await assert.rejects(
      openDatabase({ url: 'not a url' }),
      (error: Error) => error instanceof DatabaseConfigError && /not a valid URL/.test(error.message),
    );
    await assert.rejects(openDatabase({ url: 'mysql://u:p@localhost/db' }), /postgres:\/\//);
  });

  test('an unreachable database is named by host and port, never with its password', async () => {
    await assert.rejects(openDatabase({ url: 'postgres://roster:s3cr3t-pw@127.0.0.1:1/roster' }), (error: Error) => {
      assert.ok(error instanceof DatabaseConfigError);
      assert.match(error.message, /127\.0\.0\.1:1/);
      assert.match(error.message, /ECONNREFUSED/);
      assert.doesNotMatch(error.message, /s3cr3t/);
      return true;
    });
  });

  test('a data directory that cannot be written is refused before PGlite starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roster-'));
    await writeFile(join(dir, 'file'), '');
    await assert.rejects(
      openDatabase({ dataDir: join(dir, 'file', 'data') }),
      (error: Error) =>
        error instanceof DatabaseConfigError &&
        error.message.includes(join(dir, 'file', 'data')) &&
        /ENOTDIR|EEXIST/.test(error.message),
    );
  });
});

// Only with a real server: PGlite is one connection in one process.
if (POSTGRES_URL)
  describe('PostgreSQL across processes', () => {
    let fresh: { url: string; drop: () => Promise<void> };
    before(async () => {
      fresh = await freshPostgresDatabase(POSTGRES_URL!);
    });
    after(async () => {
      await fresh?.drop();
    });

    test('two servers starting together migrate once, without a race', async () => {
      const [one, two] = await Promise.all([openDatabase({ url: fresh.url }), openDatabase({ url: fresh.url })]);
      try {
        const applied = await Promise.all([migrate(one), migrate(two)]);
        assert.deepEqual(
          applied.flat().sort(),
          MIGRATIONS.map((migration) => migration.version),
        );
        const rows = await one.query<{ version: number }>('SELECT version FROM schema_migrations');
        assert.equal(rows.length, MIGRATIONS.length);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });

    test('writes of one account from two servers run one at a time: 20 increments, none lost', async () => {
      const first = createSqlStorage(await openDatabase({ url: fresh.url }));
      const second = createSqlStorage(await openDatabase({ url: fresh.url }));
      try {
        await first.createAccount!(account('acc_race', { balance: 0 }));
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? first : second).write('acc_race', async (tx) => {
              const { balance } = await tx.account();
              // Give the other server time to read the same balance, were the account not locked.
              await new Promise((resolve) => setTimeout(resolve, 5));
              await tx.updateAccount({ balance: balance + 1 });
            }),
          ),
        );
        assert.equal((await first.read('acc_race', (tx) => tx.account())).balance, 20);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    test('the same person in two accounts at once: one insert wins, the other gets EmailTakenError', async () => {
      const first = createSqlStorage(await openDatabase({ url: fresh.url }));
      const second = createSqlStorage(await openDatabase({ url: fresh.url }));
      try {
        await first.createAccount!(account('acc_p1'));
        await first.createAccount!(account('acc_p2'));
        const results = await Promise.allSettled([
          first.write('acc_p1', (tx) =>
            tx.insertUser(user('usr_p1', { email: 'sam@example.com' }), { passwordHash: null }),
          ),
          second.write('acc_p2', (tx) =>
            tx.insertUser(user('usr_p2', { email: 'sam+work@example.com' }), { passwordHash: null }),
          ),
        ]);
        assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
        const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
        assert.ok(refused.reason instanceof EmailTakenError);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
