import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceApi } from '../../src/mock/index.js';
import {
  type Answer,
  BASE,
  OWNER,
  answerOf,
  as,
  assertFieldError,
  assertProblem,
  call,
  newProfile,
  verify,
} from './helpers.js';

/** An account with one active profile per role, and a task the guest is granted. */
async function team(options: Parameters<typeof createReferenceApi>[0] = {}) {
  const api = createReferenceApi(options);
  const task = (await as(api, OWNER).post('/tasks', { toolId: 'rank-tracker', name: 'Shared project' })).body;
  const people = {
    manager: newProfile({ firstName: 'Mona', email: 'mona.manager@acme.de', role: 'manager' }),
    specialist: newProfile({
      firstName: 'Sam',
      email: 'sam.specialist@acme.de',
      role: 'specialist',
      access: { tools: ['site-audit'], tasks: [] },
    }),
    guest: newProfile({
      firstName: 'Gus',
      email: 'gus.guest@acme.de',
      role: 'guest',
      access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: task.id }] },
    }),
  };
  const ids: Record<string, string> = {};
  for (const [role, profile] of Object.entries(people)) {
    const created: Answer = await as(api, OWNER).post(
      '/users',
      options.account?.passwordMode === 'per-user' ? { ...profile, password: 'correct horse battery staple' } : profile,
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    ids[role] = created.body.id;
    await verify(api, profile.email as string);
  }
  return {
    api,
    task,
    ids,
    manager: 'mona.manager@acme.de',
    specialist: 'sam.specialist@acme.de',
    guest: 'gus.guest@acme.de',
  };
}

describe('reference API: authentication and permissions', () => {
  it('answers 401 unauthorized without a token, with an unknown token and for a pending profile', async () => {
    const api = createReferenceApi();
    const missing = await call(api, 'GET', '/me');
    assertProblem(missing, 401, 'unauthorized');
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assertProblem(
      await call(api, 'GET', '/me', { headers: { authorization: 'Bearer forged-token' } }),
      401,
      'unauthorized',
    );
    assertProblem(
      await call(api, 'GET', '/me', { headers: { authorization: api.tokenFor(OWNER) } }),
      401,
      'unauthorized',
    );
    const pending = (await as(api, OWNER).post('/users', newProfile())).body;
    assertProblem(await as(api, pending.email).get('/me'), 401, 'unauthorized');
    assertProblem(await as(api, pending.id).get('/me'), 401, 'unauthorized');
  });

  it('checks authentication before anything else, even a broken body', async () => {
    const api = createReferenceApi();
    assertProblem(await call(api, 'POST', '/users', { body: '{nope' }), 401, 'unauthorized');
  });

  it('hands out permissions per role in GET /me', async () => {
    const { api, manager, specialist, guest } = await team();
    const permissions = async (who: string) => (await as(api, who).get('/me')).body.permissions;
    assert.deepEqual(await permissions(OWNER), ['users:read', 'users:write']);
    assert.deepEqual(await permissions(manager), ['users:read']);
    assert.deepEqual(await permissions(specialist), []);
    assert.deepEqual(await permissions(guest), []);
    const me = (await as(api, OWNER).get('/me')).body;
    assert.equal(me.user.email, OWNER);
    assert.deepEqual(
      Object.keys(me.account).sort(),
      [
        'credits',
        'emailDomain',
        'id',
        'locale',
        'name',
        'passwordMode',
        'plan',
        'seatsUsed',
        'singleProfile',
        'tools',
      ].sort(),
    );
    assert.equal(me.account.locale, 'en');
    assert.deepEqual(me.account.plan, { name: 'Standard', seatLimit: 12 });
    assert.equal(me.account.seatsUsed, 4);
    assert.equal(me.account.tools.length, 3);
  });

  it('lets owner and managers read profiles, and everyone read their own', async () => {
    const { api, ids, manager, specialist, guest } = await team();
    assert.equal((await as(api, manager).get('/users')).status, 200);
    assert.equal((await as(api, manager).get(`/users/${ids.guest}/stats`)).status, 200);
    assertProblem(await as(api, specialist).get('/users'), 403, 'forbidden');
    assertProblem(await as(api, guest).get(`/users/${ids.specialist}`), 403, 'forbidden');
    assertProblem(await as(api, guest).get(`/users/${ids.specialist}/events`), 403, 'forbidden');
    assert.equal((await as(api, guest).get(`/users/${ids.guest}`)).status, 200);
    assert.equal((await as(api, specialist).get(`/users/${ids.specialist}/stats`)).status, 200);
  });

  it('refuses forged writes with 403 forbidden before looking at the body', async () => {
    const { api, ids, manager, specialist, guest } = await team();
    const owner = (await as(api, OWNER).get('/me')).body.user;
    assertProblem(await as(api, guest).post('/users', newProfile({ email: 'new.one@acme.de' })), 403, 'forbidden');
    assertProblem(await as(api, manager).post('/users', {}), 403, 'forbidden');
    assertProblem(await as(api, manager).delete(`/users/${owner.id}`), 403, 'forbidden');
    assertProblem(await as(api, manager).patch(`/users/${ids.specialist}`, { creditLimit: 5 }), 403, 'forbidden');
    assertProblem(await as(api, specialist).patch(`/users/${ids.specialist}`, { creditLimit: null }), 403, 'forbidden');
    assertProblem(await as(api, specialist).post(`/users/${ids.guest}/verification`), 403, 'forbidden');
    assertProblem(
      await as(api, manager).put('/account/password', { password: 'a very long passphrase' }),
      403,
      'forbidden',
    );
    assert.equal((await as(api, OWNER).get('/users')).body.total, 4);
  });

  it('follows SPEC’s order: permission, then account-level refusals, then fields', async () => {
    const api = createReferenceApi({ account: { seatLimit: 1 } });
    assertProblem(await as(api, OWNER).post('/users', { firstName: '' }), 409, 'seat_limit_reached');
  });
});

