/**
 * `rosterkit serve --demo`: the demo account seeded from the reference API's demo data (once,
 * kept across restarts), sign-in with the demo password, and the development routes that exist
 * only with --demo: POST /dev/token and GET /dev/inbox (escaped, strict CSP).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createReferenceApi } from '../../src/mock/index.js';
import { type ServeOptions, serve } from '../../src/server/cli.js';
import { DEMO_PASSWORD, DEMO_VIEWERS, demo } from '../../src/server/demo.js';

type Running = Awaited<ReturnType<typeof serve>>;
const options = (dataDir: string, demoMode: boolean): ServeOptions => ({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  databaseUrl: null,
  mailFrom: 'Roster <no-reply@localhost>',
  demo: demoMode,
});
const start = (dataDir: string, demoMode: boolean) =>
  serve(options(dataDir, demoMode), demoMode ? demo({ pageDir: null }) : undefined);

async function tokenFor(url: string, email: string) {
  const response = await fetch(`${url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { token: string }).token;
}

async function get(url: string, path: string, token: string) {
  const response = await fetch(`${url}/api/roster/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
  return response.json() as Promise<Record<string, any>>;
}

/** What the panel shows of the team, comparable across the two backends (ids differ). */
async function team(call: (path: string) => Promise<Record<string, any>>) {
  const users = (await call('/users?limit=100')).items as Record<string, any>[];
  const tasks = await call('/tasks?limit=100');
  const events: Record<string, number> = {};
  for (const user of users) events[user.email] = (await call(`/users/${user.id}/events?limit=1`)).total;
  return {
    users: users
      .map((user) => ({
        email: user.email,
        role: user.role,
        status: user.status,
        creditsSpent: user.creditsSpent,
        creditLimit: user.creditLimit,
        tools: user.access.tools,
        grants: user.access.tasks.length,
      }))
      .sort((a, b) => a.email.localeCompare(b.email)),
    tasks: (tasks.items as { name: string }[]).map((task) => task.name).sort(),
    taskTotal: tasks.total,
    events,
  };
}

