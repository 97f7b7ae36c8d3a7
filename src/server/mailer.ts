/**
 * Delivers the outbox. Mail is written in the transaction that causes it (`AccountTx.enqueueMail`);
 * this loop sends it after commit, through nodemailer, and records each delivery with
 * `markMailSent`. It runs when `kick()` is called (after a commit that wrote mail) and every
 * `intervalMs` (mail written by other processes, or left by an earlier run).
 *
 * - Never lost: a mail leaves the outbox only by `markMailSent`, after the SMTP server took it.
 *   A failure is retried with exponential backoff (capped, with jitter), for as long as it takes.
 * - Never twice in one process: one batch at a time, and a mail this process delivered is not
 *   sent again even when recording it failed (the record is retried on its own).
 * - Never twice across processes: with `claimMail` (see `MailQueue`) each process leases a batch
 *   before sending it. Without it, every process that runs a mailer may send the same mail: run
 *   one mailer per database until the storage has it.
 * - A connection failure (SMTP down) pauses all delivery; a rejection of one mail (its recipient
 *   or content) only delays that mail, so one bad address cannot hold up the rest.
 *
 * Every mail carries a Message-ID made from its outbox id: were a process to die between the
 * SMTP server's answer and the record, the copy sent again can still be recognised downstream.
 */
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { OutboxMail } from '../core/storage.js';
import { type Logger, silentLogger } from './log.js';

export type QueuedMail = OutboxMail & { accountId: string };

/** What the mailer needs of `Storage` (its mail methods are optional there). */
export interface MailQueue {
  /** Mail not yet delivered, oldest first, across accounts. */
  undeliveredMail?(limit: number): Promise<QueuedMail[]>;
  markMailSent?(id: string, at: string): Promise<void>;
  /**
   * Proposed for `Storage`: up to `limit` undelivered mails, oldest first, leased to `owner` for
   * `leaseSeconds`. A mail leased to another owner whose lease has not run out is skipped; one
   * leased to `owner` is returned again (its lease renewed). In SQL, one statement:
   * `UPDATE outbox SET claimed_by = $1, claimed_until = now() + $3 * interval '1 second'
   *  WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND (claimed_until IS NULL OR
   *  claimed_until < now() OR claimed_by = $1) ORDER BY created_at, id LIMIT $2
   *  FOR UPDATE SKIP LOCKED) RETURNING …`. When present, the mailer uses it instead of
   * `undeliveredMail`.
   */
  claimMail?(owner: string, limit: number, leaseSeconds: number): Promise<QueuedMail[]>;
}

/** The part of a nodemailer transporter the mailer uses. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
  close?(): void;
}

export interface MailerOptions {
  storage: MailQueue;
  /** A nodemailer transporter (or anything with its `sendMail`). */
  transport?: MailTransport;
  /** Or an SMTP URL (`smtp://user:pass@host:587`): the mailer creates and closes the transport. */
  smtp?: string;
  /** The sender, as nodemailer takes it (`"Roster" <no-reply@roster.example>`). */
  from: string;
  logger?: Logger;
  /** How often to look for mail without a kick. */
  intervalMs?: number;
  /** Mails read per batch. */
  batchSize?: number;
  /** The first retry waits about `initialMs`, doubling up to `maxMs`. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** How long a claimed batch stays ours (with `claimMail`); SMTP timeouts stay well below. */
  leaseSeconds?: number;
}

export interface Mailer {
  /** Look for mail now (call it after a commit that wrote mail). */
  kick(): void;
  /** Stops the loop; waits for a send in flight and its record. */
  close(): Promise<void>;
}

/** Ids remembered at most, so a long-running process does not grow without bound. */
const REMEMBER = 10_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBER) map.delete(map.keys().next().value as K);
}

/** A rejection of this one mail (recipient, sender or content), not of the connection. */
function isMailRejection(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  // 421 is the server closing the channel: a connection failure whatever the command was.
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode !== 421;
}

