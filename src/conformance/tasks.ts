/** Tasks and credits (rules 9, 14) and deleting profiles with their tasks (rules 10, 13). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TaskSchema } from '../sdk/schemas.js';
import type { Task, User } from '../sdk/schemas.js';
import { type Fixture, start } from './fixture.js';
import { assertFieldError, assertProblem, assertShape, assertStatus, show } from './http.js';
import type { Suite } from './index.js';

const path = (user: Pick<User, 'id'>) => `/users/${encodeURIComponent(user.id)}`;

/** What a refused task must leave as it was: the balance, the profile's spending and its events. */
async function ledger(f: Fixture, user: User) {
  const stats = (await f.as('owner').get(`${path(user)}/stats`)).body;
  const events = (await f.as('owner').get(`${path(user)}/events?limit=1`)).body.total;
  return { balance: await f.balance(), spent: stats.creditsSpent, events };
}

export const credits: Suite = (options, title) =>
  describe(title('tasks and credits (rules 9, 14; POST /tasks)'), () => {
    it("POST /tasks answers 201 Task, owned by the viewer, name trimmed, and charges the tool's cost to the viewer", async () => {
      const f = await start(options);
      const tool = f.declared.tools[1]!;
      const answer = await f.as('manager').post('/tasks', { toolId: tool.id, name: '  Shop audit ' });
      assertStatus(answer, 201, 'POST /tasks');
      assertShape(TaskSchema, answer.body, 'Task');
      assert.equal(answer.body.name, 'Shop audit');
      assert.equal(answer.body.ownerId, f.users.manager.id);
      assert.equal(answer.body.toolId, tool.id);
      assert.equal(await f.balance(), f.declared.balance - tool.taskCost);
      assert.equal((await f.user(f.users.manager.id)).creditsSpent, f.users.manager.creditsSpent + tool.taskCost);
    });

    it("refuses a task past the specialist's credit limit with 409 credit_limit_reached and charges nothing", async () => {
      const f = await start(options);
      const tool = f.declared.tools[0]!;
      const limit = f.users.specialist.creditsSpent + tool.taskCost;
      assertStatus(
        await f.as('owner').patch(path(f.users.specialist), { creditLimit: limit }),
        200,
        'set the limit to one task',
      );
      await f.addTask('specialist', tool.id);
      const stats = (await f.as('owner').get(`${path(f.users.specialist)}/stats`)).body;
      assert.equal(stats.creditsAvailable, 0, 'creditsAvailable = min(limit − spent, balance)');
      const before = await ledger(f, f.users.specialist);
      assertProblem(
        await f.as('specialist').post('/tasks', { toolId: tool.id, name: 'One too many' }),
        409,
        'credit_limit_reached',
      );
      assert.deepEqual(await ledger(f, f.users.specialist), before, 'a refused task charges nothing');
      const tasks = (await f.as('owner').get(`/tasks?ownerId=${encodeURIComponent(f.users.specialist.id)}&limit=200`))
        .body.items as Task[];
      assert.ok(!tasks.some((task) => task.name === 'One too many'), 'and creates no task');
    });

    it('refuses a task costing more than the balance with 409 insufficient_credits, for everyone, and charges nothing', async () => {
      const f = await start(options);
      const dearest = f.dearest;
      assertStatus(
        await f
          .as('owner')
          .patch(path(f.users.specialist), { creditLimit: null, access: { tools: [dearest.id], tasks: [] } }),
        200,
        'no limit, granted the dearest tool',
      );
      let balance = f.declared.balance;
      while (balance >= dearest.taskCost) {
        await f.addTask('owner', dearest.id, `Spend ${balance}`);
        balance -= dearest.taskCost;
      }
      assert.equal(await f.balance(), balance);
      for (const role of ['owner', 'manager', 'specialist'] as const) {
        const before = await ledger(f, f.users[role]);
        assertProblem(
          await f.as(role).post('/tasks', { toolId: dearest.id, name: 'Too dear' }),
          409,
          'insufficient_credits',
          `as the ${role}`,
        );
        assert.deepEqual(await ledger(f, f.users[role]), before, 'a refused task charges nothing');
      }
      const stats = (await f.as('owner').get(`${path(f.users.specialist)}/stats`)).body;
      assert.equal(stats.creditsAvailable, balance, 'without a limit, creditsAvailable is the balance');
      // Rule 14: a tool not granted is forbidden, checked before credits.
      const other = f.declared.tools.find((tool) => tool.id !== dearest.id)!;
      assertProblem(
        await f.as('specialist').post('/tasks', { toolId: other.id, name: 'Not granted' }),
        403,
        'forbidden',
      );
      if (balance >= f.cheapest.taskCost && f.cheapest.id !== dearest.id) {
        assertStatus(
          await f.as('owner').post('/tasks', { toolId: f.cheapest.id, name: 'Still fits' }),
          201,
          'a task that fits the balance',
        );
      }
    });

    it('a specialist creates tasks only in granted tools (403 forbidden), a guest none', async () => {
      const f = await start(options);
      const before = await f.balance();
      assertProblem(
        await f.as('specialist').post('/tasks', { toolId: f.declared.tools[1]!.id, name: 'Not granted' }),
        403,
        'forbidden',
      );
      assertProblem(
        await f.as('guest').post('/tasks', { toolId: f.guestTask.toolId, name: 'Guest task' }),
        403,
        'forbidden',
      );
      assert.equal(await f.balance(), before);
    });

    it('validates task fields: an unknown tool, an empty or over-long name; 200 code points fit, no letter needed (rule 1)', async () => {
      const f = await start(options);
      const tool = f.declared.tools[0]!.id;
      const unknown = await f.as('owner').post('/tasks', { toolId: 'conformance-no-such-tool', name: 'X' });
      assert.equal(unknown.status, 422, show(unknown));
      assertFieldError(unknown, 'toolId');
      for (const name of ['   ', 'x'.repeat(201)]) {
        const answer = await f.as('owner').post('/tasks', { toolId: tool, name });
        assert.equal(answer.status, 422, show(answer));
        assertFieldError(answer, 'name');
      }
      assertStatus(await f.as('owner').post('/tasks', { toolId: tool, name: '2026' }), 201, 'a name without letters');
      assertStatus(await f.as('owner').post('/tasks', { toolId: tool, name: 'y'.repeat(200) }), 201, '200 code points');
    });
  });

