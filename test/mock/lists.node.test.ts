import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_VIEWERS, createReferenceApi } from '../../src/mock/index.js';
import { type Answer, OWNER, as, assertFieldError, assertProblem, newProfile } from './helpers.js';

type UserItem = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  status: string;
  createdAt: string;
  creditsSpent: number;
};

const demo = () => createReferenceApi({ data: 'demo' });

/** Every item of a list, page by page, checking `total` on each page. */
async function collect(api: ReturnType<typeof createReferenceApi>, who: string, path: string): Promise<UserItem[]> {
  const items: UserItem[] = [];
  let cursor: string | null = null;
  let total: number | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Answer = await as(api, who).get(
      `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    assert.equal(page.status, 200, JSON.stringify(page.body));
    total ??= page.body.total;
    assert.equal(page.body.total, total);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.equal(items.length, total);
  return items;
}

describe('reference API: profile lists', () => {
  it('pages through every profile with opaque cursors, none twice, total on every page', async () => {
    const api = demo();
    const items = await collect(api, DEMO_VIEWERS.owner, '/users?limit=3');
    assert.equal(items.length, 11);
    assert.equal(new Set(items.map((user) => user.id)).size, 11);
  });

  it('defaults to 50 per page and refuses a limit outside 1–200 with a field error', async () => {
    const api = createReferenceApi({ data: 'demo', demoUsers: 120 });
    const page = (await as(api, DEMO_VIEWERS.owner).get('/users')).body;
    assert.equal(page.items.length, 50);
    assert.equal(page.total, 120);
    assert.equal((await as(api, DEMO_VIEWERS.owner).get('/users?limit=200')).body.items.length, 120);
    for (const limit of ['0', '201', '-1', 'ten', '1.5', '']) {
      const answer = await as(api, DEMO_VIEWERS.owner).get(`/users?limit=${limit}`);
      if (limit === '') continue;
      assertProblem(answer, 422, 'validation_failed');
      assertFieldError(answer, 'limit', 'invalid_value');
    }
  });

  it('refuses forged, garbled and foreign cursors with 422, never a crash', async () => {
    const api = demo();
    const owner = as(api, DEMO_VIEWERS.owner);
    const page = (await owner.get('/users?limit=2')).body;
    const [body, signature] = page.nextCursor.split('.');
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...decoded, p: ['a', 'usr_00000'] })).toString('base64url')}.${signature}`;
    for (const cursor of [forged, 'garbage', `${body}.x`, `${body}`, '%%%', 'eyJ9.1', page.nextCursor.slice(0, -1)]) {
      assertFieldError(
        await owner.get(`/users?limit=2&cursor=${encodeURIComponent(cursor)}`),
        'cursor',
        'invalid_value',
      );
    }
    // A cursor belongs to its query: another sort or filter cannot use it.
    assertFieldError(
      await owner.get(`/users?limit=2&sort=-name&cursor=${encodeURIComponent(page.nextCursor)}`),
      'cursor',
      'invalid_value',
    );
    // Nor does another instance accept it.
    assertFieldError(
      await as(demo(), DEMO_VIEWERS.owner).get(`/users?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`),
      'cursor',
      'invalid_value',
    );
  });

  it('searches first name, last name and email, ignoring case and accents', async () => {
    const api = demo();
    const find = async (q: string) =>
      (await as(api, DEMO_VIEWERS.owner).get(`/users?q=${encodeURIComponent(q)}`)).body.items.map(
        (user: UserItem) => user.email,
      );
    assert.deepEqual(await find('jurgen weiss'), ['juergen.weiss@nordlicht.de']);
    assert.deepEqual(await find('WEISS'), ['juergen.weiss@nordlicht.de']);
    assert.deepEqual(await find('schroder'), ['zoe.schroeder@nordlicht.de']);
    assert.deepEqual(await find('Zoë'), ['zoe.schroeder@nordlicht.de']);
    assert.deepEqual(await find('李'), ['na.li@nordlicht.de']);
    assert.deepEqual(await find('παπαδόπουλος'), ['dimitris.papadopoulos@nordlicht.de']);
    assert.deepEqual(await find('emily.carter@'), ['emily.carter@nordlicht.de']);
    assert.deepEqual(await find('nobody by that name'), []);
  });

  it('filters by role and status; total counts the matches', async () => {
    const api = demo();
    const owner = as(api, DEMO_VIEWERS.owner);
    const pending = (await owner.get('/users?status=pending')).body;
    assert.deepEqual(pending.items.map((user: UserItem) => user.email).sort(), [
      'hannah.mueller@nordlicht.de',
      'oliver.brooks@nordlicht.de',
    ]);
    assert.equal(pending.total, 2);
    const guests = (await owner.get('/users?role=guest&limit=1')).body;
    assert.equal(guests.total, 3);
    assert.equal(guests.items.length, 1);
    const activeGuests = await collect(api, DEMO_VIEWERS.owner, '/users?role=guest&status=active&limit=1');
    assert.deepEqual(
      activeGuests.map((user) => user.role),
      ['guest', 'guest'],
    );
    assertFieldError(await owner.get('/users?role=admin'), 'role', 'invalid_value');
    assertFieldError(await owner.get('/users?status=gone'), 'status', 'invalid_value');
    assertFieldError(await owner.get('/users?sort=email'), 'sort', 'invalid_value');
  });

  it('sorts by name, createdAt and creditsSpent, both ways, across pages', async () => {
    const api = demo();
    const byName = (user: UserItem) =>
      `${user.firstName} ${user.lastName}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const names = (await collect(api, DEMO_VIEWERS.owner, '/users?sort=name&limit=4')).map(byName);
    assert.deepEqual(names, [...names].sort());
    const reversed = (await collect(api, DEMO_VIEWERS.owner, '/users?sort=-name&limit=4')).map(byName);
    assert.deepEqual(reversed, [...names].reverse());
    const created = (await collect(api, DEMO_VIEWERS.owner, '/users?sort=-createdAt&limit=4')).map(
      (user) => user.createdAt,
    );
    assert.deepEqual(created, [...created].sort().reverse());
    const spent = (await collect(api, DEMO_VIEWERS.owner, '/users?sort=creditsSpent&limit=4')).map(
      (user) => user.creditsSpent,
    );
    assert.deepEqual(
      spent,
      [...spent].sort((a, b) => a - b),
    );
    assert.ok(spent.at(-1)! > 0);
  });

  it('keeps pages consistent while profiles are added and renamed between them', async () => {
    const api = createReferenceApi();
    for (const name of ['Anna', 'Bert', 'Carla', 'Dora'])
      await as(api, OWNER).post('/users', newProfile({ firstName: name, email: `${name.toLowerCase()}@acme.de` }));
    const first = (await as(api, OWNER).get('/users?limit=2')).body;
    assert.deepEqual(
      first.items.map((user: UserItem) => user.firstName),
      ['Anna', 'Bert'],
    );
    await as(api, OWNER).post('/users', newProfile({ firstName: 'Aaron', email: 'aaron@acme.de' }));
    const dora = (await as(api, OWNER).get('/users?q=dora')).body.items[0];
    await as(api, OWNER).patch(`/users/${dora.id}`, { firstName: 'Adele' });
    // The next page starts after the last name seen: what moved before it is not repeated.
    const second = (await as(api, OWNER).get(`/users?limit=2&cursor=${first.nextCursor}`)).body;
    assert.deepEqual(
      second.items.map((user: UserItem) => user.firstName),
      ['Carla', 'Olivia'],
    );
    assert.equal(second.total, 6);
    assert.equal(second.nextCursor, null);
  });

  it('keeps filtered pages consistent when a write changes the count between them', async () => {
    const api = demo();
    const owner = as(api, DEMO_VIEWERS.owner);
    const first = (await owner.get('/users?role=specialist&limit=3')).body;
    assert.equal(first.total, 6);
    await owner.post('/users', {
      firstName: 'Zacharias',
      lastName: 'Zander',
      email: 'zacharias.zander@nordlicht.de',
      role: 'specialist',
      password: 'a long passphrase 4711',
    });
    const rest = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await owner.get(`/users?role=specialist&limit=3&cursor=${cursor}`)).body;
      assert.equal(page.total, 7);
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const ids = [...first.items, ...rest].map((user: UserItem) => user.id);
    assert.equal(new Set(ids).size, 7);
    assert.equal(ids.length, 7);
  });

  it('lists 100,000 profiles with cheap pages, search and sorts', async () => {
    const api = createReferenceApi({ data: 'demo', demoUsers: 100_000 });
    const owner = as(api, DEMO_VIEWERS.owner);
    const first = (await owner.get('/users?limit=100')).body;
    assert.equal(first.total, 100_000);
    const before = process.cpuUsage();
    let cursor = first.nextCursor;
    for (let i = 0; i < 20; i++) cursor = (await owner.get(`/users?limit=100&cursor=${cursor}`)).body.nextCursor;
    const found = (await owner.get('/users?q=jurgen%20weiss')).body;
    assert.deepEqual(
      found.items.map((user: UserItem) => user.email),
      ['juergen.weiss@nordlicht.de'],
    );
    await owner.get('/users?sort=-creditsSpent&limit=10');
    await owner.get('/users?role=guest&status=pending&limit=10');
    // Twenty pages, a search and two more sorts/filters, in CPU time (test files run in parallel).
    const used = process.cpuUsage(before);
    assert.ok((used.user + used.system) / 1000 < 2000, `took ${(used.user + used.system) / 1000} ms of CPU`);
  });
});

describe('reference API: events', () => {
  it('lists a profile’s events newest first, filtered by type and time, with cursor pages', async () => {
    const api = demo();
    const owner = as(api, DEMO_VIEWERS.owner);
    const specialist = (await as(api, DEMO_VIEWERS.specialist).get('/me')).body.user;
    const all = (await collect(api, DEMO_VIEWERS.owner, `/users/${specialist.id}/events?limit=7`)) as unknown as {
      at: string;
      type: string;
      cost: number;
    }[];
    assert.ok(all.length > 10);
    assert.deepEqual(
      all.map((event) => event.at),
      all
        .map((event) => event.at)
        .sort()
        .reverse(),
    );
    assert.equal(
      all.reduce((sum, event) => sum + event.cost, 0),
      specialist.creditsSpent,
    );
    const signIns = (await owner.get(`/users/${specialist.id}/events?type=signed_in&limit=200`)).body;
    assert.ok(
      signIns.items.length > 0 &&
        signIns.items.every((event: { type: string; cost: number }) => event.type === 'signed_in' && event.cost === 0),
    );
    const from = '2026-11-01T00:00:00Z';
    const to = '2026-11-10';
    const range = (await owner.get(`/users/${specialist.id}/events?from=${from}&to=${to}&limit=200`)).body;
    assert.equal(range.total, all.filter((event) => event.at >= '2026-11-01' && event.at < '2026-11-10').length);
    assertFieldError(await owner.get(`/users/${specialist.id}/events?type=logged_in`), 'type', 'invalid_value');
    assertFieldError(await owner.get(`/users/${specialist.id}/events?from=yesterday`), 'from', 'invalid_value');
    assertProblem(await owner.get('/users/usr_nobody/events'), 404, 'not_found');
  });
});
