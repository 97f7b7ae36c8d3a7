import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceApi } from '../../src/mock/index.js';
import { OWNER, as, assertFieldError, assertProblem, call, newProfile, verify } from './helpers.js';

const fresh = (options: Parameters<typeof createReferenceApi>[0] = {}) => createReferenceApi(options);

async function seedTask(api: ReturnType<typeof fresh>, toolId = 'rank-tracker', name = 'Project') {
  const answer = await as(api, OWNER).post('/tasks', { toolId, name });
  assert.equal(answer.status, 201);
  return answer.body as { id: string; toolId: string };
}

describe('reference API: profiles', () => {
  it('creates a pending profile with defaults, ETag and Location', async () => {
    const api = fresh();
    const answer = await as(api, OWNER).post(
      '/users',
      newProfile({ firstName: '  Zoë ', phone: '+49 (0)30 1234-567' }),
    );
    assert.equal(answer.status, 201);
    const user = answer.body;
    assert.equal(user.firstName, 'Zoë');
    assert.equal(user.status, 'pending');
    assert.equal(user.verifiedAt, null);
    assert.equal(user.version, 1);
    assert.equal(user.phone, '+49301234567');
    assert.equal(user.creditLimit, null);
    assert.equal(user.creditsSpent, 0);
    assert.deepEqual(user.access, { tools: [], tasks: [] });
    assert.equal(answer.headers.get('etag'), '"1"');
    assert.equal(answer.headers.get('location'), `/api/roster/v1/users/${user.id}`);
    const read = await as(api, OWNER).get(`/users/${user.id}`);
    assert.deepEqual(read.body, user);
    assert.equal(read.headers.get('etag'), '"1"');
  });

  it('stores the email lower-cased and finds duplicates case-insensitively (409 email_taken)', async () => {
    const api = fresh();
    const first = await as(api, OWNER).post('/users', newProfile({ email: 'Max.Mustermann@ACME.de' }));
    assert.equal(first.body.email, 'max.mustermann@acme.de');
    const again = await as(api, OWNER).post(
      '/users',
      newProfile({ email: 'MAX.MUSTERMANN@acme.de', firstName: 'Other' }),
    );
    const problem = assertProblem(again, 409, 'email_taken');
    assert.deepEqual(
      problem.errors?.map((error) => [error.field, error.code]),
      [['email', 'email_taken']],
    );
  });

  it('takes an address as taken when it differs only in its +tag, either way round (409 email_taken)', async () => {
    const api = fresh();
    const ines = await as(api, OWNER).post('/users', newProfile({ email: 'Ines+Test@acme.de' }));
    assert.equal(ines.status, 201);
    assert.equal(ines.body.email, 'ines+test@acme.de', 'stored as given, lower-cased, tag and all');
    const max = await as(api, OWNER).post('/users', newProfile({ email: 'max@acme.de' }));
    assert.equal(max.status, 201);
    for (const email of [
      'ines@acme.de',
      'INES+test@acme.de',
      'ines+other@acme.de',
      'ines+@acme.de',
      'max+tools@acme.de',
      'Max+a+b@ACME.de',
      'olivia.owner+roster@acme.de',
    ]) {
      const answer = await as(api, OWNER).post('/users', newProfile({ email, firstName: 'Again' }));
      const problem = assertProblem(answer, 409, 'email_taken');
      assert.deepEqual(
        problem.errors?.map((error) => [error.field, error.code]),
        [['email', 'email_taken']],
        email,
      );
    }
    // Other people whose addresses merely start alike are not the same person.
    for (const email of ['ines.test@acme.de', 'ines-test@acme.de', 'maxi+tools@acme.de']) {
      assert.equal((await as(api, OWNER).post('/users', newProfile({ email }))).status, 201, email);
    }
    // Deleting the profile frees the person's every address.
    assert.equal(
      (await as(api, OWNER).delete(`/users/${ines.body.id}?tasks=delete`, { 'if-match': '"1"' })).status,
      204,
    );
    assert.equal((await as(api, OWNER).post('/users', newProfile({ email: 'ines@acme.de' }))).status, 201);
  });

  it('refuses role addresses, also before a +tag, but not first names on the list (422 email_role_address)', async () => {
    const api = fresh();
    for (const email of [
      'support@acme.de',
      'Info@acme.de',
      'admin+tools@acme.de',
      'office@acme.de',
      'sales@acme.de',
      'student@acme.de',
      'team@acme.de',
      'noreply@acme.de',
      'vertrieb@acme.de',
    ]) {
      assertProblem(await as(api, OWNER).post('/users', newProfile({ email })), 422, 'email_role_address');
    }
    for (const local of ['per', 'paris', 'sydney', 'alexa']) {
      const answer = await as(api, OWNER).post('/users', newProfile({ email: `${local}@acme.de` }));
      assert.equal(answer.status, 201, `${local}: ${JSON.stringify(answer.body)}`);
    }
  });

  it('refuses free-mail domains (422 email_freemail) and other domains (422 email_domain_mismatch)', async () => {
    const api = fresh();
    for (const email of ['max@gmail.com', 'max@outlook.com', 'max@gmx.de', 'max@web.de', 'max@t-online.de']) {
      assertProblem(await as(api, OWNER).post('/users', newProfile({ email })), 422, 'email_freemail');
    }
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ email: 'max@acme.com' })),
      422,
      'email_domain_mismatch',
    );
  });

  it('gives an email exactly one code, the first of: invalid, role, free-mail, domain, taken', async () => {
    const api = fresh();
    const codeFor = async (email: string) =>
      (await as(api, OWNER).post('/users', newProfile({ email }))).body.errors
        .filter((error: { field: string }) => error.field === 'email')
        .map((error: { code: string }) => error.code);
    assert.deepEqual(await codeFor('info@gmail.com'), ['email_role_address']);
    assert.deepEqual(await codeFor('max@@gmail.com'), ['invalid_email']);
    assert.deepEqual(await codeFor('max@gmx.de'), ['email_freemail']);
    assert.deepEqual(await codeFor('olivia.owner@acme.com'), ['email_domain_mismatch']);
    assert.deepEqual(await codeFor('OLIVIA.OWNER@acme.de'), ['email_taken']);
  });

  it('accepts any company domain when the account has none (emailDomain null)', async () => {
    const api = fresh({ account: { emailDomain: null } });
    assert.equal((await as(api, OWNER).post('/users', newProfile({ email: 'max@partner.example.org' }))).status, 201);
    assertProblem(await as(api, OWNER).post('/users', newProfile({ email: 'max@gmail.com' })), 422, 'email_freemail');
  });

  it('keeps an account whose owner signed up with free-mail or a role address to one profile (409 single_profile_account)', async () => {
    for (const email of ['olivia@gmail.com', 'info@acme.de']) {
      const api = fresh({ owner: { firstName: 'Olivia', lastName: 'Owner', email } });
      const me = await as(api, email).get('/me');
      assert.equal(me.body.account.singleProfile, true);
      // Account-level refusals come before fields: even an empty body gets this code.
      assertProblem(await as(api, email).post('/users', {}), 409, 'single_profile_account');
    }
    const personal = await as(fresh(), OWNER).get('/me');
    assert.equal(personal.body.account.singleProfile, false);
  });

  it('counts pending profiles against the seat limit (409 seat_limit_reached)', async () => {
    const api = fresh({ account: { seatLimit: 3 } });
    assert.equal((await as(api, OWNER).post('/users', newProfile({ email: 'a.b@acme.de' }))).status, 201);
    assert.equal((await as(api, OWNER).post('/users', newProfile({ email: 'c.d@acme.de' }))).status, 201);
    const full = await as(api, OWNER).post('/users', newProfile({ email: 'e.f@acme.de', firstName: '' }));
    assertProblem(full, 409, 'seat_limit_reached');
    assert.equal((await as(api, OWNER).get('/me')).body.account.seatsUsed, 3);
  });

  it('trims names and refuses empty, letterless, control-character and over-long ones with field errors', async () => {
    const api = fresh();
    const answer = await as(api, OWNER).post('/users', newProfile({ firstName: '   ', lastName: '1234' }));
    const problem = assertProblem(answer, 422, 'validation_failed');
    assertFieldError(answer, 'firstName', 'required');
    assertFieldError(answer, 'lastName', 'name_needs_letter');
    assert.equal(problem.errors?.length, 2);
    assertFieldError(
      await as(api, OWNER).post('/users', newProfile({ firstName: 'Max\nMoritz' })),
      'firstName',
      'control_characters',
    );
    assertFieldError(
      await as(api, OWNER).post('/users', newProfile({ lastName: 'x'.repeat(101) })),
      'lastName',
      'too_long',
    );
    const longest = await as(api, OWNER).post('/users', newProfile({ lastName: '葵'.repeat(100) }));
    assert.equal(longest.status, 201);
  });

  it('reports a missing field as required and a wrong type as invalid_type', async () => {
    const answer = await as(fresh(), OWNER).post('/users', { firstName: 7, lastName: 'X', email: 'x.y@acme.de' });
    assertFieldError(answer, 'firstName', 'invalid_type');
    assertFieldError(answer, 'role', 'required');
  });

  it('answers a body that is not JSON with 422 validation_failed, never a crash', async () => {
    const answer = await call(fresh(), 'POST', '/users', { as: OWNER, body: '{"firstName": ' });
    assertProblem(answer, 422, 'validation_failed');
  });

  it('normalises phones to E.164 and refuses unreadable ones', async () => {
    const api = fresh();
    const created = await as(api, OWNER).post('/users', newProfile({ phone: '0049 40 300 2010' }));
    assert.equal(created.body.phone, '+49403002010');
    assertFieldError(
      await as(api, OWNER).post('/users', newProfile({ email: 'p.q@acme.de', phone: '030 123' })),
      'phone',
      'invalid_phone',
    );
    const cleared = await as(api, OWNER).patch(`/users/${created.body.id}`, { phone: '' });
    assert.equal(cleared.body.phone, null);
  });

  it('allows a credit limit only for specialists, as a whole number ≥ 0 or null (rule 9)', async () => {
    const api = fresh();
    const task = await seedTask(api);
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ role: 'manager', creditLimit: 100 })),
      422,
      'credit_limit_not_allowed',
    );
    assertFieldError(
      await as(api, OWNER).post('/users', newProfile({ creditLimit: -1 })),
      'creditLimit',
      'invalid_credit_limit',
    );
    assertFieldError(
      await as(api, OWNER).post('/users', newProfile({ creditLimit: 2.5 })),
      'creditLimit',
      'invalid_credit_limit',
    );
    const specialist = await as(api, OWNER).post('/users', newProfile({ creditLimit: 0 }));
    assert.equal(specialist.body.creditLimit, 0);
    // On PATCH the rule holds for the merged profile: a role change keeps the stored limit.
    const toGuest = await as(api, OWNER).patch(`/users/${specialist.body.id}`, {
      role: 'guest',
      access: { tools: [], tasks: [{ toolId: task.toolId, taskId: task.id }] },
    });
    assertProblem(toGuest, 422, 'credit_limit_not_allowed');
    const cleared = await as(api, OWNER).patch(`/users/${specialist.body.id}`, {
      role: 'guest',
      creditLimit: null,
      access: { tools: [], tasks: [{ toolId: task.toolId, taskId: task.id }] },
    });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.role, 'guest');
    const manager = await as(api, OWNER).post('/users', newProfile({ email: 'm.m@acme.de', role: 'manager' }));
    assertProblem(
      await as(api, OWNER).patch(`/users/${manager.body.id}`, { creditLimit: 50 }),
      422,
      'credit_limit_not_allowed',
    );
  });

  it('requires a task for guests on create, on PATCH and on a role change (422 guest_requires_task)', async () => {
    const api = fresh();
    const task = await seedTask(api);
    const ref = { toolId: task.toolId, taskId: task.id };
    const missing = await as(api, OWNER).post('/users', newProfile({ role: 'guest' }));
    const problem = assertProblem(missing, 422, 'guest_requires_task');
    assert.deepEqual(
      problem.errors?.map((error) => error.field),
      ['access.tasks'],
    );
    const guest = await as(api, OWNER).post(
      '/users',
      newProfile({ role: 'guest', access: { tools: [], tasks: [ref] } }),
    );
    assert.equal(guest.status, 201);
    assertProblem(
      await as(api, OWNER).patch(`/users/${guest.body.id}`, { access: { tools: [], tasks: [] } }),
      422,
      'guest_requires_task',
    );
    const specialist = await as(api, OWNER).post('/users', newProfile({ email: 's.s@acme.de' }));
    assertProblem(
      await as(api, OWNER).patch(`/users/${specialist.body.id}`, { role: 'guest' }),
      422,
      'guest_requires_task',
    );
  });

  it('keeps a manager’s explicit grants but refuses grants of unknown tools and tasks', async () => {
    const api = fresh();
    const task = await seedTask(api, 'site-audit');
    const manager = await as(api, OWNER).post(
      '/users',
      newProfile({
        role: 'manager',
        access: { tools: ['site-audit'], tasks: [{ toolId: 'site-audit', taskId: task.id }] },
      }),
    );
    assert.deepEqual(manager.body.access, {
      tools: ['site-audit'],
      tasks: [{ toolId: 'site-audit', taskId: task.id }],
    });
    const unknown = await as(api, OWNER).post(
      '/users',
      newProfile({
        email: 'u.u@acme.de',
        access: {
          tools: ['rank-tracker', 'no-such-tool'],
          tasks: [
            { toolId: 'rank-tracker', taskId: task.id },
            { toolId: 'site-audit', taskId: 'tsk_missing' },
          ],
        },
      }),
    );
    assertProblem(unknown, 422, 'validation_failed');
    assertFieldError(unknown, 'access.tools.1', 'unknown_tool');
    assertFieldError(unknown, 'access.tasks.0', 'unknown_task');
    assertFieldError(unknown, 'access.tasks.1', 'unknown_task');
  });

  it('stores allowed IPs canonical and refuses ambiguous ones, suggesting the network for host bits', async () => {
    const api = fresh();
    const created = await as(api, OWNER).post(
      '/users',
      newProfile({ allowedIps: ['::fFFf:127.0.0.1', '2001:DB8:0:0:0:0:0:1', '10.0.0.0/8'] }),
    );
    assert.deepEqual(created.body.allowedIps, ['127.0.0.1', '2001:db8::1', '10.0.0.0/8']);
    const refused = await as(api, OWNER).post(
      '/users',
      newProfile({
        email: 'i.p@acme.de',
        allowedIps: ['127.1', '01200034567', '012.1.2.3', '0x7F.1', 'fe80::1%eth0', '10.1.2.3/8'],
      }),
    );
    for (const index of [0, 1, 2, 3, 4]) assertFieldError(refused, `allowedIps.${index}`, 'invalid_ip');
    assertFieldError(refused, 'allowedIps.5', 'ip_host_bits_set');
    const hostBits = refused.body.errors.find((error: { field: string }) => error.field === 'allowedIps.5');
    assert.match(hostBits.message, /10\.0\.0\.0\/8/);
  });

  it('patches fields, bumps the version and keeps unmentioned fields', async () => {
    const api = fresh();
    const created = (await as(api, OWNER).post('/users', newProfile({ creditLimit: 100 }))).body;
    const patched = await as(api, OWNER).patch(`/users/${created.id}`, {
      lastName: ' Musterfrau ',
      notifications: { creditsLow: false },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.lastName, 'Musterfrau');
    assert.equal(patched.body.version, 2);
    assert.equal(patched.body.creditLimit, 100);
    assert.deepEqual(patched.body.notifications, { taskUpdates: true, reportReady: true, creditsLow: false });
    assert.equal(patched.headers.get('etag'), '"2"');
    const same = await as(api, OWNER).patch(`/users/${created.id}`, { lastName: 'Musterfrau' });
    assert.equal(same.body.version, 2, 'a PATCH that changes nothing keeps the version');
  });

  it('refuses a changed email on PATCH (email_immutable) and changes nothing', async () => {
    const api = fresh();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    const answer = await as(api, OWNER).patch(`/users/${created.id}`, { email: 'new.name@acme.de', firstName: 'New' });
    assertProblem(answer, 422, 'validation_failed');
    assertFieldError(answer, 'email', 'email_immutable');
    assert.deepEqual((await as(api, OWNER).get(`/users/${created.id}`)).body, created);
  });

  it('never changes the owner’s role (409 owner_immutable) and never deletes the owner', async () => {
    const api = fresh();
    const me = (await as(api, OWNER).get('/me')).body.user;
    assertProblem(await as(api, OWNER).patch(`/users/${me.id}`, { role: 'manager' }), 409, 'owner_immutable');
    assertProblem(await as(api, OWNER).delete(`/users/${me.id}`), 409, 'owner_immutable');
    const renamed = await as(api, OWNER).patch(`/users/${me.id}`, { firstName: 'Liv' });
    assert.equal(renamed.body.role, 'owner');
    assert.equal(renamed.body.firstName, 'Liv');
  });

  it('applies If-Match: a stale version gets 412 version_conflict and changes nothing', async () => {
    const api = fresh();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    const first = await as(api, OWNER).patch(`/users/${created.id}`, { firstName: 'Erste' }, { 'if-match': '"1"' });
    assert.equal(first.status, 200);
    const stale = await as(api, OWNER).patch(`/users/${created.id}`, { firstName: 'Zweite' }, { 'if-match': '"1"' });
    assertProblem(stale, 412, 'version_conflict');
    assert.equal((await as(api, OWNER).get(`/users/${created.id}`)).body.firstName, 'Erste');
    assertProblem(await as(api, OWNER).delete(`/users/${created.id}`, { 'if-match': '"1"' }), 412, 'version_conflict');
    assert.equal((await as(api, OWNER).get(`/users/${created.id}`)).status, 200);
    assert.equal((await as(api, OWNER).delete(`/users/${created.id}`, { 'if-match': '"2"' })).status, 204);
    assertProblem(await as(api, OWNER).get(`/users/${created.id}`), 404, 'not_found');
  });

  it('reports several broken rules as validation_failed with every field', async () => {
    const answer = await as(fresh(), OWNER).post(
      '/users',
      newProfile({ firstName: '', email: 'info@acme.de', role: 'guest', creditLimit: 5 }),
    );
    assertProblem(answer, 422, 'validation_failed');
    assertFieldError(answer, 'firstName', 'required');
    assertFieldError(answer, 'email', 'email_role_address');
    assertFieldError(answer, 'creditLimit', 'credit_limit_not_allowed');
    assertFieldError(answer, 'access.tasks', 'guest_requires_task');
  });

  it('answers unknown profiles with 404 and unknown routes or methods sensibly', async () => {
    const api = fresh();
    assertProblem(await as(api, OWNER).get('/users/usr_nobody'), 404, 'not_found');
    assertProblem(await as(api, OWNER).patch('/users/usr_nobody', { firstName: 'X' }), 404, 'not_found');
    assertProblem(await as(api, OWNER).get('/nothing-here'), 404, 'not_found');
    const wrongMethod = await as(api, OWNER).put('/users', {});
    assertProblem(wrongMethod, 405, 'method_not_allowed');
    assert.equal(wrongMethod.headers.get('allow'), 'GET, POST');
  });

  it('deletes a verified profile, whose token then stops working', async () => {
    const api = fresh();
    const created = (await as(api, OWNER).post('/users', newProfile())).body;
    await verify(api, created.email);
    assert.equal((await as(api, created.email).get('/me')).status, 200);
    assert.equal((await as(api, OWNER).delete(`/users/${created.id}`)).status, 204);
    assertProblem(await as(api, created.email).get('/me'), 401, 'unauthorized');
    assert.equal((await as(api, OWNER).get('/me')).body.account.seatsUsed, 1);
  });
});

