import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_BODY_BYTES, PayloadTooLargeError, readBodyLimited } from '../../src/core/body.js';

const MiB = 1024 * 1024;

/** A body of `size` bytes, made chunk by chunk only when read; counts what it handed out. */
function lazyBody(size: number, chunkSize = 64 * 1024) {
  const chunk = new Uint8Array(chunkSize).fill(0x61); // 'a'
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const n = Math.min(chunkSize, size - stats.pulled);
        if (n <= 0) return controller.close();
        stats.pulled += n;
        controller.enqueue(n === chunkSize ? chunk : chunk.subarray(0, n));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // nothing is made ahead of a read
  );
  return { stream, stats };
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request('http://roster.test/api/roster/v1/users', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

describe('readBodyLimited', () => {
  test('a 200 MB streamed body is refused quickly, after reading little more than 1 MiB', async () => {
    const { stream, stats } = lazyBody(200 * MiB);
    const start = performance.now();
    await assert.rejects(readBodyLimited(post(stream)), (error) => {
      assert.ok(error instanceof PayloadTooLargeError);
      assert.equal(error.status, 413);
      assert.equal(error.code, 'payload_too_large');
      return true;
    });
    const elapsed = performance.now() - start;
    assert.ok(stats.pulled > MAX_BODY_BYTES && stats.pulled <= MAX_BODY_BYTES + 64 * 1024, `pulled ${stats.pulled}`);
    assert.ok(stats.cancelled, 'the stream is cancelled');
    assert.ok(elapsed < 2_000, `took ${elapsed} ms`);
  });

  test('a content-length over the limit is refused before anything is read', async () => {
    const { stream, stats } = lazyBody(200 * MiB);
    await assert.rejects(readBodyLimited(post(stream, { 'content-length': String(200 * MiB) })), PayloadTooLargeError);
    assert.equal(stats.pulled, 0);
  });

  test('a content-length that understates the body does not get past the limit', async () => {
    const { stream, stats } = lazyBody(3 * MiB);
    await assert.rejects(readBodyLimited(post(stream, { 'content-length': '10' })), PayloadTooLargeError);
    assert.ok(stats.pulled <= MAX_BODY_BYTES + 64 * 1024);
  });

  test('a body of exactly the limit is read; one byte more is refused', async () => {
    assert.equal((await readBodyLimited(post(lazyBody(MAX_BODY_BYTES).stream))).length, MAX_BODY_BYTES);
    await assert.rejects(readBodyLimited(post(lazyBody(MAX_BODY_BYTES + 1).stream)), PayloadTooLargeError);
    assert.equal(await readBodyLimited(post('x'.repeat(100)), 100), 'x'.repeat(100));
    await assert.rejects(readBodyLimited(post('x'.repeat(101)), 100), PayloadTooLargeError);
  });

  test('UTF-8 split across chunks decodes as Request.text() would', async () => {
    const bytes = new TextEncoder().encode('{"firstName":"Zoë 👩‍💻 Øre"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    assert.equal(await readBodyLimited(post(stream)), '{"firstName":"Zoë 👩‍💻 Øre"}');
  });

  test('no body reads as an empty string', async () => {
    assert.equal(await readBodyLimited(new Request('http://roster.test/', { method: 'POST' })), '');
    assert.equal(await readBodyLimited(new Request('http://roster.test/')), '');
  });
});
