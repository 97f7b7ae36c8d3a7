import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, redact } from '../../src/server/log.js';

const PASSWORD = 'hunter2-correct-horse';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const EMAIL = 'ines.moreau@example.com';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(line),
    now: () => new Date('2026-03-01T12:00:00Z'),
  });
  return { logger, lines, text: () => lines.join('\n') };
}

describe('log', () => {
  test('one JSON line per event: time, level, msg and the fields', () => {
    const { logger, lines } = capture();
    logger.info('user created', { userId: 'usr_1', accountId: 'acc_1', seats: 3 });
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.includes('\n'), false);
    assert.deepEqual(JSON.parse(lines[0]!), {
      time: '2026-03-01T12:00:00.000Z',
      level: 'info',
      msg: 'user created',
      userId: 'usr_1',
      accountId: 'acc_1',
      seats: 3,
    });
  });

  test('levels below the configured one are not written', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).level),
      ['warn', 'error'],
    );
  });

  test('a password, a token, a secret or an email never appears in the output', () => {
    const { logger, text } = capture('debug');
    logger.info('sign-in failed', { password: PASSWORD, email: EMAIL, userId: 'usr_1' });
    logger.warn('request', {
      headers: { Authorization: `Bearer ${TOKEN}`, cookie: `session=${TOKEN}`, 'x-request-id': 'req_1' },
      body: { owner: { firstName: 'Inès', newPassword: PASSWORD, contactEmail: EMAIL }, api_key: PASSWORD },
      nested: [{ accessToken: TOKEN }, { clientSecret: PASSWORD }, { passwordHash: `scrypt$${PASSWORD}` }],
    });
    logger.error('mail failed', {
      to: EMAIL,
      error: new Error(`550 Recipient <${EMAIL}> rejected`),
      raw: `Authorization: Bearer ${TOKEN}`,
    });
    logger.info(`verification sent to ${EMAIL} with ${TOKEN}`);
    logger.child({ token: TOKEN, userId: 'usr_1' }).info('child');
    const out = text();
    for (const secret of [PASSWORD, TOKEN, EMAIL, 'ines.moreau', 'signature'])
      assert.equal(out.includes(secret), false, `${secret} leaked:\n${out}`);
    // What is safe to log is kept.
    for (const kept of ['usr_1', 'req_1', 'Inès', '550 Recipient', 'mail failed']) assert.ok(out.includes(kept), kept);
  });

  test('redact keeps the shape, masks the values, and survives cycles and odd values', () => {
    const cyclic: Record<string, unknown> = { id: 'usr_1' };
    cyclic.self = cyclic;
    assert.deepEqual(redact({ password: 'x', ok: 1, when: new Date(0), big: 10n, fn: () => 1, cyclic }), {
      password: '[redacted]',
      ok: 1,
      when: '1970-01-01T00:00:00.000Z',
      big: '10',
      cyclic: { id: 'usr_1', self: '[circular]' },
    });
    const error = redact(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })) as Record<
      string,
      unknown
    >;
    assert.equal(error.name, 'Error');
    assert.equal(error.code, 'ECONNECTION');
    assert.equal(error.message, 'connect ECONNREFUSED');
  });

  test('a field cannot overwrite the time, level or message', () => {
    const { logger, lines } = capture();
    logger.info('real', { level: 'fake', msg: 'fake', time: 'fake' });
    const line = JSON.parse(lines[0]!);
    assert.equal(line.level, 'info');
    assert.equal(line.msg, 'real');
    assert.equal(line['field.msg'], 'fake');
  });
});
