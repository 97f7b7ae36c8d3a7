/** Profiles: create, read, patch, delete, concurrency, the profile rules, their order, idempotency and early checks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UserSchema } from '../sdk/schemas.js';
import type { User } from '../sdk/schemas.js';
import { type Fixture, start, strongPassword } from './fixture.js';
import { type Answer, assertFieldError, assertProblem, assertShape, assertStatus, fieldCodes, show } from './http.js';
import type { Suite } from './index.js';

const path = (user: Pick<User, 'id'>) => `/users/${encodeURIComponent(user.id)}`;
const total = async (f: Fixture) => (await f.as('owner').get('/users?limit=1')).body.total as number;

export const crud: Suite = (options, title) =>
  describe(title('profiles: create, read, update, delete (HTTP contract; rules 1, 2, 7)'), () => {
    it('POST /users answers 201 with a pending User, its ETag "<version>"; GET /users/{id} answers the same', async () => {
      const f = await start(options);
      const answer = await f.as('owner').post('/users', f.profile());
      assertStatus(answer, 201, 'POST /users');
      assertShape(UserSchema, answer.body, 'the created User');
      const user = answer.body as User;
      assert.equal(user.status, 'pending', 'a new profile is pending (rule 7)');
      assert.equal(user.verifiedAt, null);
      assert.equal(answer.headers.get('etag'), `"${user.version}"`);
      const read = await f.as('owner').get(path(user));
      assertStatus(read, 200, 'GET /users/{id}');
      assert.deepEqual(read.body, user);
      assert.equal(read.headers.get('etag'), `"${user.version}"`);
    });

    it('stores names trimmed and the email lower-cased (rules 1, 2)', async () => {
      const f = await start(options);
      const profile = f.profile();
      const created = await f.as('owner').post('/users', {
        ...profile,
        firstName: '  Zoë ',
        lastName: "\tO'Brien  ",
        email: `  ${profile.email.toUpperCase()} `,
      });
      assertStatus(created, 201, 'POST /users with padded names');
      assert.equal(created.body.firstName, 'Zoë');
      assert.equal(created.body.lastName, "O'Brien");
      assert.equal(created.body.email, profile.email);
    });

    it('accepts real names as they are: Nguyễn, José María, 李, Jean-Luc, Jennifer 8. Lee, Scott Shaw! (rule 1)', async () => {
      const f = await start(options);
      for (const [firstName, lastName] of [
        ['José María', 'Nguyễn'],
        ['李', '葵'],
        ['Jean-Luc', 'Jennifer 8. Lee'],
        ['Scott', 'Shaw!'],
      ]) {
        const answer = await f.as('owner').post('/users', f.profile({ firstName, lastName }));
        assertStatus(answer, 201, `${firstName} ${lastName}`);
        assert.equal(answer.body.firstName, firstName);
        assert.equal(answer.body.lastName, lastName);
        assertStatus(await f.as('owner').delete(path(answer.body)), 204, 'DELETE');
      }
    });

    it('PATCH changes the fields given, keeps the rest, bumps the version and answers the new ETag', async () => {
      const f = await start(options);
      const user = await f.addUser({ creditLimit: 100 });
      const answer = await f
        .as('owner')
        .patch(path(user), { lastName: '  Musterfrau ', notifications: { creditsLow: false } });
      assertStatus(answer, 200, 'PATCH /users/{id}');
      assertShape(UserSchema, answer.body, 'the patched User');
      assert.equal(answer.body.lastName, 'Musterfrau');
      assert.equal(answer.body.firstName, user.firstName);
      assert.equal(answer.body.creditLimit, 100);
      assert.equal(answer.body.notifications.creditsLow, false);
      assert.equal(answer.body.notifications.taskUpdates, user.notifications.taskUpdates);
      assert.ok(answer.body.version > user.version, 'the version grows');
      assert.equal(answer.headers.get('etag'), `"${answer.body.version}"`);
    });

    it('never changes the email on PATCH (UserPatch has no email): 422 with a field error on email, nothing changed', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const answer = await f.as('owner').patch(path(user), { email: f.profile().email, firstName: 'Changed' });
      assert.equal(answer.status, 422, show(answer));
      assertFieldError(answer, 'email');
      assert.deepEqual(await f.user(user.id), user);
    });

    it('If-Match: the current ETag applies; a stale one gets 412 version_conflict and changes nothing (HTTP contract: Concurrency)', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const first = await f.as('owner').patch(path(user), { firstName: 'Erste' }, { 'if-match': `"${user.version}"` });
      assertStatus(first, 200, 'PATCH with the current ETag');
      assertProblem(
        await f.as('owner').patch(path(user), { firstName: 'Zweite' }, { 'if-match': `"${user.version}"` }),
        412,
        'version_conflict',
      );
      assert.equal((await f.user(user.id)).firstName, 'Erste');
      assertProblem(
        await f.as('owner').delete(path(user), { 'if-match': `"${user.version}"` }),
        412,
        'version_conflict',
      );
      assertStatus(await f.as('owner').get(path(user)), 200, 'a refused DELETE keeps the profile');
      assertStatus(
        await f.as('owner').delete(path(user), { 'if-match': `"${first.body.version}"` }),
        204,
        'DELETE with the current ETag',
      );
      assertProblem(await f.as('owner').get(path(user)), 404, 'not_found');
    });

    it('If-Match compares strongly: a weak validator W/"<current>" never matches (412, Contract v1.1)', async () => {
      const f = await start(options);
      const user = await f.addUser();
      assertProblem(
        await f.as('owner').patch(path(user), { firstName: 'Weak' }, { 'if-match': `W/"${user.version}"` }),
        412,
        'version_conflict',
      );
      assertProblem(
        await f.as('owner').delete(path(user), { 'if-match': `W/"${user.version}"` }),
        412,
        'version_conflict',
      );
      assert.deepEqual(await f.user(user.id), user);
    });

    it('If-Match: * matches any current version (RFC 9110)', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const answer = await f.as('owner').patch(path(user), { firstName: 'Star' }, { 'if-match': '*' });
      assertStatus(answer, 200, 'PATCH with If-Match: *');
      assert.equal(answer.body.firstName, 'Star');
    });

    it('GET /users/{id} honours If-None-Match: 304 without a body while unchanged, 200 after a change (Contract v1.1)', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const read = await f.as('owner').get(path(user));
      const tag = read.headers.get('etag')!;
      const unchanged = await f.as('owner').get(path(user), { 'if-none-match': tag });
      assert.equal(unchanged.status, 304, show(unchanged));
      assert.equal(unchanged.text, '');
      await f.as('owner').patch(path(user), { firstName: 'Changed' });
      const changed = await f.as('owner').get(path(user), { 'if-none-match': tag });
      assertStatus(changed, 200, 'GET with an outdated If-None-Match');
      assert.equal(changed.body.firstName, 'Changed');
    });

    it('answers 404 not_found for a profile that does not exist', async () => {
      const f = await start(options);
      for (const answer of [
        await f.as('owner').get('/users/conformance-nobody'),
        await f.as('owner').patch('/users/conformance-nobody', { firstName: 'X' }),
        await f.as('owner').delete('/users/conformance-nobody'),
        await f.as('owner').post('/users/conformance-nobody/verification'),
      ])
        assertProblem(answer, 404, 'not_found');
    });

    it("never changes the owner's role (409 owner_immutable) and never deletes the owner; other owner fields may change (rule 14)", async () => {
      const f = await start(options);
      assertProblem(await f.as('owner').patch(path(f.users.owner), { role: 'manager' }), 409, 'owner_immutable');
      assertProblem(await f.as('owner').delete(path(f.users.owner)), 409, 'owner_immutable');
      const renamed = await f.as('owner').patch(path(f.users.owner), { firstName: 'Liv' });
      assertStatus(renamed, 200, 'renaming the owner');
      assert.equal(renamed.body.role, 'owner');
    });

    it("tokens name profiles: a deleted profile's token answers 401, also after a profile with its email is added again (Contract v1.1)", async () => {
      const f = await start(options);
      assertStatus(await f.as('specialist').delete(path(f.users.specialist)), 403, 'a specialist cannot delete');
      assertStatus(await f.as('owner').delete(path(f.users.specialist)), 204, 'DELETE the specialist');
      assertProblem(await f.as('specialist').get('/me'), 401, 'unauthorized');
      const again = await f.as('owner').post('/users', { ...f.profile(), email: f.users.specialist.email });
      assertStatus(again, 201, 'the email is free again');
      assert.notEqual(again.body.id, f.users.specialist.id, 'ids are never reused');
      assertProblem(await f.as('specialist').get('/me'), 401, 'unauthorized');
    });
  });

/** Creates with this profile and returns the answer. */
const create = (f: Fixture, overrides: Record<string, unknown>) => f.as('owner').post('/users', f.profile(overrides));

