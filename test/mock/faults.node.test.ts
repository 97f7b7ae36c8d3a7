import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { type FaultKind, createReferenceApi } from '../../src/mock/index.js';
import { BASE, OWNER, newProfile } from './helpers.js';

const meRequest = (api: ReturnType<typeof createReferenceApi>, init: RequestInit = {}) =>
  new Request(`${BASE}/me`, { ...init, headers: { authorization: `Bearer ${api.tokenFor(OWNER)}` } });

/** What each of `count` GET /me requests ran into: a status, or the name of the error thrown. */
async function outcomes(api: ReturnType<typeof createReferenceApi>, count: number) {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const response = await api.handle(meRequest(api));
      const text = await response.text();
      let shape = 'json';
      try {
        const body = JSON.parse(text);
        if (response.ok && typeof body.user?.email !== 'string') shape = 'schema';
      } catch {
        shape = 'malformed';
      }
      seen.push(`${response.status} ${shape}`);
    } catch (error) {
      seen.push((error as Error).name);
    }
  }
  return seen;
}

describe('reference API: latency and faults', () => {
  it('injects the same faults for the same seed and counts them', async () => {
    const options = {
      faults: {
        rate: 0.5,
        seed: 42,
        kinds: ['server_error', 'rate_limited', 'malformed', 'schema', 'drop'] as FaultKind[],
      },
    };
    const first = createReferenceApi(options);
    const second = createReferenceApi(options);
    const a = await outcomes(first, 60);
    assert.deepEqual(await outcomes(second, 60), a);
    assert.notDeepEqual(await outcomes(createReferenceApi({ faults: { ...options.faults, seed: 7 } }), 60), a);
    const faults = a.filter((outcome) => outcome !== '200 json').length;
    assert.ok(faults > 15 && faults < 45, `${faults} of 60`);
    assert.equal(first.faultsInjected(), faults);
    assert.ok(
      a.includes('503 json') &&
        a.includes('429 json') &&
        a.includes('200 malformed') &&
        a.includes('200 schema') &&
        a.includes('TypeError'),
    );
    assert.equal(first.faultsInjected('server_error'), a.filter((outcome) => outcome === '503 json').length);
  });

  it('answers 429 with Retry-After and 503 as problems, without performing the request', async () => {
    for (const kind of ['rate_limited', 'server_error'] as FaultKind[]) {
      const api = createReferenceApi({ faults: { rate: 1, kinds: [kind] } });
      const response = await api.handle(
        new Request(`${BASE}/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.tokenFor(OWNER)}` },
          body: JSON.stringify(newProfile()),
        }),
      );
      assert.equal(response.status, kind === 'rate_limited' ? 429 : 503);
      assert.equal((await response.json()).code, kind);
      if (kind === 'rate_limited') assert.equal(response.headers.get('retry-after'), '1');
      assert.equal(api.outbox().length, 0, 'nothing was created');
    }
  });

  it('drops the answer after performing the write', async () => {
    const api = createReferenceApi({ faults: { rate: 1, kinds: ['drop'] } });
    await assert.rejects(
      api.handle(
        new Request(`${BASE}/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.tokenFor(OWNER)}` },
          body: JSON.stringify(newProfile()),
        }),
      ),
      (error: Error) => error instanceof TypeError && error.message === 'Failed to fetch',
    );
    assert.equal(api.outbox().length, 1, 'the profile was created');
  });

  it('holds a timeout fault’s answer back, and an abort ends the wait at once', async () => {
    const api = createReferenceApi({ faults: { rate: 1, kinds: ['timeout'], timeoutMs: 60 } });
    const started = performance.now();
    assert.equal((await api.handle(meRequest(api))).status, 200);
    assert.ok(performance.now() - started >= 55);
    const slow = createReferenceApi({ faults: { rate: 1, kinds: ['timeout'], timeoutMs: 60_000 } });
    const controller = new AbortController();
    const pending = slow.handle(meRequest(slow, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  });

  it('waits the configured latency, drawn from a range, and honours aborts', async () => {
    const api = createReferenceApi({ latency: [30, 40] });
    const started = performance.now();
    await api.handle(meRequest(api));
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 28 && elapsed < 5_000, `${elapsed} ms`);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      api.handle(meRequest(api, { signal: controller.signal })),
      (error: Error) => error.name === 'AbortError',
    );
  });

  it('never injects faults into the verification link', async () => {
    const api = createReferenceApi({
      users: [
        {
          firstName: 'Max',
          lastName: 'Mustermann',
          email: 'max.mustermann@acme.de',
          role: 'specialist',
          status: 'pending',
        },
      ],
      faults: { rate: 1, kinds: ['server_error'] },
    });
    const [mail] = api.outbox();
    assert.equal((await api.handle(new Request(`http://localhost${mail!.link}`, { method: 'POST' }))).status, 200);
    assert.equal(api.faultsInjected(), 0);
    assert.equal((await api.handle(meRequest(api))).status, 503);
    assert.equal(api.faultsInjected(), 1);
  });
});

describe('reference API: msw handlers and fetch', () => {
  it('serves requests through msw, any origin, and turns a dropped answer into a network error', async () => {
    const api = createReferenceApi({ baseUrl: '/api/roster/v1' });
    const server = setupServer(...api.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const me = await fetch('https://app.example.test/api/roster/v1/me', {
        headers: { authorization: `Bearer ${api.tokenFor(OWNER)}` },
      });
      assert.equal(me.status, 200);
      assert.equal((await me.json()).user.email, OWNER);
      const dropping = createReferenceApi({ faults: { rate: 1, kinds: ['drop'] } });
      server.use(...dropping.handlers);
      await assert.rejects(
        fetch(`${BASE}/me`, { headers: { authorization: `Bearer ${dropping.tokenFor(OWNER)}` } }),
        TypeError,
      );
    } finally {
      server.close();
    }
  });

  it('offers a fetch-shaped function that takes relative paths', async () => {
    const api = createReferenceApi();
    const response = await api.fetch('/api/roster/v1/me', {
      headers: { authorization: `Bearer ${api.tokenFor(OWNER)}` },
    });
    assert.equal(response.status, 200);
    const other = createReferenceApi({ baseUrl: 'https://api.example.test/roster/v2/' });
    assert.equal(other.baseUrl, '/roster/v2');
    assert.equal(
      (
        await other.fetch('http://localhost/roster/v2/me', {
          headers: { authorization: `Bearer ${other.tokenFor(OWNER)}` },
        })
      ).status,
      200,
    );
    assert.equal((await other.fetch('http://localhost/api/roster/v1/me')).status, 404);
  });
});
