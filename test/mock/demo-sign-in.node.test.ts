import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, DEMO_VIEWERS, createReferenceApi } from '../../src/mock/index.js';
import { as } from './helpers.js';

const ZOE = 'zoe.schroeder@nordlicht.de';
const HANNAH = 'hannah.mueller@nordlicht.de';
const OLIVER = 'oliver.brooks@nordlicht.de';

describe('reference API: signing in to the demo data', () => {
  for (const passwordMode of ['per-user', 'shared'] as const) {
    it(`signs in every active demo viewer with DEMO_PASSWORD (${passwordMode} passwords)`, async () => {
      const api = createReferenceApi({ data: 'demo', account: { passwordMode } });
      for (const email of Object.values(DEMO_VIEWERS)) {
        const result = await api.signIn({ email, password: DEMO_PASSWORD, ip: '198.51.100.7' });
        assert.ok(result.ok, `${email}: ${JSON.stringify(result)}`);
        assert.equal(result.user.email, email);
      }
      assert.deepEqual(
        await api.signIn({ email: DEMO_VIEWERS.owner, password: 'not the demo password', ip: '198.51.100.7' }),
        { ok: false, reason: 'invalid_credentials' },
      );
      // Zoë may sign in from 203.0.113.0/24 only; Hannah is still pending.
      assert.ok((await api.signIn({ email: ZOE, password: DEMO_PASSWORD, ip: '203.0.113.7' })).ok);
      assert.deepEqual(await api.signIn({ email: ZOE, password: DEMO_PASSWORD, ip: '198.51.100.7' }), {
        ok: false,
        reason: 'ip_not_allowed',
      });
      assert.deepEqual(await api.signIn({ email: HANNAH, password: DEMO_PASSWORD, ip: '198.51.100.7' }), {
        ok: false,
        reason: 'not_verified',
      });
    });
  }

  it('takes the password mode and seat limit a demo chooses', async () => {
    const shared = await as(
      createReferenceApi({ data: 'demo', account: { passwordMode: 'shared', seatLimit: 11 } }),
      DEMO_VIEWERS.owner,
    ).get('/me');
    assert.equal(shared.body.account.passwordMode, 'shared');
    assert.deepEqual(shared.body.account.plan, { name: 'Standard', seatLimit: 11 });
    const perUser = await as(createReferenceApi({ data: 'demo' }), DEMO_VIEWERS.owner).get('/me');
    assert.equal(perUser.body.account.passwordMode, 'per-user');
  });

  it('leaves Oliver, pending in per-user mode, to choose his own password at verification', async () => {
    const api = createReferenceApi({ data: 'demo' });
    assert.deepEqual(await api.signIn({ email: OLIVER, password: DEMO_PASSWORD, ip: '198.51.100.7' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
    const link = api.outbox().find((mail) => mail.to === OLIVER)!.link!;
    const verify = (password?: string) =>
      api.handle(
        new Request(`http://localhost${link}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(password === undefined ? {} : { password }),
        }),
      );
    assert.equal((await verify()).status, 422, 'a password is required');
    assert.ok((await verify('oliver chooses his own words')).ok);
    assert.ok((await api.signIn({ email: OLIVER, password: 'oliver chooses his own words', ip: '198.51.100.7' })).ok);
  });

  it('changes the shared account password for everyone when the owner sets a new one', async () => {
    const api = createReferenceApi({ data: 'demo', account: { passwordMode: 'shared' } });
    const answer = await as(api, DEMO_VIEWERS.owner).put('/account/password', {
      password: 'a brand new shared phrase',
    });
    assert.equal(answer.status, 204);
    assert.deepEqual(await api.signIn({ email: DEMO_VIEWERS.manager, password: DEMO_PASSWORD, ip: '198.51.100.7' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
    assert.ok(
      (await api.signIn({ email: DEMO_VIEWERS.manager, password: 'a brand new shared phrase', ip: '198.51.100.7' })).ok,
    );
  });
});
