/**
 * Graceful shutdown of `rosterkit serve`: SIGTERM while requests are in flight lets them finish
 * (201), refuses later ones, and the process exits 0. The requests are held in flight by a lock
 * on their account row taken from the test, so SIGTERM lands while they run. PostgreSQL only
 * (ROSTER_TEST_DATABASE_URL): the test needs a second connection to the server's database.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { POSTGRES_URL, freshPostgresDatabase } from './database-helpers.js';
import { buildCli, call, localServer, newTeam, startServerProcess, stopProcess, until } from './fixtures/processes.js';

const adminUrl = POSTGRES_URL;
if (adminUrl) {
  describe('graceful shutdown of a server process', () => {
    const cleanup: (() => Promise<unknown> | void)[] = [];
    after(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('SIGTERM lets the requests in flight finish, refuses later ones and exits 0', async () => {
      const [database, cli] = await Promise.all([freshPostgresDatabase(adminUrl), buildCli()]);
      cleanup.push(database.drop, cli.remove);
      const local = await localServer(database.url);
      cleanup.push(() => local.close());
      const team = await newTeam(local);
      const server = await startServerProcess(cli.path, { databaseUrl: database.url });
      cleanup.push(() => stopProcess(server));

      const lock = new pg.Client({ connectionString: database.url });
      const watch = new pg.Client({ connectionString: database.url });
      await Promise.all([lock.connect(), watch.connect()]);
      cleanup.push(
        () => lock.end(),
        () => watch.end(),
      );
      await lock.query('BEGIN');
      await lock.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [team.account.id]);

      const create = (name: string) =>
        call(server.origin, team.token, 'POST', '/users', {
          firstName: 'Late',
          lastName: name,
          email: `${name.toLowerCase()}@${team.domain}`,
          role: 'specialist',
        });
      const inFlight = ['Anna', 'Ben', 'Carla', 'Dirk', 'Eva'].map(create);
      await until(async () => {
        const { rows } = await watch.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0].n >= inFlight.length;
      }, 'the requests to wait for the account row');

      server.child.kill('SIGTERM');
      await until(
        () => server.lines.some((line) => line.includes('"msg":"stopping"')),
        'the process to begin stopping',
      );
      // Refused, or answered without being served: never taken on.
      const refused = async (name: string) => {
        const outcome = await create(name).then(
          (answer) => answer.status,
          (error: Error) => (error.cause as { code?: string })?.code ?? error.message,
        );
        assert.ok(typeof outcome === 'string' || outcome >= 500, `a request after SIGTERM got ${outcome}`);
      };
      await refused('Fritz');

      await lock.query('COMMIT');
      const answers = await Promise.all(inFlight);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [201, 201, 201, 201, 201],
        JSON.stringify(answers.map((answer) => answer.body)),
      );
      // Nor on a connection that served a request in flight (fetch keeps it for the next one).
      await refused('Greta');
      assert.deepEqual(await server.exited, { code: 0, signal: null });

      const { rows } = await watch.query(
        'SELECT last_name FROM users WHERE account_id = $1 AND role <> $2 ORDER BY last_name',
        [team.account.id, 'owner'],
      );
      assert.deepEqual(
        rows.map((row) => row.last_name),
        ['Anna', 'Ben', 'Carla', 'Dirk', 'Eva'],
      );
    });
  });
}
