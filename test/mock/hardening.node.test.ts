// Contract v1.1 hardening, one guarantee per suite: limits and authentication before the body,
// guests never left without a task, a key's first answer kept (refusals included), strong
// If-Match, and tokens bound to profile ids.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReferenceApi, type ReferenceApi } from '../../src/mock/index.js';
import { errorFromResponse } from '../../src/sdk/http.js';
import { ConflictError, NotFoundError, RosterError, ValidationError, createRosterClient } from '../../src/sdk/index.js';
import { BASE, OWNER, answerOf, as, assertFieldError, assertProblem, call, newProfile, verify } from './helpers.js';

const MiB = 1024 * 1024;

/** A body of `size` bytes, made only as it is read; `stats.pulled` counts what was handed out. */
function lazyBody(size: number, chunkSize = 64 * 1024) {
  const chunk = new Uint8Array(chunkSize).fill(0x20); // spaces: valid JSON padding
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const n = Math.min(chunkSize, size - stats.pulled);
        if (n <= 0) return controller.close();
        stats.pulled += n;
        controller.enqueue(chunk.subarray(0, n));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

function streamed(
  api: ReferenceApi,
  path: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  return api.handle(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      duplex: 'half',
    } as RequestInit),
  );
}

describe('hardening: limits, and authentication before the body', () => {
  it('answers 401 to a huge streamed body without a valid token, having read none of it', async () => {
    const api = createReferenceApi();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer forged' },
      { authorization: `Bearer ${api.tokenFor('nobody@acme.de')}` },
    ]) {
      const { stream, stats } = lazyBody(64 * MiB);
      assertProblem(await answerOf(await streamed(api, '/users', stream, headers)), 401, 'unauthorized');
      assert.equal(stats.pulled, 0, `read ${stats.pulled} bytes for ${JSON.stringify(headers)}`);
    }
    // A pending profile's token is no better.
    const pending = (await as(api, OWNER).post('/users', newProfile())).body;
    const { stream, stats } = lazyBody(64 * MiB);
    assertProblem(
      await answerOf(await streamed(api, '/tasks', stream, { authorization: `Bearer ${api.tokenFor(pending.id)}` })),
      401,
      'unauthorized',
    );
    assert.equal(stats.pulled, 0);
  });

  it('answers 413 payload_too_large to a body over 1 MiB from a signed-in owner, and creates nothing', async () => {
    const api = createReferenceApi();
    const { stream, stats } = lazyBody(8 * MiB);
    assertProblem(
      await answerOf(await streamed(api, '/users', stream, { authorization: `Bearer ${api.tokenFor(OWNER)}` })),
      413,
      'payload_too_large',
    );
    assert.ok(stats.pulled <= MiB + 64 * 1024, `read ${stats.pulled} bytes`);
    assert.equal((await as(api, OWNER).get('/users')).body.total, 1);
  });

  it('refuses more than 100 allowedIps, 1,000 access.tools or 10,000 access.tasks with too_many_items on that list', async () => {
    const api = createReferenceApi();
    const ips = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    const tools = (n: number) => Array.from({ length: n }, () => 'rank-tracker');
    const tasks = (n: number) => Array.from({ length: n }, (_, i) => ({ toolId: 'rank-tracker', taskId: `tsk_${i}` }));
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['allowedIps', { allowedIps: ips(101) }, 'Use at most 100 items.'],
      ['access.tools', { access: { tools: tools(1_001), tasks: [] } }, 'Use at most 1,000 items.'],
      ['access.tasks', { role: 'guest', access: { tools: [], tasks: tasks(10_001) } }, 'Use at most 10,000 items.'],
    ];
    const target = (await as(api, OWNER).post('/users', newProfile({ email: 'target@acme.de' }))).body;
    for (const [field, fields, message] of cases) {
      for (const answer of [
        await as(api, OWNER).post('/users', newProfile(fields)),
        await as(api, OWNER).post('/users/validate', fields),
        await as(api, OWNER).patch(`/users/${target.id}`, fields),
      ]) {
        const body = assertProblem(answer, 422, 'too_many_items');
        // Only the list's own refusal: no rule walked its items.
        assert.deepEqual(body.errors, [{ field, code: 'too_many_items', message }]);
      }
    }
    // At the limit, the lists are taken.
    const full = await as(api, OWNER).patch(`/users/${target.id}`, {
      allowedIps: ips(100),
      access: { tools: tools(1_000), tasks: [] },
    });
    assert.equal(full.status, 200, JSON.stringify(full.body));
    assert.equal(full.body.allowedIps.length, 100);
    assert.deepEqual(full.body.access.tools, ['rank-tracker']);
    assert.equal((await as(api, OWNER).get('/users')).body.total, 2);
  });

  it('refuses an Idempotency-Key over 255 characters with 422, and creates nothing', async () => {
    const api = createReferenceApi();
    const answer = await as(api, OWNER).post('/users', newProfile(), { 'idempotency-key': 'k'.repeat(256) });
    assertProblem(answer, 422, 'validation_failed');
    assertFieldError(answer, 'Idempotency-Key', 'too_long');
    assert.equal((await as(api, OWNER).get('/users')).body.total, 1);
    const taken = await as(api, OWNER).post('/users', newProfile(), { 'idempotency-key': 'k'.repeat(255) });
    assert.equal(taken.status, 201);
  });
});