export const rules: Suite = (options, title) =>
  describe(title('profile rules and their order (rules 1–11; HTTP contract: Errors, Order)'), () => {
    it('a field broken alone gives its own top-level code; several give validation_failed with every field (Errors)', async () => {
      const f = await start(options);
      assertProblem(await create(f, { email: `support@${f.domain}` }), 422, 'email_role_address');
      const several = await create(f, { firstName: '', email: `info@${f.domain}`, role: 'guest', creditLimit: 5 });
      assertProblem(several, 422, 'validation_failed');
      assertFieldError(several, 'firstName');
      assertFieldError(several, 'email', 'email_role_address');
      assertFieldError(several, 'creditLimit', 'credit_limit_not_allowed');
      assertFieldError(several, 'access.tasks', 'guest_requires_task');
    });

    it('refuses empty, letterless, multi-line, bidi-control and over-long names with a field error; 100 code points fit (rule 1)', async () => {
      const f = await start(options);
      const cases: [string, Record<string, unknown>][] = [
        ['firstName', { firstName: '   ' }],
        ['lastName', { lastName: '1234' }],
        ['firstName', { firstName: 'Max\nMoritz' }],
        ['lastName', { lastName: 'Evil\u202Eredivi' }],
        ['lastName', { lastName: 'x'.repeat(101) }],
      ];
      for (const [field, overrides] of cases) {
        const answer = await create(f, overrides);
        assert.equal(answer.status, 422, `${JSON.stringify(overrides).slice(0, 60)}: ${show(answer)}`);
        assertFieldError(answer, field);
      }
      assertStatus(await create(f, { lastName: '葵'.repeat(100) }), 201, '100 code points');
    });

    it('an email gets one code, the first of: invalid, email_role_address, email_freemail, email_domain_mismatch, email_taken (rules 2–4, Order)', async () => {
      const f = await start(options);
      const owner = f.users.owner.email;
      const local = owner.slice(0, owner.lastIndexOf('@'));
      const cases: [string, string, number][] = [
        [`info@gmail.com`, 'email_role_address', 422],
        [`admin+tools@${f.domain}`, 'email_role_address', 422],
        [`office@${f.domain}`, 'email_role_address', 422],
        [`max.weber@gmail.com`, 'email_freemail', 422],
        [`max.weber@gmx.de`, 'email_freemail', 422],
        [`${local}@conformance-other-${f.domain}`, 'email_domain_mismatch', 422],
        [owner.toUpperCase(), 'email_taken', 409],
      ];
      const invalid = await create(f, { email: 'info@@gmail.com' });
      assert.equal(invalid.status, 422, show(invalid));
      assert.deepEqual(fieldCodes(invalid, 'email'), ['invalid_email'], 'an invalid address gets invalid_email only');
      for (const [email, code, status] of cases) {
        const answer = await create(f, { email });
        const problem = assertProblem(answer, status, code, email);
        assert.deepEqual(fieldCodes(answer, 'email'), [code], `${email}: one code for the email`);
        assert.ok(problem.errors?.length === 1);
      }
    });

    it('refuses a Latin local part mixed with Cyrillic (а in аdmin) as invalid (Contract v1.1: mixed script)', async () => {
      const f = await start(options);
      const answer = await create(f, { email: `\u0430dmin.person@${f.domain}` });
      assert.equal(answer.status, 422, show(answer));
      assert.deepEqual(fieldCodes(answer, 'email'), ['invalid_email']);
    });

    it('takes first names that are on no role list: per, paris, sydney, alexa (rule 3)', async () => {
      const f = await start(options);
      for (const local of ['per', 'paris', 'sydney', 'alexa']) {
        const answer = await create(f, { email: `${local}@${f.domain}` });
        assertStatus(answer, 201, `${local}@`);
        assertStatus(await f.as('owner').delete(path(answer.body)), 204, 'DELETE');
      }
    });

    it('compares emails case-insensitively and ignores a +tag: ines+test@ is taken when ines@ exists (rule 2, Contract v1.1)', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const [local, domain] = user.email.split('@') as [string, string];
      for (const email of [
        user.email.toUpperCase(),
        `${local}+test@${domain}`,
        `${local.toUpperCase()}+Other@${domain}`,
      ]) {
        const answer = await create(f, { email });
        assertProblem(answer, 409, 'email_taken', email);
        assert.deepEqual(fieldCodes(answer, 'email'), ['email_taken']);
      }
      const tagged = await create(f, { email: `${local}.x+tag@${domain}` });
      assertStatus(tagged, 201, 'another person');
      assertProblem(await create(f, { email: `${local}.x@${domain}` }), 409, 'email_taken');
    });

    it('counts pending profiles against the seat limit (409 seat_limit_reached, rule 6)', async () => {
      const f = await start(options);
      const free = f.declared.seatLimit - 4;
      for (let i = 0; i < free; i++) await f.addUser();
      const me = (await f.as('owner').get('/me')).body;
      assert.equal(me.account.seatsUsed, f.declared.seatLimit);
      assertProblem(await create(f, {}), 409, 'seat_limit_reached');
      assert.equal(await total(f), f.declared.seatLimit);
    });

    it('Order: permission before account-level refusals, account-level refusals before fields (seats full)', async () => {
      const f = await start(options);
      for (let i = 4; i < f.declared.seatLimit; i++) await f.addUser();
      assertProblem(await f.as('manager').post('/users', f.profile()), 403, 'forbidden');
      assertProblem(
        await f.as('owner').post('/users', { firstName: '', email: 'support@gmail.com' }),
        409,
        'seat_limit_reached',
      );
      assertProblem(await f.as('owner').post('/users', {}), 409, 'seat_limit_reached');
      assertProblem(
        await f.as('owner').post('/users/validate', { email: f.profile().email }),
        409,
        'seat_limit_reached',
      );
    });

    it('a guest needs a task: on POST, on PATCH, and on a role change (422 guest_requires_task, rule 10)', async () => {
      const f = await start(options);
      const missing = await create(f, { role: 'guest' });
      const problem = assertProblem(missing, 422, 'guest_requires_task');
      assert.deepEqual(
        problem.errors?.map((error) => error.field),
        ['access.tasks'],
      );
      assertProblem(await create(f, { role: 'guest', access: { tools: [], tasks: [] } }), 422, 'guest_requires_task');
      const guest = await create(f, { role: 'guest', access: { tools: [], tasks: [f.guestTask] } });
      assertStatus(guest, 201, 'a guest with a task');
      assertProblem(
        await f.as('owner').patch(path(guest.body), { access: { tools: [], tasks: [] } }),
        422,
        'guest_requires_task',
      );
      const specialist = await f.addUser();
      assertProblem(await f.as('owner').patch(path(specialist), { role: 'guest' }), 422, 'guest_requires_task');
      assert.equal((await f.user(specialist.id)).role, 'specialist');
    });

    it('a credit limit only for specialists, a whole number ≥ 0 or null, on POST and on PATCH (rule 9)', async () => {
      const f = await start(options);
      assertProblem(await create(f, { role: 'manager', creditLimit: 100 }), 422, 'credit_limit_not_allowed');
      assertProblem(
        await create(f, { role: 'guest', creditLimit: 0, access: { tools: [], tasks: [f.guestTask] } }),
        422,
        'credit_limit_not_allowed',
      );
      for (const creditLimit of [-1, 2.5, '10']) {
        const answer = await create(f, { creditLimit });
        assert.equal(answer.status, 422, `${creditLimit}: ${show(answer)}`);
        assertFieldError(answer, 'creditLimit');
      }
      const specialist = await create(f, { creditLimit: 0 });
      assertStatus(specialist, 201, 'a specialist with limit 0');
      assert.equal(specialist.body.creditLimit, 0);
      assertStatus(await f.as('owner').patch(path(specialist.body), { creditLimit: null }), 200, 'no limit');
      assertProblem(
        await f.as('owner').patch(path(f.users.manager), { creditLimit: 50 }),
        422,
        'credit_limit_not_allowed',
      );
      // The rule holds for the profile as it would be stored: a role change keeps the stored limit.
      const limited = await f.addUser({ creditLimit: 10 });
      assertProblem(await f.as('owner').patch(path(limited), { role: 'manager' }), 422, 'credit_limit_not_allowed');
      const manager = await f.as('owner').patch(path(limited), { role: 'manager', creditLimit: null });
      assertStatus(manager, 200, 'a role change that clears the limit');
      assert.equal(manager.body.creditLimit, null);
    });

    it('stores allowed IPs canonical: IPv6 lower-case and compressed, ::ffff:a.b.c.d as IPv4 (rule 11)', async () => {
      const f = await start(options);
      const answer = await create(f, {
        allowedIps: ['::fFFf:127.0.0.1', '2001:DB8:0:0:0:0:0:1', '10.0.0.0/8', 'FE80::1', '192.168.0.0/16'],
      });
      assertStatus(answer, 201, 'canonical allowed IPs');
      assert.deepEqual(answer.body.allowedIps, ['127.0.0.1', '2001:db8::1', '10.0.0.0/8', 'fe80::1', '192.168.0.0/16']);
    });

    it('refuses ambiguous IP forms instead of guessing: leading zeros, octal, hex, short, integer, zone ids (rule 11)', async () => {
      const f = await start(options);
      for (const ip of ['010.0.0.1', '0x7f.0.0.1', '127.1', '2130706433', '01200034567', 'fe80::1%eth0']) {
        const answer = await create(f, { allowedIps: ['192.0.2.1', ip] });
        assert.equal(answer.status, 422, `${ip}: ${show(answer)}`);
        assertFieldError(answer, 'allowedIps');
      }
    });

    it('refuses a CIDR with host bits set and suggests the network: 10.1.2.3/8 → 10.0.0.0/8 (rule 11)', async () => {
      const f = await start(options);
      const answer = await create(f, { allowedIps: ['10.1.2.3/8'] });
      assert.equal(answer.status, 422, show(answer));
      assertFieldError(answer, 'allowedIps');
      assert.ok(answer.text.includes('10.0.0.0/8'), `the error suggests 10.0.0.0/8: ${answer.text}`);
    });

    it('stores phones in E.164 (rule 12)', async () => {
      const f = await start(options);
      const answer = await create(f, { phone: '+49 30 1234567' });
      assertStatus(answer, 201, 'a phone');
      assert.equal(answer.body.phone, '+49301234567');
    });

    it("passwords follow the account's mode and are never answered (rule 8)", async () => {
      const f = await start(options);
      const password = strongPassword();
      if (f.declared.passwordMode === 'shared') {
        assertProblem(await create(f, { password }), 422, 'password_not_allowed');
        const user = await f.addUser();
        assertProblem(await f.as('owner').patch(path(user), { password }), 422, 'password_not_allowed');
        assertStatus(
          await f.as('owner').put('/account/password', { password }),
          204,
          'the owner sets the account password',
        );
        for (const weak of ['password1234', 'short']) {
          const answer = await f.as('owner').put('/account/password', { password: weak });
          assert.equal(answer.status, 422, `${weak}: ${show(answer)}`);
          assertFieldError(answer, 'password');
        }
        assertProblem(
          await f.as('owner').put('/account/password', { password: 'password1234' }),
          422,
          'password_too_weak',
        );
      } else {
        const profile = f.profile();
        assertProblem(
          await f.as('owner').post('/users', { ...profile, password: 'password1234' }),
          422,
          'password_too_weak',
        );
        assertProblem(
          await f.as('owner').post('/users', { ...profile, password: profile.email.toUpperCase() }),
          422,
          'password_too_weak',
        );
        for (const bad of ['too short', 'x'.repeat(129)]) {
          const answer = await f.as('owner').post('/users', { ...profile, password: bad });
          assert.equal(answer.status, 422, show(answer));
          assertFieldError(answer, 'password');
        }
        const created = await f.as('owner').post('/users', { ...profile, password });
        assertStatus(created, 201, 'a strong password');
        assert.ok(!created.text.includes(password), 'the password is never answered');
        const patched = await f.as('owner').patch(path(created.body), { password: `${password} 2` });
        assertStatus(patched, 200, 'a new password');
        assert.ok(!patched.text.includes(password));
        assertStatus(await create(f, {}), 201, 'v1.1: password is optional on creation in per-user mode');
      }
      const everything = JSON.stringify([
        (await f.as('owner').get('/users?limit=200')).body,
        (await f.as('owner').get('/audit?limit=200')).body,
      ]);
      assert.ok(!everything.includes(password), 'no list or audit entry holds the password');
    });

    it("grants name tools of the account and existing tasks; a manager's explicit grants are accepted (rule 10)", async () => {
      const f = await start(options);
      const unknown = await create(f, {
        access: {
          tools: ['conformance-no-such-tool'],
          tasks: [{ toolId: f.guestTask.toolId, taskId: 'conformance-no-such-task' }],
        },
      });
      assert.equal(unknown.status, 422, show(unknown));
      assertFieldError(unknown, 'access.tools');
      assertFieldError(unknown, 'access.tasks');
      const manager = await create(f, {
        role: 'manager',
        access: { tools: [f.declared.tools[1]!.id], tasks: [f.guestTask] },
      });
      assertStatus(manager, 201, 'a manager with grants');
    });
  });

