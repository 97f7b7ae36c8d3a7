import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceApi } from '../../src/mock/index.js';
import { OWNER, as, assertFieldError, assertProblem, newProfile, verify } from './helpers.js';

/** Owner, a manager, a specialist with Site Audit and a limit, and a guest granted the owner's task. */
async function setup({ credits = 1000, creditLimit = 60 as number | null } = {}) {
  const api = createReferenceApi({ account: { credits } });
  const ownerTask = (await as(api, OWNER).post('/tasks', { toolId: 'rank-tracker', name: 'Owner project' })).body;
  const add = async (profile: Record<string, unknown>) => {
    const created = await as(api, OWNER).post('/users', newProfile(profile));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await verify(api, created.body.email);
    return created.body as { id: string; email: string };
  };
  const manager = await add({ firstName: 'Mona', email: 'mona@acme.de', role: 'manager' });
  const specialist = await add({
    firstName: 'Sam',
    email: 'sam@acme.de',
    creditLimit,
    access: { tools: ['site-audit'], tasks: [] },
  });
  const guest = await add({
    firstName: 'Gus',
    email: 'gus@acme.de',
    role: 'guest',
    access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: ownerTask.id }] },
  });
  return { api, ownerTask, manager, specialist, guest };
}

const balance = async (api: ReturnType<typeof createReferenceApi>) =>
  (await as(api, OWNER).get('/me')).body.account.credits.balance;

describe('reference API: tasks and credits', () => {
  it('charges the tool’s cost to the creator and writes a task_created event', async () => {
    const { api, specialist } = await setup();
    const created = await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: '  Shop audit ' });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, 'Shop audit');
    assert.equal(created.body.ownerId, specialist.id);
    assert.equal(await balance(api), 1000 - 10 - 25);
    const profile = (await as(api, OWNER).get(`/users/${specialist.id}`)).body;
    assert.equal(profile.creditsSpent, 25);
    const events = (await as(api, OWNER).get(`/users/${specialist.id}/events`)).body;
    assert.equal(events.total, 1);
    assert.deepEqual(
      { ...events.items[0], id: undefined, at: undefined },
      {
        id: undefined,
        at: undefined,
        type: 'task_created',
        description: 'Created the task “Shop audit” in Site Audit',
        cost: 25,
        toolId: 'site-audit',
        taskId: created.body.id,
        taskName: 'Shop audit',
      },
    );
    const stats = (await as(api, OWNER).get(`/users/${specialist.id}/stats`)).body;
    assert.deepEqual(
      { ...stats, createdAt: undefined, lastActiveAt: undefined },
      {
        role: 'specialist',
        creditLimit: 60,
        createdAt: undefined,
        creditsAvailable: 35,
        creditsSpent: 25,
        tasksOwned: 1,
        lastActiveAt: undefined,
      },
    );
    assert.equal(stats.lastActiveAt, events.items[0].at);
  });

  it('refuses past the credit limit (409 credit_limit_reached) and charges nothing', async () => {
    const { api, specialist } = await setup({ creditLimit: 30 });
    assert.equal((await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'One' })).status, 201);
    const refused = await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'Two' });
    assertProblem(refused, 409, 'credit_limit_reached');
    assert.equal((await as(api, OWNER).get(`/users/${specialist.id}`)).body.creditsSpent, 25);
    assert.equal(await balance(api), 1000 - 10 - 25);
    assert.equal((await as(api, OWNER).get(`/users/${specialist.id}/events`)).body.total, 1);
    assert.equal((await as(api, OWNER).get(`/users/${specialist.id}/stats`)).body.creditsAvailable, 5);
  });

  it('refuses past the account balance (409 insufficient_credits) and charges nothing', async () => {
    const { api, specialist, manager } = await setup({ credits: 30, creditLimit: null });
    assertProblem(
      await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'Big' }),
      409,
      'insufficient_credits',
    );
    assertProblem(
      await as(api, manager.email).post('/tasks', { toolId: 'site-audit', name: 'Big' }),
      409,
      'insufficient_credits',
    );
    assert.equal(await balance(api), 20);
    assert.equal((await as(api, OWNER).get(`/users/${specialist.id}/stats`)).body.creditsAvailable, 20);
    assert.equal((await as(api, manager.email).post('/tasks', { toolId: 'rank-tracker', name: 'Fits' })).status, 201);
    assert.equal(await balance(api), 10);
  });

  it('lets specialists create only in granted tools, checked before credits, and guests never (403)', async () => {
    const { api, specialist, guest } = await setup({ credits: 10 });
    assertProblem(
      await as(api, specialist.email).post('/tasks', { toolId: 'rank-tracker', name: 'Not mine' }),
      403,
      'forbidden',
    );
    assertProblem(
      await as(api, specialist.email).post('/tasks', { toolId: 'no-such-tool', name: 'X' }),
      403,
      'forbidden',
    );
    assertProblem(
      await as(api, guest.email).post('/tasks', { toolId: 'rank-tracker', name: 'Guest task' }),
      403,
      'forbidden',
    );
    assertProblem(
      await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'Granted' }),
      409,
      'insufficient_credits',
    );
  });

  it('validates task fields: unknown tool, empty or over-long names', async () => {
    const { api } = await setup();
    assertFieldError(
      await as(api, OWNER).post('/tasks', { toolId: 'no-such-tool', name: 'X' }),
      'toolId',
      'unknown_tool',
    );
    assertFieldError(await as(api, OWNER).post('/tasks', { toolId: 'site-audit', name: '   ' }), 'name', 'required');
    assertFieldError(
      await as(api, OWNER).post('/tasks', { toolId: 'site-audit', name: 'x'.repeat(201) }),
      'name',
      'too_long',
    );
    assert.equal((await as(api, OWNER).post('/tasks', { toolId: 'site-audit', name: '2026' })).status, 201);
  });

  it('shows tasks by role: owner and managers all, specialists own and granted, guests granted', async () => {
    const { api, ownerTask, manager, specialist, guest } = await setup();
    const own = (await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'Specialist audit' }))
      .body;
    const other = (await as(api, manager.email).post('/tasks', { toolId: 'site-audit', name: 'Manager audit' })).body;
    const names = async (who: string, query = '') =>
      (await as(api, who).get(`/tasks${query}`)).body.items.map((task: { name: string }) => task.name).sort();
    assert.deepEqual(await names(OWNER), ['Manager audit', 'Owner project', 'Specialist audit']);
    assert.deepEqual(await names(manager.email), ['Manager audit', 'Owner project', 'Specialist audit']);
    assert.deepEqual(await names(specialist.email), ['Specialist audit']);
    assert.deepEqual(await names(guest.email), ['Owner project']);
    // "Show shared": tasks other profiles created; shared=false: the viewer's own.
    assert.deepEqual(await names(manager.email, '?shared=true'), ['Owner project', 'Specialist audit']);
    assert.deepEqual(await names(manager.email, '?shared=false'), ['Manager audit']);
    assert.deepEqual(await names(OWNER, `?ownerId=${specialist.id}`), ['Specialist audit']);
    assert.deepEqual(await names(OWNER, '?toolId=rank-tracker'), ['Owner project']);
    assertFieldError(await as(api, OWNER).get('/tasks?shared=yes'), 'shared', 'invalid_value');
    // Granting a task makes it visible to the specialist.
    await as(api, OWNER).patch(`/users/${specialist.id}`, {
      access: { tools: ['site-audit'], tasks: [{ toolId: 'site-audit', taskId: other.id }] },
    });
    assert.deepEqual(await names(specialist.email), ['Manager audit', 'Specialist audit']);
    assert.ok(own.id && ownerTask.id);
  });

  it('lists a tool’s tasks by name with search and cursor pages', async () => {
    const { api, guest } = await setup({ credits: 10_000 });
    for (const name of ['Zürich', 'Berlin Mitte', 'Köln', 'Aachen', 'Berlin Süd']) {
      await as(api, OWNER).post('/tasks', { toolId: 'keyword-research', name });
    }
    const first = (await as(api, OWNER).get('/tools/keyword-research/tasks?limit=2')).body;
    assert.deepEqual(
      first.items.map((task: { name: string }) => task.name),
      ['Aachen', 'Berlin Mitte'],
    );
    assert.equal(first.total, 5);
    const second = (await as(api, OWNER).get(`/tools/keyword-research/tasks?limit=2&cursor=${first.nextCursor}`)).body;
    assert.deepEqual(
      second.items.map((task: { name: string }) => task.name),
      ['Berlin Süd', 'Köln'],
    );
    const third = (await as(api, OWNER).get(`/tools/keyword-research/tasks?limit=2&cursor=${second.nextCursor}`)).body;
    assert.deepEqual(
      third.items.map((task: { name: string }) => task.name),
      ['Zürich'],
    );
    assert.equal(third.nextCursor, null);
    const found = (await as(api, OWNER).get('/tools/keyword-research/tasks?q=zuri')).body;
    assert.deepEqual(
      found.items.map((task: { name: string }) => task.name),
      ['Zürich'],
    );
    assert.equal((await as(api, guest.email).get('/tools/keyword-research/tasks')).body.total, 0);
    assertProblem(await as(api, OWNER).get('/tools/no-such-tool/tasks'), 404, 'not_found');
  });
});

