/** Authentication, `GET /me` and the permissions of each role on each route (SPEC rule 14). */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MeSchema, PageSchema, TaskSchema, UserSchema } from '../sdk/schemas.js';
import type { Task, User } from '../sdk/schemas.js';
import { type Fixture, ROLES, type Role, start, strongPassword } from './fixture.js';
import { type Answer, assertProblem, assertShape, assertStatus } from './http.js';
import type { Suite } from './index.js';

export const authentication: Suite = (options, title) =>
  describe(title('authentication (HTTP contract: Errors, 401 unauthorized)'), () => {
    let f: Fixture;
    before(async () => {
      f = await start(options);
    });

    const anonymous = [
      ['GET', '/me'],
      ['GET', '/users'],
      ['POST', '/users'],
      ['POST', '/users/validate'],
      ['GET', '/tasks'],
      ['GET', '/audit'],
    ] as const;
    for (const [method, path] of anonymous) {
      it(`${method} ${path} without Authorization answers 401 unauthorized as application/problem+json (RFC 9457)`, async () => {
        const answer = await f.http.call(method, path, method === 'POST' ? { body: f.profile() } : {});
        assertProblem(answer, 401, 'unauthorized');
      });
    }

    it('an unknown bearer token answers 401 unauthorized', async () => {
      assertProblem(await f.http.call('GET', '/me', { token: 'conformance-made-up-token' }), 401, 'unauthorized');
    });

    it('a token sent without the Bearer scheme answers 401 unauthorized', async () => {
      const answer = await f.http.call('GET', '/me', { headers: { authorization: f.tokens.owner } });
      assertProblem(answer, 401, 'unauthorized');
    });

    it('authentication comes before the body is read: a broken body without a token answers 401, not 422', async () => {
      assertProblem(await f.http.call('POST', '/users', { body: '{"firstName": ' }), 401, 'unauthorized');
    });

    it('a refused request says why: a problem has a type, a title, the status and a code', async () => {
      const answer = await f.http.call('GET', '/me');
      const problem = assertProblem(answer, 401, 'unauthorized');
      assert.ok(problem.type.length > 0 && problem.title.length > 0);
    });
  });

export const me: Suite = (options, title) =>
  describe(title('GET /me (HTTP contract: shapes; rule 14)'), () => {
    let f: Fixture;
    before(async () => {
      f = await start(options);
    });

    it("answers { user, account, permissions } in the contract's shapes, for every role", async () => {
      for (const role of ROLES) {
        const answer = await f.as(role).get('/me');
        assertStatus(answer, 200, `GET /me as the ${role}`);
        assert.match(answer.headers.get('content-type') ?? '', /^application\/json/i);
        assertShape(MeSchema, answer.body, `GET /me as the ${role}`);
        assert.equal(answer.body.user.role, role);
      }
    });

    it('hands out permissions per role: users:read for owner and manager, users:write for the owner only (rule 14)', async () => {
      const expected: Record<Role, string[]> = {
        owner: ['users:read', 'users:write'],
        manager: ['users:read'],
        specialist: [],
        guest: [],
      };
      for (const role of ROLES) {
        const permissions = (await f.as(role).get('/me')).body.permissions as string[];
        assert.deepEqual([...permissions].sort(), expected[role], `permissions of the ${role}`);
      }
    });

    it('reports the account as configured: domain, seats, password mode, credits and tools', async () => {
      const { account } = (await f.as('owner').get('/me')).body;
      assert.equal(account.emailDomain?.toLowerCase(), f.domain);
      assert.equal(account.plan.seatLimit, f.declared.seatLimit);
      assert.equal(account.seatsUsed, 4, 'seatsUsed counts the four profiles (rule 6)');
      assert.equal(account.passwordMode, f.declared.passwordMode);
      assert.equal(account.credits.balance, f.declared.balance);
      assert.equal(
        account.singleProfile,
        false,
        'an owner with a personal company address is no single-profile account (rule 5)',
      );
      const tools = (account.tools as { id: string; taskCost: number }[]).map(({ id, taskCost }) => ({ id, taskCost }));
      assert.deepEqual(
        tools,
        f.declared.tools.map(({ id, taskCost }) => ({ id, taskCost })),
      );
    });

    it('exactly one owner, active, with a verifiedAt (SPEC Domain: owner)', async () => {
      const owners = (await f.as('owner').get('/users?role=owner')).body;
      assert.equal(owners.total, 1);
      assert.equal(owners.items[0].id, f.users.owner.id);
      assert.equal(f.users.owner.status, 'active');
      assert.notEqual(f.users.owner.verifiedAt, null);
    });
  });

