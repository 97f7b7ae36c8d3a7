// The SDK against the reference API through `api.fetch`: the contract end to end, no network.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_VIEWERS, createReferenceApi, type ReferenceApiOptions } from '../../src/mock/index.js';
import {
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  UnauthorizedError,
  ValidationError,
  VersionConflictError,
  createRosterClient,
  isRosterError,
  type ClientOptions,
  type RosterChange,
  type UserCreate,
} from '../../src/sdk/index.js';
import { reachableStrings } from './helpers.js';

const BASE = 'http://localhost/api/roster/v1';
const OWNER = 'olivia.owner@acme.de';

function setup(
  apiOptions: ReferenceApiOptions = {},
  as: string | null = OWNER,
  clientOptions: Partial<ClientOptions> = {},
) {
  const api = createReferenceApi(apiOptions);
  const client = createRosterClient({
    baseUrl: BASE,
    fetch: api.fetch,
    getToken: () => (as ? api.tokenFor(as) : null),
    retry: 0,
    ...clientOptions,
  });
  return { api, client };
}

const person = (firstName: string, lastName: string, extra: Partial<UserCreate> = {}): UserCreate => ({
  firstName,
  lastName,
  email: `${firstName}.${lastName}@acme.de`.toLowerCase(),
  role: 'specialist',
  ...extra,
});

