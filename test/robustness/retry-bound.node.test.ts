// The SDK's retry policy is bounded: a Retry-After beyond `maxRetryAfter` (default 60 s) surfaces
// at once as a RateLimitError instead of a silent wait. test/sdk/client-retry.node.test.ts covers
// a configured bound and a hand-written 429; this adds the default bound against the reference
// API's own 429, its exact edge, HTTP-date values and a spent retry budget.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimitError } from '../../src/sdk/index.js';
import { observedClient, problem } from '../sdk/helpers.js';
import { ownerSetup, settle } from './helpers.js';

const rateLimited = (retryAfter: number) => ({ faults: { rate: 1, kinds: ['rate_limited' as const], retryAfter } });

describe('Retry bound: a long Retry-After surfaces instead of stalling', () => {
  it('throws RateLimitError at once for the reference API’s 429 asking 61 s, with the default policy', async () => {
    const { api, client } = ownerSetup(rateLimited(61), { retry: undefined });
    const started = performance.now();
    const outcome = await settle(client.me());
    assert.ok(!outcome.ok && outcome.error instanceof RateLimitError, 'expected a RateLimitError');
    assert.equal(outcome.error.retryAfter, 61);
    assert.equal(outcome.error.status, 429);
    assert.equal(outcome.error.code, 'rate_limited');
    assert.equal(client.stats.retries, 0);
    assert.equal(api.faultsInjected('rate_limited'), 1);
    // Far below the 61 s it would have waited, with room for a busy machine.
    assert.ok(performance.now() - started < 10_000);
  });

  it('waits for a Retry-After of exactly 60 s (the default bound), until the caller aborts', async () => {
    const { api, client } = ownerSetup(rateLimited(60), { retry: undefined });
    const controller = new AbortController();
    const pending = client.me({ signal: controller.signal });
    let settled = false;
    void pending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    // The 429 has come back once the retry is scheduled; then the call must still be waiting.
    for (const started = performance.now(); client.stats.retries < 1 && performance.now() - started < 10_000;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(client.stats.retries, 1);
    assert.equal(settled, false, 'a 60 s Retry-After is within the bound and waited for');
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(api.faultsInjected('rate_limited'), 1, 'the wait sent nothing');
  });

  it('reads an HTTP-date Retry-After against the bound too', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const { client, requests } = observedClient(
      () => problem(429, 'rate_limited', {}, { 'retry-after': inTwoMinutes }),
      { retry: { limit: 3, delay: 1 } },
    );
    const outcome = await settle(client.users.list());
    assert.ok(!outcome.ok && outcome.error instanceof RateLimitError);
    assert.ok(outcome.error.retryAfter! > 100 && outcome.error.retryAfter! <= 120, String(outcome.error.retryAfter));
    assert.equal(requests.length, 1);
  });

  it('surfaces RateLimitError with its Retry-After once the retry budget is spent', async () => {
    const { api, client } = ownerSetup(rateLimited(0), { retry: { limit: 2, delay: 1 } });
    const outcome = await settle(client.users.list());
    assert.ok(!outcome.ok && outcome.error instanceof RateLimitError);
    assert.equal(outcome.error.retryAfter, 0);
    assert.equal(api.faultsInjected('rate_limited'), 3);
    assert.equal(client.stats.retries, 2);
  });

  it('does not wait at all with retries off, whatever the Retry-After', async () => {
    const { api, client } = ownerSetup(rateLimited(30), { retry: 0 });
    const started = performance.now();
    const outcome = await settle(client.users.list());
    assert.ok(!outcome.ok && outcome.error instanceof RateLimitError && outcome.error.retryAfter === 30);
    assert.equal(api.faultsInjected('rate_limited'), 1);
    assert.ok(performance.now() - started < 10_000);
  });
});