interface Check {
  /** What is checked and the SPEC rule behind it. */
  what: string;
  /** Answer per role: a status, or a status and problem code. */
  expect: Record<Role, number | [number, string]>;
  run(f: Fixture, role: Role, targets: Targets): Promise<Answer>;
}

interface Targets {
  /** A profile other than `role`'s own. */
  other(role: Role): User;
  pendingForResend: User;
  pendingForDelete: User;
}

const FORBIDDEN: [number, string] = [403, 'forbidden'];
const readers = (ok: number): Check['expect'] => ({ owner: ok, manager: ok, specialist: FORBIDDEN, guest: FORBIDDEN });
const ownerOnly = (ok: number | [number, string]): Check['expect'] => ({
  owner: ok,
  manager: FORBIDDEN,
  specialist: FORBIDDEN,
  guest: FORBIDDEN,
});
const everyone = (ok: number): Check['expect'] => ({ owner: ok, manager: ok, specialist: ok, guest: ok });
const id = (user: User) => encodeURIComponent(user.id);

/** The route table of SPEC rule 14 and the HTTP contract, per role. */
const CHECKS: Check[] = [
  { what: 'GET /me: everyone', expect: everyone(200), run: (f, role) => f.as(role).get('/me') },
  { what: 'GET /users needs users:read', expect: readers(200), run: (f, role) => f.as(role).get('/users') },
  {
    what: 'GET /users?role=guest needs users:read',
    expect: readers(200),
    run: (f, role) => f.as(role).get('/users?role=guest'),
  },
  {
    what: 'GET /users/{id} of another profile needs users:read',
    expect: readers(200),
    run: (f, role, t) => f.as(role).get(`/users/${id(t.other(role))}`),
  },
  {
    what: 'GET /users/{id}/stats of another profile needs users:read',
    expect: readers(200),
    run: (f, role, t) => f.as(role).get(`/users/${id(t.other(role))}/stats`),
  },
  {
    what: 'GET /users/{id}/events of another profile needs users:read',
    expect: readers(200),
    run: (f, role, t) => f.as(role).get(`/users/${id(t.other(role))}/events`),
  },
  { what: 'GET /audit needs users:read (v1.1)', expect: readers(200), run: (f, role) => f.as(role).get('/audit') },
  {
    what: 'POST /users needs users:write',
    expect: ownerOnly(201),
    run: (f, role) => f.as(role).post('/users', f.profile()),
  },
  {
    what: 'POST /users needs users:write before the body is judged',
    expect: ownerOnly([422, 'validation_failed']),
    run: (f, role) => f.as(role).post('/users', { firstName: '', lastName: '', email: 'x', role: 'nobody' }),
  },
  {
    what: 'POST /users/validate needs users:write (v1.1)',
    expect: ownerOnly(204),
    run: (f, role) => f.as(role).post('/users/validate', { email: f.profile().email }),
  },
  {
    what: 'PATCH /users/{id} of another profile needs users:write',
    expect: ownerOnly(200),
    run: (f, role, t) => f.as(role).patch(`/users/${id(t.other(role))}`, { lastName: `Renamed by ${role}` }),
  },
  {
    what: "PATCH /users/{id} of one's own profile needs users:write",
    expect: ownerOnly(200),
    run: (f, role) => f.as(role).patch(`/users/${id(f.users[role])}`, { firstName: `Self ${role}` }),
  },
  {
    what: "PATCH of the specialist's credit limit needs users:write, for the specialist too",
    expect: ownerOnly(200),
    run: (f, role) => f.as(role).patch(`/users/${id(f.users.specialist)}`, { creditLimit: 1000 }),
  },
  {
    what: 'DELETE /users/{id} needs users:write',
    expect: ownerOnly(204),
    run: (f, role, t) => f.as(role).delete(`/users/${id(t.pendingForDelete)}`),
  },
  {
    what: 'DELETE of the owner: users:write, then owner_immutable',
    expect: ownerOnly([409, 'owner_immutable']),
    run: (f, role) => f.as(role).delete(`/users/${id(f.users.owner)}`),
  },
  {
    what: "PATCH of the owner's role: users:write, then owner_immutable",
    expect: ownerOnly([409, 'owner_immutable']),
    run: (f, role) => f.as(role).patch(`/users/${id(f.users.owner)}`, { role: 'manager' }),
  },
  {
    what: 'POST /users/{id}/verification needs users:write',
    expect: ownerOnly(202),
    run: (f, role, t) => f.as(role).post(`/users/${id(t.pendingForResend)}/verification`),
  },
  {
    what: 'GET /tasks: everyone, filtered by visibility',
    expect: everyone(200),
    run: (f, role) => f.as(role).get('/tasks'),
  },
  {
    what: 'GET /tools/{toolId}/tasks: everyone, filtered by visibility',
    expect: everyone(200),
    run: (f, role) => f.as(role).get(`/tools/${encodeURIComponent(f.declared.tools[0]!.id)}/tasks`),
  },
  {
    what: 'POST /tasks in a granted tool: not guests',
    expect: { owner: 201, manager: 201, specialist: 201, guest: FORBIDDEN },
    run: (f, role) => f.as(role).post('/tasks', { toolId: f.declared.tools[0]!.id, name: `Task of the ${role}` }),
  },
  {
    what: 'POST /tasks in a tool not granted: owner and managers only',
    expect: { owner: 201, manager: 201, specialist: FORBIDDEN, guest: FORBIDDEN },
    run: (f, role) => f.as(role).post('/tasks', { toolId: f.declared.tools[1]!.id, name: `Other task of the ${role}` }),
  },
];

