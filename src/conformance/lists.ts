/** Lists: cursor pagination with `total`, filters, events, and the audit log (v1.1). */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventSchema, PageSchema, TaskSchema, UserSchema, UserStatsSchema } from '../sdk/schemas.js';
import type { RosterEvent, Task, User } from '../sdk/schemas.js';
import * as z from 'zod/mini';
import { type Fixture, start, strongPassword, walk } from './fixture.js';
import { assertShape, assertStatus } from './http.js';
import type { Suite } from './index.js';

const path = (user: Pick<User, 'id'>) => `/users/${encodeURIComponent(user.id)}`;

export const pagination: Suite = (options, title) =>
  describe(title('pagination by opaque cursor with total (HTTP contract: Pagination)'), () => {
    let f: Fixture;
    const tasks: Task[] = [];
    before(async () => {
      f = await start(options);
      for (let i = 4; i < f.declared.seatLimit; i++) await f.addUser();
      for (let i = 0; i < 5; i++) tasks.push(await f.addTask('owner', f.declared.tools[i % 2]!.id, `Paged task ${i}`));
    });

    it('GET /users: every profile once across pages of 3, total on every page, nextCursor null at the end', async () => {
      const items = await walk<User>(f.as('owner'), '/users', 3);
      assert.equal(items.length, f.declared.seatLimit);
      for (const item of items) assertShape(UserSchema, item, 'a listed User');
    });

    it('GET /users: every sort pages through every profile', async () => {
      for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'creditsSpent', '-creditsSpent']) {
        const items = await walk<User>(f.as('owner'), `/users?sort=${sort}`, 2);
        assert.equal(items.length, f.declared.seatLimit, `sort=${sort}`);
      }
    });

    it('GET /users: total counts the matches of role and status filters', async () => {
      const pending = await walk<User>(f.as('owner'), '/users?status=pending', 2);
      assert.equal(pending.length, f.declared.seatLimit - 4);
      assert.ok(pending.every((user) => user.status === 'pending'));
      const guests = await walk<User>(f.as('manager'), '/users?role=guest', 1);
      assert.deepEqual(
        guests.map((user) => user.id),
        [f.users.guest.id],
      );
      const found = (await f.as('owner').get(`/users?q=${encodeURIComponent(f.users.manager.email)}`)).body;
      assert.ok(
        found.items.some((user: User) => user.id === f.users.manager.id),
        'q searches the email',
      );
    });

    it('GET /users: the default page holds at most 50 and a limit of 1 pages one by one', async () => {
      const page = await f.as('owner').get('/users');
      assertStatus(page, 200, 'GET /users');
      assert.ok(page.body.items.length <= 50 && page.body.total === f.declared.seatLimit);
      assert.equal((await walk(f.as('owner'), '/users', 1)).length, f.declared.seatLimit);
    });

    it('GET /tasks and GET /tools/{toolId}/tasks page through every task', async () => {
      const all = await walk<Task>(f.as('owner'), '/tasks', 2);
      for (const task of tasks)
        assert.ok(
          all.some((item) => item.id === task.id),
          `${task.name} is listed`,
        );
      for (const item of all) assertShape(TaskSchema, item, 'a listed Task');
      const tool = f.declared.tools[0]!.id;
      const inTool = await walk<Task>(f.as('owner'), `/tools/${encodeURIComponent(tool)}/tasks`, 2);
      assert.deepEqual(
        new Set(inTool.map((task) => task.id)),
        new Set(all.filter((task) => task.toolId === tool).map((task) => task.id)),
      );
    });

    it("GET /users/{id}/events pages through a profile's events", async () => {
      const events = await walk<RosterEvent>(f.as('owner'), `${path(f.users.owner)}/events`, 2);
      for (const task of tasks)
        assert.ok(
          events.some((event) => event.taskId === task.id),
          `the event of ${task.name}`,
        );
    });

    it('GET /audit pages through the entries', async () => {
      const entries = await walk<{ id: string }>(f.as('owner'), '/audit', 2);
      assert.ok(entries.length >= f.declared.seatLimit - 4, 'one entry per profile created at least');
    });
  });