describe('hardening: a guest is never left without a task (SPEC rule 10 on delete)', () => {
  /** Sam owns two tasks; Gus has only Sam's first, Gert only Sam's second, Gina Sam's first and one of the owner's. */
  function team() {
    return createReferenceApi({
      users: [
        { id: 'usr_sam', firstName: 'Sam', lastName: 'Specialist', email: 'sam@acme.de', role: 'specialist' },
        {
          id: 'usr_gus',
          firstName: 'Gus',
          lastName: 'Guest',
          email: 'gus@acme.de',
          role: 'guest',
          access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: 'tsk_sam1' }] },
        },
        {
          id: 'usr_gert',
          firstName: 'Gert',
          lastName: 'Gast',
          email: 'gert@acme.de',
          role: 'guest',
          access: { tools: [], tasks: [{ toolId: 'site-audit', taskId: 'tsk_sam2' }] },
        },
        {
          id: 'usr_gina',
          firstName: 'Gina',
          lastName: 'Guest',
          email: 'gina@acme.de',
          role: 'guest',
          access: {
            tools: [],
            tasks: [
              { toolId: 'rank-tracker', taskId: 'tsk_sam1' },
              { toolId: 'rank-tracker', taskId: 'tsk_own' },
            ],
          },
        },
      ],
      tasks: [
        { id: 'tsk_sam1', toolId: 'rank-tracker', name: 'Sam one', ownerId: 'sam@acme.de' },
        { id: 'tsk_sam2', toolId: 'site-audit', name: 'Sam two', ownerId: 'sam@acme.de' },
        { id: 'tsk_own', toolId: 'rank-tracker', name: 'Owner’s', ownerId: OWNER },
      ],
    });
  }

  it('refuses tasks=delete with 409 guests_need_tasks naming each stranded guest, and changes nothing', async () => {
    const api = team();
    const owner = as(api, OWNER);
    const before = (await owner.get('/users?limit=200')).body;
    const refused = await owner.delete('/users/usr_sam?tasks=delete');
    const body = assertProblem(refused, 409, 'guests_need_tasks');
    assert.match(body.detail!, /Gus Guest/);
    assert.match(body.detail!, /Gert Gast/);
    assert.doesNotMatch(body.detail!, /Gina/);
    assert.deepEqual(body.errors!.map((error) => [error.field, error.code]).sort(), [
      ['guests.usr_gert', 'guest_requires_task'],
      ['guests.usr_gus', 'guest_requires_task'],
    ]);
    assert.deepEqual((await owner.get('/users?limit=200')).body, before);
    assert.equal((await owner.get('/tasks?ownerId=usr_sam')).body.total, 2);

    // Transferring is the way through: everyone keeps their grants.
    assert.equal((await owner.delete('/users/usr_sam?tasks=transfer')).status, 204);
    const tasks = (await owner.get('/tasks?limit=200')).body.items as { id: string; ownerId: string }[];
    const ownerId = (await owner.get('/me')).body.user.id;
    assert.deepEqual(
      tasks.filter((task) => task.id.startsWith('tsk_sam')).map((task) => task.ownerId),
      [ownerId, ownerId],
    );
    assert.equal((await owner.get('/users/usr_gus')).body.access.tasks.length, 1);
  });

  it('deletes the tasks when every guest keeps one, removing the grants of the deleted tasks', async () => {
    const api = team();
    const owner = as(api, OWNER);
    // Gus and Gert get another task first; Gina already has one.
    for (const id of ['usr_gus', 'usr_gert']) {
      const guest = (await owner.get(`/users/${id}`)).body;
      const tasks = [...guest.access.tasks, { toolId: 'rank-tracker', taskId: 'tsk_own' }];
      assert.equal((await owner.patch(`/users/${id}`, { access: { tools: [], tasks } })).status, 200);
    }
    assert.equal((await owner.delete('/users/usr_sam?tasks=delete')).status, 204);
    for (const id of ['usr_gus', 'usr_gert', 'usr_gina']) {
      assert.deepEqual(
        (await owner.get(`/users/${id}`)).body.access.tasks,
        [{ toolId: 'rank-tracker', taskId: 'tsk_own' }],
        id,
      );
    }
    assert.equal((await owner.get('/tasks?limit=200')).body.total, 1);
  });

  it('reaches the SDK as a ConflictError with the code and one field error per guest', async () => {
    const api = team();
    const client = createRosterClient({
      baseUrl: BASE,
      fetch: api.fetch,
      getToken: () => api.tokenFor(OWNER),
      retry: 0,
    });
    await assert.rejects(client.users.delete('usr_sam', { tasks: 'delete' }), (error) => {
      assert.ok(error instanceof ConflictError, String(error));
      assert.equal(error.status, 409);
      assert.equal(error.code, 'guests_need_tasks');
      assert.equal(error.fieldErrors.length, 2);
      return true;
    });
  });
});

