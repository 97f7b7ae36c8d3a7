import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReferenceApi } from '../../src/mock/index.js';
import { ipAllowed } from '../../src/sdk/rules.js';
import { OWNER, as, newProfile, verify } from './helpers.js';

const PASSWORD = 'correct horse battery staple';

async function withColleague(allowedIps: string[] = []) {
  const api = createReferenceApi({ account: { passwordMode: 'per-user' } });
  const created = await as(api, OWNER).post('/users', newProfile({ password: PASSWORD, allowedIps }));
  assert.equal(created.status, 201);
  return { api, user: created.body as { id: string; email: string } };
}

describe('sign-in (SPEC, the server and the reference API)', () => {
  it('lets a verified profile in with its own password and records the sign-in', async () => {
    const { api, user } = await withColleague();
    assert.deepEqual(await api.signIn({ email: user.email, password: PASSWORD, ip: '192.0.2.1' }), {
      ok: false,
      reason: 'not_verified',
    });
    await verify(api, user.email);
    const result = await api.signIn({ email: user.email.toUpperCase(), password: PASSWORD, ip: '192.0.2.1' });
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.user.id, user.id);
    const events = await as(api, OWNER).get(`/users/${user.id}/events?type=signed_in`);
    assert.equal(events.body.total, 1);
    assert.equal(events.body.items[0].cost, 0);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const { api, user } = await withColleague();
    await verify(api, user.email);
    assert.deepEqual(await api.signIn({ email: user.email, password: `${PASSWORD}!`, ip: '192.0.2.1' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
    assert.deepEqual(await api.signIn({ email: 'nobody@acme.de', password: PASSWORD, ip: '192.0.2.2' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
    // A +tag variant names the same person but is not the login name.
    const tagged = user.email.replace('@', '+x@');
    assert.deepEqual(await api.signIn({ email: tagged, password: PASSWORD, ip: '192.0.2.3' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('enforces allowed IPs: a profile restricted to 10.0.0.0/8 cannot sign in from 192.0.2.1', async () => {
    const { api, user } = await withColleague(['10.0.0.0/8', '2001:db8::/32']);
    await verify(api, user.email);
    assert.deepEqual(await api.signIn({ email: user.email, password: PASSWORD, ip: '192.0.2.1' }), {
      ok: false,
      reason: 'ip_not_allowed',
    });
    assert.equal((await api.signIn({ email: user.email, password: PASSWORD, ip: '10.1.2.3' })).ok, true);
    assert.equal((await api.signIn({ email: user.email, password: PASSWORD, ip: '::ffff:10.9.9.9' })).ok, true);
    assert.equal((await api.signIn({ email: user.email, password: PASSWORD, ip: '2001:db8:1::7' })).ok, true);
    assert.deepEqual(await api.signIn({ email: user.email, password: PASSWORD, ip: '2001:db9::1' }), {
      ok: false,
      reason: 'ip_not_allowed',
    });
  });

  it('throttles repeated failures per email, and then refuses even the right password', async () => {
    const { api, user } = await withColleague();
    await verify(api, user.email);
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await api.signIn({ email: user.email, password: 'wrong password!', ip: `198.51.100.${i}` })).ok,
        false,
      );
    assert.deepEqual(await api.signIn({ email: user.email, password: PASSWORD, ip: '198.51.100.99' }), {
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('throttles one IP trying many emails', async () => {
    const { api, user } = await withColleague();
    await verify(api, user.email);
    for (let i = 0; i < 20; i++)
      await api.signIn({ email: `guess${i}@acme.de`, password: 'wrong password!', ip: '203.0.113.5' });
    assert.deepEqual(await api.signIn({ email: user.email, password: PASSWORD, ip: '203.0.113.5' }), {
      ok: false,
      reason: 'rate_limited',
    });
    assert.equal((await api.signIn({ email: user.email, password: PASSWORD, ip: '203.0.113.6' })).ok, true);
  });

  it('uses the account password in shared mode', async () => {
    const api = createReferenceApi();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    await verify(api, created.email);
    assert.deepEqual(await api.signIn({ email: created.email, password: PASSWORD, ip: '192.0.2.1' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
    assert.equal((await as(api, OWNER).put('/account/password', { password: PASSWORD })).status, 204);
    assert.equal((await api.signIn({ email: created.email, password: PASSWORD, ip: '192.0.2.1' })).ok, true);
  });
});

describe('ipAllowed', () => {
  it('matches addresses and CIDR ranges of both families, and nothing unparsable', () => {
    assert.equal(ipAllowed('192.0.2.1', []), true);
    assert.equal(ipAllowed('10.255.0.1', ['10.0.0.0/8']), true);
    assert.equal(ipAllowed('11.0.0.1', ['10.0.0.0/8']), false);
    assert.equal(ipAllowed('192.0.2.1', ['192.0.2.1']), true);
    assert.equal(ipAllowed('192.0.2.2', ['192.0.2.1']), false);
    assert.equal(ipAllowed('::ffff:192.0.2.1', ['192.0.2.0/24']), true);
    assert.equal(ipAllowed('2001:DB8::1', ['2001:db8::/32']), true);
    assert.equal(ipAllowed('192.0.2.1', ['::/0']), false, 'families never mix');
    assert.equal(ipAllowed('0.0.0.0', ['0.0.0.0/0']), true);
    for (const odd of ['010.0.0.1', '10.1', '0x0a.0.0.1', '167772161', 'fe80::1%eth0', '', 'localhost', '10.0.0.0/8']) {
      assert.equal(ipAllowed(odd, ['10.0.0.0/8', '0.0.0.0/0']), false, odd);
    }
  });
});
