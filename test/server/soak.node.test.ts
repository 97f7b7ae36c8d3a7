/**
 * A soak through process kills: 1,000 writes sent round-robin to two `rosterkit serve` processes
 * on one PostgreSQL database through the SDK (its retries, Idempotency-Keys and If-Match), while
 * each process in turn is killed with SIGKILL and started again on its port. Afterwards nothing
 * acknowledged is missing and nothing is there twice. PostgreSQL only (ROSTER_TEST_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createRosterClient } from '../../src/sdk/index.js';
import type { RosterServer } from '../../src/server/index.js';
import { POSTGRES_URL, freshPostgresDatabase } from './database-helpers.js';
import {
  BASE_PATH,
  type ServerProcess,
  TOOLS,
  buildCli,
  localServer,
  newTeam,
  startServerProcess,
  stopProcess,
  until,
} from './fixtures/processes.js';

const OPERATIONS = 1_000;
const TEAMS = 8;
const WORKERS = 16;
const CREDITS = 1_000_000;

interface Expected {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  deleted: boolean;
}

const adminUrl = POSTGRES_URL;
if (adminUrl) {
  describe('writes through SIGKILLs of two server processes on one PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let cli: Awaited<ReturnType<typeof buildCli>>;
    let local: RosterServer;
    const slots: ServerProcess[] = [];

    before(async () => {
      [database, cli] = await Promise.all([freshPostgresDatabase(adminUrl), buildCli()]);
      local = await localServer(database.url);
      slots.push(...(await Promise.all([0, 1].map(() => startServerProcess(cli.path, { databaseUrl: database.url })))));
    });
    after(async () => {
      await Promise.all(slots.map((server) => stopProcess(server)));
      await local?.close();
      await database?.drop();
      cli?.remove();
    });

    it('loses and doubles nothing: every acknowledged create, patch, task and delete holds exactly once', async () => {
      const started = Date.now();
      // Only owners write profiles; eight accounts keep each owner within the rate limit.
      const teams = await Promise.all(Array.from({ length: TEAMS }, () => newTeam(local, { credits: CREDITS })));

      // A load balancer without health checks: each attempt goes to the next process, dead or not.
      // It also loses the answer to every 25th write after the server gave it, so that the
      // retries meet writes already applied more often than the kills alone would make them.
      let turn = 0;
      let writes = 0;
      let answersLost = 0;
      const route: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        const target = new URL(`${url.pathname}${url.search}`, slots[turn++ % slots.length]!.origin);
        const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
        const response = await fetch(target, {
          method: request.method,
          headers: request.headers,
          body,
          signal: request.signal,
          redirect: 'manual',
        });
        if (request.method !== 'GET' && ++writes % 25 === 0) {
          await response.arrayBuffer();
          answersLost += 1;
          throw new TypeError('fetch failed: the answer was lost on its way back');
        }
        return response;
      };
      const clients = teams.map((team) =>
        createRosterClient({
          baseUrl: `http://roster.invalid${BASE_PATH}`,
          getToken: () => team.token,
          fetch: route,
          timeout: 5_000,
          // Retried until a definitive answer (well past a restart), with the same key or version.
          retry: { limit: 200, delay: 20, backoffLimit: 250 },
        }),
      );

      const users = new Map<string, Expected>();
      const tasks = new Map<string, { id: string; cost: number; accountId: string }>();
      const failures: string[] = [];
      let tickets = 0;
      let acknowledged = 0;
      const op = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
        if (tickets >= OPERATIONS) return undefined;
        tickets += 1;
        try {
          const result = await work();
          acknowledged += 1;
          return result;
        } catch (error) {
          failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
          acknowledged += 1;
          return undefined;
        }
      };

      async function worker(w: number) {
        const team = teams[w % TEAMS]!;
        const client = clients[w % TEAMS]!;
        for (let c = 0; tickets < OPERATIONS; c++) {
          const k = `${w}x${c}`;
          const email = `person.${k}@${team.domain}`;
          const created = await op(`create ${k}`, () =>
            client.users.create(
              {
                firstName: 'Soak',
                lastName: `Person ${k}`,
                email,
                role: 'specialist',
                access: { tools: ['rank-tracker'], tasks: [] },
              },
              { idempotencyKey: `create-${k}` },
            ),
          );
          if (!created) return;
          const expected: Expected = {
            id: created.id,
            email,
            firstName: created.firstName,
            lastName: created.lastName,
            deleted: false,
          };
          users.set(created.id, expected);

          const renamed = await op(`rename ${k}`, () =>
            client.users.update(created.id, { firstName: `Renamed ${k}` }, { version: created.version }),
          );
          if (!renamed) continue;
          expected.firstName = renamed.firstName;

          const tool = TOOLS[c % TOOLS.length]!;
          const task = await op(`task ${k}`, () =>
            client.tasks.create({ toolId: tool.id, name: `Task ${k}` }, { idempotencyKey: `task-${k}` }),
          );
          if (task) tasks.set(task.name, { id: task.id, cost: tool.taskCost, accountId: team.account.id });

          const changed = await op(`change ${k}`, () =>
            client.users.update(created.id, { lastName: `Changed ${k}` }, { version: renamed.version }),
          );
          if (!changed) continue;
          expected.lastName = changed.lastName;

          if (c % 2 === 0) {
            const deleted = await op(`delete ${k}`, () =>
              client.users.delete(created.id, { version: changed.version }).then(() => true),
            );
            if (deleted) expected.deleted = true;
          }
        }
      }

      // Kills one process, then the other, each while writes are in flight, and starts it again on its port.
      let kills = 0;
      async function chaos() {
        for (const [slot, at] of [
          [0, OPERATIONS / 3],
          [1, (2 * OPERATIONS) / 3],
        ] as const) {
          await until(() => acknowledged >= at || working === 0, `${at} operations`, 60_000);
          if (working === 0) return;
          const victim = slots[slot]!;
          victim.child.kill('SIGKILL');
          assert.equal((await victim.exited).signal, 'SIGKILL');
          kills += 1;
          slots[slot] = await startServerProcess(cli.path, { databaseUrl: database.url, port: victim.port });
        }
      }

      let working = WORKERS;
      await Promise.all([
        ...Array.from({ length: WORKERS }, (_, w) => worker(w).finally(() => (working -= 1))),
        chaos(),
      ]);
      const retries = clients.reduce((sum, client) => sum + client.stats.retries, 0);

      const sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      let duplicates = 0;
      let lost = 0;
      const problems: string[] = [];
      try {
        const accountIds = teams.map((team) => team.account.id);
        const ownerIds = new Set(teams.map((team) => team.owner.id));
        const rows = (
          await sql.query('SELECT id, email, first_name, last_name FROM users WHERE account_id = ANY($1)', [accountIds])
        ).rows.filter((row) => !ownerIds.has(row.id));
        const stored = new Map(rows.map((row) => [row.id as string, row]));
        const byEmail = new Map<string, number>();
        for (const row of rows) byEmail.set(row.email, (byEmail.get(row.email) ?? 0) + 1);
        for (const [email, count] of byEmail)
          if (count > 1) {
            duplicates += count - 1;
            problems.push(`${count} profiles of ${email}`);
          }
        const known = new Set([...users.values()].map((user) => user.email));
        for (const row of rows)
          if (!known.has(row.email)) {
            duplicates += 1;
            problems.push(`an unacknowledged profile ${row.email}`);
          }
        for (const user of users.values()) {
          const row = stored.get(user.id);
          if (user.deleted) {
            if (row) {
              lost += 1;
              problems.push(`the deleted ${user.email} is back`);
            }
          } else if (
            !row ||
            row.first_name !== user.firstName ||
            row.last_name !== user.lastName ||
            row.email !== user.email
          ) {
            lost += 1;
            problems.push(
              `${user.email}: expected ${user.firstName} ${user.lastName}, stored ${row ? `${row.first_name} ${row.last_name}` : 'nothing'}`,
            );
          }
        }

        const taskRows = (await sql.query('SELECT id, name FROM tasks WHERE account_id = ANY($1)', [accountIds])).rows;
        const taskCount = new Map<string, number>();
        for (const row of taskRows) taskCount.set(row.name, (taskCount.get(row.name) ?? 0) + 1);
        for (const [name, count] of taskCount) {
          if (count > 1) {
            duplicates += count - 1;
            problems.push(`${count} tasks named ${name}`);
          }
          if (!tasks.has(name)) {
            duplicates += 1;
            problems.push(`an unacknowledged task ${name}`);
          }
        }
        for (const [name, task] of tasks)
          if (!taskRows.some((row) => row.id === task.id)) {
            lost += 1;
            problems.push(`task ${name} missing`);
          }

        for (const team of teams) {
          const own = [...tasks.values()].filter((task) => task.accountId === team.account.id);
          const costs = own.reduce((sum, task) => sum + task.cost, 0);
          const spent = Number(
            (await sql.query('SELECT sum(credits_spent) AS n FROM users WHERE account_id = $1', [team.account.id]))
              .rows[0].n,
          );
          const balance = Number(
            (await sql.query('SELECT balance FROM accounts WHERE id = $1', [team.account.id])).rows[0].balance,
          );
          const charged = (
            await sql.query(`SELECT count(*)::int AS n FROM events WHERE account_id = $1 AND type = 'task_created'`, [
              team.account.id,
            ])
          ).rows[0].n;
          if (spent !== costs || CREDITS - balance !== costs || charged !== own.length) {
            duplicates += 1;
            problems.push(
              `${team.account.id}: tasks cost ${costs}, ${spent} spent, balance fell by ${CREDITS - balance}, ${charged} charges for ${own.length} tasks`,
            );
          }
        }
        console.log(
          `soak: ${tickets} operations (${users.size} creates, ${tasks.size} tasks), ${retries} retries, ${kills} kills, ${answersLost} answers lost, ` +
            `${failures.length} failed, ${duplicates} duplicates, ${lost} lost, ${Date.now() - started} ms`,
        );
      } finally {
        await sql.end();
      }
      assert.deepEqual(failures, [], 'every operation got a definitive, successful answer');
      assert.equal(tickets, OPERATIONS);
      assert.equal(kills, 2);
      assert.deepEqual(problems, []);
      assert.equal(duplicates, 0);
      assert.equal(lost, 0);
      assert.ok(retries > 0, 'the kills interrupted requests that the client retried');
    });
  });
}