export const permissions: Suite = (options, title) =>
  describe(title('permissions per role (rule 14: users:read owner+manager, users:write owner; tasks by role)'), () => {
    let f: Fixture;
    let targets: Targets;
    before(async () => {
      f = await start(options);
      const pendingForResend = await f.addUser();
      const pendingForDelete = await f.addUser();
      targets = {
        other: (role) => (role === 'guest' ? f.users.specialist : f.users.guest),
        pendingForResend,
        pendingForDelete,
      };
    });

    for (const check of CHECKS) {
      // Refusals first, so an allowed write by the owner never changes what a refusal sees.
      for (const role of [...ROLES].sort((a, b) => Number(a === 'owner') - Number(b === 'owner'))) {
        const expected = check.expect[role];
        const [status, code] = Array.isArray(expected) ? expected : [expected, undefined];
        it(`${check.what}: as the ${role} → ${status}${code ? ` ${code}` : ''}`, async () => {
          const answer = await check.run(f, role, targets);
          if (code) assertProblem(answer, status, code, `${check.what}, as the ${role}`);
          else assertStatus(answer, status, `${check.what}, as the ${role}`);
        });
      }
    }

    it("PUT /account/password is the owner's only (rule 8): 403 forbidden for everyone else", async () => {
      for (const role of ['manager', 'specialist', 'guest'] as const) {
        assertProblem(
          await f.as(role).put('/account/password', { password: strongPassword() }),
          403,
          'forbidden',
          `as the ${role}`,
        );
      }
    });

    it('PUT /account/password as the owner: 204 in shared mode; per-user mode has no account password (4xx) (rule 8)', async () => {
      const answer = await f.as('owner').put('/account/password', { password: strongPassword() });
      if (f.declared.passwordMode === 'shared') assertStatus(answer, 204, 'PUT /account/password as the owner');
      else
        assert.ok(
          answer.status >= 400 && answer.status < 500,
          `per-user mode: expected a refusal, got ${answer.status}`,
        );
    });
  });