describe('hardening: a key keeps its first answer, refusals included', () => {
  it('replays a 409 seat_limit_reached for the same body after a seat was freed, and refuses another body', async () => {
    const api = createReferenceApi({ account: { seatLimit: 2 } });
    const owner = as(api, OWNER);
    const first = (await owner.post('/users', newProfile({ email: 'first.one@acme.de' }))).body;
    const key = { 'idempotency-key': 'create-max-1' };
    const refused = await owner.post('/users', newProfile(), key);
    assertProblem(refused, 409, 'seat_limit_reached');
    assert.equal(refused.headers.get('idempotent-replayed'), null);

    assert.equal((await owner.delete(`/users/${first.id}`)).status, 204);
    assertProblem(
      await owner.post('/users', newProfile({ email: 'moritz.mustermann@acme.de' }), key),
      422,
      'idempotency_key_reused',
    );
    const replayed = await owner.post('/users', newProfile(), key);
    assertProblem(replayed, 409, 'seat_limit_reached');
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replayed.body, refused.body);
    assert.equal((await owner.get('/users')).body.total, 1, 'the replay created no one');

    // The seat is free: a new key creates the profile.
    assert.equal((await owner.post('/users', newProfile(), { 'idempotency-key': 'create-max-2' })).status, 201);
  });
});

describe('hardening: If-Match compares strongly', () => {
  const cases: Array<[string, number]> = [
    ['W/"1"', 412],
    ['"1"', 0],
    ['*', 0],
    ['"0", "1"', 0],
    ['"0", W/"1"', 412],
    ['"2"', 412],
  ];
  for (const method of ['PATCH', 'DELETE'] as const) {
    for (const [header, status] of cases) {
      it(`${method} with If-Match: ${header} → ${status || 'applied'}`, async () => {
        const api = createReferenceApi();
        const created = (await as(api, OWNER).post('/users', newProfile())).body;
        const headers = { 'if-match': header };
        const answer =
          method === 'PATCH'
            ? await as(api, OWNER).patch(`/users/${created.id}`, { firstName: 'Moritz' }, headers)
            : await as(api, OWNER).delete(`/users/${created.id}`, headers);
        const after = await as(api, OWNER).get(`/users/${created.id}`);
        if (status) {
          assertProblem(answer, 412, 'version_conflict');
          assert.equal(after.body.firstName, 'Max');
          assert.equal(after.body.version, 1);
        } else {
          assert.equal(answer.status, method === 'PATCH' ? 200 : 204, JSON.stringify(answer.body));
          if (method === 'PATCH') assert.equal(after.body.firstName, 'Moritz');
          else assertProblem(after, 404, 'not_found');
        }
      });
    }
  }
});