export const idempotency: Suite = (options, title) =>
  describe(title('idempotency (HTTP contract: Idempotency; Contract v1.1: Limits)'), () => {
    const key = () => `conformance-${Math.random().toString(36).slice(2)}`;

    it('the same key and body replays the first 201 answer and creates nothing new', async () => {
      const f = await start(options);
      const headers = { 'idempotency-key': key() };
      const profile = f.profile();
      const first = await f.as('owner').post('/users', profile, headers);
      const second = await f.as('owner').post('/users', profile, headers);
      assertStatus(first, 201, 'first POST');
      assertStatus(second, 201, 'repeated POST');
      assert.deepEqual(second.body, first.body);
      assert.equal(await total(f), 5);
    });

    it('the same key with another body gets 422 idempotency_key_reused and creates nothing', async () => {
      const f = await start(options);
      const headers = { 'idempotency-key': key() };
      assertStatus(await f.as('owner').post('/users', f.profile(), headers), 201, 'first POST');
      assertProblem(await f.as('owner').post('/users', f.profile(), headers), 422, 'idempotency_key_reused');
      assert.equal(await total(f), 5);
    });

    it('keeps the first answer for a key, refusals included: a 409 replays, another body is idempotency_key_reused (v1.1)', async () => {
      const f = await start(options);
      const headers = { 'idempotency-key': key() };
      const taken = f.profile({ email: f.users.manager.email });
      assertProblem(await f.as('owner').post('/users', taken, headers), 409, 'email_taken');
      assertProblem(await f.as('owner').post('/users', taken, headers), 409, 'email_taken', 'the refusal replays');
      assertProblem(await f.as('owner').post('/users', f.profile(), headers), 422, 'idempotency_key_reused');
      assert.equal(await total(f), 4);
    });

    it('an Idempotency-Key over 255 characters gets 422 and creates nothing; 255 are fine (v1.1)', async () => {
      const f = await start(options);
      const long = await f.as('owner').post('/users', f.profile(), { 'idempotency-key': 'k'.repeat(256) });
      assert.equal(long.status, 422, show(long));
      assert.equal(await total(f), 4);
      assertStatus(
        await f
          .as('owner')
          .post('/users', f.profile(), { 'idempotency-key': `${key()}${'k'.repeat(255)}`.slice(0, 255) }),
        201,
        '255 characters',
      );
    });

    it('POST /tasks replays without charging twice', async () => {
      const f = await start(options);
      const headers = { 'idempotency-key': key() };
      const tool = f.declared.tools[1]!;
      const first = await f.as('owner').post('/tasks', { toolId: tool.id, name: 'Once' }, headers);
      const again = await f.as('owner').post('/tasks', { toolId: tool.id, name: 'Once' }, headers);
      assertStatus(first, 201, 'first POST /tasks');
      assertStatus(again, 201, 'repeated POST /tasks');
      assert.deepEqual(again.body, first.body);
      assert.equal(await f.balance(), f.declared.balance - tool.taskCost);
      assertProblem(
        await f.as('owner').post('/tasks', { toolId: tool.id, name: 'Twice' }, headers),
        422,
        'idempotency_key_reused',
      );
    });
  });

