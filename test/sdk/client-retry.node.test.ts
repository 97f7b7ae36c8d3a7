import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NetworkError, RateLimitError, ServerError, TimeoutError, VersionConflictError } from '../../src/sdk/index.js';
import { hang, json, observedClient, pause, problem, taskFixture, userFixture } from './helpers.js';

const newUser = { firstName: 'Anna', lastName: 'Berg', email: 'anna.berg@acme.de', role: 'specialist' as const };

/** Answers with `failures` in turn, then with `success` forever; records when each call came. */
function flaky(failures: Array<(request: Request) => Response | Promise<Response>>, success: () => Response) {
  const times: number[] = [];
  const handler = (request: Request) => {
    times.push(performance.now());
    const next = failures.shift();
    return next ? next(request) : success();
  };
  return { handler, times };
}

const networkError = () => {
  throw new TypeError('fetch failed');
};
const unavailable = () => problem(503, 'unavailable');

describe('SDK retries', () => {
  it('retries a GET after 5xx with exponential backoff', async () => {
    const { handler, times } = flaky([unavailable, () => problem(500, 'boom')], () => json(userFixture()));
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 40 } });
    const user = await client.users.get('u1');
    assert.equal(user.id, 'u1');
    assert.equal(times.length, 3);
    assert.ok(times[1]! - times[0]! >= 35, `first wait ${times[1]! - times[0]!}`);
    assert.ok(times[2]! - times[1]! >= 75, `second wait ${times[2]! - times[1]!}`);
    assert.equal(client.stats.retries, 2);
  });

  it('retries network errors, timeouts and 408', async () => {
    const { handler, times } = flaky([networkError, hang, () => problem(408, 'request_timeout')], () =>
      json(userFixture()),
    );
    // The timeout ends the hanging attempt; long enough that a busy machine never times out the others.
    const { client } = observedClient(handler, { retry: { limit: 3, delay: 1 }, timeout: 500 });
    assert.equal((await client.users.get('u1')).id, 'u1');
    assert.equal(times.length, 4);
  });

  it('gives up after the limit with the last error', async () => {
    const { handler, times } = flaky([networkError, networkError, unavailable], () => json(userFixture()));
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    await assert.rejects(client.me(), ServerError);
    assert.equal(times.length, 3);
  });

  it('retries twice by default', async () => {
    const { handler, times } = flaky([unavailable, unavailable, unavailable], () => json(userFixture()));
    const { client } = observedClient(handler, { retry: { delay: 1 } });
    await assert.rejects(client.users.get('u1'), ServerError);
    assert.equal(times.length, 3);
  });

  it('does not retry client errors', async () => {
    const { handler, times } = flaky([() => problem(404, 'not_found')], () => json(userFixture()));
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    await assert.rejects(client.users.get('u1'), { name: 'NotFoundError' });
    assert.equal(times.length, 1);
  });

  it('honours Retry-After instead of the backoff', async () => {
    const { handler, times } = flaky([() => problem(429, 'rate_limited', {}, { 'retry-after': '0.15' })], () =>
      json(userFixture()),
    );
    const { client } = observedClient(handler, { retry: { limit: 1, delay: 1 } });
    await client.users.get('u1');
    assert.equal(times.length, 2);
    assert.ok(times[1]! - times[0]! >= 140, `waited ${times[1]! - times[0]!}`);
  });

  it('waits a Retry-After longer than backoffLimit, which bounds the backoff only', async () => {
    const { handler, times } = flaky([() => problem(503, 'unavailable', {}, { 'retry-after': '0.15' })], () =>
      json(userFixture()),
    );
    const { client } = observedClient(handler, { retry: { limit: 1, delay: 1, backoffLimit: 1 } });
    await client.users.get('u1');
    assert.ok(times[1]! - times[0]! >= 140, `waited ${times[1]! - times[0]!}`);
  });

  it('backs off after a Retry-After it cannot read, instead of waiting on it', async () => {
    const { handler, times } = flaky([() => problem(503, 'unavailable', {}, { 'retry-after': 'soon' })], () =>
      json(userFixture()),
    );
    const { client } = observedClient(handler, { retry: { limit: 1, delay: 1 } });
    const started = performance.now();
    assert.equal((await client.users.get('u1')).id, 'u1');
    assert.equal(times.length, 2);
    assert.ok(performance.now() - started < 10_000);
  });

  it('throws RateLimitError at once when Retry-After exceeds maxRetryAfter', async () => {
    const { handler, times } = flaky([() => problem(429, 'rate_limited', {}, { 'retry-after': '120' })], () =>
      json(userFixture()),
    );
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    const started = performance.now();
    const error = await client.users.get('u1').catch((caught: unknown) => caught);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 120);
    assert.equal(times.length, 1);
    // Far below the 120 s asked for, with room for a busy machine.
    assert.ok(performance.now() - started < 10_000);
  });

  it('applies a configured maxRetryAfter', async () => {
    const { handler, times } = flaky([() => problem(429, 'rate_limited', {}, { 'retry-after': '1' })], () =>
      json(userFixture()),
    );
    const { client } = observedClient(handler, { retry: { limit: 2, maxRetryAfter: 500 } });
    await assert.rejects(client.users.get('u1'), RateLimitError);
    assert.equal(times.length, 1);
  });

  it('retries a create with the same Idempotency-Key', async () => {
    const { handler } = flaky([networkError, unavailable], () => json(userFixture({ status: 'pending' }), 201));
    const { client, requests } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    await client.users.create(newUser);
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    assert.equal(keys.length, 3);
    assert.match(keys[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(keys.every((key) => key === keys[0]));
    for (const request of requests) assert.deepEqual(await request.json(), newUser);
  });

  it('generates a new key per create, and uses a given one', async () => {
    const { client, requests } = observedClient(() => json(taskFixture(), 201));
    await client.tasks.create({ toolId: 'rank-tracker', name: 'A' });
    await client.tasks.create({ toolId: 'rank-tracker', name: 'A' });
    await client.tasks.create({ toolId: 'rank-tracker', name: 'A' }, { idempotencyKey: 'key-1' });
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], 'key-1');
  });

  it('retries a garbled answer to a create, which the server answers again from its key', async () => {
    const { handler, times } = flaky([() => new Response('{"id":', { status: 201 })], () => json(userFixture(), 201));
    const { client } = observedClient(handler, { retry: { limit: 1, delay: 1 } });
    assert.equal((await client.users.create(newUser)).id, 'u1');
    assert.equal(times.length, 2);
  });

  it('does not repeat a POST that has no idempotency key after a network error or 5xx', async () => {
    for (const failure of [networkError, unavailable]) {
      const { handler, times } = flaky([failure], () => new Response(null, { status: 202 }));
      const { client } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
      await assert.rejects(
        client.users.resendVerification('u1'),
        (error: Error) => error instanceof NetworkError || error instanceof ServerError,
      );
      assert.equal(times.length, 1);
    }
  });

  it('repeats an early check after a network error or 5xx: it changes nothing', async () => {
    const { handler, times } = flaky([networkError, unavailable], () => new Response(null, { status: 204 }));
    const { client, requests } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    await client.users.validate({ email: 'anna.berg@acme.de' });
    assert.equal(times.length, 3);
    assert.deepEqual(
      requests.map((request) => `${request.method} ${new URL(request.url).pathname}`),
      Array(3).fill('POST /api/roster/v1/users/validate'),
    );
  });

  it('repeats any request after 429, which the server did not act on', async () => {
    const { handler, times } = flaky(
      [() => problem(429, 'rate_limited', {}, { 'retry-after': '0' })],
      () => new Response(null, { status: 202 }),
    );
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    await client.users.resendVerification('u1');
    assert.equal(times.length, 2);
  });

  it('retries a PATCH only when it carries If-Match', async () => {
    const unversioned = flaky([unavailable], () => json(userFixture()));
    await assert.rejects(
      observedClient(unversioned.handler, { retry: { limit: 2, delay: 1 } }).client.users.update('u1', {
        firstName: 'Ann',
      }),
      ServerError,
    );
    assert.equal(unversioned.times.length, 1);

    const versioned = flaky([unavailable], () => json(userFixture({ version: 4 })));
    const { client, requests } = observedClient(versioned.handler, { retry: { limit: 2, delay: 1 } });
    assert.equal((await client.users.update('u1', { firstName: 'Ann' }, { version: 3 })).version, 4);
    assert.deepEqual(
      requests.map((request) => request.headers.get('if-match')),
      ['"3"', '"3"'],
    );
  });

  it('returns the saved user when a repeated PATCH meets the version its own lost attempt wrote', async () => {
    const saved = userFixture({ version: 4, firstName: 'Ann' });
    const { handler } = flaky([networkError], () => problem(412, 'version_conflict'));
    const { client } = observedClient((request) => (request.method === 'GET' ? json(saved) : handler(request)), {
      retry: { limit: 2, delay: 1 },
    });
    const changes: string[] = [];
    client.onChange((change) => changes.push(change.type));
    const user = await client.users.update('u1', { firstName: '  Ann ' }, { version: 3 });
    assert.equal(user.version, 4);
    assert.deepEqual(changes, ['user-updated']);
  });

  it("reports 412 when a repeated PATCH meets someone else's change", async () => {
    const { handler } = flaky([networkError], () => problem(412, 'version_conflict'));
    for (const theirs of [
      userFixture({ version: 4, firstName: 'Someone else' }),
      userFixture({ version: 5, firstName: 'Ann' }),
    ]) {
      const { client } = observedClient((request) => (request.method === 'GET' ? json(theirs) : handler(request)), {
        retry: { limit: 2, delay: 1 },
      });
      await assert.rejects(client.users.update('u1', { firstName: 'Ann' }, { version: 3 }), VersionConflictError);
    }
  });

  it('treats 404 on a repeated DELETE as done: the lost attempt deleted the user', async () => {
    const { handler, times } = flaky([networkError], () => problem(404, 'not_found'));
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 1 } });
    const changes: string[] = [];
    client.onChange((change) => changes.push(change.type));
    await client.users.delete('u1', { version: 3 });
    assert.equal(times.length, 2);
    assert.deepEqual(changes, ['user-deleted']);
  });

  it('still reports 404 on a DELETE that was not repeated, and tells views the user is gone', async () => {
    const { client } = observedClient(() => problem(404, 'not_found'), { retry: { limit: 2, delay: 1 } });
    const changes: string[] = [];
    client.onChange((change) => changes.push(`${change.type} ${'userId' in change ? change.userId : ''}`));
    await assert.rejects(client.users.delete('u1'), { name: 'NotFoundError' });
    assert.deepEqual(changes, ['user-deleted u1']);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const { handler, times } = flaky([unavailable], () => json(userFixture()));
    const { client } = observedClient(handler, { retry: { limit: 2, delay: 60_000 } });
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.users.get('u1', { signal: controller.signal });
    await pause(20);
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.ok(performance.now() - started < 10_000);
    assert.equal(times.length, 1);
  });

  it('retries a timed-out GET with a fresh per-attempt timeout', async () => {
    const { handler, times } = flaky([hang, hang], () => json(userFixture()));
    const { client } = observedClient(handler, { retry: { limit: 1, delay: 1 }, timeout: 30 });
    await assert.rejects(client.users.get('u1'), TimeoutError);
    assert.equal(times.length, 2);
  });
});