describe('reference API: idempotency', () => {
  it('replays the first answer for the same key and body and creates nothing new', async () => {
    const api = fresh();
    const headers = { 'idempotency-key': 'key-1' };
    const first = await as(api, OWNER).post('/users', newProfile(), headers);
    const second = await as(api, OWNER).post('/users', newProfile(), headers);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('etag'), '"1"');
    assert.equal((await as(api, OWNER).get('/users')).body.total, 2);
    assert.equal(api.outbox().length, 1);
  });

  it('refuses the same key with another body (422 idempotency_key_reused)', async () => {
    const api = fresh();
    const headers = { 'idempotency-key': 'key-2' };
    await as(api, OWNER).post('/users', newProfile(), headers);
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ firstName: 'Moritz' }), headers),
      422,
      'idempotency_key_reused',
    );
    assert.equal((await as(api, OWNER).get('/users')).body.total, 2);
  });

  it('handles concurrent duplicates as one write', async () => {
    const api = fresh();
    const headers = { 'idempotency-key': 'key-3' };
    const answers = await Promise.all([1, 2, 3].map(() => as(api, OWNER).post('/users', newProfile(), headers)));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 201, 201],
    );
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
    assert.equal((await as(api, OWNER).get('/users')).body.total, 2);
  });

  it('keeps the first answer for a key, refusals included (v1.1)', async () => {
    const api = fresh();
    const headers = { 'idempotency-key': 'key-4' };
    assertProblem(
      await as(api, OWNER).post('/users', newProfile({ firstName: '' }), headers),
      422,
      'validation_failed',
    );
    const replay = await as(api, OWNER).post('/users', newProfile({ firstName: '' }), headers);
    assertProblem(replay, 422, 'validation_failed');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assertProblem(await as(api, OWNER).post('/users', newProfile(), headers), 422, 'idempotency_key_reused');
    assert.equal((await as(api, OWNER).post('/users', newProfile(), { 'idempotency-key': 'key-5' })).status, 201);
  });

  it('replays task creation without charging twice, and scopes keys per viewer', async () => {
    const api = fresh();
    const headers = { 'idempotency-key': 'same-key' };
    const first = await as(api, OWNER).post('/tasks', { toolId: 'site-audit', name: 'Audit' }, headers);
    const replay = await as(api, OWNER).post('/tasks', { toolId: 'site-audit', name: 'Audit' }, headers);
    assert.deepEqual(replay.body, first.body);
    assert.equal((await as(api, OWNER).get('/me')).body.account.credits.balance, 1000 - 25);
    // Another viewer's identical key is a different key.
    const created = (await as(api, OWNER).post('/users', newProfile({ role: 'manager' }), headers)).body;
    assert.equal(created.role, 'manager');
  });
});