describe('rosterkit serve --demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-demo-'));
  let running: Running;

  before(async () => {
    running = await start(dataDir, true);
  });
  after(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds the reference API's demo: the same account, team, tasks and histories", async () => {
    const ownerToken = await tokenFor(running.url, DEMO_VIEWERS.owner);
    const me = await get(running.url, '/me', ownerToken);
    assert.equal(me.account.name, 'Nordlicht Analytics GmbH');
    assert.equal(me.user.email, DEMO_VIEWERS.owner);

    const reference = createReferenceApi({ data: 'demo' });
    const referenceCall = async (path: string) => {
      const response = await reference.fetch(`http://localhost/api/roster/v1${path}`, {
        headers: { authorization: `Bearer ${reference.tokenFor(DEMO_VIEWERS.owner)}` },
      });
      return response.json() as Promise<Record<string, any>>;
    };
    const seeded = await team((path) => get(running.url, path, ownerToken));
    const expected = await team(referenceCall);
    assert.equal(seeded.users.length, 11);
    assert.deepEqual(seeded, expected);
    assert.ok(
      Object.values(seeded.events).some((total) => total > 20),
      'weeks of events, not an empty history',
    );
  });

  it('signs the demo people in with the demo password, and the pending ones only after their mailed link', async () => {
    const signedIn = await running.roster.signIn({
      email: DEMO_VIEWERS.specialist,
      password: DEMO_PASSWORD,
      ip: '127.0.0.1',
    });
    assert.equal(signedIn.ok, true);
    assert.deepEqual(
      await running.roster.signIn({ email: DEMO_VIEWERS.guest, password: 'not the demo password', ip: '127.0.0.1' }),
      { ok: false, reason: 'invalid_credentials' },
    );
    const mail = await running.roster.outbox();
    assert.deepEqual(mail.map((entry) => entry.to).sort(), [
      'hannah.mueller@nordlicht.de',
      'oliver.brooks@nordlicht.de',
    ]);
    assert.ok(mail[0]!.link && mail[0]!.text.includes(mail[0]!.link), 'the mail carries its link');
    const verified = await fetch(`${running.url}${mail[0]!.link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'a password of my own choosing' }),
    });
    assert.equal(verified.status, 200, await verified.clone().text());
    assert.equal(
      (await running.roster.signIn({ email: mail[0]!.to, password: 'a password of my own choosing', ip: '127.0.0.1' }))
        .ok,
      true,
    );
  });

  it('adds colleagues to the seeded account (its ids never collide with the ones the server hands out)', async () => {
    const ownerToken = await tokenFor(running.url, DEMO_VIEWERS.owner);
    const post = (path: string, body: unknown) =>
      fetch(`${running.url}/api/roster/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // The demo plan has one free seat, as in the reference API.
    const created = await post('/users', {
      firstName: 'Anna',
      lastName: 'Neu',
      email: 'anna.neu@nordlicht.de',
      role: 'specialist',
      access: { tools: ['rank-tracker'], tasks: [] },
    });
    assert.equal(created.status, 201, await created.clone().text());
    for (const index of [1, 2, 3]) {
      const task = await post('/tasks', { toolId: 'rank-tracker', name: `Neue Aufgabe ${index}` });
      assert.equal(task.status, 201, await task.clone().text());
    }
  });

  it('hands out tokens only for active people of the demo account, as JSON', async () => {
    const ask = (body: unknown, type = 'application/json') =>
      fetch(`${running.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify(body),
      });
    assert.equal((await ask({ email: 'oliver.brooks@nordlicht.de' })).status, 404, 'pending');
    assert.equal((await ask({ email: 'nobody@nordlicht.de' })).status, 404);
    assert.equal(
      (await ask({ email: DEMO_VIEWERS.owner }, 'text/plain')).status,
      415,
      'a cross-site form cannot get one',
    );
    assert.equal((await fetch(`${running.url}/dev/token`)).status, 405);
  });

  it('tries a sign-in as the host’s login would, allowed IPs included, at /dev/sign-in', async () => {
    const signIn = async (body: Record<string, string>) =>
      (
        await fetch(`${running.url}/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const owner = await signIn({ email: DEMO_VIEWERS.owner, password: DEMO_PASSWORD, ip: '192.0.2.1' });
    assert.equal(owner.ok, true);
    assert.deepEqual(await signIn({ email: DEMO_VIEWERS.owner, password: 'not the demo password', ip: '192.0.2.1' }), {
      ok: false,
      reason: 'invalid_credentials',
    });
    assert.deepEqual(
      await signIn({ email: 'oliver.brooks@nordlicht.de', password: DEMO_PASSWORD, ip: '192.0.2.1' }),
      { ok: false, reason: 'invalid_credentials' },
      'a pending person has no password yet',
    );
    // Someone restricted to an office range gets in from there only.
    const ownerToken = await tokenFor(running.url, DEMO_VIEWERS.owner);
    const team = await (
      await fetch(`${running.url}/api/roster/v1/users?q=${encodeURIComponent(DEMO_VIEWERS.manager)}`, {
        headers: { authorization: `Bearer ${ownerToken}` },
      })
    ).json();
    const manager = team.items[0];
    const patched = await fetch(`${running.url}/api/roster/v1/users/${manager.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowedIps: ['10.0.0.0/8'] }),
    });
    assert.equal(patched.status, 200);
    assert.deepEqual(await signIn({ email: DEMO_VIEWERS.manager, password: DEMO_PASSWORD, ip: '192.0.2.1' }), {
      ok: false,
      reason: 'ip_not_allowed',
    });
    assert.equal((await signIn({ email: DEMO_VIEWERS.manager, password: DEMO_PASSWORD, ip: '10.20.30.40' })).ok, true);
    assert.equal((await fetch(`${running.url}/dev/sign-in`)).status, 405);
  });

  it('lists the outbox at /dev/inbox, newest first, with its links, under a strict CSP', async () => {
    const response = await fetch(`${running.url}/dev/inbox`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/html/);
    const csp = response.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    const html = await response.text();
    const newest = (await running.roster.outbox()).at(-1)!;
    assert.ok(
      html.indexOf(newest.to) < html.indexOf('hannah.mueller@nordlicht.de') ||
        newest.to === 'hannah.mueller@nordlicht.de',
    );
    assert.ok(html.includes(`href="${newest.link}"`));
    assert.match(html, /queued/);
  });

  it('escapes hostile subjects and addresses in the inbox', async () => {
    const hostile = '<img src=x onerror=alert(1)> & "Co"';
    const { account, owner } = await running.roster.accounts.create({
      name: hostile,
      emailDomain: 'evil-inbox.de',
      seatLimit: 3,
      passwordMode: 'per-user',
      credits: 0,
      tools: [],
      owner: {
        firstName: 'Eve',
        lastName: 'Owner',
        email: 'eve.owner@evil-inbox.de',
        password: 'owner password of the team',
      },
    });
    const token = await running.roster.tokens.issue({ accountId: account.id, userId: owner.id });
    const created = await fetch(`${running.url}/api/roster/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        firstName: 'Mallory',
        lastName: 'Guest',
        email: 'mallory.guest@evil-inbox.de',
        role: 'manager',
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const html = await (await fetch(`${running.url}/dev/inbox`)).text();
    assert.ok(!html.includes('<img'), 'no markup from a subject');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;'));
  });

  it('keeps the demo across restarts: no second seed, changes kept', async () => {
    const before = (await running.roster.outbox()).length;
    await running.stop();
    running = await start(dataDir, true);
    const ownerToken = await tokenFor(running.url, DEMO_VIEWERS.owner);
    const users = await get(running.url, '/users?limit=100', ownerToken);
    assert.equal(users.total, 12, 'the 11 seeded people and the one added, once');
    assert.equal((await running.roster.outbox()).length, before);
  });
});

describe('rosterkit serve without --demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-plain-'));
  let running: Running;
  before(async () => {
    running = await start(dataDir, false);
  });
  after(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has no /dev/token, no /dev/sign-in, no /dev/inbox, no demo page and no demo account', async () => {
    assert.equal(
      (
        await fetch(`${running.url}/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
      404,
    );
    const token = await fetch(`${running.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_VIEWERS.owner }),
    });
    assert.equal(token.status, 404);
    assert.equal((await fetch(`${running.url}/dev/inbox`)).status, 404);
    assert.equal((await fetch(`${running.url}/`)).status, 404);
    assert.equal(
      (await running.roster.signIn({ email: DEMO_VIEWERS.owner, password: DEMO_PASSWORD, ip: '127.0.0.1' })).ok,
      false,
    );
  });
});
