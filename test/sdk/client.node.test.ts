import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseShapeError, createRosterClient, type RosterChange } from '../../src/sdk/index.js';
import { authorizeFor } from '../../src/sdk/http.js';
import { BASE, hang, json, observedClient, page, pause, taskFixture, userFixture } from './helpers.js';

describe('SDK requests', () => {
  it('never lets a write follow a redirect, so its body cannot travel on; reads may', async () => {
    const { client, requests } = observedClient((request) =>
      request.method === 'GET' ? json(userFixture()) : json(userFixture(), 201),
    );
    await client.users.get('u1');
    await client.users.create({
      firstName: 'Anna',
      lastName: 'Berg',
      email: 'anna.berg@acme.de',
      role: 'specialist',
      password: 'a canary password',
    });
    await client.users.update('u1', { password: 'another canary pass' }, { version: 1 });
    await client.account.setPassword('a third canary pass').catch(() => undefined);
    assert.deepEqual(
      requests.map((request) => `${request.method} ${request.redirect}`),
      ['GET follow', 'POST error', 'PATCH error', 'PUT error'],
    );
  });

  it('sends each method to its path below the base URL, with ids encoded', async () => {
    const { client, requests } = observedClient((request, url) => {
      if (request.method === 'DELETE' || url.pathname.endsWith('/verification') || url.pathname.endsWith('/password')) {
        return new Response(null, { status: request.method === 'POST' ? 202 : 204 });
      }
      if (url.pathname.endsWith('/stats')) {
        return json({
          role: 'specialist',
          creditLimit: null,
          createdAt: '2024-04-30T09:00:00Z',
          creditsAvailable: 10,
          creditsSpent: 0,
          tasksOwned: 1,
          lastActiveAt: null,
        });
      }
      if (url.pathname.endsWith('/events') || url.pathname.endsWith('/tasks')) return json(page([]));
      return json(userFixture());
    });
    await client.users.get('a/b c?');
    await client.users.stats('u1');
    await client.users.events('u1', { type: 'task_created', from: new Date('2024-05-01T00:00:00Z'), limit: 10 });
    await client.users.resendVerification('u1');
    await client.users.delete('u1', { tasks: 'transfer' });
    await client.tools.tasks('rank tracker', { q: 'shop' });
    await client.tasks.list({ toolId: 'site-audit', shared: true });
    await client.account.setPassword('correct horse battery staple');
    assert.deepEqual(
      requests.map((request) => `${request.method} ${request.url.slice(BASE.length)}`),
      [
        'GET /users/a%2Fb%20c%3F',
        'GET /users/u1/stats',
        'GET /users/u1/events?from=2024-05-01T00%3A00%3A00.000Z&limit=10&type=task_created',
        'POST /users/u1/verification',
        'DELETE /users/u1?tasks=transfer',
        'GET /tools/rank%20tracker/tasks?q=shop',
        'GET /tasks?shared=true&toolId=site-audit',
        'PUT /account/password',
      ],
    );
    assert.deepEqual(await requests.at(-1)!.json(), { password: 'correct horse battery staple' });
  });

  it('sends list queries, leaving out empty values', async () => {
    const { client, requests } = observedClient(() => json(page([userFixture()], 'c2', 7)));
    const result = await client.users.list({
      q: 'anna',
      role: 'specialist',
      sort: '-createdAt',
      limit: 25,
      cursor: 'c1',
      status: undefined,
    });
    assert.equal(result.total, 7);
    assert.equal(result.nextCursor, 'c2');
    assert.equal(new URL(requests[0]!.url).search, '?cursor=c1&limit=25&q=anna&role=specialist&sort=-createdAt');
  });

  it('refuses ids that a URL would read as a path step', async () => {
    const { client, requests } = observedClient(() => json(userFixture()));
    for (const id of ['', '.', '..']) await assert.rejects(client.users.get(id), TypeError);
    assert.equal(requests.length, 0);
  });

  it('sends If-Match only when a version is given', async () => {
    const { client, requests } = observedClient((request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : json(userFixture()),
    );
    await client.users.update('u1', { firstName: 'Ann' }, { version: 3 });
    await client.users.update('u1', { firstName: 'Ann' });
    await client.users.delete('u1', { version: 4 });
    assert.deepEqual(
      requests.map((request) => request.headers.get('if-match')),
      ['"3"', null, '"4"'],
    );
    assert.deepEqual(await requests[0]!.json(), { firstName: 'Ann' });
  });

  it('sends the token, the extra headers and JSON accept', async () => {
    const { client, requests } = observedClient(() => json(userFixture()), {
      getToken: async () => 'secret-token',
      headers: { 'x-tenant': 'acme' },
    });
    await client.users.get('u1');
    const [request] = requests;
    assert.equal(request!.headers.get('authorization'), 'Bearer secret-token');
    assert.equal(request!.headers.get('x-tenant'), 'acme');
    assert.equal(request!.headers.get('accept'), 'application/json');
  });

  it('sends no Authorization header without a token', async () => {
    for (const getToken of [undefined, () => null, () => '']) {
      const { client, requests } = observedClient(() => json(userFixture()), { getToken });
      await client.users.get('u1');
      assert.equal(requests[0]!.headers.get('authorization'), null);
    }
  });

  it('adds the token only to requests for the base URL origin', () => {
    const hook = authorizeFor('http://localhost');
    const options = { context: { token: 'secret-token' } } as never;
    const same = new Request('http://localhost/api/roster/v1/me');
    const other = new Request('http://evil.example/api/roster/v1/me', { headers: { authorization: 'Bearer leaked' } });
    const otherPort = new Request('http://localhost:8080/api/roster/v1/me');
    hook(same, options, { retryCount: 0 });
    hook(other, options, { retryCount: 0 });
    hook(otherPort, options, { retryCount: 0 });
    assert.equal(same.headers.get('authorization'), 'Bearer secret-token');
    assert.equal(other.headers.get('authorization'), null);
    assert.equal(otherPort.headers.get('authorization'), null);
  });

  it('needs an absolute base URL outside a browser page, and keeps it as given', () => {
    assert.throws(() => createRosterClient({ baseUrl: '/api/roster/v1' }), TypeError);
    assert.equal(createRosterClient({ baseUrl: `${BASE}/` }).baseUrl, `${BASE}/`);
  });
});

describe('SDK shared GETs', () => {
  /** A server that answers once `release` is called, counting requests. */
  function gated() {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen: Request[] = [];
    const handler = async (request: Request) => {
      seen.push(request);
      await gate;
      return json(userFixture());
    };
    return { handler, seen, release: () => release() };
  }

  it('sends identical concurrent GETs once and gives each caller its own copy', async () => {
    const server = gated();
    const { client } = observedClient(server.handler);
    const calls = [client.users.get('u1'), client.users.get('u1'), client.users.get('u1')];
    server.release();
    const [a, b, c] = await Promise.all(calls);
    assert.equal(server.seen.length, 1);
    assert.deepEqual(a, b);
    assert.notEqual(a, b);
    assert.notEqual(b, c);
    await client.users.get('u1');
    assert.equal(server.seen.length, 2);
  });

  it('does not share GETs that differ in URL, query or token', async () => {
    const server = gated();
    let token = 'tok-1';
    const { client } = observedClient(server.handler, { getToken: () => token });
    const calls = [client.users.get('u1'), client.users.get('u2'), client.me()];
    token = 'tok-2';
    calls.push(client.users.get('u1'));
    server.release();
    await Promise.allSettled(calls);
    assert.equal(server.seen.length, 4);
    assert.deepEqual(
      server.seen.map((request) => request.headers.get('authorization')),
      ['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2'],
    );
  });

  it('aborts one caller without stopping the request the others wait for', async () => {
    const server = gated();
    const { client } = observedClient(server.handler);
    const controller = new AbortController();
    const aborted = client.users.get('u1', { signal: controller.signal });
    const kept = client.users.get('u1');
    controller.abort();
    await assert.rejects(aborted, { name: 'AbortError' });
    server.release();
    assert.equal((await kept).id, 'u1');
    assert.equal(server.seen.length, 1);
    assert.equal(server.seen[0]!.signal.aborted, false);
  });

  it('stops the shared request when every caller aborted, and starts afresh after', async () => {
    const { client, requests } = observedClient(hang);
    const first = new AbortController();
    const second = new AbortController();
    const calls = [client.users.get('u1', { signal: first.signal }), client.users.get('u1', { signal: second.signal })];
    await pause(5);
    first.abort();
    second.abort();
    for (const call of calls) await assert.rejects(call, { name: 'AbortError' });
    assert.equal(requests.length, 1);
    const fresh = new AbortController();
    const next = client.users.get('u1', { signal: fresh.signal });
    await pause(5);
    assert.equal(requests.length, 2);
    fresh.abort();
    await assert.rejects(next, { name: 'AbortError' });
  });

  it('rejects at once with an already aborted signal', async () => {
    const { client, requests } = observedClient(() => json(userFixture()));
    await assert.rejects(client.users.get('u1', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(requests.length, 0);
  });

  it('does not let a GET started after a write join one started before it', async () => {
    const server = gated();
    const { client } = observedClient((request) =>
      request.method === 'PATCH' ? json(userFixture({ version: 4 })) : server.handler(request),
    );
    const before = client.users.get('u1');
    await client.users.update('u1', { firstName: 'Ann' }, { version: 3 });
    const after = client.users.get('u1');
    server.release();
    await Promise.all([before, after]);
    assert.equal(server.seen.length, 2);
  });
});

describe('SDK change notifications', () => {
  const canary = 'Canary-Pa55word-7f3a9c';

  function server() {
    return observedClient((request, url) => {
      if (request.method === 'POST' && url.pathname.endsWith('/users'))
        return json(userFixture({ id: 'u9', status: 'pending' }), 201);
      if (request.method === 'POST' && url.pathname.endsWith('/tasks'))
        return json(taskFixture({ ownerId: 'u5' }), 201);
      if (request.method === 'PATCH') return json(userFixture({ version: 4 }));
      return new Response(null, { status: request.method === 'POST' ? 202 : 204 });
    });
  }

  it('tells listeners about every successful write, without the password', async () => {
    const { client } = server();
    const changes: RosterChange[] = [];
    client.onChange((change) => changes.push(change));
    await client.users.create({
      firstName: 'Anna',
      lastName: 'Berg',
      email: 'anna.berg@acme.de',
      role: 'specialist',
      password: canary,
    });
    await client.users.update('u1', { password: canary, firstName: 'Ann' }, { version: 3 });
    await client.users.resendVerification('u9');
    await client.users.delete('u9');
    await client.tasks.create({ toolId: 'rank-tracker', name: 'Shop keywords' });
    await client.account.setPassword(canary);
    assert.deepEqual(
      changes.map((change) => [change.type, 'userId' in change ? change.userId : null]),
      [
        ['user-created', 'u9'],
        ['user-updated', 'u1'],
        ['verification-sent', 'u9'],
        ['user-deleted', 'u9'],
        ['task-created', 'u5'],
        ['password-set', null],
      ],
    );
    assert.ok(!JSON.stringify(changes).includes(canary));
    assert.equal(changes[0]!.type === 'user-created' && changes[0]!.user.status, 'pending');
  });

  it('sends nothing for reads or failed writes, and stops after unsubscribe', async () => {
    const { client } = observedClient((request) => (request.method === 'GET' ? json(userFixture()) : json({}, 422)));
    const changes: RosterChange[] = [];
    const unsubscribe = client.onChange((change) => changes.push(change));
    await client.users.get('u1');
    await assert.rejects(client.users.update('u1', { firstName: 'Ann' }));
    unsubscribe();
    const ok = server().client;
    ok.onChange((change) => changes.push(change));
    unsubscribe();
    await ok.users.delete('u1');
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.type, 'user-deleted');
  });

  it('keeps notifying when one listener throws, and reports the error', async () => {
    const { client } = server();
    const seen: string[] = [];
    const reported: unknown[] = [];
    const global = globalThis as { reportError?: (error: unknown) => void };
    const original = global.reportError;
    global.reportError = (error) => reported.push(error);
    try {
      client.onChange(() => {
        throw new Error('listener bug');
      });
      client.onChange((change) => seen.push(change.type));
      await client.users.delete('u1');
    } finally {
      if (original) global.reportError = original;
      else delete global.reportError;
    }
    assert.deepEqual(seen, ['user-deleted']);
    assert.equal((reported[0] as Error).message, 'listener bug');
  });
});

describe('SDK iteration', () => {
  it('follows nextCursor through every page, keeping the query and the signal', async () => {
    const pages: Record<string, ReturnType<typeof page>> = {
      '': page([userFixture({ id: 'u1' }), userFixture({ id: 'u2' })], 'c2', 5),
      c2: page([userFixture({ id: 'u3' }), userFixture({ id: 'u4' })], 'c3', 5),
      c3: page([userFixture({ id: 'u5' })], null, 5),
    };
    const { client, requests } = observedClient((_, url) => json(pages[url.searchParams.get('cursor') ?? '']));
    const controller = new AbortController();
    const ids: string[] = [];
    for await (const user of client.users.iterate({ q: 'a', limit: 2 }, { signal: controller.signal }))
      ids.push(user.id);
    assert.deepEqual(ids, ['u1', 'u2', 'u3', 'u4', 'u5']);
    assert.deepEqual(
      requests.map((request) => new URL(request.url).search),
      ['?limit=2&q=a', '?cursor=c2&limit=2&q=a', '?cursor=c3&limit=2&q=a'],
    );

    const stop = new AbortController();
    const partial: string[] = [];
    await assert.rejects(
      async () => {
        for await (const user of client.users.iterate({ limit: 2 }, { signal: stop.signal })) {
          partial.push(user.id);
          stop.abort();
        }
      },
      { name: 'AbortError' },
    );
    assert.deepEqual(partial, ['u1', 'u2']);
  });

  it("iterates a user's events", async () => {
    const event = (id: string) => ({
      id,
      at: '2024-05-02T08:00:00Z',
      type: 'task_created',
      description: 'Created a task',
      cost: 10,
      toolId: 'rank-tracker',
      taskId: 't1',
    });
    const { client, requests } = observedClient((_, url) =>
      json(url.searchParams.get('cursor') ? page([event('e2')]) : page([event('e1')], 'next')),
    );
    const ids: string[] = [];
    for await (const item of client.users.iterateEvents('u1', { type: 'task_created' })) ids.push(item.id);
    assert.deepEqual(ids, ['e1', 'e2']);
    assert.ok(requests.every((request) => new URL(request.url).pathname.endsWith('/users/u1/events')));
  });

  it('stops with ResponseShapeError when the server repeats a cursor', async () => {
    const { client } = observedClient(() => json(page([userFixture()], 'same')));
    await assert.rejects(async () => {
      for await (const user of client.users.iterate()) void user;
    }, ResponseShapeError);
  });
});
