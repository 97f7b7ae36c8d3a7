/**
 * `createRosterServer` end to end over its fetch handler: accounts, JWTs, verification mail,
 * sign-in, events.record, account isolation. On PGlite in memory, and on PostgreSQL too when
 * ROSTER_TEST_DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { ROUTES } from '../../src/core/routes.js';
import { ConflictError } from '../../src/sdk/errors.js';
import { type RosterServer, createRosterServer } from '../../src/server/index.js';
import { freshDatabase } from './database-helpers.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes-long!';
const ORIGIN = 'http://roster.test';
const BASE = `${ORIGIN}/api/roster/v1`;
const TOOLS = [
  { id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 },
  { id: 'site-audit', name: 'Site Audit', taskCost: 25 },
];

for (const target of freshDatabase.targets()) {
  describe(`server on ${target.name}`, () => {
    let server: RosterServer;
    let cleanup: () => Promise<void>;

    before(async () => {
      const database = await freshDatabase(target);
      cleanup = database.drop;
      server = await createRosterServer({
        database: database.options,
        auth: { secret: SECRET },
        publicUrl: ORIGIN,
        logger: false,
        rateLimit: { perMinute: 600, burst: 50 },
      });
    });
    after(async () => {
      await server?.close();
      await cleanup?.();
    });

    let count = 0;
    async function newAccount(overrides: Partial<Parameters<RosterServer['accounts']['create']>[0]> = {}) {
      count += 1;
      const domain = `team${count}-${Date.now().toString(36)}.de`;
      const { account, owner } = await server.accounts.create({
        name: `Team ${count}`,
        emailDomain: domain,
        seatLimit: 5,
        passwordMode: 'per-user',
        credits: 100,
        tools: TOOLS,
        owner: {
          firstName: 'Olivia',
          lastName: 'Owner',
          email: `olivia@${domain}`,
          password: 'owner password of the team',
        },
        ...overrides,
      });
      const token = await server.tokens.issue({ accountId: account.id, userId: owner.id });
      return { account, owner, token, domain };
    }

    const call = async (
      token: string | null,
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await server.fetch(
        new Request(`${BASE}${path}`, {
          method,
          headers: {
            ...(token && { authorization: `Bearer ${token}` }),
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
      };
    };

    async function addColleague(
      team: Awaited<ReturnType<typeof newAccount>>,
      local: string,
      extra: Record<string, unknown> = {},
    ) {
      const created = await call(team.token, 'POST', '/users', {
        firstName: 'Max',
        lastName: 'Muster',
        email: `${local}@${team.domain}`,
        role: 'specialist',
        access: { tools: ['rank-tracker'], tasks: [] },
        ...extra,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body as { id: string; email: string };
    }

    async function verifyByMail(email: string, password?: string) {
      const mail = (await server.outbox()).filter((entry) => entry.to === email).at(-1);
      assert.ok(mail?.link, `no mail to ${email}`);
      assert.ok(mail.text.includes(`${ORIGIN}${mail.link}`), 'the mailed link is absolute');
      const response = await server.fetch(
        new Request(`${ORIGIN}${mail.link}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(password ? { password } : {}),
        }),
      );
      assert.equal(response.status, 200, await response.clone().text());
    }

    it('creates an account whose owner signs in with a JWT and reads /me', async () => {
      const team = await newAccount();
      const me = await call(team.token, 'GET', '/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.role, 'owner');
      assert.equal(me.body.account.seatsUsed, 1);
      assert.deepEqual(me.body.permissions, ['users:read', 'users:write']);
    });

    it('refuses missing, forged, expired and foreign-audience tokens with 401', async () => {
      const team = await newAccount();
      const key = new TextEncoder().encode(SECRET);
      const forged = await new SignJWT({ acc: team.account.id })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(team.owner.id)
        .setAudience('roster')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes!!'));
      const expired = await new SignJWT({ acc: team.account.id })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(team.owner.id)
        .setAudience('roster')
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(key);
      const otherAudience = await new SignJWT({ acc: team.account.id })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(team.owner.id)
        .setAudience('elsewhere')
        .setExpirationTime('5m')
        .sign(key);
      for (const token of [null, 'nonsense', forged, expired, otherAudience]) {
        const answer = await call(token, 'GET', '/me');
        assert.equal(answer.status, 401, String(token));
        assert.equal(answer.body.code, 'unauthorized');
      }
    });

    it('mails a verification link; the invited person chooses a password there and then signs in from an allowed IP only', async () => {
      const team = await newAccount();
      const colleague = await addColleague(team, 'nora.neumann', { allowedIps: ['10.0.0.0/8'] });
      const pendingToken = await server.tokens.issue({ accountId: team.account.id, userId: colleague.id });
      assert.equal((await call(pendingToken, 'GET', '/me')).status, 401, 'a pending profile cannot act');
      assert.deepEqual(
        await server.signIn({ email: colleague.email, password: 'a password nobody knows', ip: '10.1.1.1' }),
        { ok: false, reason: 'invalid_credentials' },
      );
      await verifyByMail(colleague.email, 'nora chooses her own words');
      assert.equal((await call(pendingToken, 'GET', '/me')).status, 200);
      assert.deepEqual(
        await server.signIn({ email: colleague.email, password: 'nora chooses her own words', ip: '192.0.2.1' }),
        { ok: false, reason: 'ip_not_allowed' },
      );
      const signedIn = await server.signIn({
        email: colleague.email,
        password: 'nora chooses her own words',
        ip: '10.1.1.1',
      });
      assert.equal(signedIn.ok, true);
      assert.equal(signedIn.ok && signedIn.accountId, team.account.id);
      const events = await call(team.token, 'GET', `/users/${colleague.id}/events?type=signed_in`);
      assert.equal(events.body.total, 1);
    });

    it('charges events.record atomically and idempotently, refusing past the limit or the balance', async () => {
      const team = await newAccount();
      const colleague = await addColleague(team, 'sam.spender', { creditLimit: 30 });
      await verifyByMail(colleague.email, 'sam spends only what he may');
      const record = (cost: number, key: string) =>
        server.events.record({
          accountId: team.account.id,
          userId: colleague.id,
          type: 'task_updated',
          cost,
          description: 'Updated a task',
          idempotencyKey: key,
        });
      const first = await record(20, 'work-1');
      assert.equal(first.cost, 20);
      assert.deepEqual(await record(20, 'work-1'), first, 'the same key answers the same event');
      await assert.rejects(
        record(20, 'work-2'),
        (error: unknown) => error instanceof ConflictError && error.code === 'credit_limit_reached',
      );
      const stats = await call(team.token, 'GET', `/users/${colleague.id}/stats`);
      assert.equal(stats.body.creditsSpent, 20);
      assert.equal(stats.body.creditsAvailable, 10);
      await assert.rejects(
        server.events.record({
          accountId: team.account.id,
          userId: team.owner.id,
          type: 'task_updated',
          cost: 500,
          description: 'x',
          idempotencyKey: 'big',
        }),
        (error: unknown) => error instanceof ConflictError && error.code === 'insufficient_credits',
      );
      assert.equal((await call(team.token, 'GET', '/me')).body.account.credits.balance, 80);
    });

    it('names the task of a recorded event (v1.1 taskName), so clients describe it in their own language', async () => {
      const team = await newAccount();
      const task = await call(team.token, 'POST', '/tasks', { toolId: 'rank-tracker', name: 'Berlin Audit' });
      const record = (
        key: string,
        extra: { taskId?: string; taskName?: string; type?: 'task_updated' | 'signed_in' } = {},
      ) =>
        server.events.record({
          accountId: team.account.id,
          userId: team.owner.id,
          type: 'task_updated',
          cost: 0,
          description: 'Updated a task',
          toolId: 'rank-tracker',
          idempotencyKey: key,
          ...extra,
        });
      assert.equal(
        (await record('looked-up', { taskId: task.body.id })).taskName,
        'Berlin Audit',
        'looked up when the caller gives only the id',
      );
      assert.equal(
        (await record('given', { taskId: task.body.id, taskName: 'Berlin Audit (old)' })).taskName,
        'Berlin Audit (old)',
      );
      assert.equal((await record('none', { type: 'signed_in' })).taskName, null);
      const events = await call(team.token, 'GET', `/users/${team.owner.id}/events`);
      assert.deepEqual(
        events.body.items.map((event: { type: string; taskName: string | null }) => [event.type, event.taskName]),
        [
          ['signed_in', null],
          ['task_updated', 'Berlin Audit (old)'],
          ['task_updated', 'Berlin Audit'],
          ['task_created', 'Berlin Audit'],
        ],
      );
    });

    it('keeps accounts apart: every id of another account is 404 on every route', async () => {
      const a = await newAccount();
      const b = await newAccount();
      const foreign = await addColleague(b, 'bob.other');
      const task = await call(b.token, 'POST', '/tasks', { toolId: 'rank-tracker', name: 'B only' });
      assert.equal(task.status, 201);
      // Every route of the contract, each id parameter filled with every id of the other account.
      const foreignIds = { id: [foreign.id, b.owner.id, task.body.id, 'usr_00001'], toolId: ['rank-tracker'] };
      const bodies: Record<string, unknown> = {
        POST: { firstName: 'Hacked', lastName: 'X', email: `x@${a.domain}`, role: 'manager' },
        PATCH: { firstName: 'Hacked' },
      };
      let checked = 0;
      for (const route of ROUTES.filter((candidate) => candidate.path.includes(':id'))) {
        for (const id of foreignIds.id) {
          const answer = await call(a.token, route.method, route.path.replace(':id', id), bodies[route.method]);
          assert.equal(answer.status, 404, `${route.method} ${route.path} with ${id}: ${JSON.stringify(answer.body)}`);
          checked += 1;
        }
      }
      assert.ok(checked >= 24, `checked ${checked} route and id pairs`);
      // A tool id both accounts use answers only the asking account's tasks; filters by foreign ids find nothing.
      const toolTasks = await call(a.token, 'GET', '/tools/rank-tracker/tasks');
      assert.equal(toolTasks.status, 200);
      assert.ok(toolTasks.body.items.every((item: { id: string }) => item.id !== task.body.id));
      for (const path of [
        `/tasks?ownerId=${b.owner.id}`,
        `/audit?targetId=${foreign.id}`,
        `/audit?actorId=${b.owner.id}`,
        `/users?q=${encodeURIComponent(foreign.email)}`,
      ]) {
        const answer = await call(a.token, 'GET', path);
        assert.equal(answer.status, 200, path);
        assert.equal(answer.body.total, 0, path);
      }
      // And B's data is as it was.
      assert.equal((await call(b.token, 'GET', `/users/${foreign.id}`)).body.firstName, 'Max');
      const grant = await call(a.token, 'POST', '/users', {
        firstName: 'G',
        lastName: 'Guest',
        email: `gus@${a.domain}`,
        role: 'guest',
        access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: task.body.id }] },
      });
      assert.equal(grant.status, 422);
      assert.equal(grant.body.errors[0].code, 'unknown_task');
      const lists = await call(a.token, 'GET', '/users?q=bob');
      assert.equal(lists.body.total, 0);
      const tasks = await call(a.token, 'GET', '/tasks');
      assert.ok(tasks.body.items.every((item: { id: string }) => item.id !== task.body.id));
      // The same email cannot hold a seat in two accounts (the login name of the whole server).
      const b2 = await newAccount({ emailDomain: null });
      const taken = await call(b2.token, 'POST', '/users', {
        firstName: 'Bob',
        lastName: 'Again',
        email: foreign.email,
        role: 'manager',
      });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.code, 'email_taken');
    });

    it('never takes a deleted profile’s token back, even for a new profile with the same email', async () => {
      const team = await newAccount();
      const first = await addColleague(team, 'ida.idle');
      await verifyByMail(first.email, 'ida has a good password');
      const token = await server.tokens.issue({ accountId: team.account.id, userId: first.id });
      assert.equal((await call(token, 'GET', '/me')).status, 200);
      assert.equal((await call(team.token, 'DELETE', `/users/${first.id}`)).status, 204);
      const again = await addColleague(team, 'ida.idle');
      assert.notEqual(again.id, first.id);
      await verifyByMail(again.email, 'ida has a new password');
      assert.equal((await call(token, 'GET', '/me')).status, 401);
    });

    it('answers 429 with Retry-After past the per-profile rate limit', async () => {
      const team = await newAccount();
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await call(team.token, 'GET', '/me')).status);
      assert.ok(statuses.includes(429), 'limited');
      const limited = await call(team.token, 'GET', '/me');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      // Another profile's budget is its own.
      const other = await newAccount();
      assert.equal((await call(other.token, 'GET', '/me')).status, 200);
    });

    it('refuses a body over 1 MiB with 413, and reads no body before authentication', async () => {
      const team = await newAccount();
      const big = JSON.stringify({ firstName: 'x'.repeat(1024 * 1024) });
      assert.equal((await call(team.token, 'POST', '/users', JSON.parse(big))).status, 413);
      let pulled = 0;
      const stream = new ReadableStream({
        pull(controller) {
          pulled += 65536;
          controller.enqueue(new Uint8Array(65536));
        },
      });
      const answer = await server.fetch(
        new Request(`${BASE}/users`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit),
      );
      assert.equal(answer.status, 401);
      assert.ok(pulled <= 65536 * 2, `read ${pulled} bytes before refusing`);
    });
  });
}
