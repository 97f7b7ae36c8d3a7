// Contract v1.1 limits as classes of input: random lists at and around each item limit (the SDK's
// schemas and the server agree, and an oversized list is refused without walking its items),
// per-item work that stays linear (counted, not timed), Idempotency-Key lengths around 255,
// If-Match spellings, and bodies around 1 MiB.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canSeeTask } from '../../src/core/rules.js';
import { createReferenceApi, type ReferenceApi } from '../../src/mock/index.js';
import {
  ITEM_LIMITS,
  type Task,
  type TaskRef,
  type User,
  UserCreateSchema,
  UserPatchSchema,
  fieldErrorsFrom,
} from '../../src/sdk/index.js';
import { BASE, OWNER, seeded } from './helpers.js';

type ListField = keyof typeof ITEM_LIMITS;
const MiB = 1024 * 1024;
const FIELDS = Object.keys(ITEM_LIMITS) as ListField[];

/** `items` behind a proxy that counts reads of its elements, and fails fast past `budget` reads. */
function counted<T>(items: T[], budget = Infinity) {
  const reads = { count: 0 };
  const proxy = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key) && ++reads.count > budget)
        throw new Error(`more than ${budget} reads`);
      return Reflect.get(target, key, receiver);
    },
  });
  return { proxy, reads };
}

