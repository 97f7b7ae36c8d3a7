/** Contract v1.1 limits and verification links. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { User } from '../sdk/schemas.js';
import { type Fixture, start, strongPassword } from './fixture.js';
import { type Answer, assertFieldError, assertProblem, assertStatus, show } from './http.js';
import type { Suite } from './index.js';

const path = (user: Pick<User, 'id'>) => `/users/${encodeURIComponent(user.id)}`;
const MiB = 1024 * 1024;
const total = async (f: Fixture) => (await f.as('owner').get('/users?limit=1')).body.total as number;

export const limits: Suite = (options, title) =>
  describe(title('limits (Contract v1.1: Limits)'), () => {
    it('a body over 1 MiB gets 413 payload_too_large and creates nothing', async () => {
      const f = await start(options);
      const body = JSON.stringify({ ...f.profile(), padding: 'x'.repeat(MiB) });
      assertProblem(await f.as('owner').post('/users', body), 413, 'payload_too_large');
      assertProblem(
        await f.as('owner').patch(path(f.users.specialist), JSON.stringify({ lastName: 'x'.repeat(MiB + 1) })),
        413,
        'payload_too_large',
      );
      assert.equal(await total(f), 4);
    });

    it('authentication comes before the body is read: an oversized body without a token gets 401', async () => {
      const f = await start(options);
      const answer = await f.http.call('POST', '/users', { body: JSON.stringify({ padding: 'x'.repeat(2 * MiB) }) });
      assertProblem(answer, 401, 'unauthorized');
    });

    const tooMany: [string, (f: Fixture) => Record<string, unknown>][] = [
      [
        'allowedIps over 100',
        () => ({ allowedIps: Array.from({ length: 101 }, (_, i) => `10.0.${i >> 8}.${i & 255}`) }),
      ],
      [
        'access.tools over 1,000',
        (f) => ({ access: { tools: Array.from({ length: 1001 }, () => f.declared.tools[0]!.id), tasks: [] } }),
      ],
      [
        'access.tasks over 10,000',
        (f) => ({ access: { tools: [], tasks: Array.from({ length: 10_001 }, () => f.guestTask) } }),
      ],
    ];
    for (const [what, overrides] of tooMany) {
      it(`${what} items gets 422 too_many_items, on POST and on PATCH`, async () => {
        const f = await start(options);
        const created = await f.as('owner').post('/users', f.profile(overrides(f)));
        assertProblem(created, 422, 'too_many_items');
        assertFieldError(created, what.split(' ')[0]!, 'too_many_items');
        const patched = await f.as('owner').patch(path(f.users.specialist), overrides(f));
        assertProblem(patched, 422, 'too_many_items');
        assert.equal(await total(f), 4);
      });
    }

    it('100 allowed IPs are fine', async () => {
      const f = await start(options);
      const allowedIps = Array.from({ length: 100 }, (_, i) => `10.1.0.${i}`);
      const answer = await f.as('owner').post('/users', f.profile({ allowedIps }));
      assertStatus(answer, 201, '100 allowed IPs');
      assert.equal(answer.body.allowedIps.length, 100);
    });
  });

/** POSTs a verification link as a script does: JSON in, JSON out, no Authorization header. */
const postLink = (f: Fixture, link: string, body: unknown = {}) => f.http.call('POST', f.http.link(link), { body });

async function linkFor(f: Fixture, email: string): Promise<string> {
  const link = await f.latestLink!(email);
  assert.ok(link, `latestLink(${email}): a verification link was mailed`);
  return link;
}

const verified = (answer: Answer) => answer.status >= 200 && answer.status < 300;