describe('reference API: verification', () => {
  it('mails a link whose POST verifies without a token, after which the profile can sign in', async () => {
    const api = createReferenceApi();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    const [mail] = api.outbox();
    assert.equal(mail!.to, created.email);
    assert.match(mail!.link!, /^\/api\/roster\/v1\/verify\/[\w-]+$/);
    assert.ok(mail!.text.includes(mail!.link!));
    // A GET (a mail scanner opening the link) changes nothing.
    const opened = await api.handle(new Request(`http://localhost${mail!.link}`));
    assert.equal(opened.status, 200);
    assert.equal((await opened.json()).verified, false);
    assertProblem(await as(api, created.email).get('/me'), 401, 'unauthorized');
    const clicked = await api.handle(new Request(`http://localhost${mail!.link}`, { method: 'POST' }));
    assert.equal(clicked.status, 200);
    assert.equal((await clicked.json()).status, 'active');
    const me = await as(api, created.email).get('/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.status, 'active');
    assert.ok(me.body.user.verifiedAt);
    assert.equal(me.body.user.version, 2);
    // v1.1: single use; a made-up link is not found.
    const again = await api.handle(new Request(`http://localhost${mail!.link}`, { method: 'POST' }));
    assert.equal(again.status, 410);
    assert.equal((await again.json()).code, 'link_used');
    const madeUp = await api.handle(new Request(`${BASE}/verify/made-up`, { method: 'POST' }));
    assert.equal(madeUp.status, 404);
  });

  it('answers a browser with a page whose form verifies, in its language, under a strict CSP', async () => {
    const api = createReferenceApi();
    await as(api, OWNER).post('/users', newProfile());
    const link = `http://localhost${api.outbox()[0]!.link}`;
    const page = await api.handle(
      new Request(link, { headers: { accept: 'text/html', 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } }),
    );
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
    // One script, allowed by its hash (show/hide of the password); nothing inline beyond it.
    assert.doesNotMatch(page.headers.get('content-security-policy')!, /unsafe-inline|unsafe-eval/);
    assert.match(page.headers.get('content-security-policy')!, /script-src 'sha256-[\w+/=]+';/);
    const html = await page.text();
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<form method="post"/);
    assert.equal(html.match(/<script/g)?.length, 1);
    const done = await api.handle(
      new Request(link, {
        method: 'POST',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      }),
    );
    assert.equal(done.status, 200);
    assert.match(await done.text(), /confirmed/);
    const used = await api.handle(new Request(link, { headers: { accept: 'text/html' } }));
    assert.equal(used.status, 410);
    assert.match(await used.text(), /already used/);
  });

  it('resends the link (202) while pending, and refuses once verified (409 already_verified)', async () => {
    const api = createReferenceApi();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    const resent = await as(api, OWNER).post(`/users/${created.id}/verification`);
    assert.equal(resent.status, 202);
    assert.equal(api.outbox().length, 2);
    assert.notEqual(api.outbox()[0]!.link, api.outbox()[1]!.link);
    await verify(api, created.email);
    assertProblem(await as(api, OWNER).post(`/users/${created.id}/verification`), 409, 'already_verified');
    assertProblem(await as(api, OWNER).post('/users/usr_nobody/verification'), 404, 'not_found');
    assert.equal(api.outbox().length, 2);
  });

  it('always sends the verification link; sendWelcomeEmail chooses the welcome wording', async () => {
    const api = createReferenceApi();
    await as(api, OWNER).post('/users', newProfile({ sendWelcomeEmail: true }));
    await as(api, OWNER).post('/users', newProfile({ email: 'quiet.one@acme.de' }));
    const [welcome, plain] = api.outbox();
    assert.equal(welcome!.kind, 'welcome');
    assert.match(welcome!.subject, /Welcome to Acme GmbH/);
    assert.equal(plain!.kind, 'verification');
    assert.ok(plain!.link);
  });
  it('keeps a link valid for 7 days: day 6 verifies, day 8 answers 410 link_expired in JSON and in words', async () => {
    let now = new Date('2025-03-01T09:00:00Z');
    const api = createReferenceApi({ now: () => now });
    const early = (await as(api, OWNER).post('/users', newProfile())).body;
    const late = (await as(api, OWNER).post('/users', newProfile({ email: 'lara.late@acme.de' }))).body;
    const linkOf = (email: string) => `http://localhost${api.outbox().find((mail) => mail.to === email)!.link}`;
    now = new Date('2025-03-07T09:00:00Z');
    assert.equal((await api.handle(new Request(linkOf(early.email), { method: 'POST' }))).status, 200);
    now = new Date('2025-03-09T09:00:00Z');
    assertProblem(
      await answerOf(await api.handle(new Request(linkOf(late.email), { method: 'POST' }))),
      410,
      'link_expired',
    );
    const page = await api.handle(
      new Request(linkOf(late.email), { method: 'POST', headers: { accept: 'text/html' } }),
    );
    assert.equal(page.status, 410);
    assert.match(await page.text(), /This link has expired/);
    assertProblem(await as(api, late.email).get('/me'), 401, 'unauthorized');
    // A resend gives a fresh week.
    assert.equal((await as(api, OWNER).post(`/users/${late.id}/verification`)).status, 202);
    await verify(api, late.email);
  });

  it('replaces older links on a resend: the older one answers 410 link_expired and the page says a newer link was sent', async () => {
    const api = createReferenceApi();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    const older = `http://localhost${api.outbox()[0]!.link}`;
    assert.equal((await as(api, OWNER).post(`/users/${created.id}/verification`)).status, 202);
    const refused = assertProblem(
      await answerOf(await api.handle(new Request(older, { method: 'POST' }))),
      410,
      'link_expired',
    );
    assert.match(refused.detail!, /newer link/);
    const page = await api.handle(new Request(older, { headers: { accept: 'text/html' } }));
    assert.equal(page.status, 410);
    assert.match(await page.text(), /A newer link was sent/);
    assertProblem(await as(api, created.email).get('/me'), 401, 'unauthorized');
    await verify(api, created.email);
    // Used is used, whichever link is tried.
    assertProblem(await answerOf(await api.handle(new Request(older, { method: 'POST' }))), 410, 'link_expired');
  });

  it('never verifies on GET or HEAD, however often a mail scanner opens the link', async () => {
    const api = createReferenceApi();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    const link = `http://localhost${api.outbox()[0]!.link}`;
    for (const accept of [
      'application/json',
      'text/html',
      '*/*',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const opened = await api.handle(new Request(link, { method, headers: { accept } }));
        assert.ok(opened.status === 200 || opened.status === 405, `${method} ${accept}: ${opened.status}`);
      }
    }
    const stored = (await as(api, OWNER).get(`/users/${created.id}`)).body;
    assert.deepEqual([stored.status, stored.verifiedAt, stored.version], ['pending', null, 1]);
    assert.deepEqual((await as(api, OWNER).get('/audit?action=user.verified')).body.items, []);
    assertProblem(await as(api, created.email).get('/me'), 401, 'unauthorized');
    // The link still works once, by POST.
    const posted = await api.handle(new Request(link, { method: 'POST' }));
    assert.equal(posted.status, 200);
    assertProblem(await answerOf(await api.handle(new Request(link, { method: 'POST' }))), 410, 'link_used');
  });
});

