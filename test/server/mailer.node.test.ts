import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createLogger } from '../../src/server/log.js';
import { createMailer, type MailQueue, type MailTransport, type QueuedMail } from '../../src/server/mailer.js';

const FROM = '"Roster" <no-reply@roster.test>';
const FAST = { initialMs: 20, maxMs: 200 };

/** Polls `check` until it holds; fails after a generous limit. */
async function until(check: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function outbox(count: number): QueuedMail[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `mail_${String(i + 1).padStart(2, '0')}`,
    accountId: 'acc_1',
    userId: `usr_${i + 1}`,
    kind: 'verification' as const,
    to: `person${i + 1}@example.com`,
    subject: `Confirm your Roster profile #${i + 1}`,
    text: `Open https://roster.test/verify/token-${i + 1} to confirm.`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    sentAt: null,
  }));
}

/** The storage's two mail methods over an array (and, with `claims`, the proposed `claimMail`). */
function fakeStorage(mails: QueuedMail[], { claims = false, leaseMs = 60_000 } = {}) {
  const marks = new Map<string, number>();
  const leases = new Map<string, { owner: string; until: number }>();
  const unsent = () => mails.filter((mail) => mail.sentAt === null);
  const queue: MailQueue & { marks: Map<string, number>; failMarks: number } = {
    marks,
    failMarks: 0,
    async undeliveredMail(limit) {
      return unsent()
        .slice(0, limit)
        .map((mail) => ({ ...mail }));
    },
    async markMailSent(id, at) {
      if (queue.failMarks > 0) {
        queue.failMarks--;
        throw new Error('connection to the database lost');
      }
      marks.set(id, (marks.get(id) ?? 0) + 1);
      mails.find((mail) => mail.id === id)!.sentAt ??= at;
    },
  };
  if (claims) {
    queue.claimMail = async (owner, limit, leaseSeconds) => {
      const now = Date.now();
      const free = unsent().filter((mail) => {
        const lease = leases.get(mail.id);
        return !lease || lease.until < now || lease.owner === owner;
      });
      const batch = free.slice(0, limit);
      for (const mail of batch) leases.set(mail.id, { owner, until: now + Math.min(leaseSeconds * 1000, leaseMs) });
      return batch.map((mail) => ({ ...mail }));
    };
  }
  return queue;
}

/** A real SMTP server on 127.0.0.1 that counts what it received by Message-ID. */
async function smtpServer(received: Map<string, number>, port = 0, onMessage?: (count: number) => void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 5_000,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? 'none';
        received.set(id, (received.get(id) ?? 0) + 1);
        callback();
        onMessage?.([...received.values()].reduce((a, b) => a + b, 0));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function captureLog() {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }), lines };
}