export const verification: Suite = (options, title) =>
  describe(title('verification links (rule 7; Contract v1.1: verification is a POST)'), () => {
    it('setup provides latestLink (capabilities.verificationLinks)', async () => {
      const f = await start(options);
      assert.equal(
        typeof f.latestLink,
        'function',
        'capabilities.verificationLinks is set, so setup() must return latestLink',
      );
    });

    it('a GET of the link changes nothing; it answers a page (mail scanners open links)', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const link = await linkFor(f, user.email);
      const page = await f.http.call('GET', f.http.link(link), { headers: { accept: 'text/html' } });
      assertStatus(page, 200, 'GET of the link');
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/i);
      assert.match(page.text, /<form/i, 'the page has a form that POSTs');
      assert.equal((await f.user(user.id)).status, 'pending', 'the GET verified nothing');
      assert.equal(await f.latestLink!(user.email), link, 'the GET used no link');
    });

    it('a POST verifies (no Authorization header); a second POST gets 410 link_used', async () => {
      const f = await start(options);
      const password = strongPassword();
      const user = await f.addUser(f.declared.passwordMode === 'per-user' ? { password } : {});
      const link = await linkFor(f, user.email);
      const first = await postLink(f, link);
      assert.ok(verified(first), `POST of the link: ${show(first)}`);
      const after = await f.user(user.id);
      assert.equal(after.status, 'active');
      assert.notEqual(after.verifiedAt, null);
      assertProblem(await postLink(f, link), 410, 'link_used');
      assertProblem(await f.as('owner').post(`${path(user)}/verification`), 409, 'already_verified');
      const entries = (await f.as('owner').get(`/audit?targetId=${encodeURIComponent(user.id)}&action=user.verified`))
        .body.items;
      assert.equal(entries.length, 1, 'the audit log records user.verified');
    });

    it('a resend (202) replaces the earlier link: the old one gets 410, the new one verifies', async () => {
      const f = await start(options);
      const user = await f.addUser(f.declared.passwordMode === 'per-user' ? { password: strongPassword() } : {});
      const old = await linkFor(f, user.email);
      assertStatus(await f.as('owner').post(`${path(user)}/verification`), 202, 'POST /users/{id}/verification');
      const fresh = await linkFor(f, user.email);
      assert.notEqual(fresh, old, 'a new link is mailed');
      const stale = await postLink(f, old);
      assert.equal(stale.status, 410, show(stale));
      assert.ok(
        ['link_expired', 'link_used'].includes(stale.body.code),
        `410 link_expired or link_used, got ${stale.body.code}`,
      );
      assert.match(stale.headers.get('content-type') ?? '', /^application\/problem\+json/i);
      assert.equal((await f.user(user.id)).status, 'pending');
      assert.ok(verified(await postLink(f, fresh)), 'the newest link verifies');
      assert.equal((await f.user(user.id)).status, 'active');
    });

    it('per-user mode, no password at creation: the POST requires a good password, and a refusal keeps the link valid', async () => {
      const f = await start(options);
      const user = await f.addUser();
      const link = await linkFor(f, user.email);
      if (f.declared.passwordMode === 'shared') {
        // Shared mode: no profile takes a password, so the link verifies without one.
        assert.ok(verified(await postLink(f, link)));
        assert.equal((await f.user(user.id)).status, 'active');
        return;
      }
      const missing = await postLink(f, link, {});
      assert.equal(missing.status, 422, show(missing));
      assertFieldError(missing, 'password');
      assertProblem(await postLink(f, link, { password: 'password1234' }), 422, 'password_too_weak');
      assertProblem(await postLink(f, link, { password: user.email }), 422, 'password_too_weak');
      assert.equal((await f.user(user.id)).status, 'pending');
      const password = strongPassword();
      const done = await postLink(f, link, { password });
      assert.ok(verified(done), `POST with a good password: ${show(done)}`);
      assert.ok(!done.text.includes(password));
      assert.equal((await f.user(user.id)).status, 'active');
    });

    it('per-user mode, password given at creation: the POST takes none', async () => {
      const f = await start(options);
      const user = await f.addUser(f.declared.passwordMode === 'per-user' ? { password: strongPassword() } : {});
      assert.ok(verified(await postLink(f, await linkFor(f, user.email), {})));
      assert.equal((await f.user(user.id)).status, 'active');
    });

    it('the verification POST also takes a form (application/x-www-form-urlencoded)', async () => {
      const f = await start(options);
      const password = strongPassword();
      const user = await f.addUser();
      const link = await linkFor(f, user.email);
      const body = f.declared.passwordMode === 'per-user' ? new URLSearchParams({ password }).toString() : '';
      const answer = await f.http.call('POST', f.http.link(link), {
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      });
      assertStatus(answer, 200, 'the form POST');
      assert.equal((await f.user(user.id)).status, 'active');
    });
  });
