/**
 * Seats, emails and credits under concurrency, with two server processes (or two in-process
 * servers, two pools) on one PostgreSQL database: nothing counted twice, nothing overdrawn.
 * PostgreSQL only (ROSTER_TEST_DATABASE_URL): PGlite cannot be shared by two processes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { RosterError } from '../../src/sdk/errors.js';
import type { RosterServer } from '../../src/server/index.js';
import { POSTGRES_URL, freshPostgresDatabase } from './database-helpers.js';
import {
  type ServerProcess,
  activeProfile,
  buildCli,
  call,
  localServer,
  newTeam,
  startServerProcess,
  stopProcess,
} from './fixtures/processes.js';

const adminUrl = POSTGRES_URL;
if (adminUrl) {
  describe('two server processes on one PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let cli: Awaited<ReturnType<typeof buildCli>>;
    let local: RosterServer;
    let processes: ServerProcess[] = [];
    let sql: pg.Client;

    before(async () => {
      [database, cli] = await Promise.all([freshPostgresDatabase(adminUrl), buildCli()]);
      // Migrates the database before the processes start.
      local = await localServer(database.url);
      processes = await Promise.all([0, 1].map(() => startServerProcess(cli.path, { databaseUrl: database.url })));
      sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
    });
    after(async () => {
      await Promise.all(processes.map((server) => stopProcess(server)));
      await sql?.end();
      await local?.close();
      await database?.drop();
      cli?.remove();
    });

    it('50 creates racing for the last free seat, spread over both processes: exactly one wins', async () => {
      const team = await newTeam(local, { seatLimit: 2 });
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          call(
            processes[i % 2]!.origin,
            team.token,
            'POST',
            '/users',
            { firstName: 'Seat', lastName: `Seeker ${i}`, email: `seeker${i}@${team.domain}`, role: 'specialist' },
            { 'idempotency-key': `seat-${i}` },
          ),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      assert.equal(statuses.filter((status) => status === 201).length, 1, `statuses: ${statuses.join(' ')}`);
      const refused = answers.filter((answer) => answer.status === 409);
      assert.equal(refused.length, 49);
      for (const answer of refused) assert.equal(answer.body.code, 'seat_limit_reached');
      const { rows } = await sql.query('SELECT count(*)::int AS n FROM users WHERE account_id = $1', [team.account.id]);
      assert.equal(rows[0].n, 2, 'the owner and the one new profile');
    });

    it('one email sent to both processes at once: one profile, the rest email_taken or replays', async () => {
      const team = await newTeam(local);
      const email = `twice@${team.domain}`;
      // Five keys, each sent to both processes.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(
            processes[i % 2]!.origin,
            team.token,
            'POST',
            '/users',
            { firstName: 'Twice', lastName: 'Asked', email, role: 'specialist' },
            { 'idempotency-key': `twice-${i >> 1}` },
          ),
        ),
      );
      const fresh = answers.filter(
        (answer) => answer.status === 201 && answer.headers.get('idempotent-replayed') !== 'true',
      );
      assert.equal(fresh.length, 1, JSON.stringify(answers.map((answer) => [answer.status, answer.body.code])));
      const winner = fresh[0]!.body.id as string;
      for (const answer of answers) {
        if (answer.status === 201) assert.equal(answer.body.id, winner, 'a replay answers the same profile');
        else assert.deepEqual([answer.status, answer.body.code], [409, 'email_taken']);
      }
      const { rows } = await sql.query('SELECT id FROM users WHERE email = $1', [email]);
      assert.deepEqual(
        rows.map((row) => row.id),
        [winner],
      );
    });
  });

  describe('events.record from two servers (two pools) on one PostgreSQL', () => {
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let servers: RosterServer[] = [];

    before(async () => {
      database = await freshPostgresDatabase(adminUrl);
      servers.push(await localServer(database.url));
      servers.push(await localServer(database.url));
    });
    after(async () => {
      await Promise.all(servers.map((server) => server.close()));
      await database?.drop();
    });

    it('200 concurrent charges never overdraw the limit or the balance, and a repeated key charges once', async () => {
      const [a, b] = servers as [RosterServer, RosterServer];
      const team = await newTeam(a, { credits: 1500 });
      const specialist = await activeProfile(a, team, {
        email: `sam@${team.domain}`,
        creditLimit: 600,
        access: { tools: ['rank-tracker'], tasks: [] },
      });
      const manager = await activeProfile(a, team, { email: `mia@${team.domain}`, role: 'manager' });
      // 160 distinct charges of 1 to 20 credits (about 1,700 asked of the specialist, as much of
      // the manager, against 1,500 in the account); 40 of them asked again, through the other server.
      const charges = Array.from({ length: 160 }, (_, i) => ({
        key: `charge-${i}`,
        userId: i % 2 ? manager.id : specialist.id,
        cost: 1 + ((i * 7) % 20),
      }));
      const calls = [...charges, ...charges.filter((_, i) => i % 4 === 0)];
      const answers = await Promise.all(
        calls.map(async (charge, i) => {
          const server = i % 2 ? b : a;
          try {
            const event = await server.events.record({
              accountId: team.account.id,
              userId: charge.userId,
              type: 'task_updated',
              cost: charge.cost,
              description: charge.key,
              idempotencyKey: charge.key,
            });
            return { key: charge.key, event };
          } catch (error) {
            if (!(error instanceof RosterError)) throw error;
            return { key: charge.key, refused: error.code };
          }
        }),
      );
      assert.equal(answers.length, 200);

      // A repeated key has the first answer: the same event, or the same refusal.
      const byKey = new Map<string, string>();
      for (const answer of answers) {
        const outcome = answer.event ? `charged ${answer.event.id}` : answer.refused!;
        assert.equal(byKey.get(answer.key) ?? outcome, outcome, `${answer.key} answered two ways`);
        byKey.set(answer.key, outcome);
      }
      for (const answer of answers)
        if (answer.refused)
          assert.ok(['credit_limit_reached', 'insufficient_credits'].includes(answer.refused), answer.refused);
      assert.ok(
        answers.some((answer) => answer.refused),
        'more was asked than there is: some charges are refused',
      );

      const sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      try {
        const events = (
          await sql.query(
            `SELECT user_id, description, cost::int AS cost FROM events WHERE account_id = $1 AND type = 'task_updated'`,
            [team.account.id],
          )
        ).rows as { user_id: string; description: string; cost: number }[];
        const users = new Map(
          (
            await sql.query('SELECT id, credits_spent::int AS spent FROM users WHERE account_id = $1', [
              team.account.id,
            ])
          ).rows.map((row) => [row.id as string, row.spent as number]),
        );
        const balance = (
          await sql.query('SELECT balance::int AS balance FROM accounts WHERE id = $1', [team.account.id])
        ).rows[0].balance as number;

        const charged = charges.filter((charge) => byKey.get(charge.key)!.startsWith('charged '));
        assert.deepEqual(
          events.map((event) => event.description).sort(),
          charged.map((charge) => charge.key).sort(),
          'one event per charged key',
        );
        const spentBy = (userId: string) =>
          events.filter((event) => event.user_id === userId).reduce((sum, event) => sum + event.cost, 0);
        assert.equal(users.get(specialist.id), spentBy(specialist.id));
        assert.equal(users.get(manager.id), spentBy(manager.id));
        assert.ok(users.get(specialist.id)! <= 600, `the specialist spent ${users.get(specialist.id)} of a 600 limit`);
        assert.ok(balance >= 0, `balance ${balance}`);
        assert.equal(
          1500 - balance,
          spentBy(specialist.id) + spentBy(manager.id),
          'the balance fell by what was charged',
        );
      } finally {
        await sql.end();
      }
    });
  });
}
