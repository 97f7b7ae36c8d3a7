/**
 * Mail through an SMTP outage: the verification mails of 20 new profiles, with the SMTP server
 * going down after the fifth and coming back on its port, each arrive exactly once and the outbox
 * records each as sent. One in-process server (on PostgreSQL when ROSTER_TEST_DATABASE_URL is
 * set, else on PGlite), and two `rosterkit serve` processes both running mailers on one
 * PostgreSQL database. And mail leaves only after the transaction that wrote it has committed.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createLogger } from '../../src/server/log.js';
import { type RosterServer, createRosterServer } from '../../src/server/index.js';
import type { MailTransport } from '../../src/server/mailer.js';
import { POSTGRES_URL, freshDatabase, freshPostgresDatabase } from './database-helpers.js';
import {
  BASE_PATH,
  SECRET,
  type ServerProcess,
  type Team,
  buildCli,
  call,
  localServer,
  newTeam,
  startServerProcess,
  stopProcess,
  until,
} from './fixtures/processes.js';
import { type Received, arrivals, newReceived, smtpServer } from './fixtures/smtp.js';

const FROM = '"Roster" <no-reply@roster.test>';
const PROFILES = 20;

/** Stops the SMTP server after the fifth mail; `restart` brings one up on the same port. */
async function outage(received: Received) {
  let stopped: Promise<void> | undefined;
  const first = await smtpServer(received, {
    onMessage: (count) => {
      if (count === 5) stopped = first.stop();
    },
  });
  let second: Awaited<ReturnType<typeof smtpServer>> | undefined;
  return {
    url: `smtp://127.0.0.1:${first.port}`,
    down: async () => {
      await until(() => stopped !== undefined, 'the fifth mail');
      await stopped;
    },
    restart: async () => {
      second = await smtpServer(received, { port: first.port });
    },
    close: async () => {
      await first.stop();
      await second?.stop();
    },
  };
}

/** Every profile's mail arrived once, and the outbox holds each as sent. */
async function assertDeliveredOnce(reader: RosterServer, team: Team, received: Received, emails: string[]) {
  const outbox = () => reader.outbox({ accountId: team.account.id });
  await until(async () => (await outbox()).every((mail) => mail.sentAt !== null), 'every mail to be recorded as sent');
  await until(() => received.count.size >= PROFILES, 'every mail to arrive');
  const mails = await outbox();
  assert.deepEqual(mails.map((mail) => mail.to).sort(), [...emails].sort(), 'one verification mail per profile');
  for (const [id, count] of received.count) assert.equal(count, 1, `${id} arrived ${count} times`);
  assert.equal(arrivals(received), PROFILES);
  assert.deepEqual([...received.to.values()].sort(), [...emails].sort());
}

