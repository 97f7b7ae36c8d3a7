import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter } from '../../src/server/rate-limit.js';

function clock() {
  let t = 1_000_000;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const takeMany = (take: () => { ok: boolean }, n: number) => Array.from({ length: n }, take).filter((r) => r.ok).length;

describe('rate limit', () => {
  test('a key may spend its burst at once, then waits for the refill', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 600, burst: 120, now: time.now });
    assert.equal(
      takeMany(() => limiter.take('usr_1'), 120),
      120,
    );
    assert.deepEqual(limiter.take('usr_1'), { ok: false, retryAfterSeconds: 1 });
    // 600 a minute is one every 100 ms.
    time.advance(99);
    assert.equal(limiter.take('usr_1').ok, false);
    time.advance(1);
    assert.equal(limiter.take('usr_1').ok, true);
    assert.equal(limiter.take('usr_1').ok, false);
  });

  test('the steady rate is perMinute, and the bucket never holds more than the burst', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 600, burst: 120, now: time.now });
    takeMany(() => limiter.take('k'), 120);
    let allowed = 0;
    for (let ms = 0; ms < 60_000; ms += 10) {
      time.advance(10);
      if (limiter.take('k').ok) allowed++;
    }
    assert.equal(allowed, 600);
    time.advance(3_600_000);
    assert.equal(
      takeMany(() => limiter.take('k'), 200),
      120,
    );
  });

  test('retryAfterSeconds says when the next request will pass', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 6, burst: 2, now: time.now });
    limiter.take('k');
    limiter.take('k');
    const refused = limiter.take('k');
    assert.deepEqual(refused, { ok: false, retryAfterSeconds: 10 });
    time.advance(9_999);
    assert.equal(limiter.take('k').ok, false);
    time.advance(1);
    assert.equal(limiter.take('k').ok, true);
  });

  test('keys do not share a bucket', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 3, now: time.now });
    assert.equal(
      takeMany(() => limiter.take('a'), 5),
      3,
    );
    assert.equal(
      takeMany(() => limiter.take('b'), 5),
      3,
    );
  });

  test('a clock that steps back mints nothing', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, now: time.now });
    takeMany(() => limiter.take('k'), 2);
    time.advance(-60_000);
    assert.equal(limiter.take('k').ok, false);
  });

  test('idle keys are dropped, and the number of keys stays bounded', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 600, burst: 120, maxKeys: 1_000, now: time.now });
    for (let i = 0; i < 500; i++) limiter.take(`idle-${i}`);
    assert.equal(limiter.size, 500);
    // A bucket refills in 12 s: after that an idle key is the same as an unknown one.
    time.advance(12_000);
    limiter.take('active');
    assert.equal(limiter.size, 1);

    for (let i = 0; i < 5_000; i++) limiter.take(`flood-${i}`);
    assert.ok(limiter.size <= 1_000, `size ${limiter.size}`);
    // The most recently used keys are kept, with what they spent.
    takeMany(() => limiter.take('flood-4999'), 119);
    assert.equal(limiter.take('flood-4999').ok, false);
  });
});
