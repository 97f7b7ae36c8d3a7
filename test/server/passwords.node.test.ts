import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from '../../src/server/passwords.js';

describe('passwords', () => {
  test('a hash verifies its password and no other', async () => {
    const stored = await hashPassword('correct horse battery staple');
    assert.match(stored, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(stored.includes('correct horse'), false);
    assert.equal(await verifyPassword('correct horse battery staple', stored), true);
    assert.equal(await verifyPassword('correct horse battery stapl', stored), false);
    assert.equal(await verifyPassword('', stored), false);
    assert.equal(needsRehash(stored), false);
  });

  test('the same password gets a new salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password twice'), hashPassword('same password twice')]);
    assert.notEqual(a, b);
  });

  test('unicode passwords round-trip, composed or decomposed alike', async () => {
    const composed = 'Grüße aus Köln 🔐 пароль';
    const stored = await hashPassword(composed);
    assert.equal(await verifyPassword(composed, stored), true);
    assert.equal(await verifyPassword(composed.normalize('NFD'), stored), true);
    assert.equal(await verifyPassword('Gruße aus Köln 🔐 пароль', stored), false);
  });

  test('a tampered or foreign string is refused, never thrown on', async () => {
    const stored = await hashPassword('a long enough password');
    const parts = stored.split('$');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const tampered = [
      parts.with(5, flip(parts[5]!)).join('$'), // the hash
      parts.with(4, flip(parts[4]!)).join('$'), // the salt
      parts.with(1, '16384').join('$'), // a cheaper cost
      parts.with(1, String(2 ** 20)).join('$'), // a cost the server would not pay
      parts.with(2, '0').join('$'),
      parts.with(0, 'bcrypt').join('$'),
      parts.slice(0, 5).join('$'),
      `${stored}$extra`,
      parts.with(5, parts[5]!.slice(0, 10)).join('$'), // a truncated hash
      parts.with(5, '!!!').join('$'),
      '',
      '$2b$10$abcdefghijklmnopqrstuv',
    ];
    for (const value of tampered) {
      assert.equal(await verifyPassword('a long enough password', value), false, value);
    }
    assert.equal(needsRehash('scrypt$16384$8$1$' + parts[4] + '$' + parts[5]), true);
  });

  test('dummyVerify answers false and costs about what a real verification costs', async () => {
    const stored = await hashPassword('some password here');
    const time = async (work: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 3; i++) await work();
      return Number(process.hrtime.bigint() - start) / 3e6;
    };
    assert.equal(await dummyVerify('anything'), false);
    const real = await time(() => verifyPassword('some password here', stored));
    const dummy = await time(() => dummyVerify('some password here'));
    // The same scrypt work: generous bounds, as the machine is shared.
    assert.ok(dummy > real / 3 && dummy < real * 3, `real ${real} ms, dummy ${dummy} ms`);
  });
});