describe('SDK against the reference API', () => {
  it('reads the viewer, the account and the permissions', async () => {
    const { client } = setup();
    const me = await client.me();
    assert.equal(me.user.email, OWNER);
    assert.equal(me.user.role, 'owner');
    assert.equal(me.account.name, 'Acme GmbH');
    assert.equal(me.account.plan.seatLimit, 12);
    assert.deepEqual([...me.permissions].sort(), ['users:read', 'users:write']);
  });

  it("refuses requests without a token, or with a pending profile's token, with 401", async () => {
    const { api, client } = setup({}, null);
    await assert.rejects(
      client.me(),
      (error: unknown) => error instanceof UnauthorizedError && error.code === 'unauthorized' && error.status === 401,
    );
    const asOwner = createRosterClient({
      baseUrl: BASE,
      fetch: api.fetch,
      getToken: () => api.tokenFor(OWNER),
      retry: 0,
    });
    const created = await asOwner.users.create(person('Paula', 'Pending'));
    const asPending = createRosterClient({
      baseUrl: BASE,
      fetch: api.fetch,
      getToken: () => api.tokenFor(created.email),
      retry: 0,
    });
    await assert.rejects(asPending.me(), UnauthorizedError);
  });

  it('creates a pending profile that becomes active through its verification link', async () => {
    const { api, client } = setup();
    const changes: RosterChange[] = [];
    client.onChange((change) => changes.push(change));
    const created = await client.users.create(
      person('Zoë', 'Nguyễn', { email: 'zoe.nguyen@acme.de', phone: '+49 30 1234567' }),
    );
    assert.equal(created.status, 'pending');
    assert.equal(created.firstName, 'Zoë');
    assert.equal(created.phone, '+49301234567');
    assert.deepEqual(changes, [{ type: 'user-created', userId: created.id, user: created }]);

    const mail = api.outbox().find((entry) => entry.to === 'zoe.nguyen@acme.de');
    assert.ok(mail?.link);
    const verified = await api.fetch(new URL(mail.link, BASE), { method: 'POST' });
    assert.equal(verified.status, 200);

    const asNew = createRosterClient({
      baseUrl: BASE,
      fetch: api.fetch,
      getToken: () => api.tokenFor('zoe.nguyen@acme.de'),
    });
    assert.equal((await asNew.me()).user.status, 'active');
    await assert.rejects(
      client.users.resendVerification(created.id),
      (error: unknown) => error instanceof ConflictError && error.code === 'already_verified',
    );
  });

  it('lists with search, filters, sorting and cursor pages', async () => {
    const { client } = setup();
    for (const [first, last, role] of [
      ['Carla', 'Weiss', 'manager'],
      ['Ben', 'Adler', 'specialist'],
      ['Dana', 'Berg', 'specialist'],
      ['Emil', 'Berger', 'specialist'],
    ] as const) {
      await client.users.create(person(first, last, { role }));
    }
    const all = await client.users.list({ sort: 'name', limit: 2 });
    assert.equal(all.total, 5);
    assert.equal(all.items.length, 2);
    assert.ok(all.nextCursor);
    const second = await client.users.list({ sort: 'name', limit: 2, cursor: all.nextCursor });
    assert.equal(second.items.length, 2);
    assert.ok(!second.items.some((user) => all.items.some((seen) => seen.id === user.id)));

    const ascending: string[] = [];
    for await (const user of client.users.iterate({ sort: 'name', limit: 2 })) ascending.push(user.id);
    const descending: string[] = [];
    for await (const user of client.users.iterate({ sort: '-name', limit: 3 })) descending.push(user.id);
    assert.equal(ascending.length, 5);
    assert.deepEqual(descending, [...ascending].reverse());

    const berg = await client.users.list({ q: 'berg' });
    assert.deepEqual(berg.items.map((user) => user.lastName).sort(), ['Berg', 'Berger']);
    const managers = await client.users.list({ role: 'manager' });
    assert.deepEqual(
      managers.items.map((user) => user.firstName),
      ['Carla'],
    );
    const pending = await client.users.list({ status: 'pending' });
    assert.equal(pending.total, 4);
  });

  it('refuses a stale version with 412 and changes nothing', async () => {
    const { client } = setup();
    const created = await client.users.create(person('Anna', 'Berg'));
    const renamed = await client.users.update(created.id, { firstName: 'Annika' }, { version: created.version });
    assert.equal(renamed.version, created.version + 1);
    await assert.rejects(
      client.users.update(created.id, { firstName: 'Anne' }, { version: created.version }),
      (error: unknown) =>
        error instanceof VersionConflictError && error.code === 'version_conflict' && error.status === 412,
    );
    await assert.rejects(client.users.delete(created.id, { version: created.version }), VersionConflictError);
    const current = await client.users.get(created.id);
    assert.equal(current.firstName, 'Annika');
    assert.equal(current.version, renamed.version);
    await client.users.delete(created.id, { version: current.version });
    await assert.rejects(client.users.get(created.id), NotFoundError);
  });

  it("reports 412 when a repeated password change meets another tab's rename, never claiming the password was set", async () => {
    const api = createReferenceApi({ account: { passwordMode: 'per-user' } });
    const as = (fetch: typeof globalThis.fetch) =>
      createRosterClient({ baseUrl: BASE, fetch, getToken: () => api.tokenFor(OWNER), retry: { limit: 2, delay: 1 } });
    const otherTab = as(api.fetch);
    const created = await otherTab.users.create(person('Anna', 'Berg', { password: 'a long first passphrase' }));
    let patches = 0;
    // The first PATCH is refused with 503 (not performed); meanwhile another tab renames the user.
    const client = as(async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'PATCH' || patches++ > 0) return api.fetch(request);
      await otherTab.users.update(created.id, { firstName: 'Annika' }, { version: created.version });
      return new Response(
        JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'server_error' }),
        {
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    });
    const changes: RosterChange[] = [];
    client.onChange((change) => changes.push(change));
    await assert.rejects(
      client.users.update(created.id, { password: 'a new long passphrase' }, { version: created.version }),
      VersionConflictError,
    );
    assert.equal(patches, 2);
    assert.deepEqual(changes, []);
    const current = await client.users.get(created.id);
    assert.equal(current.firstName, 'Annika');
    assert.equal(current.version, created.version + 1);
  });

  it('reports 412 for a repeated change with a password even when the other fields are already as asked', async () => {
    const api = createReferenceApi({ account: { passwordMode: 'per-user' } });
    const client = createRosterClient({
      baseUrl: BASE,
      fetch: api.fetch,
      getToken: () => api.tokenFor(OWNER),
      retry: 0,
    });
    const created = await client.users.create(person('Anna', 'Berg', { password: 'a long first passphrase' }));
    let first = true;
    const retrying = createRosterClient({
      baseUrl: BASE,
      getToken: () => api.tokenFor(OWNER),
      retry: { limit: 2, delay: 1 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method !== 'PATCH' || !first) return api.fetch(request);
        first = false;
        // Another tab makes the same rename (without a password) before this attempt's answer is lost.
        await client.users.update(created.id, { firstName: 'Annika' }, { version: created.version });
        throw new TypeError('fetch failed');
      },
    });
    await assert.rejects(
      retrying.users.update(
        created.id,
        { firstName: 'Annika', password: 'a new long passphrase' },
        { version: created.version },
      ),
      VersionConflictError,
    );
  });

  it('revalidates a user it has seen: If-None-Match with the last ETag, and a 304 answers the copy without a second body', async () => {
    const api = createReferenceApi();
    const gets: Array<{ status: number; bytes: number; ifNoneMatch: string | null }> = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const response = await api.fetch(request);
      if (request.method === 'GET') {
        const bytes = (await response.clone().arrayBuffer()).byteLength;
        gets.push({ status: response.status, bytes, ifNoneMatch: request.headers.get('if-none-match') });
      }
      return response;
    };
    const client = createRosterClient({ baseUrl: BASE, fetch, getToken: () => api.tokenFor(OWNER), retry: 0 });
    const otherTab = createRosterClient({
      baseUrl: BASE,
      fetch: api.fetch,
      getToken: () => api.tokenFor(OWNER),
      retry: 0,
    });
    const created = await otherTab.users.create(person('Anna', 'Berg'));

    const first = await client.users.get(created.id);
    const second = await client.users.get(created.id);
    assert.deepEqual(second, first);
    second.firstName = 'Changed by the caller';
    assert.deepEqual(await client.users.get(created.id), first, 'each answer is a copy of its own');

    const renamed = await otherTab.users.update(created.id, { firstName: 'Annika' }, { version: first.version });
    assert.deepEqual(await client.users.get(created.id), renamed);
    const saved = await client.users.update(created.id, { lastName: 'Bergmann' }, { version: renamed.version });
    assert.deepEqual(await client.users.get(created.id), saved, "a save's own answer is the copy revalidated next");

    const tag = (version: number) => `"${version}"`;
    assert.deepEqual(
      gets.map(({ status, ifNoneMatch }) => [status, ifNoneMatch]),
      [
        [200, null],
        [304, tag(first.version)],
        [304, tag(first.version)],
        [200, tag(first.version)],
        [304, tag(saved.version)],
      ],
    );
    const bodyBytes = gets.map(({ bytes }) => bytes);
    assert.ok(bodyBytes[0]! > 300, `a full profile is sent once (${bodyBytes[0]} bytes)`);
    assert.deepEqual([bodyBytes[1], bodyBytes[2], bodyBytes[4]], [0, 0, 0]);
  });

  it("checks a new profile early: resolves for fields a create would accept, throws the create's typed errors otherwise, and creates nothing", async () => {
    const { api, client } = setup({ account: { seatLimit: 3 } });
    const changes: RosterChange[] = [];
    client.onChange((change) => changes.push(change));
    assert.equal(await client.users.validate({ email: 'nina.neu@acme.de' }), undefined);
    await client.users.validate(person('Nina', 'Neu'));
    await assert.rejects(
      client.users.validate({ firstName: 'Free', email: 'free.mail@gmail.com' }),
      (error: unknown) =>
        error instanceof ValidationError &&
        isRosterError(error, 'email_freemail') &&
        error.status === 422 &&
        error.fieldErrors.some((field) => field.field === 'email' && field.code === 'email_freemail'),
    );
    await assert.rejects(
      client.users.validate({ allowedIps: ['10.1.2.3/8'] }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.fieldErrors.some((field) => field.field === 'allowedIps.0' && field.code === 'ip_host_bits_set'),
    );
    await client.users.create(person('Anna', 'Berg'));
    await assert.rejects(
      client.users.validate({ email: 'ANNA.berg@acme.de' }),
      (error: unknown) => error instanceof ConflictError && isRosterError(error, 'email_taken'),
    );
    await client.users.create(person('Ben', 'Adler'));
    await assert.rejects(client.users.validate({ email: 'carla.weiss@acme.de' }), (error: unknown) =>
      isRosterError(error, 'seat_limit_reached'),
    );

    assert.deepEqual(
      changes.map((change) => change.type),
      ['user-created', 'user-created'],
    );
    assert.equal((await client.users.list()).total, 3);
    assert.deepEqual(
      api
        .outbox()
        .map((mail) => mail.to)
        .sort(),
      ['anna.berg@acme.de', 'ben.adler@acme.de'],
    );
    const manager = setup({ data: 'demo' }, DEMO_VIEWERS.manager).client;
    await assert.rejects(
      manager.users.validate({ email: 'nina.neu@nordlicht.de' }),
      (error: unknown) => error instanceof ForbiddenError && isRosterError(error, 'forbidden'),
    );
  });

  it("maps the server's rule codes to typed errors with field errors", async () => {
    const { client } = setup();
    await assert.rejects(
      client.users.create(person('Free', 'Mail', { email: 'free.mail@gmail.com' })),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.code === 'email_freemail' &&
        error.status === 422 &&
        error.fieldErrors.some((field) => field.field === 'email' && field.code === 'email_freemail'),
    );
    await client.users.create(person('Anna', 'Berg'));
    await assert.rejects(
      client.users.create(person('Anna', 'Berg', { email: 'ANNA.berg@acme.de' })),
      (error: unknown) => error instanceof ConflictError && error.code === 'email_taken',
    );
    await assert.rejects(
      client.users.create(person('Ip', 'Range', { allowedIps: ['10.1.2.3/8'] })),
      (error: unknown) =>
        error instanceof ValidationError && error.fieldErrors.some((field) => field.field === 'allowedIps.0'),
    );
    await assert.rejects(
      client.users.create(person('Gus', 'Guest', { role: 'guest' })),
      (error: unknown) => error instanceof ValidationError && error.code === 'guest_requires_task',
    );
  });

  it("lets the viewer's role decide, and charges created tasks to the creator", async () => {
    const api = createReferenceApi({ data: 'demo' });
    const as = (email: string) =>
      createRosterClient({ baseUrl: BASE, fetch: api.fetch, getToken: () => api.tokenFor(email), retry: 0 });
    const guest = as(DEMO_VIEWERS.guest);
    await assert.rejects(
      guest.users.create(person('Gina', 'Guest', { email: 'gina.guest@nordlicht.de' })),
      ForbiddenError,
    );

    const specialist = as(DEMO_VIEWERS.specialist);
    const me = await specialist.me();
    const tool = me.user.access.tools[0]!;
    const changes: RosterChange[] = [];
    specialist.onChange((change) => changes.push(change));
    const before = await specialist.users.stats(me.user.id);
    const task = await specialist.tasks.create({ toolId: tool, name: '  Keyword set Q3  ' });
    assert.equal(task.name, 'Keyword set Q3');
    assert.equal(task.ownerId, me.user.id);
    assert.deepEqual(changes, [{ type: 'task-created', userId: me.user.id, task }]);
    const after = await specialist.users.stats(me.user.id);
    assert.ok(after.creditsSpent > before.creditsSpent);
    const mine = await specialist.tasks.list({ toolId: tool, ownerId: me.user.id });
    assert.ok(mine.items.some((item) => item.id === task.id));
    const events = [];
    for await (const event of specialist.users.iterateEvents(me.user.id, { type: 'task_created', limit: 5 }))
      events.push(event);
    assert.ok(events.some((event) => event.taskId === task.id));
  });

  it('sets the shared account password without echoing it anywhere', async () => {
    const canary = 'Canary-Horse-Battery-7f3a9c';
    const { client } = setup();
    const changes: RosterChange[] = [];
    client.onChange((change) => changes.push(change));
    await client.account.setPassword(canary);
    assert.deepEqual(changes, [{ type: 'password-set' }]);
    const refused = await client.users
      .create(person('Pia', 'Secret', { password: canary }))
      .catch((error: unknown) => error);
    assert.ok(refused instanceof ValidationError && refused.code === 'password_not_allowed');
    assert.ok(!reachableStrings(refused).some((text) => text.includes(canary)));
  });

  it('creates no duplicate when answers are dropped after the write', async () => {
    const { api, client } = setup({ faults: { rate: 0.4, kinds: ['drop'], seed: 11 } }, OWNER, {
      retry: { limit: 10, delay: 1 },
    });
    const people = [
      'Anna Adler',
      'Bernd Bauer',
      'Chiara Conti',
      'Deniz Demir',
      'Elif Ersoy',
      'Farid Fares',
      'Greta Graf',
      'Hanna Haas',
    ];
    for (const name of people) {
      const [first, last] = name.split(' ') as [string, string];
      const created = await client.users.create(person(first, last));
      assert.equal(created.email, `${first}.${last}@acme.de`.toLowerCase());
    }
    assert.ok(api.faultsInjected('drop') > 0, 'no answer was dropped');
    assert.ok(client.stats.retries > 0);
    const emails: string[] = [];
    for await (const user of client.users.iterate({ limit: 50 })) emails.push(user.email);
    assert.equal(emails.length, people.length + 1);
    assert.equal(new Set(emails).size, emails.length);
  });

  it('surfaces a dropped answer as NetworkError when retries are off, and a repeat with its key creates nothing new', async () => {
    const { api, client } = setup({ faults: { rate: 1, kinds: ['drop'] } });
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        client.users.create(person('Anna', 'Berg'), { idempotencyKey: 'create-anna' }),
        NetworkError,
      );
    }
    assert.equal(api.faultsInjected('drop'), 2);
    assert.equal(api.outbox().filter((mail) => mail.to === 'anna.berg@acme.de').length, 1);
  });

  it('does not wait for a Retry-After beyond maxRetryAfter', async () => {
    const { client } = setup({ faults: { rate: 1, kinds: ['rate_limited'] } }, OWNER, {
      retry: { limit: 2, maxRetryAfter: 500 },
    });
    const error = await client.me().catch((caught: unknown) => caught);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 1);
    assert.equal(client.stats.retries, 0);
  });

  it('reports garbled and contract-breaking answers with the failing path', async () => {
    const malformed = setup({ faults: { rate: 1, kinds: ['malformed'] } }).client;
    await assert.rejects(malformed.me(), (error: unknown) => error instanceof ResponseShapeError && error.path === '');
    const breaking = setup({ faults: { rate: 1, kinds: ['schema'] } }).client;
    await assert.rejects(
      breaking.users.list(),
      (error: unknown) => error instanceof ResponseShapeError && error.path === 'items',
    );
    await assert.rejects(
      breaking.me(),
      (error: unknown) => error instanceof ResponseShapeError && error.path === 'user',
    );
  });
});
