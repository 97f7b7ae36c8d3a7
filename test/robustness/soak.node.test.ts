// Faults and load, nothing lost: a seeded session of several hundred operations through the SDK
// against the reference API injecting every kind of fault into 30 % of the requests. The script
// keeps a model of what it meant to do, recovers from failures the way an application would
// (repeat a create with its key, re-read and re-apply an edit on the fresh version) and in the
// end the server's state must equal the model: no duplicate, no lost or doubled edit.
// The session's choices and the faults are seeded, so the figures repeat from run to run, except
// that a stalled machine can make a fault-free request outlast the client's 150 ms timeout and
// add a retry or two; the assertions hold either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FaultKind, type ReferenceApi, createReferenceApi } from '../../src/mock/index.js';
import {
  NotFoundError,
  RosterError,
  VersionConflictError,
  isRosterError,
  type RosterClient,
  type Task,
  type User,
  type UserCreate,
  type UserPatch,
} from '../../src/sdk/index.js';
import { OWNER, clientAs, seeded, verifyByMail } from './helpers.js';

const FAULT_KINDS: FaultKind[] = ['server_error', 'rate_limited', 'drop', 'timeout', 'malformed', 'schema'];
const OPERATIONS = 600;
const SEAT_LIMIT = 40;
const INITIAL_CREDITS = 1_000_000;
const TOOL_COSTS: Record<string, number> = { 'rank-tracker': 10, 'site-audit': 25, 'keyword-research': 5 };
const TOOLS = Object.keys(TOOL_COSTS);
const SEED_TASKS = ['tsk_seed_a', 'tsk_seed_b', 'tsk_seed_c'];

/** The errors a faulty network and server may surface once the SDK's retries are spent. */
const TRANSIENT = new Set(['NetworkError', 'TimeoutError', 'ServerError', 'RateLimitError', 'ResponseShapeError']);

/** The fields of a profile the session controls and compares. */
const MODELLED = [
  'email',
  'firstName',
  'lastName',
  'role',
  'status',
  'version',
  'creditLimit',
  'creditsSpent',
  'allowedIps',
  'notifications',
  'access',
] as const;
type ModelUser = Pick<User, 'id' | (typeof MODELLED)[number]>;
type ModelTask = Pick<Task, 'id' | 'toolId' | 'name' | 'ownerId'>;

const modelOf = (user: User): ModelUser =>
  Object.fromEntries([['id', user.id], ...MODELLED.map((field) => [field, structuredClone(user[field])])]) as ModelUser;

const differences = (expected: ModelUser, actual: User | undefined): string[] =>
  actual ? MODELLED.filter((field) => JSON.stringify(expected[field]) !== JSON.stringify(actual[field])) : ['missing'];

/** The state the session means to leave behind, and what it ran into on the way. */
class Session {
  readonly users = new Map<string, ModelUser>();
  readonly tasks = new Map<string, ModelTask>();
  balance = INITIAL_CREDITS;
  readonly operations = new Map<string, number>();
  readonly surfaced = new Map<string, number>();
  /** Edits whose answer was lost but which the re-read showed applied. */
  appliedUnseen = 0;
  private readonly clients = new Map<string, RosterClient>();

  constructor(
    readonly api: ReferenceApi,
    readonly ownerId: string,
  ) {}

  clientFor(email: string): RosterClient {
    let client = this.clients.get(email);
    if (!client) {
      client = clientAs(this.api, email, { timeout: 150, retry: { limit: 3, delay: 1, backoffLimit: 5 } });
      this.clients.set(email, client);
    }
    return client;
  }

  get owner() {
    return this.clientFor(OWNER);
  }
  get retries() {
    return [...this.clients.values()].reduce((sum, client) => sum + client.stats.retries, 0);
  }

  count(kind: string) {
    this.operations.set(kind, (this.operations.get(kind) ?? 0) + 1);
  }
  get total() {
    return [...this.operations.values()].reduce((sum, n) => sum + n, 0);
  }

  /** Every failure must be a typed Roster error; transient ones are counted, others fail the session. */
  surface(error: unknown, allowed: (error: RosterError) => boolean = () => false): RosterError {
    assert.ok(error instanceof RosterError && isRosterError(error), `an untyped failure surfaced: ${String(error)}`);
    assert.ok(TRANSIENT.has(error.name) || allowed(error), `unexpected ${error.name} ${error.code}: ${error.message}`);
    this.surfaced.set(error.name, (this.surfaced.get(error.name) ?? 0) + 1);
    return error;
  }