export const visibility: Suite = (options, title) =>
  describe(title('task visibility per role (rule 14)'), () => {
    let f: Fixture;
    let tasks: Record<'owner' | 'manager' | 'specialist' | 'ungranted', Task>;
    const ids = async (role: Role, path = '/tasks') => {
      const answer = await f.as(role).get(`${path}${path.includes('?') ? '&' : '?'}limit=200`);
      assertStatus(answer, 200, `GET ${path} as the ${role}`);
      assertShape(PageSchema(TaskSchema), answer.body, `GET ${path}`);
      return new Set((answer.body.items as Task[]).map((task) => task.id));
    };
    before(async () => {
      f = await start(options);
      const [first, second] = [f.declared.tools[0]!, f.declared.tools[1]!];
      tasks = {
        owner: await f.addTask('owner', second.id),
        manager: await f.addTask('manager', first.id),
        specialist: await f.addTask('specialist', first.id),
        ungranted: await f.addTask('owner', first.id),
      };
    });

    it('the owner and managers see every task', async () => {
      for (const role of ['owner', 'manager'] as const) {
        const seen = await ids(role);
        for (const task of [...Object.values(tasks), { id: f.guestTask.taskId }])
          assert.ok(seen.has(task.id), `the ${role} sees ${task.id}`);
      }
    });

    it('a specialist sees their own tasks and the granted ones, not the others', async () => {
      let seen = await ids('specialist');
      assert.ok(seen.has(tasks.specialist.id), 'their own task');
      assert.ok(
        !seen.has(tasks.manager.id) && !seen.has(tasks.ungranted.id) && !seen.has(tasks.owner.id),
        'no task of others that is not granted',
      );
      const grant = await f.as('owner').patch(`/users/${encodeURIComponent(f.users.specialist.id)}`, {
        access: {
          tools: f.users.specialist.access.tools,
          tasks: [{ toolId: tasks.manager.toolId, taskId: tasks.manager.id }],
        },
      });
      assertStatus(grant, 200, 'granting a task to the specialist');
      seen = await ids('specialist');
      assert.ok(seen.has(tasks.manager.id), 'a granted task becomes visible');
      assert.ok(!seen.has(tasks.ungranted.id));
    });

    it('a guest sees the granted tasks only', async () => {
      const seen = await ids('guest');
      assert.deepEqual([...seen], [f.guestTask.taskId]);
      const inTool = await ids('guest', `/tools/${encodeURIComponent(f.guestTask.toolId)}/tasks`);
      assert.deepEqual([...inTool], [f.guestTask.taskId]);
    });

    it("GET /tools/{toolId}/tasks lists only that tool's tasks, by the same visibility", async () => {
      const first = f.declared.tools[0]!.id;
      const all = await ids('owner', `/tools/${encodeURIComponent(first)}/tasks`);
      assert.ok(all.has(tasks.manager.id) && all.has(tasks.specialist.id) && !all.has(tasks.owner.id));
      const mine = await ids('specialist', `/tools/${encodeURIComponent(first)}/tasks`);
      assert.ok(mine.has(tasks.specialist.id) && !mine.has(tasks.ungranted.id));
      assertProblem(await f.as('owner').get('/tools/conformance-no-such-tool/tasks'), 404, 'not_found');
    });

    it('GET /tasks?shared=true lists the tasks other profiles created ("Show shared"); ownerId and toolId filter', async () => {
      const shared = await ids('manager', '/tasks?shared=true');
      assert.ok(shared.has(tasks.owner.id) && shared.has(tasks.specialist.id) && !shared.has(tasks.manager.id));
      const byOwner = await ids('owner', `/tasks?ownerId=${encodeURIComponent(f.users.specialist.id)}`);
      assert.deepEqual([...byOwner], [tasks.specialist.id]);
      const byTool = await ids('owner', `/tasks?toolId=${encodeURIComponent(f.declared.tools[1]!.id)}`);
      assert.ok(byTool.has(tasks.owner.id) && !byTool.has(tasks.manager.id));
    });

    it('profiles in lists have the User shape', async () => {
      const answer = await f.as('owner').get('/users?limit=200');
      assertShape(PageSchema(UserSchema), answer.body, 'GET /users');
      assert.equal(answer.body.total, 4);
    });
  });
