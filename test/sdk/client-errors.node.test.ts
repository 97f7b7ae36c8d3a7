import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  RosterError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  VersionConflictError,
  isRosterError,
} from '../../src/sdk/index.js';
import { PROBLEM_STATUS, type ProblemCode } from '../../src/core/http.js';
import type { RosterErrorCode } from '../../src/sdk/index.js';
import { parseRetryAfter } from '../../src/sdk/http.js';
import { hang, json, observedClient, page, problem, reachableStrings, userFixture } from './helpers.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new assert.AssertionError({ message: 'expected a rejection' });
}

describe('SDK errors', () => {
  const cases = [
    [400, 'validation_failed', ValidationError],
    [401, 'unauthorized', UnauthorizedError],
    [403, 'forbidden', ForbiddenError],
    [404, 'not_found', NotFoundError],
    [409, 'email_taken', ConflictError],
    [412, 'version_conflict', VersionConflictError],
    [422, 'email_freemail', ValidationError],
    [429, 'rate_limited', RateLimitError],
    [500, 'internal', ServerError],
    [503, 'unavailable', ServerError],
    [418, 'teapot', RosterError],
  ] as const;

  for (const [status, code, ErrorClass] of cases) {
    it(`maps a ${status} problem to ${ErrorClass.name}`, async () => {
      const { client } = observedClient(() => problem(status, code, { detail: `Detail ${code}` }));
      const error = await failure(client.users.get('u1'));
      assert.ok(error instanceof ErrorClass);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.status, status);
      assert.equal(error.code, code);
      assert.equal(error.title, `Title of ${code}`);
      assert.equal(error.detail, `Detail ${code}`);
      assert.deepEqual(error.fieldErrors, []);
      assert.ok(isRosterError(error));
    });
  }

  it('carries the field errors of a validation problem', async () => {
    const errors = [
      { field: 'email', code: 'email_freemail', message: 'Use a company address.' },
      { field: 'allowedIps.2', code: 'ip_host_bits_set', message: 'Did you mean 10.0.0.0/8?' },
    ];
    const { client } = observedClient(() => problem(422, 'validation_failed', { errors }));
    const error = await failure(
      client.users.create({ firstName: 'A', lastName: 'B', email: 'a@gmail.com', role: 'guest' }),
    );
    assert.ok(error instanceof ValidationError);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fieldErrors, errors);
  });

  it('takes the class, code and title from the status when the body is not a problem', async () => {
    const { client } = observedClient(() => json({ error: 'nope' }, 409));
    const error = await failure(client.users.get('u1'));
    assert.ok(error instanceof ConflictError);
    assert.equal(error.code, 'conflict');
    assert.equal(error.title, 'Conflict');
    assert.equal(error.detail, undefined);
  });

  it('maps a non-JSON error body (a proxy page) to a server error without copying it', async () => {
    const { client } = observedClient(
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = await failure(client.me());
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'server_error');
    assert.ok(!error.message.includes('html'));
  });

  it('reads Retry-After in seconds on a 429', async () => {
    const { client } = observedClient(() => problem(429, 'rate_limited', {}, { 'retry-after': '7' }));
    const error = await failure(client.me());
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 7);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('0.5', now), 0.5);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now), 30);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('throws ResponseShapeError for a success body that is not JSON', async () => {
    const { client } = observedClient(
      () => new Response('{"items": [', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const error = await failure(client.users.list());
    assert.ok(error instanceof ResponseShapeError);
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.path, '');
    assert.equal(error.status, 200);
  });

  it('throws ResponseShapeError naming the failing path of a body that breaks the contract', async () => {
    const users = [0, 1, 2, 3].map((n) => userFixture({ id: `u${n}` }));
    users[3]!.email = 42 as unknown as string;
    const { client } = observedClient(() => json(page(users)));
    const error = await failure(client.users.list());
    assert.ok(error instanceof ResponseShapeError);
    assert.equal(error.path, 'items.3.email');
    assert.match(error.message, /items\.3\.email/);
  });

  it('refuses an unknown role or a missing field instead of casting', async () => {
    const { client } = observedClient((_, url) =>
      url.pathname.endsWith('/u1')
        ? json(userFixture({ role: 'admin' }))
        : json({ ...userFixture(), version: undefined }),
    );
    assert.equal(((await failure(client.users.get('u1'))) as ResponseShapeError).path, 'role');
    assert.equal(((await failure(client.users.get('u2'))) as ResponseShapeError).path, 'version');
  });

  it('throws NetworkError with the fetch TypeError as cause', async () => {
    const cause = new TypeError('fetch failed');
    const { client } = observedClient(() => {
      throw cause;
    });
    const error = await failure(client.me());
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, 'network_error');
    assert.equal(error.cause, cause);
    assert.equal(error.status, undefined);
  });

  it('throws TimeoutError when no answer comes within the timeout', async () => {
    const { client } = observedClient(hang, { timeout: 30 });
    const error = await failure(client.me());
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.name, 'TimeoutError');
    assert.equal(error.code, 'timeout');
  });

  it('rejects with the AbortError itself when the caller aborts', async () => {
    const { client } = observedClient(hang);
    const controller = new AbortController();
    const pending = client.me({ signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'AbortError');
    assert.equal(error, controller.signal.reason);
    assert.ok(!isRosterError(error));
  });

  it('lets other failures through as themselves', async () => {
    const bug = new RangeError('token store broke');
    const { client } = observedClient(() => json({}), {
      getToken: () => {
        throw bug;
      },
    });
    assert.equal(await failure(client.me()), bug);
  });

  it('recognises Roster errors from another realm by brand and name', () => {
    assert.ok(isRosterError({ isRosterError: true, name: 'NotFoundError', message: 'x' }));
    assert.ok(!isRosterError({ isRosterError: true, name: 'SomethingElse' }));
    assert.ok(!isRosterError({ name: 'NotFoundError' }));
    assert.ok(!isRosterError(new Error('plain')));
    assert.ok(!isRosterError(null));
  });

  it('tells a specific code apart with isRosterError(error, code), narrowed to its class', async () => {
    const { client } = observedClient(() => problem(412, 'version_conflict'));
    const error = await failure(client.users.update('u1', { firstName: 'Ann' }, { version: 3 }));
    assert.ok(isRosterError(error, 'version_conflict'));
    // Narrowed to VersionConflictError with that code: both lines type-check only then.
    const narrowed: VersionConflictError = error;
    const code: 'version_conflict' = error.code;
    assert.equal(narrowed.status, 412);
    assert.equal(code, 'version_conflict');
    assert.ok(!isRosterError(error, 'email_taken'));
    assert.ok(
      isRosterError({ isRosterError: true, name: 'ConflictError', code: 'guests_need_tasks' }, 'guests_need_tasks'),
    );
    assert.ok(!isRosterError({ name: 'ConflictError', code: 'guests_need_tasks' }, 'guests_need_tasks'));
    assert.ok(!isRosterError(undefined, 'not_found'));
    // Every problem code of the contract can be tested for: a new one that is not in
    // RosterErrorCodes stops this line from compiling.
    const codes: RosterErrorCode[] = Object.keys(PROBLEM_STATUS) as ProblemCode[];
    assert.ok(codes.includes('guests_need_tasks'));
  });

  it('never puts a submitted password in an error', async () => {
    const canary = 'Canary-Pa55word-7f3a9c';
    const answers: Array<() => Response | Promise<Response>> = [
      () =>
        problem(422, 'password_too_weak', {
          errors: [{ field: 'password', code: 'password_too_weak', message: 'Too easy to guess.' }],
        }),
      () => new Response('<html>oops</html>', { status: 500 }),
      () => json({ not: 'a user' }, 201),
      () => {
        throw new TypeError('fetch failed');
      },
      () => new Promise<Response>(() => {}),
    ];
    for (const answer of answers) {
      const { client } = observedClient(answer, { timeout: 30 });
      const input = {
        firstName: 'Anna',
        lastName: 'Berg',
        email: 'anna.berg@acme.de',
        role: 'specialist' as const,
        password: canary,
      };
      const settled = await Promise.allSettled([
        client.users.create(input),
        client.users.update('u1', { password: canary }, { version: 1 }),
        client.account.setPassword(canary),
      ]);
      // setPassword reads no body, so a garbled 201 is a success for it.
      const errors = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
      assert.ok(errors.length >= 2);
      for (const error of errors) {
        assert.ok(isRosterError(error), String(error));
        const strings = reachableStrings(error);
        assert.ok(strings.length > 0);
        assert.ok(!strings.some((text) => text.includes(canary)), `${error.name} holds the password`);
      }
    }
  });
});