describe('hardening: tokens name profile ids', () => {
  it('keeps a deleted profile’s token invalid after a profile with the same email is created', async () => {
    const api = createReferenceApi();
    const email = 'max.mustermann@acme.de';
    const deleted = new Set<string>();
    let oldToken: string | undefined;
    for (let round = 0; round < 3; round++) {
      const created = (await as(api, OWNER).post('/users', newProfile())).body;
      assert.ok(!deleted.has(created.id), `id ${created.id} was used before`);
      await verify(api, email);
      const token = api.tokenFor(email);
      assert.notEqual(token, oldToken);
      assert.equal(
        (await call(api, 'GET', '/me', { headers: { authorization: `Bearer ${token}` } })).body.user.id,
        created.id,
      );
      if (oldToken)
        assertProblem(
          await call(api, 'GET', '/me', { headers: { authorization: `Bearer ${oldToken}` } }),
          401,
          'unauthorized',
        );
      assert.equal((await as(api, OWNER).delete(`/users/${created.id}`)).status, 204);
      assertProblem(
        await call(api, 'GET', '/me', { headers: { authorization: `Bearer ${token}` } }),
        401,
        'unauthorized',
      );
      deleted.add(created.id);
      oldToken = token;
    }
    // The last profile's token stays dead, and a fourth profile with the email is someone new.
    const again = (await as(api, OWNER).post('/users', newProfile())).body;
    await verify(api, email);
    assert.ok(!deleted.has(again.id));
    assertProblem(
      await call(api, 'POST', '/tasks', {
        headers: { authorization: `Bearer ${oldToken}` },
        body: { toolId: 'rank-tracker', name: 'Sneaky' },
      }),
      401,
      'unauthorized',
    );
    assert.equal((await as(api, again.email).get('/me')).body.user.id, again.id);
  });
});

describe('hardening: the SDK’s error classes for the v1.1 answers', () => {
  const clientOf = (api: ReferenceApi) =>
    createRosterClient({ baseUrl: BASE, fetch: api.fetch, getToken: () => api.tokenFor(OWNER), retry: 0 });

  it('throws ValidationError for 413 payload_too_large and for 422 too_many_items', async () => {
    const api = createReferenceApi();
    const client = clientOf(api);
    await assert.rejects(client.users.create({ ...newProfile(), phone: '1'.repeat(MiB + 1) } as never), (error) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.deepEqual([error.status, error.code], [413, 'payload_too_large']);
      return true;
    });
    const target = await client.users.create(newProfile() as never);
    const ips = Array.from({ length: 101 }, (_, i) => `10.0.0.${i}`);
    await assert.rejects(client.users.update(target.id, { allowedIps: ips }), (error) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.deepEqual([error.status, error.code], [422, 'too_many_items']);
      assert.deepEqual(
        error.fieldErrors.map((fieldError) => [fieldError.field, fieldError.code]),
        [['allowedIps', 'too_many_items']],
      );
      return true;
    });
  });

  it('reads a used or replaced verification link (410) as NotFoundError with its code', async () => {
    const api = createReferenceApi();
    await as(api, OWNER).post('/users', newProfile());
    const link = `http://localhost${api.outbox()[0]!.link}`;
    await verify(api, 'max.mustermann@acme.de');
    const used = await errorFromResponse(await api.handle(new Request(link, { method: 'POST' })));
    assert.ok(used instanceof NotFoundError, String(used));
    assert.deepEqual([used.status, used.code], [410, 'link_used']);
  });

  it('names the class and code from the status alone when an answer has no problem body', async () => {
    const bare = (status: number) =>
      errorFromResponse(new Response('<html>proxy</html>', { status, headers: { 'content-type': 'text/html' } }));
    const cases: Array<[number, string, string]> = [
      [409, 'ConflictError', 'conflict'],
      [410, 'NotFoundError', 'gone'],
      [413, 'ValidationError', 'payload_too_large'],
      [422, 'ValidationError', 'validation_failed'],
      [418, 'RosterError', 'http_error'],
    ];
    for (const [status, name, code] of cases) {
      const error = await bare(status);
      assert.ok(error instanceof RosterError);
      assert.deepEqual([error.name, error.status, error.code], [name, status, code]);
    }
  });
});
