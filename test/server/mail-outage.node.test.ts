/**
 * Mail leaves only after the transaction that wrote it has committed (PostgreSQL only,
 * ROSTER_TEST_DATABASE_URL: the test holds that transaction open from a second connection).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createRosterServer } from '../../src/server/index.js';
import type { MailTransport } from '../../src/server/mailer.js';
import { POSTGRES_URL, freshPostgresDatabase } from './database-helpers.js';
import { BASE_PATH, SECRET, newTeam, until } from './fixtures/processes.js';

const FROM = '"Roster" <no-reply@roster.test>';

const adminUrl = POSTGRES_URL;
if (adminUrl) {
  describe('mail and the transaction that writes it', () => {
    const cleanup: (() => Promise<unknown> | void)[] = [];
    after(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('a mail leaves only once the change that wrote it is committed, and is recorded as sent', async () => {
      const database = await freshPostgresDatabase(adminUrl);
      cleanup.push(database.drop);
      const watch = new pg.Client({ connectionString: database.url });
      const blocker = new pg.Client({ connectionString: database.url });
      await Promise.all([watch.connect(), blocker.connect()]);
      cleanup.push(() => watch.end(), () => blocker.end());
      // Whether each mail, as it is handed to SMTP, is there for everyone else to see.
      const sends: { id: string; committed: boolean }[] = [];
      const transport: MailTransport = {
        async sendMail(message) {
          const id = /^<([^@]+)@/.exec(message.messageId)![1]!;
          const { rowCount } = await watch.query('SELECT 1 FROM outbox WHERE id = $1', [id]);
          sends.push({ id, committed: rowCount === 1 });
        },
      };
      const server = await createRosterServer({ database: { url: database.url }, auth: { secret: SECRET }, rateLimit: false, logger: false, mail: { transport, from: FROM } });
      cleanup.push(() => server.close());
      const team = await newTeam(server);

      // The request's transaction writes the mail, then deletes expired Idempotency-Keys: a lock
      // on an expired one holds it open, uncommitted, after the mail is written.
      await watch.query(
        `INSERT INTO idempotency_keys (account_id, key, fingerprint, status, headers, body, created_at)
         VALUES ($1, 'expired', '', 201, '[]', '', now() - interval '2 days')`, [team.account.id],
      );
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM idempotency_keys WHERE account_id = $1 AND key = 'expired' FOR UPDATE`, [team.account.id]);
      const created = server.fetch(new Request(`http://roster.test${BASE_PATH}/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json', 'idempotency-key': 'held' },
        body: JSON.stringify({ firstName: 'Hold', lastName: 'On', email: `hold.on@${team.domain}`, role: 'specialist' }),
      }));
      await until(async () => (await watch.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )).rowCount, 'the request to wait for the lock');
      await blocker.query('ROLLBACK');
      assert.equal((await created).status, 201);

      await until(async () => (await server.outbox({ accountId: team.account.id })).every((mail) => mail.sentAt !== null), 'the mail to be recorded as sent');
      assert.equal(sends.length, 1);
      assert.equal(sends[0]!.committed, true, 'the mail was sent before its profile was committed');
    });
  });
}