describe('reference API: passwords (rule 8)', () => {
  const canary = 'Canary-Passphrase-4711-xyz';

  it('refuses profile passwords in shared mode (422 password_not_allowed)', async () => {
    const api = createReferenceApi();
    const answer = await as(api, OWNER).post('/users', newProfile({ password: canary }));
    const problem = assertProblem(answer, 422, 'password_not_allowed');
    assert.deepEqual(
      problem.errors?.map((error) => error.field),
      ['password'],
    );
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    assertProblem(
      await as(api, OWNER).patch(`/users/${created.id}`, { password: canary }),
      422,
      'password_not_allowed',
    );
  });

  it('lets only the owner set the shared account password, 12–128 characters and not common', async () => {
    const { api, manager } = await team();
    assert.equal((await as(api, OWNER).put('/account/password', { password: canary })).status, 204);
    assertProblem(await as(api, manager).put('/account/password', { password: canary }), 403, 'forbidden');
    assertFieldError(
      await as(api, OWNER).put('/account/password', { password: 'short' }),
      'password',
      'password_too_short',
    );
    assertFieldError(
      await as(api, OWNER).put('/account/password', { password: 'x'.repeat(129) }),
      'password',
      'password_too_long',
    );
    assertProblem(
      await as(api, OWNER).put('/account/password', { password: 'password1234' }),
      422,
      'password_too_weak',
    );
    assertProblem(
      await as(api, OWNER).put('/account/password', { password: OWNER.toUpperCase() }),
      422,
      'password_too_weak',
    );
    assertFieldError(await as(api, OWNER).put('/account/password', {}), 'password', 'required');
  });

  it('checks a password given on creation in per-user mode for length, the email and common ones', async () => {
    const api = createReferenceApi({ account: { passwordMode: 'per-user' } });
    assertFieldError(
      await as(api, OWNER).post('/users', newProfile({ password: 'too short' })),
      'password',
      'password_too_short',
    );
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ password: 'MAX.MUSTERMANN@acme.de' })),
      422,
      'password_too_weak',
    );
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ password: 'qwertzuiop123' })),
      422,
      'password_too_weak',
    );
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ password: 'aaaaaaaaaaaaaaaa' })),
      422,
      'password_too_weak',
    );
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ password: '123456789012345' })),
      422,
      'password_too_weak',
    );
    const created = await as(api, OWNER).post('/users', newProfile({ password: canary }));
    assert.equal(created.status, 201);
    const patched = await as(api, OWNER).patch(`/users/${created.body.id}`, { password: `${canary}-2` });
    assert.equal(patched.status, 200);
    assertProblem(await as(api, OWNER).put('/account/password', { password: canary }), 403, 'forbidden');
  });

  it('never returns, mails or echoes a password', async () => {
    const api = createReferenceApi({ account: { passwordMode: 'per-user' } });
    const seen: string[] = [];
    const created = await as(api, OWNER).post('/users', newProfile({ password: canary }), { 'idempotency-key': 'k' });
    seen.push(JSON.stringify(created.body));
    seen.push(
      JSON.stringify(
        (await as(api, OWNER).post('/users', newProfile({ password: canary }), { 'idempotency-key': 'k' })).body,
      ),
    );
    seen.push(
      JSON.stringify(
        (await as(api, OWNER).post('/users', newProfile({ email: 'x@acme.de', password: `${canary}\n` }))).body,
      ),
    );
    seen.push(
      JSON.stringify(
        (await as(api, OWNER).patch(`/users/${created.body.id}`, { password: canary, firstName: '' })).body,
      ),
    );
    seen.push(JSON.stringify((await as(api, OWNER).get('/users')).body));
    seen.push(JSON.stringify(api.outbox()));
    for (const text of seen) assert.ok(!text.includes('Canary-Passphrase'), text);
  });
});