  /** Repeats `call` until it succeeds; only transient failures (and `allowed` ones) may happen on the way. */
  async persist<T>(call: () => Promise<T>, allowed?: (error: RosterError) => boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        this.surface(error, allowed);
        assert.ok(attempt < 40, 'no progress after 40 attempts');
      }
    }
  }

  /** The profile as the server has it now, or null when it is gone. */
  async read(id: string): Promise<User | null> {
    return this.persist(() =>
      this.owner.users.get(id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
    );
  }

  // ---- Operations -----------------------------------------------------------------------------

  async create(input: UserCreate, key: string) {
    const user = await this.persist(() => this.owner.users.create(input, { idempotencyKey: key }));
    const expected = { ...input, status: 'pending', version: 1, creditsSpent: 0 };
    for (const field of ['email', 'firstName', 'lastName', 'role', 'status', 'version', 'creditsSpent'] as const) {
      assert.equal(user[field], expected[field], `created ${input.email}: ${field}`);
    }
    assert.ok(!this.users.has(user.id), `${input.email} was created as an existing profile`);
    this.users.set(user.id, modelOf(user));
  }

  /**
   * Applies `patch` once on the version the model knows. When the answer is lost, the fresh
   * profile tells whether it was applied (exactly one version later, with the change) or not
   * (the same version, unchanged): then it is sent again; anything else is a lost or doubled edit.
   */
  async update(id: string, patch: UserPatch, expected: Partial<ModelUser>) {
    const known = this.users.get(id)!;
    const intended: ModelUser = { ...known, ...structuredClone(expected), version: known.version + 1 };
    for (let attempt = 1; ; attempt++) {
      assert.ok(attempt < 40, 'no progress after 40 attempts');
      try {
        const user = await this.owner.users.update(id, patch, { version: known.version });
        assert.deepEqual(differences(intended, user), [], `update of ${known.email}`);
        break;
      } catch (error) {
        // A repeat of an edit that was applied meets the version it wrote: 412.
        this.surface(error, (failure) => failure instanceof VersionConflictError);
        const fresh = await this.read(id);
        assert.ok(fresh, `${known.email} vanished`);
        if (differences(intended, fresh).length === 0) {
          this.appliedUnseen += 1;
          break;
        }
        assert.deepEqual(differences(known, fresh), [], `${known.email} is neither as it was nor as intended`);
        assert.ok(!(error instanceof VersionConflictError), 'a 412 although nothing was applied');
      }
    }
    this.users.set(id, intended);
  }

  async delete(id: string, tasks: 'transfer' | 'delete') {
    const known = this.users.get(id)!;
    for (let attempt = 1; ; attempt++) {
      assert.ok(attempt < 40, 'no progress after 40 attempts');
      try {
        await this.owner.users.delete(id, { version: known.version, tasks });
        break;
      } catch (error) {
        this.surface(error);
        const fresh = await this.read(id);
        if (fresh === null) {
          this.appliedUnseen += 1;
          break;
        }
        assert.deepEqual(differences(known, fresh), [], `${known.email} changed while being deleted`);
      }
    }
    this.users.delete(id);
    for (const task of [...this.tasks.values()]) {
      if (task.ownerId !== id) continue;
      if (tasks === 'transfer') task.ownerId = this.ownerId;
      else this.tasks.delete(task.id);
    }
  }

  async createTask(creator: ModelUser, toolId: string, name: string, key: string) {
    const task = await this.persist(() =>
      this.clientFor(creator.email).tasks.create({ toolId, name }, { idempotencyKey: key }),
    );
    assert.deepEqual([task.toolId, task.name, task.ownerId], [toolId, name, creator.id]);
    assert.ok(!this.tasks.has(task.id), `task ${key} answered with an existing task`);
    this.tasks.set(task.id, { id: task.id, toolId, name, ownerId: creator.id });
    creator.creditsSpent += TOOL_COSTS[toolId]!;
    this.balance -= TOOL_COSTS[toolId]!;
  }

  async verify(user: ModelUser) {
    await verifyByMail(this.api, user.email);
    user.status = 'active';
    user.version += 1;
  }
}

