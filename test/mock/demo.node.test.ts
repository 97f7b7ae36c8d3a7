import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_VIEWERS, createReferenceApi } from '../../src/mock/index.js';
import { as } from './helpers.js';

type Api = ReturnType<typeof createReferenceApi>;

async function everything(api: Api) {
  const owner = as(api, DEMO_VIEWERS.owner);
  const users = (await owner.get('/users?limit=200&sort=createdAt')).body.items as { id: string; status: string }[];
  const tasks = (await owner.get('/tasks?limit=200')).body.items;
  const events = [];
  for (const user of users) events.push((await owner.get(`/users/${user.id}/events?limit=200`)).body);
  return { me: (await owner.get('/me')).body, users, tasks, events };
}

describe('reference API: demo data', () => {
  it('is the same on every run', async () => {
    assert.deepEqual(
      await everything(createReferenceApi({ data: 'demo' })),
      await everything(createReferenceApi({ data: 'demo' })),
    );
  });

  it('is Nordlicht Analytics: per-user passwords, 12 seats, the German team with every role', async () => {
    const api = createReferenceApi({ data: 'demo' });
    const { me, users } = await everything(api);
    assert.equal(me.account.name, 'Nordlicht Analytics GmbH');
    assert.equal(me.account.emailDomain, 'nordlicht.de');
    assert.equal(me.account.passwordMode, 'per-user');
    assert.deepEqual(me.account.plan, { name: 'Enterprise', seatLimit: 12 });
    assert.equal(me.account.credits.balance, 25_000);
    assert.deepEqual(
      me.account.tools.map((tool: { name: string; taskCost: number }) => `${tool.name} ${tool.taskCost}`),
      ['Rank Tracker 10', 'Site Audit 25', 'Keyword Research 5', 'Backlink Monitor 15'],
    );
    assert.equal(me.user.firstName, 'Greta');
    assert.equal(users.length, 11);
    const all = users as unknown as {
      firstName: string;
      lastName: string;
      email: string;
      role: string;
      status: string;
    }[];
    assert.ok(all.some((user) => user.firstName === 'Jürgen' && user.lastName === 'Weiß' && user.role === 'manager'));
    assert.ok(
      all.some((user) => /[^\p{Script=Latin}\s]/u.test(user.firstName)),
      'a name in another script',
    );
    assert.deepEqual([...new Set(all.map((user) => user.role))].sort(), ['guest', 'manager', 'owner', 'specialist']);
    assert.equal(all.filter((user) => user.status === 'pending').length, 2);
    assert.ok(all.every((user) => user.email.endsWith('@nordlicht.de')));
    assert.equal(api.outbox().length, 2, 'the pending profiles have their links');
  });

  it('exports DEMO_VIEWERS: active profiles of each role that fit the demo', async () => {
    const api = createReferenceApi({ data: 'demo' });
    for (const [role, email] of Object.entries(DEMO_VIEWERS)) {
      const me = await as(api, email).get('/me');
      assert.equal(me.status, 200, email);
      assert.equal(me.body.user.role, role);
      assert.equal(me.body.user.status, 'active');
    }
    const specialist = (await as(api, DEMO_VIEWERS.specialist).get('/me')).body.user;
    assert.ok(specialist.access.tools.length > 0);
    assert.ok(specialist.creditLimit > specialist.creditsSpent);
    assert.ok((await as(api, DEMO_VIEWERS.guest).get('/tasks')).body.total > 0);
    // The specialist can spend in a granted tool, right away.
    assert.equal(
      (await as(api, DEMO_VIEWERS.specialist).post('/tasks', { toolId: specialist.access.tools[0], name: 'Demo task' }))
        .status,
      201,
    );
  });

  it('gives new profiles and tasks ids of their own, next to the demo’s', async () => {
    const api = createReferenceApi({ data: 'demo' });
    const owner = as(api, DEMO_VIEWERS.owner);
    const tasksBefore = (await owner.get('/tasks?limit=200')).body.items;
    const created = await owner.post('/users', {
      firstName: 'Neu',
      lastName: 'Ling',
      email: 'neu.ling@nordlicht.de',
      role: 'manager',
      password: 'a long passphrase 4711',
    });
    const task = await owner.post('/tasks', { toolId: 'site-audit', name: 'New audit' });
    assert.equal((await owner.get('/users')).body.total, 12);
    const tasksAfter = (await owner.get('/tasks?limit=200')).body.items;
    assert.equal(tasksAfter.length, tasksBefore.length + 1);
    assert.ok(
      tasksBefore.every((before: { id: string }) => tasksAfter.some((after: { id: string }) => after.id === before.id)),
    );
    assert.ok(![...tasksBefore.map((t: { id: string }) => t.id)].includes(task.body.id));
    assert.equal((await owner.get(`/users/${created.body.id}`)).body.email, 'neu.ling@nordlicht.de');
  });

  it('has weeks of events whose costs add up to what each profile spent', async () => {
    const { users, events } = await everything(createReferenceApi({ data: 'demo' }));
    const spent = users as unknown as { creditsSpent: number; creditLimit: number | null; status: string }[];
    spent.forEach((user, index) => {
      const page = events[index] as { total: number; items: { cost: number; at: string }[] };
      assert.equal(
        page.items.reduce((sum, event) => sum + event.cost, 0),
        user.creditsSpent,
      );
      if (user.creditLimit !== null) assert.ok(user.creditsSpent <= user.creditLimit);
      if (user.status === 'active') {
        const days = new Set(page.items.map((event) => event.at.slice(0, 10)));
        assert.ok(days.size >= 5, 'active on several days');
      } else assert.equal(page.total, 0);
    });
  });

  it('generates extra colleagues deterministically, with one free seat', async () => {
    const first = (
      await as(createReferenceApi({ data: 'demo', demoUsers: 5000 }), DEMO_VIEWERS.owner).get(
        '/users?sort=-createdAt&limit=200',
      )
    ).body;
    const second = (
      await as(createReferenceApi({ data: 'demo', demoUsers: 5000 }), DEMO_VIEWERS.owner).get(
        '/users?sort=-createdAt&limit=200',
      )
    ).body;
    assert.equal(first.total, 5000);
    assert.deepEqual(first.items, second.items);
    assert.equal(new Set(first.items.map((user: { email: string }) => user.email)).size, 200);
  });

  it('generates 100,000 profiles in about a second', async () => {
    // CPU time, not wall time: test files run in parallel and share the machine.
    const before = process.cpuUsage();
    const api = createReferenceApi({ data: 'demo', demoUsers: 100_000 });
    const used = process.cpuUsage(before);
    const milliseconds = (used.user + used.system) / 1000;
    assert.ok(milliseconds < 3000, `took ${milliseconds} ms of CPU`);
    const me = (await as(api, DEMO_VIEWERS.owner).get('/me')).body;
    assert.equal(me.account.seatsUsed, 100_000);
    assert.equal(me.account.plan.seatLimit, 100_001);
  });
});