export const events: Suite = (options, title) =>
  describe(title('events and statistics (HTTP contract: UserStats, Event; Contract v1.1: taskName)'), () => {
    it('a created task writes a task_created event with its cost, tool, task and task name; stats sum it', async () => {
      const f = await start(options);
      const tool = f.declared.tools[0]!;
      const task = await f.addTask('specialist', tool.id, 'Events task');
      const page = await f.as('owner').get(`${path(f.users.specialist)}/events`);
      assertStatus(page, 200, 'GET /users/{id}/events');
      assertShape(PageSchema(EventSchema), page.body, 'Page<Event>');
      const event = (page.body.items as RosterEvent[]).find((item) => item.taskId === task.id);
      assert.ok(event, 'the event of the task');
      assert.equal(event.type, 'task_created');
      assert.equal(event.cost, tool.taskCost);
      assert.equal(event.toolId, tool.id);
      assert.equal(event.taskName, 'Events task');
      assert.ok(event.description.length > 0);
      const stats = await f.as('owner').get(`${path(f.users.specialist)}/stats`);
      assertShape(UserStatsSchema, stats.body, 'UserStats');
      assert.equal(stats.body.role, 'specialist');
      assert.equal(stats.body.creditsSpent, f.users.specialist.creditsSpent + tool.taskCost);
      assert.ok(stats.body.tasksOwned >= 1);
      assert.notEqual(stats.body.lastActiveAt, null);
    });

    it('filters events by type, and from (inclusive) to (exclusive)', async () => {
      const f = await start(options);
      const task = await f.addTask('owner', f.declared.tools[0]!.id);
      const events = (await f.as('owner').get(`${path(f.users.owner)}/events?type=task_created&limit=200`)).body;
      assert.ok(events.items.every((event: RosterEvent) => event.type === 'task_created'));
      const event = (events.items as RosterEvent[]).find((item) => item.taskId === task.id)!;
      const from = (
        await f.as('owner').get(`${path(f.users.owner)}/events?from=${encodeURIComponent(event.at)}&limit=200`)
      ).body;
      assert.ok(
        from.items.some((item: RosterEvent) => item.id === event.id),
        'from is inclusive',
      );
      const to = (await f.as('owner').get(`${path(f.users.owner)}/events?to=${encodeURIComponent(event.at)}&limit=200`))
        .body;
      assert.ok(!to.items.some((item: RosterEvent) => item.id === event.id), 'to is exclusive');
    });
  });

const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.enum([
    'user.created',
    'user.updated',
    'user.deleted',
    'user.verified',
    'verification.sent',
    'access.changed',
    'account.password_changed',
  ]),
  targetId: z.nullable(z.string()),
  targetName: z.nullable(z.string()),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});

interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string };
  action: string;
  targetId: string | null;
  targetName: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
}

export const audit: Suite = (options, title) =>
  describe(title('GET /audit (Contract v1.1: audit log)'), () => {
    it('records create, update, access change and delete of a profile, newest first, with the actor and the changes', async () => {
      const f = await start(options);
      const user = await f.addUser({ lastName: 'Before' });
      assertStatus(await f.as('owner').patch(path(user), { lastName: 'After' }), 200, 'rename');
      const grant = await f.as('owner').patch(path(user), { access: { tools: [f.declared.tools[1]!.id], tasks: [] } });
      assertStatus(grant, 200, 'grant a tool');
      assertStatus(await f.as('owner').delete(path(user)), 204, 'delete');

      const page = await f.as('manager').get(`/audit?targetId=${encodeURIComponent(user.id)}&limit=200`);
      assertStatus(page, 200, 'GET /audit?targetId= as a manager');
      assertShape(PageSchema(AuditEntrySchema), page.body, 'Page<AuditEntry>');
      const entries = page.body.items as AuditEntry[];
      assert.ok(entries.every((entry) => entry.targetId === user.id));
      const ats = entries.map((entry) => Date.parse(entry.at));
      assert.deepEqual(
        ats,
        [...ats].sort((a, b) => b - a),
        'newest first',
      );
      const actions = entries
        .map((entry) => entry.action)
        .filter((action) => ['user.created', 'user.updated', 'access.changed', 'user.deleted'].includes(action));
      assert.deepEqual(actions, ['user.deleted', 'access.changed', 'user.updated', 'user.created']);
      for (const entry of entries) assert.equal(entry.actor.id, f.users.owner.id);
      const updated = entries.find((entry) => entry.action === 'user.updated')!;
      assert.ok(
        updated.changes.some(
          (change) => change.field === 'lastName' && change.from === 'Before' && change.to === 'After',
        ),
        `the rename as a change: ${JSON.stringify(updated.changes)}`,
      );
      assert.ok(entries.find((entry) => entry.action === 'access.changed')!.changes.length > 0);
    });

    it('filters by action and actorId', async () => {
      const f = await start(options);
      await f.addUser();
      const created = (await f.as('owner').get('/audit?action=user.created&limit=200')).body.items as AuditEntry[];
      assert.ok(created.length >= 1 && created.every((entry) => entry.action === 'user.created'));
      const byManager = (await f.as('owner').get(`/audit?actorId=${encodeURIComponent(f.users.manager.id)}&limit=200`))
        .body.items as AuditEntry[];
      assert.ok(byManager.every((entry) => entry.actor.id === f.users.manager.id));
    });

    it('shows a password change as { field: "password", from: null, to: null }, never its value (rule 8)', async () => {
      const f = await start(options);
      const password = strongPassword();
      if (f.declared.passwordMode === 'shared') {
        assertStatus(await f.as('owner').put('/account/password', { password }), 204, 'PUT /account/password');
      } else {
        assertStatus(await f.as('owner').patch(path(f.users.specialist), { password }), 200, 'PATCH a password');
      }
      const page = await f.as('owner').get('/audit?limit=200');
      assert.ok(!page.text.includes(password), 'the password is not in the audit log');
      const changes = (page.body.items as AuditEntry[])
        .flatMap((entry) => entry.changes)
        .filter((change) => change.field === 'password');
      assert.ok(changes.length >= 1, 'the change is recorded');
      for (const change of changes) assert.deepEqual(change, { field: 'password', from: null, to: null });
    });
  });