/** The reference API with a seeded team: three active specialists and three tasks the owner owns. */
function soakApi(seed: number) {
  const specialists = ['sina.sommer', 'ole.ostermann', 'ines.ivanova'].map((local, index) => ({
    firstName: local.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()),
    lastName: local.split('.')[1]!.replace(/^./, (c) => c.toUpperCase()),
    email: `${local}@acme.de`,
    role: 'specialist' as const,
    access: { tools: TOOLS.slice(0, index + 1), tasks: [] },
  }));
  return createReferenceApi({
    account: { seatLimit: SEAT_LIMIT, credits: INITIAL_CREDITS },
    users: specialists,
    tasks: SEED_TASKS.map((id, index) => ({
      id,
      toolId: TOOLS[index]!,
      name: `Seed project ${index + 1}`,
      ownerId: OWNER,
    })),
    faults: { rate: 0.3, kinds: FAULT_KINDS, seed, timeoutMs: 300, retryAfter: 0 },
  });
}

/** Every task the owner sees (all of them), page by page. */
async function allTasks(client: RosterClient): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.tasks.list({ limit: 200, cursor });
    tasks.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return tasks;
}

async function runSession(seed: number) {
  const api = soakApi(seed);
  const { random, pick, subset } = seeded(seed);

  // The starting point, read without faults.
  api.setFaults(null);
  const reader = clientAs(api, OWNER);
  const start = [];
  for await (const user of reader.users.iterate({ limit: 200 })) start.push(user);
  api.setFaults({ rate: 0.3, kinds: FAULT_KINDS, seed, timeoutMs: 300, retryAfter: 0 });
  const ownerId = start.find((user) => user.role === 'owner')!.id;
  const session = new Session(api, ownerId);
  for (const user of start) session.users.set(user.id, modelOf(user));
  for (const { id, toolId, name, ownerId: owner } of await allTasks(reader))
    session.tasks.set(id, { id, toolId, name, ownerId: owner });

  let created = 0;
  let tasksMade = 0;
  const lastNames = ['Åberg', 'Nguyễn', '李', 'Ødegaard', "O'Neil", 'Müller-Lüdenscheidt', 'Ἀθανασίου'];
  const others = () => [...session.users.values()].filter((user) => user.id !== ownerId);
  const removable = () => others().filter((user) => user.email.startsWith('soak.'));

  for (let op = 0; session.total < OPERATIONS; op++) {
    const roll = random();
    const users = [...session.users.values()];
    const pending = users.filter((user) => user.status === 'pending');
    const creators = users.filter(
      (user) =>
        user.status === 'active' &&
        (user.role === 'manager' || (user.role === 'specialist' && user.access.tools.length)),
    );

    if (roll < 0.2 && session.users.size < SEAT_LIMIT) {
      const n = created++;
      const role = pick(['specialist', 'specialist', 'manager', 'guest'] as const);
      const input: UserCreate = {
        firstName: `Soak${n}`,
        lastName: pick(lastNames),
        email: `soak.${n}@acme.de`,
        role,
        ...(role === 'specialist' && {
          access: { tools: subset(TOOLS), tasks: [] },
          creditLimit: random() < 0.5 ? null : 50_000 + n,
        }),
        ...(role === 'guest' && {
          access: {
            tools: [],
            tasks: subset(SEED_TASKS).map((taskId) => ({ toolId: TOOLS[SEED_TASKS.indexOf(taskId)]!, taskId })),
          },
        }),
      };
      session.count('create');
      await session.create(input, `soak-create-${n}`);
    } else if (roll < 0.3 && pending.length) {
      session.count('verify');
      await session.verify(pick(pending));
    } else if (roll < 0.5 && creators.length) {
      const creator = pick(creators);
      const toolId = creator.role === 'manager' ? pick(TOOLS) : pick(creator.access.tools);
      const n = tasksMade++;
      session.count('task');
      await session.createTask(creator, toolId, `Soak task ${n}`, `soak-task-${n}`);
    } else if (roll < 0.56 && removable().length > 4) {
      session.count('delete');
      await session.delete(pick(removable()).id, random() < 0.5 ? 'transfer' : 'delete');
    } else if (roll < 0.7) {
      // Grants: a specialist's tools or a guest's tasks (never empty: a guest needs one).
      const grantable = others().filter((user) => user.role === 'specialist' || user.role === 'guest');
      const user = pick(grantable);
      const access =
        user.role === 'specialist'
          ? { tools: subset(TOOLS), tasks: [] }
          : {
              tools: [],
              tasks: subset(SEED_TASKS).map((taskId) => ({ toolId: TOOLS[SEED_TASKS.indexOf(taskId)]!, taskId })),
            };
      if (JSON.stringify(access) === JSON.stringify(user.access)) access.tasks.reverse();
      if (JSON.stringify(access) === JSON.stringify(user.access)) continue;
      session.count('grants');
      await session.update(user.id, { access }, { access });
    } else {
      // An edit that always changes something, so that each applied edit is one new version.
      const user = pick(users);
      const choice = random();
      session.count('edit');
      if (choice < 0.35) await session.update(user.id, { firstName: `First${op}` }, { firstName: `First${op}` });
      else if (choice < 0.55) await session.update(user.id, { lastName: `Last ${op}` }, { lastName: `Last ${op}` });
      else if (choice < 0.75 || user.role === 'owner') {
        const notifications = { ...user.notifications, taskUpdates: !user.notifications.taskUpdates };
        await session.update(user.id, { notifications: { taskUpdates: notifications.taskUpdates } }, { notifications });
      } else if (choice < 0.9 || user.role !== 'specialist') {
        const allowedIps = [`10.${op % 250}.${Math.floor(op / 250)}.0/24`];
        await session.update(user.id, { allowedIps }, { allowedIps });
      } else {
        const creditLimit = user.creditLimit === null ? 60_000 + op : null;
        await session.update(user.id, { creditLimit }, { creditLimit });
      }
    }
  }
  return { api, session, reader };
}

