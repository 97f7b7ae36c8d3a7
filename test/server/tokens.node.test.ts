import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPair, SignJWT } from 'jose';
import { createTokens } from '../../src/server/tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A fake clock in milliseconds. */
function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return {
    now: () => t,
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
}

describe('tokens', () => {
  test('a token issued names its user and account, and verifies', async () => {
    const tokens = createTokens({ secret: SECRET, issuer: 'https://roster.example' });
    const token = await tokens.issue({ accountId: 'acc_1', userId: 'usr_1' });
    assert.deepEqual(await tokens.verify(token), { accountId: 'acc_1', userId: 'usr_1' });
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part!, 'base64url').toString()));
    assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
    assert.equal(payload.sub, 'usr_1');
    assert.equal(payload.acc, 'acc_1');
    assert.equal(payload.aud, 'roster');
    assert.equal(payload.iss, 'https://roster.example');
    assert.equal(payload.exp - payload.iat, 900);
  });

  test('a secret under 32 bytes is refused with a clear error that does not repeat it', () => {
    assert.throws(
      () => createTokens({ secret: 'short-secret' }),
      (error: Error) => {
        assert.match(error.message, /at least 32 bytes/);
        assert.equal(error.message.includes('short-secret'), false);
        return true;
      },
    );
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    assert.doesNotThrow(() => createTokens({ secret: 'ü'.repeat(16) }));
    assert.throws(() => createTokens({ secret: new Uint8Array(31) }), /at least 32 bytes/);
  });

  test('an expired token is refused', async () => {
    const time = clock();
    const tokens = createTokens({ secret: SECRET, now: time.now });
    const token = await tokens.issue({ accountId: 'acc_1', userId: 'usr_1', ttlSeconds: 60 });
    time.advance(59);
    assert.notEqual(await tokens.verify(token), null);
    time.advance(2);
    assert.equal(await tokens.verify(token), null);
  });

  test('alg none is refused', async () => {
    const tokens = createTokens({ secret: SECRET });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const claims = b64({ sub: 'usr_1', acc: 'acc_1', aud: 'roster', exp });
    assert.equal(await tokens.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${claims}.`), null);
    assert.equal(await tokens.verify(`${b64({ alg: 'none' })}.${claims}`), null);
    // A real token's signature moved under a header that claims none.
    const real = (await tokens.issue({ accountId: 'acc_1', userId: 'usr_1' })).split('.');
    assert.equal(await tokens.verify(`${b64({ alg: 'none' })}.${real[1]}.${real[2]}`), null);
  });

  test('other algorithms are refused, even with the same secret', async () => {
    const tokens = createTokens({ secret: SECRET });
    const claims = { acc: 'acc_1' };
    const sign = (alg: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg })
        .setSubject('usr_1')
        .setAudience('roster')
        .setExpirationTime('10m');
    const secret = new TextEncoder().encode(SECRET);
    assert.equal(await tokens.verify(await sign('HS512').sign(secret)), null);
    assert.equal(await tokens.verify(await sign('HS384').sign(secret)), null);
    const { privateKey } = await generateKeyPair('RS256');
    assert.equal(await tokens.verify(await sign('RS256').sign(privateKey)), null);
    // The control: the same claims with HS256 pass.
    assert.notEqual(await tokens.verify(await sign('HS256').sign(secret)), null);
  });

  test('a wrong audience or issuer is refused', async () => {
    const ours = createTokens({ secret: SECRET, issuer: 'roster-a' });
    const otherAudience = createTokens({ secret: SECRET, issuer: 'roster-a', audience: 'billing' });
    const otherIssuer = createTokens({ secret: SECRET, issuer: 'roster-b' });
    const noIssuer = createTokens({ secret: SECRET });
    const claims = { accountId: 'acc_1', userId: 'usr_1' };
    assert.equal(await ours.verify(await otherAudience.issue(claims)), null);
    assert.equal(await otherAudience.verify(await ours.issue(claims)), null);
    assert.equal(await ours.verify(await otherIssuer.issue(claims)), null);
    assert.equal(await ours.verify(await noIssuer.issue(claims)), null);
    assert.notEqual(await ours.verify(await ours.issue(claims)), null);
  });

  test('a token of another secret, a tampered token or a malformed one is refused', async () => {
    const tokens = createTokens({ secret: SECRET });
    const other = createTokens({ secret: `${SECRET}-other` });
    const token = await tokens.issue({ accountId: 'acc_1', userId: 'usr_1' });
    assert.equal(await tokens.verify(await other.issue({ accountId: 'acc_1', userId: 'usr_1' })), null);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    assert.equal(await tokens.verify(`${header}.${b64({ ...claims, acc: 'acc_2' })}.${signature}`), null);
    assert.equal(await tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}AA`), null);
    for (const bad of [
      '',
      'abc',
      'a.b.c',
      `${header}.${payload}`,
      `${token}.extra`,
      `Bearer ${token}`,
      `${header}.!!!.${signature}`,
    ]) {
      assert.equal(await tokens.verify(bad), null, bad);
    }
  });

  test('a token without an account or a user is refused', async () => {
    const tokens = createTokens({ secret: SECRET });
    const secret = new TextEncoder().encode(SECRET);
    const base = () =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setAudience('roster').setExpirationTime('10m');
    assert.equal(await tokens.verify(await base().setSubject('usr_1').sign(secret)), null);
    assert.equal(
      await tokens.verify(
        await new SignJWT({ acc: 'acc_1' })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('roster')
          .setExpirationTime('10m')
          .sign(secret),
      ),
      null,
    );
    assert.equal(
      await tokens.verify(
        await new SignJWT({ acc: 42 })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('usr_1')
          .setAudience('roster')
          .setExpirationTime('10m')
          .sign(secret),
      ),
      null,
    );
    // No expiry at all: refused, a token must end.
    assert.equal(
      await tokens.verify(
        await new SignJWT({ acc: 'acc_1' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('usr_1')
          .setAudience('roster')
          .sign(secret),
      ),
      null,
    );
  });

  test('issue refuses a lifetime that is not a positive whole number of seconds', async () => {
    const tokens = createTokens({ secret: SECRET });
    for (const ttlSeconds of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await assert.rejects(tokens.issue({ accountId: 'acc_1', userId: 'usr_1', ttlSeconds }), RangeError);
    }
  });
});