/** A random list for `field` of `n` items: valid ones, invalid ones and duplicates mixed. */
function randomList(field: ListField, n: number, seed: number, taskIds: string[]): unknown[] {
  const { random, pick } = seeded(seed);
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    if (roll < 0.25 && items.length) {
      items.push(pick(items)); // a duplicate
    } else if (field === 'allowedIps') {
      items.push(
        pick([
          `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          `2001:db8::${i.toString(16)}`,
          '10.0.0.1/8',
          'not an ip',
          '127.1',
          `192.168.${i & 255}.0/24`,
        ]),
      );
    } else if (field === 'access.tools') {
      items.push(pick(['rank-tracker', 'site-audit', 'keyword-research', `tool_${i}`, '']));
    } else {
      items.push(
        pick([
          { toolId: 'rank-tracker', taskId: pick(taskIds) },
          { toolId: 'site-audit', taskId: pick(taskIds) },
          { toolId: 'rank-tracker', taskId: `tsk_none_${i}` },
          { toolId: '', taskId: 7 },
        ]),
      );
    }
  }
  return items;
}

/** The body fields that carry `list` as `field`. */
const withList = (field: ListField, list: unknown[]) =>
  field === 'allowedIps'
    ? { allowedIps: list }
    : { access: field === 'access.tools' ? { tools: list, tasks: [] } : { tools: [], tasks: list } };

const NEW_PROFILE = { firstName: 'Max', lastName: 'Mustermann', email: 'max.mustermann@acme.de', role: 'specialist' };

async function send(
  api: ReferenceApi,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await api.handle(
    new Request(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.tokenFor(OWNER)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('Limits: random lists at and around each item limit', () => {
  const tasks = Array.from({ length: 20 }, (_, i) => ({
    id: `tsk_${i}`,
    toolId: i % 2 ? 'site-audit' : 'rank-tracker',
    name: `Task ${i}`,
    ownerId: OWNER,
  }));
  const taskIds = tasks.map((task) => task.id);

  for (const field of FIELDS) {
    const limit = ITEM_LIMITS[field];
    const tooMany = [{ field, code: 'too_many_items', message: `Use at most ${limit.toLocaleString('en')} items.` }];
    for (const n of [limit - 1, limit, limit + 1, limit * 4 + 7]) {
      it(`${field}: ${n.toLocaleString('en')} items ${n > limit ? 'are refused' : 'pass the limit'} alike in the SDK and on the server`, async () => {
        const list = randomList(field, n, n, taskIds);

        // The SDK's input schemas, for early feedback.
        for (const [schema, body] of [
          [UserCreateSchema, { ...NEW_PROFILE, ...withList(field, list) }],
          [UserPatchSchema, withList(field, list)],
        ] as const) {
          const { proxy, reads } = counted(list);
          const result = schema.safeParse({ ...body, ...withList(field, proxy) });
          const errors = result.success ? [] : fieldErrorsFrom(result.error, body);
          if (n > limit) {
            assert.deepEqual(errors, tooMany);
            assert.equal(reads.count, 0, 'an oversized list is refused without reading its items');
          } else {
            assert.ok(!errors.some((error) => error.code === 'too_many_items'), JSON.stringify(errors.slice(0, 3)));
          }
        }

        // The server: early checks, a create, an edit.
        const api = createReferenceApi({ tasks });
        const target = (await send(api, 'POST', '/users', { ...NEW_PROFILE, email: 'target@acme.de' })).body;
        const requests: Array<[string, string, unknown]> = [
          ['POST', '/users/validate', withList(field, list)],
          ['POST', '/users', { ...NEW_PROFILE, ...withList(field, list) }],
          ['PATCH', `/users/${target.id}`, withList(field, list)],
        ];
        for (const [method, path, body] of requests) {
          const answer = await send(api, method, path, body);
          if (Buffer.byteLength(JSON.stringify(body)) > MiB) {
            // Far over the limit, the body outgrows 1 MiB first.
            assert.equal(answer.status, 413);
          } else if (n > limit) {
            assert.equal(answer.status, 422);
            assert.equal(answer.body.code, 'too_many_items');
            assert.deepEqual(answer.body.errors, tooMany);
          } else {
            assert.ok(answer.status < 500, `${answer.status}`);
            assert.ok(!(answer.body?.errors ?? []).some((error: { code: string }) => error.code === 'too_many_items'));
          }
        }
        if (n > limit) assert.equal((await send(api, 'GET', '/users')).body.total, 2, 'nothing was created');
      });
    }
  }
});

describe('Limits: per-item work stays linear (counted, not timed)', () => {
  it('reads each list item a bounded number of times in the SDK’s schemas, at a quarter of the limit and at the limit', () => {
    for (const field of FIELDS) {
      const perItem: number[] = [];
      for (const n of [ITEM_LIMITS[field] / 4, ITEM_LIMITS[field]]) {
        const { proxy, reads } = counted(randomList(field, n, 7, ['tsk_1', 'tsk_2']));
        UserCreateSchema.safeParse({ ...NEW_PROFILE, ...withList(field, proxy) });
        perItem.push(reads.count / n);
      }
      // Linear work reads each item the same few times at any length; a scan per item would read 4× more per item.
      assert.ok(
        perItem[1]! <= perItem[0]! * 1.5 && perItem[1]! <= 10,
        `${field}: reads per item ${perItem.join(' → ')}`,
      );
    }
  });

  it('decides a guest’s task visibility from 10,000 grants reading each grant about once, not once per task', () => {
    const grants = Array.from({ length: ITEM_LIMITS['access.tasks'] }, (_, i): TaskRef => ({
      toolId: 'rank-tracker',
      taskId: `tsk_${i}`,
    }));
    const { proxy, reads } = counted(grants, 2 * grants.length);
    const guest = { id: 'usr_guest', role: 'guest', access: { tools: [], tasks: proxy } } as unknown as User;
    let visible = 0;
    for (let i = 0; i < 20_000; i++) {
      const task: Task = {
        id: `tsk_${i}`,
        toolId: 'rank-tracker',
        name: 'T',
        ownerId: 'usr_other',
        createdAt: '2025-01-01T00:00:00Z',
      };
      if (canSeeTask(guest, task)) visible++;
    }
    assert.equal(visible, grants.length);
    assert.ok(
      reads.count <= 2 * grants.length,
      `${reads.count.toLocaleString('en')} reads of ${grants.length.toLocaleString('en')} grants for 20,000 tasks`,
    );
  });
});

describe('Limits: Idempotency-Key lengths around 255', () => {
  for (const [length, padded] of [
    [254, false],
    [255, false],
    [256, false],
    [255, true],
  ] as const) {
    const accepted = length <= 255;
    it(`a ${length}-character key${padded ? ' with spaces around it' : ''} is ${accepted ? 'kept and replayed' : 'refused with 422 before anything is created'}`, async () => {
      const api = createReferenceApi();
      const key = `${padded ? '  ' : ''}${'k'.repeat(length - 3)}${length % 10}x${length % 7}${padded ? '  ' : ''}`;
      const first = await send(api, 'POST', '/users', NEW_PROFILE, { 'idempotency-key': key });
      if (!accepted) {
        assert.equal(first.status, 422);
        assert.deepEqual(
          first.body.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
          [['Idempotency-Key', 'too_long']],
        );
        assert.equal((await send(api, 'GET', '/users')).body.total, 1);
        assert.equal(api.outbox().length, 0);
        return;
      }
      assert.equal(first.status, 201);
      const again = await send(api, 'POST', '/users', NEW_PROFILE, { 'idempotency-key': key });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.body.id, first.body.id);
      assert.equal((await send(api, 'GET', '/users')).body.total, 2);
    });
  }
});

describe('Limits: If-Match spellings compare strongly', () => {
  // The profile is at version 3 when each header is sent.
  const spellings: Array<[string, boolean]> = [
    ['"3"', true],
    [' "3" ', true],
    ['*', true],
    [' * ', true],
    ['"1", "3"', true],
    ['"1","3"', true],
    ['  "2" ,  "3"  ', true],
    ['W/"3"', false],
    ['w/"3"', false],
    ['W/ "3"', false],
    ['"1", W/"3"', false],
    ['W/"3", "3"', true],
    ['"3 "', false],
    ['" 3"', false],
    ['3', false],
    ["'3'", false],
    ['"03"', false],
    ['"2"', false],
    ['"4"', false],
    ['', false],
    ['**', false],
  ];
  for (const method of ['PATCH', 'DELETE'] as const) {
    it(`${method}: only the strong tag "3" or * matches`, async () => {
      for (const [header, matches] of spellings) {
        const api = createReferenceApi();
        const created = (await send(api, 'POST', '/users', NEW_PROFILE)).body;
        for (const firstName of ['Moritz', 'Max'])
          assert.equal((await send(api, 'PATCH', `/users/${created.id}`, { firstName })).status, 200);
        const answer =
          method === 'PATCH'
            ? await send(api, 'PATCH', `/users/${created.id}`, { firstName: 'Mia' }, { 'if-match': header })
            : await send(api, 'DELETE', `/users/${created.id}`, undefined, { 'if-match': header });
        const after = await send(api, 'GET', `/users/${created.id}`);
        if (matches) {
          assert.equal(answer.status, method === 'PATCH' ? 200 : 204, `If-Match: ${header}`);
        } else {
          assert.equal(answer.status, 412, `If-Match: ${JSON.stringify(header)} → ${answer.status}`);
          assert.equal(answer.body.code, 'version_conflict');
          assert.deepEqual(
            [after.status, after.body.version, after.body.firstName],
            [200, 3, 'Max'],
            `If-Match: ${header} changed the profile`,
          );
        }
      }
    });
  }
});

describe('Limits: bodies around 1 MiB', () => {
  /** A valid new profile padded to exactly `bytes` bytes of UTF-8 (with two-byte characters in an ignored field). */
  function profileOfSize(bytes: number): string {
    const head = JSON.stringify({ ...NEW_PROFILE, note: '' }).slice(0, -3); // ends in `"note":`
    const fixed = new TextEncoder().encode(`${head}""}`).length;
    const room = bytes - fixed;
    const text = `${head}"${'ü'.repeat(Math.floor(room / 2))}${'u'.repeat(room % 2)}"}`;
    assert.equal(new TextEncoder().encode(text).length, bytes);
    return text;
  }

  const chunked = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, (offset += 64 * 1024 - 1)));
      },
    });
  };

  for (const [size, accepted] of [
    [MiB - 1, true],
    [MiB, true],
    [MiB + 1, false],
    [MiB + 2, false],
  ] as const) {
    for (const framing of ['content-length', 'streamed'] as const) {
      it(`${size.toLocaleString('en')} bytes (${framing}) ${accepted ? 'are within the limit' : 'get 413 payload_too_large'}`, async () => {
        const api = createReferenceApi();
        const text = profileOfSize(size);
        const response = await api.handle(
          new Request(`${BASE}/users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${api.tokenFor(OWNER)}`, 'content-type': 'application/json' },
            body: framing === 'streamed' ? chunked(text) : text,
            duplex: 'half',
          } as RequestInit),
        );
        const body = await response.json();
        if (accepted) {
          assert.equal(response.status, 201, JSON.stringify(body).slice(0, 300));
          assert.equal(body.email, NEW_PROFILE.email);
        } else {
          assert.equal(response.status, 413);
          assert.equal(body.code, 'payload_too_large');
          assert.equal((await send(api, 'GET', '/users')).body.total, 1);
        }
      });
    }
  }
});