describe('reference API: deleting profiles (rule 13)', () => {
  it('transfers the tasks to the owner by default', async () => {
    const { api, specialist } = await setup();
    const task = (await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'Keep me' })).body;
    assert.equal((await as(api, OWNER).delete(`/users/${specialist.id}`)).status, 204);
    const owner = (await as(api, OWNER).get('/me')).body.user;
    const moved = (await as(api, OWNER).get(`/tasks?ownerId=${owner.id}`)).body.items.map((t: { id: string }) => t.id);
    assert.ok(moved.includes(task.id));
    assertProblem(await as(api, OWNER).get(`/users/${specialist.id}`), 404, 'not_found');
  });

  it('deletes the tasks with ?tasks=delete, and their grants with them', async () => {
    const { api, specialist, guest } = await setup();
    const task = (await as(api, specialist.email).post('/tasks', { toolId: 'site-audit', name: 'Remove me' })).body;
    const before = (await as(api, OWNER).get(`/users/${guest.id}`)).body;
    await as(api, OWNER).patch(`/users/${guest.id}`, {
      access: { tools: [], tasks: [...before.access.tasks, { toolId: 'site-audit', taskId: task.id }] },
    });
    assert.equal((await as(api, OWNER).delete(`/users/${specialist.id}?tasks=delete`)).status, 204);
    assert.ok(!(await as(api, OWNER).get('/tasks')).body.items.some((t: { id: string }) => t.id === task.id));
    const after = (await as(api, OWNER).get(`/users/${guest.id}`)).body;
    assert.deepEqual(after.access.tasks, before.access.tasks);
  });

  it('refuses an unknown tasks= value with a field error', async () => {
    const { api, specialist } = await setup();
    assertFieldError(await as(api, OWNER).delete(`/users/${specialist.id}?tasks=archive`), 'tasks', 'invalid_value');
    assert.equal((await as(api, OWNER).get(`/users/${specialist.id}`)).status, 200);
  });
});