export const validate: Suite = (options, title) =>
  describe(title('POST /users/validate (Contract v1.1: early checks)'), () => {
    const both = async (f: Fixture, body: Record<string, unknown>): Promise<[Answer, Answer]> => [
      await f.as('owner').post('/users/validate', body),
      await f.as('owner').post('/users', f.profile(body)),
    ];

    it('answers 204 for fields that would be accepted, and creates nothing', async () => {
      const f = await start(options);
      const profile = f.profile();
      assertStatus(await f.as('owner').post('/users/validate', { email: profile.email }), 204, 'a free address');
      assertStatus(await f.as('owner').post('/users/validate', profile), 204, 'a whole valid profile');
      assertStatus(await f.as('owner').post('/users', profile), 201, 'the address is still free');
      assert.equal(await total(f), 5);
    });

    it('answers the same problem a create would get: role, free-mail, domain, taken, guest, credit limit', async () => {
      const f = await start(options);
      const cases: [Record<string, unknown>, number, string][] = [
        [{ email: `support@${f.domain}` }, 422, 'email_role_address'],
        [{ email: 'max.weber@gmail.com' }, 422, 'email_freemail'],
        [{ email: `max.weber@conformance-other-${f.domain}` }, 422, 'email_domain_mismatch'],
        [{ email: f.users.manager.email.toUpperCase() }, 409, 'email_taken'],
        [{ role: 'guest', access: { tools: [], tasks: [] } }, 422, 'guest_requires_task'],
        [{ role: 'manager', creditLimit: 5 }, 422, 'credit_limit_not_allowed'],
      ];
      for (const [body, status, code] of cases) {
        const [early, create] = await both(f, body);
        assertProblem(early, status, code, `validate ${JSON.stringify(body)}`);
        assertProblem(create, status, code, `create ${JSON.stringify(body)}`);
      }
      assert.equal(await total(f), 4);
    });

    it('creates nothing, sends nothing and records nothing', async () => {
      const f = await start(options);
      const before = (await f.as('owner').get('/audit?limit=1')).body.total;
      const profile = f.profile();
      assertStatus(await f.as('owner').post('/users/validate', profile), 204, 'validate');
      assert.equal(await total(f), 4);
      assert.equal((await f.as('owner').get('/audit?limit=1')).body.total, before);
      if (f.latestLink) assert.equal(await f.latestLink(profile.email), null, 'no mail was sent');
    });
  });