export const deleting: Suite = (options, title) =>
  describe(title('DELETE /users/{id} (rule 13; rule 10 after a delete)'), () => {
    it("tasks=transfer (the default) gives the profile's tasks to the owner; the profile is gone and its seat free", async () => {
      const f = await start(options);
      const task = await f.addTask('specialist', f.declared.tools[0]!.id, 'Keep me');
      assertStatus(await f.as('owner').delete(path(f.users.specialist)), 204, 'DELETE');
      assertProblem(await f.as('owner').get(path(f.users.specialist)), 404, 'not_found');
      const owned = (await f.as('owner').get(`/tasks?ownerId=${encodeURIComponent(f.users.owner.id)}&limit=200`)).body
        .items as Task[];
      assert.ok(
        owned.some((item) => item.id === task.id),
        'the task now belongs to the owner',
      );
      assert.equal((await f.as('owner').get('/me')).body.account.seatsUsed, 3);
    });

    it('tasks=transfer explicitly does the same', async () => {
      const f = await start(options);
      const task = await f.addTask('manager', f.declared.tools[0]!.id, 'Transfer me');
      assertStatus(
        await f.as('owner').delete(`${path(f.users.manager)}?tasks=transfer`),
        204,
        'DELETE ?tasks=transfer',
      );
      const owned = (await f.as('owner').get(`/tasks?ownerId=${encodeURIComponent(f.users.owner.id)}&limit=200`)).body
        .items as Task[];
      assert.ok(owned.some((item) => item.id === task.id));
    });

    it("tasks=delete removes the profile's tasks", async () => {
      const f = await start(options);
      const task = await f.addTask('specialist', f.declared.tools[0]!.id, 'Remove me');
      assertStatus(await f.as('owner').delete(`${path(f.users.specialist)}?tasks=delete`), 204, 'DELETE ?tasks=delete');
      const all = (await f.as('owner').get('/tasks?limit=200')).body.items as Task[];
      assert.ok(!all.some((item) => item.id === task.id), 'the task is gone');
    });

    it('tasks=delete is refused (409 guests_need_tasks) when a guest would be left without a task, and deletes nothing', async () => {
      const f = await start(options);
      const task = await f.addTask('specialist', f.declared.tools[0]!.id, "The guest's only task");
      assertStatus(
        await f
          .as('owner')
          .patch(path(f.users.guest), { access: { tools: [], tasks: [{ toolId: task.toolId, taskId: task.id }] } }),
        200,
        "the guest's only task is the specialist's",
      );
      assertProblem(await f.as('owner').delete(`${path(f.users.specialist)}?tasks=delete`), 409, 'guests_need_tasks');
      assertStatus(await f.as('owner').get(path(f.users.specialist)), 200, 'the specialist is still there');
      assert.deepEqual(
        (await f.user(f.users.guest.id)).access.tasks.map((ref) => ref.taskId),
        [task.id],
      );
      assertStatus(
        await f.as('owner').delete(`${path(f.users.specialist)}?tasks=transfer`),
        204,
        'transferring instead',
      );
      assert.deepEqual(
        (await f.user(f.users.guest.id)).access.tasks.map((ref) => ref.taskId),
        [task.id],
      );
    });
  });