describe('mailer', () => {
  test('every mail arrives exactly once, across an SMTP outage', async () => {
    const mails = outbox(20);
    const storage = fakeStorage(mails);
    const received = new Map<string, number>();
    let stopping: Promise<void> | undefined;
    let first: Awaited<ReturnType<typeof smtpServer>>;
    // The server goes away after the fifth mail, in the middle of the run.
    first = await smtpServer(received, 0, (count) => {
      if (count === 5) stopping = first.close();
    });
    const { logger, lines } = captureLog();
    const mailer = createMailer({
      storage,
      smtp: `smtp://127.0.0.1:${first.port}`,
      from: FROM,
      logger,
      backoff: FAST,
      batchSize: 4,
    });
    let second: Awaited<ReturnType<typeof smtpServer>> | undefined;
    try {
      mailer.kick();
      await until(() => stopping !== undefined, 'the fifth mail');
      await stopping;
      await until(() => lines.some((line) => line.includes('mail delivery paused')), 'a failed attempt');
      const pending = mails.filter((mail) => mail.sentAt === null).length;
      assert.ok(pending > 0 && pending <= 15, `${pending} mails left during the outage`);

      second = await smtpServer(received, first.port);
      await until(() => mails.every((mail) => mail.sentAt !== null), 'every mail to be recorded');
    } finally {
      await mailer.close();
      await (second ?? (stopping ? undefined : first))?.close();
    }
    assert.deepEqual([...received.keys()].sort(), mails.map((mail) => `<${mail.id}@roster.test>`).sort());
    for (const [id, count] of received) assert.equal(count, 1, `${id} arrived ${count} times`);
    for (const mail of mails) assert.equal(storage.marks.get(mail.id), 1, mail.id);
    // The log names mails and users, never their addresses.
    assert.equal(lines.join('\n').includes('@example.com'), false);
    assert.ok(lines.some((line) => line.includes('"mailId":"mail_01"')));
  });

  test('two processes sharing the outbox through claimMail deliver each mail once', async () => {
    const mails = outbox(20);
    const storage = fakeStorage(mails, { claims: true });
    const received = new Map<string, number>();
    const smtp = await smtpServer(received);
    const a = createMailer({ storage, smtp: `smtp://127.0.0.1:${smtp.port}`, from: FROM, backoff: FAST, batchSize: 3 });
    const b = createMailer({ storage, smtp: `smtp://127.0.0.1:${smtp.port}`, from: FROM, backoff: FAST, batchSize: 3 });
    try {
      a.kick();
      b.kick();
      await until(() => mails.every((mail) => mail.sentAt !== null), 'every mail to be recorded');
    } finally {
      await Promise.all([a.close(), b.close()]);
      await smtp.close();
    }
    assert.equal(received.size, 20);
    for (const [id, count] of received) assert.equal(count, 1, `${id} arrived ${count} times`);
  });

  test('close waits for the send in flight, then sends nothing more', async () => {
    const mails = outbox(3);
    const storage = fakeStorage(mails);
    const sent: string[] = [];
    let release!: () => void;
    const transport: MailTransport = {
      sendMail: (message) => {
        sent.push(message.messageId);
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const mailer = createMailer({ storage, transport, from: FROM, backoff: FAST });
    mailer.kick();
    await until(() => sent.length === 1, 'the first send');
    let closed = false;
    const closing = mailer.close().then(() => (closed = true));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(closed, false, 'close returned before the send ended');
    release();
    await closing;
    assert.deepEqual(sent, ['<mail_01@roster.test>']);
    assert.notEqual(mails[0]!.sentAt, null, 'the mail in flight is recorded');
    assert.deepEqual(
      mails.slice(1).map((mail) => mail.sentAt),
      [null, null],
    );
  });

  test('a delivered mail whose record failed is recorded later, never sent again', async () => {
    const mails = outbox(5);
    const storage = fakeStorage(mails);
    storage.failMarks = 2;
    const sent = new Map<string, number>();
    const transport: MailTransport = {
      async sendMail(message) {
        sent.set(message.messageId, (sent.get(message.messageId) ?? 0) + 1);
      },
    };
    const mailer = createMailer({ storage, transport, from: FROM, backoff: FAST });
    try {
      mailer.kick();
      await until(() => mails.every((mail) => mail.sentAt !== null), 'every mail to be recorded');
    } finally {
      await mailer.close();
    }
    assert.equal(sent.size, 5);
    for (const [id, count] of sent) assert.equal(count, 1, `${id} sent ${count} times`);
  });

  test('a mail the SMTP server refuses is retried without holding up the others', async () => {
    const mails = outbox(6);
    const storage = fakeStorage(mails);
    const attempts = new Map<string, number>();
    const transport: MailTransport = {
      async sendMail(message) {
        attempts.set(message.to, (attempts.get(message.to) ?? 0) + 1);
        if (message.to === 'person1@example.com') {
          throw Object.assign(new Error('Mailbox unavailable'), { code: 'EENVELOPE', responseCode: 550 });
        }
      },
    };
    const { logger, lines } = captureLog();
    const mailer = createMailer({ storage, transport, from: FROM, logger, backoff: FAST, batchSize: 2 });
    try {
      mailer.kick();
      await until(() => mails.slice(1).every((mail) => mail.sentAt !== null), 'the other mails');
      await until(() => (attempts.get('person1@example.com') ?? 0) >= 3, 'retries of the refused mail');
    } finally {
      await mailer.close();
    }
    assert.equal(mails[0]!.sentAt, null, 'the refused mail stays in the outbox');
    for (const mail of mails.slice(1)) assert.equal(attempts.get(mail.to), 1);
    assert.ok(lines.some((line) => line.includes('"level":"error"') && line.includes('mail_01')));
  });

  test('a storage without the mail methods, or two transports, is refused at once', () => {
    assert.throws(() => createMailer({ storage: {}, smtp: 'smtp://127.0.0.1:25', from: FROM }), /undeliveredMail/);
    const storage = fakeStorage([]);
    assert.throws(() => createMailer({ storage, from: FROM }), /transport or an smtp URL/);
  });
});