// PostgreSQL when there is one, else PGlite: the mailer's queries are the same, and PGlite's
// start would double the time.
for (const target of freshDatabase.targets().slice(-1)) {
  describe(`mail through an SMTP outage, one server on ${target.name}`, () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    after(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('delivers every mail exactly once once the SMTP server is back', async () => {
      const received = newReceived();
      const smtp = await outage(received);
      cleanup.push(smtp.close);
      const database = await freshDatabase(target);
      cleanup.push(database.drop);
      const lines: string[] = [];
      const server = await createRosterServer({
        database: database.options,
        auth: { secret: SECRET },
        rateLimit: false,
        mail: { smtp: smtp.url, from: FROM },
        logger: createLogger({ level: 'info', write: (line) => lines.push(line) }),
      });
      cleanup.push(() => server.close());
      const team = await newTeam(server);

      const emails = Array.from({ length: PROFILES }, (_, i) => `person${i}@${team.domain}`);
      for (const email of emails) {
        const response = await server.fetch(
          new Request(`http://roster.test${BASE_PATH}/users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${team.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ firstName: 'Mia', lastName: 'Mail', email, role: 'specialist' }),
          }),
        );
        assert.equal(response.status, 201, await response.text());
      }
      await smtp.down();
      await until(() => lines.some((line) => line.includes('mail delivery paused')), 'a failed delivery');
      const waiting = (await server.outbox({ accountId: team.account.id })).filter(
        (mail) => mail.sentAt === null,
      ).length;
      assert.ok(waiting > 0 && waiting <= PROFILES - 5, `${waiting} mails wait out the outage`);

      await smtp.restart();
      await assertDeliveredOnce(server, team, received, emails);
    });
  });
}

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
      cleanup.push(
        () => watch.end(),
        () => blocker.end(),
      );
      // Whether each mail, as it is handed to SMTP, is there for everyone else to see.
      const sends: { id: string; committed: boolean }[] = [];
      const transport: MailTransport = {
        async sendMail(message) {
          const id = /^<([^@]+)@/.exec(message.messageId)![1]!;
          const { rowCount } = await watch.query('SELECT 1 FROM outbox WHERE id = $1', [id]);
          sends.push({ id, committed: rowCount === 1 });
        },
      };
      const server = await createRosterServer({
        database: { url: database.url },
        auth: { secret: SECRET },
        rateLimit: false,
        logger: false,
        mail: { transport, from: FROM },
      });
      cleanup.push(() => server.close());
      const team = await newTeam(server);

      // The request's transaction writes the mail, then deletes expired Idempotency-Keys: a lock
      // on an expired one holds it open, uncommitted, after the mail is written.
      await watch.query(
        `INSERT INTO idempotency_keys (account_id, key, fingerprint, status, headers, body, created_at)
         VALUES ($1, 'expired', '', 201, '[]', '', now() - interval '2 days')`,
        [team.account.id],
      );
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM idempotency_keys WHERE account_id = $1 AND key = 'expired' FOR UPDATE`, [
        team.account.id,
      ]);
      const created = server.fetch(
        new Request(`http://roster.test${BASE_PATH}/users`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${team.token}`,
            'content-type': 'application/json',
            'idempotency-key': 'held',
          },
          body: JSON.stringify({
            firstName: 'Hold',
            lastName: 'On',
            email: `hold.on@${team.domain}`,
            role: 'specialist',
          }),
        }),
      );
      await until(
        async () =>
          (
            await watch.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rowCount,
        'the request to wait for the lock',
      );
      await blocker.query('ROLLBACK');
      assert.equal((await created).status, 201);

      await until(
        async () => (await server.outbox({ accountId: team.account.id })).every((mail) => mail.sentAt !== null),
        'the mail to be recorded as sent',
      );
      assert.equal(sends.length, 1);
      assert.equal(sends[0]!.committed, true, 'the mail was sent before its profile was committed');
    });
  });

  describe('mail through an SMTP outage, two server processes on one PostgreSQL', () => {
    const cleanup: (() => Promise<unknown> | void)[] = [];
    after(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('with a mailer in each process, every mail arrives exactly once', async () => {
      const received = newReceived();
      const smtp = await outage(received);
      cleanup.push(smtp.close);
      const [database, cli] = await Promise.all([freshPostgresDatabase(adminUrl), buildCli()]);
      cleanup.push(database.drop, cli.remove);
      const reader = await localServer(database.url);
      cleanup.push(() => reader.close());
      const processes: ServerProcess[] = await Promise.all(
        [0, 1].map(() => startServerProcess(cli.path, { databaseUrl: database.url, smtp: smtp.url })),
      );
      cleanup.push(() => Promise.all(processes.map((server) => stopProcess(server, 'SIGTERM'))));
      const team = await newTeam(reader);
      const emails = Array.from({ length: PROFILES }, (_, i) => `person${i}@${team.domain}`);
      const answers = await Promise.all(
        emails.map((email, i) =>
          call(processes[i % 2]!.origin, team.token, 'POST', '/users', {
            firstName: 'Mia',
            lastName: 'Mail',
            email,
            role: 'specialist',
          }),
        ),
      );
      assert.deepEqual(
        answers.map((answer) => answer.status),
        emails.map(() => 201),
      );
      await smtp.down();
      await until(
        () => processes.some((server) => server.lines.some((line) => line.includes('mail delivery paused'))),
        'a failed delivery',
      );

      await smtp.restart();
      await assertDeliveredOnce(reader, team, received, emails);
    });
  });
}