describe('Soak: faults and load, nothing lost', () => {
  it('ends a 600-operation session under 30 % faults in exactly the intended state', { timeout: 120_000 }, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const started = performance.now();
    try {
      const { api, session, reader } = await runSession(20_240_611);
      const seconds = (performance.now() - started) / 1000;

      // Read back without faults.
      api.setFaults(null);
      const server = new Map<string, User>();
      for await (const user of reader.users.iterate({ limit: 200 })) server.set(user.id, user);
      const serverTasks = new Map((await allTasks(reader)).map((task) => [task.id, task]));
      const account = (await reader.me()).account;

      const mails = new Map<string, number>();
      for (const mail of api.outbox()) mails.set(mail.to, (mails.get(mail.to) ?? 0) + 1);
      const unknownUsers = [...server.keys()].filter((id) => !session.users.has(id));
      const duplicates =
        unknownUsers.length +
        [...mails.values()].reduce((sum, sent) => sum + sent - 1, 0) +
        [...serverTasks.keys()].filter((id) => !session.tasks.has(id)).length;
      const lostUsers = [...session.users.values()].filter((user) => differences(user, server.get(user.id)).length > 0);
      const lostTasks = [...session.tasks.values()].filter((task) => {
        const stored = serverTasks.get(task.id);
        return !stored || stored.name !== task.name || stored.toolId !== task.toolId || stored.ownerId !== task.ownerId;
      });
      const lost = lostUsers.length + lostTasks.length;
      const operations = session.total;

      console.log(
        [
          `soak: ${operations} operations (${[...session.operations].map(([kind, n]) => `${kind} ${n}`).join(', ')}) in ${seconds.toFixed(1)} s`,
          `faults injected ${api.faultsInjected()} (${FAULT_KINDS.map((kind) => `${kind} ${api.faultsInjected(kind)}`).join(', ')})`,
          `SDK retries ${session.retries}`,
          `typed failures surfaced ${[...session.surfaced.values()].reduce((sum, n) => sum + n, 0)} (${[...session.surfaced].map(([name, n]) => `${name} ${n}`).join(', ')})`,
          `applied with the answer lost ${session.appliedUnseen}`,
          `duplicates ${duplicates}, lost ${lost}`,
        ].join('; '),
      );

      assert.ok(operations >= 500, `${operations} operations`);
      for (const kind of FAULT_KINDS) assert.ok(api.faultsInjected(kind) > 0, `no ${kind} fault was injected`);
      assert.ok(session.retries > 0 && session.surfaced.size > 0);
      assert.deepEqual(unknownUsers, [], 'profiles the session did not create');
      assert.equal(duplicates, 0, 'duplicate profiles, mails or tasks');
      assert.deepEqual(
        lostUsers.map((user) => `${user.email}: ${differences(user, server.get(user.id)).join(', ')}`),
        [],
        'lost or doubled edits',
      );
      assert.deepEqual(lostTasks, [], 'lost tasks');
      assert.equal(server.size, session.users.size);
      assert.equal(serverTasks.size, session.tasks.size);
      assert.equal(account.credits.balance, session.balance, 'credits charged other than once per task');
      assert.deepEqual(unhandled, [], 'unhandled rejections');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