export function createMailer(options: MailerOptions): Mailer {
  const { storage, from, logger = silentLogger, intervalMs = 30_000, batchSize = 20, leaseSeconds = 120 } = options;
  const { initialMs = 1_000, maxMs = 5 * 60_000 } = options.backoff ?? {};
  const { claimMail, undeliveredMail, markMailSent } = storage;
  if (!markMailSent || !(claimMail || undeliveredMail))
    throw new TypeError('This storage cannot deliver mail: it lacks undeliveredMail and markMailSent.');
  if (!options.transport === !options.smtp) throw new TypeError('Give the mailer either a transport or an smtp URL.');
  const transport: MailTransport =
    options.transport ??
    createTransport({
      url: options.smtp,
      // One kept-open connection: sends are one at a time anyway, and a new connection per mail
      // costs a handshake (about 100 ms even on loopback).
      pool: true,
      maxConnections: 1,
      // Well inside the lease: a send must end (or fail) before another process may claim the mail.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: Math.min(30_000, leaseSeconds * 250),
    });
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'roster.invalid';
  const owner = randomUUID();

  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  /** Connection or storage failures in a row, and when delivery may resume. */
  let pauses = 0;
  let pausedUntil = 0;
  /** Mails the SMTP server refused: how often, and not before when to try again. */
  const refused = new Map<string, { attempts: number; notBefore: number }>();
  /** Delivered by this process (never sent again here) ... */
  const delivered = new Map<string, true>();
  /** ... and of those, the ones whose record failed: id → sentAt. */
  const unrecorded = new Map<string, string>();

  const delay = (attempts: number) => {
    const capped = Math.min(maxMs, initialMs * 2 ** Math.min(attempts - 1, 30));
    return capped / 2 + Math.random() * (capped / 2);
  };

  function pause(error: unknown, fields: Record<string, unknown>): void {
    pauses++;
    const wait = delay(pauses);
    pausedUntil = Date.now() + wait;
    logger.warn('mail delivery paused', { ...fields, attempt: pauses, retryInMs: Math.round(wait), error });
  }

  async function record(id: string, at: string): Promise<void> {
    await markMailSent!.call(storage, id, at);
    unrecorded.delete(id);
  }

  /** One batch; true when more mail may be waiting right away. */
  async function deliverBatch(): Promise<boolean> {
    for (const [id, at] of unrecorded) await record(id, at);
    const now = Date.now();
    const waiting = [...refused.values()].filter((r) => r.notBefore > now).length;
    // Mails waiting out a refusal come back in every read: read past them.
    const limit = batchSize + Math.min(waiting, batchSize * 4);
    const claimedAt = Date.now();
    const mails = claimMail
      ? await claimMail.call(storage, owner, limit, leaseSeconds)
      : await undeliveredMail!.call(storage, limit);
    let sent = 0;
    for (const mail of mails) {
      if (closed) return false;
      if (delivered.has(mail.id) || (refused.get(mail.id)?.notBefore ?? 0) > Date.now()) continue;
      // Claim again rather than start a send the lease might not cover.
      if (claimMail && Date.now() - claimedAt > leaseSeconds * 500) return true;
      const fields = { mailId: mail.id, accountId: mail.accountId, userId: mail.userId, kind: mail.kind };
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html !== undefined && { html: mail.html }),
          messageId: `<${mail.id}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        if (!isMailRejection(error)) {
          pause(error, fields);
          return false;
        }
        const attempts = (refused.get(mail.id)?.attempts ?? 0) + 1;
        const wait = delay(attempts);
        remember(refused, mail.id, { attempts, notBefore: Date.now() + wait });
        // A permanent (5xx) refusal will not heal by itself: someone should look.
        const level = (error as { responseCode: number }).responseCode >= 500 ? 'error' : 'warn';
        logger[level]('mail refused by the SMTP server', {
          ...fields,
          attempt: attempts,
          retryInMs: Math.round(wait),
          error,
        });
        continue;
      }
      const at = new Date().toISOString();
      remember(delivered, mail.id, true);
      unrecorded.set(mail.id, at);
      refused.delete(mail.id);
      pauses = 0;
      sent++;
      logger.info('mail sent', fields);
      await record(mail.id, at);
    }
    return sent > 0 && mails.length === limit;
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      try {
        if (await deliverBatch()) again = true;
        if (Date.now() >= pausedUntil) pauses = 0; // a batch went through without a pause
      } catch (error) {
        // The storage failed (a send failure never throws out of deliverBatch).
        pause(error, { reason: 'storage' });
        return;
      }
    } while (again && !closed && Date.now() >= pausedUntil);
  }

  function schedule(): void {
    clearTimeout(timer);
    const now = Date.now();
    let wait = intervalMs;
    if (pausedUntil > now) wait = pausedUntil - now;
    else for (const { notBefore } of refused.values()) wait = Math.min(wait, Math.max(0, notBefore - now));
    timer = setTimeout(kick, wait);
    timer.unref();
  }

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    // Paused: wait for the end of the pause (timers may fire a little early, so set it again).
    if (Date.now() < pausedUntil) return schedule();
    running = drain().finally(() => {
      running = null;
      if (closed) return;
      if (again && Date.now() >= pausedUntil) kick();
      else schedule();
    });
  }

  async function stop(): Promise<void> {
    closed = true;
    clearTimeout(timer);
    await running;
    for (const [id, at] of unrecorded) {
      await record(id, at).catch((error) =>
        logger.error('delivered mail could not be recorded; another run may send it again', { mailId: id, error }),
      );
    }
    if (!options.transport) transport.close?.();
  }

  // Mail left by an earlier run goes out without waiting for a kick.
  setImmediate(kick);
  let stopping: Promise<void> | undefined;
  return { kick, close: () => (stopping ??= stop()) };
}
