// `client.audit` against the reference API: the entries of real changes, the filters, paging and validation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReferenceApi } from '../../src/mock/index.js';
import {
  AuditEntrySchema,
  ForbiddenError,
  ResponseShapeError,
  createRosterClient,
  type AuditEntry,
} from '../../src/sdk/index.js';
import { BASE, json, observedClient } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';

async function withHistory() {
  const api = createReferenceApi({
    account: { passwordMode: 'shared' },
    users: [{ firstName: 'Sam', lastName: 'Special', email: 'sam.special@acme.de', role: 'specialist' }],
  });
  const as = (email: string) =>
    createRosterClient({ baseUrl: BASE, fetch: api.fetch, getToken: () => api.tokenFor(email), retry: 0 });
  const client = as(OWNER);
  const task = await client.tasks.create({ toolId: 'site-audit', name: 'Berlin audit' });
  const sophie = await client.users.create({
    firstName: 'Sophie',
    lastName: 'Becker',
    email: 'sophie.becker@acme.de',
    role: 'specialist',
    creditLimit: 100,
  });
  const granted = await client.users.update(sophie.id, {
    access: { tools: ['site-audit'], tasks: [{ toolId: 'site-audit', taskId: task.id }] },
  });
  await client.users.update(sophie.id, { creditLimit: 250 }, { version: granted.version });
  await client.account.setPassword('correct horse battery staple');
  const other = await client.users.create({
    firstName: 'Omar',
    lastName: 'Other',
    email: 'omar.other@acme.de',
    role: 'guest',
    access: { tools: [], tasks: [{ toolId: 'site-audit', taskId: task.id }] },
  });
  await client.users.delete(other.id);
  const me = await client.me();
  return { api, as, client, task, sophie, other, owner: me.user };
}

describe('client.audit', () => {
  it('lists the entries of real changes newest first, each in the contract shape', async () => {
    const { client, task, sophie, other, owner } = await withHistory();
    const { items, nextCursor, total } = await client.audit.list({ limit: 200 });
    assert.equal(nextCursor, null);
    assert.equal(total, items.length);
    for (const entry of items) assert.ok(AuditEntrySchema.safeParse(entry).success);
    const times = items.map((entry) => entry.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const of = (action: string, targetId: string | null) =>
      items.filter((entry) => entry.action === action && entry.targetId === targetId);

    const access = of('access.changed', sophie.id);
    assert.equal(access.length, 1);
    assert.deepEqual(access[0]!.actor, { id: owner.id, name: 'Olivia Owner' });
    assert.equal(access[0]!.targetName, 'Sophie Becker');
    assert.deepEqual(access[0]!.changes, [
      { field: 'access.tools', from: null, to: 'site-audit' },
      { field: 'access.tasks', from: null, to: { toolId: 'site-audit', taskId: task.id } },
    ]);
    assert.deepEqual(of('user.updated', sophie.id)[0]!.changes, [{ field: 'creditLimit', from: 100, to: 250 }]);
    assert.deepEqual(of('account.password_changed', null)[0]!.changes, [{ field: 'password', from: null, to: null }]);
    assert.equal(of('user.created', other.id).length, 1);
    assert.equal(of('user.deleted', other.id).length, 1);
    assert.ok(!JSON.stringify(items).includes('correct horse'), 'never the password');
  });

  it('sends the filters as the query and gets only what they match', async () => {
    const { client, sophie, owner } = await withHistory();
    const access = await client.audit.list({ targetId: sophie.id, action: 'access.changed' });
    assert.deepEqual(
      access.items.map((entry) => [entry.action, entry.targetId]),
      [['access.changed', sophie.id]],
    );
    const byOwner = await client.audit.list({ actorId: owner.id, limit: 200 });
    assert.ok(byOwner.items.length >= 6 && byOwner.items.every((entry) => entry.actor.id === owner.id));
    const future = await client.audit.list({ from: new Date(Date.now() + 60_000) });
    assert.deepEqual(future.items, []);
    const past = await client.audit.list({ to: new Date(Date.now() - 60 * 60_000) });
    assert.equal(past.total, 0);

    const { client: observed, requests } = observedClient(() => json({ items: [], nextCursor: null, total: 0 }));
    await observed.audit.list({
      actorId: 'u1',
      targetId: 'u 2',
      action: 'user.deleted',
      from: new Date('2025-03-01T00:00:00Z'),
      to: '2025-03-02T00:00:00Z',
      limit: 20,
    });
    const url = new URL(requests[0]!.url);
    assert.equal(url.pathname, '/api/roster/v1/audit');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      action: 'user.deleted',
      actorId: 'u1',
      from: '2025-03-01T00:00:00.000Z',
      limit: '20',
      targetId: 'u 2',
      to: '2025-03-02T00:00:00Z',
    });
  });

  it('iterates every entry page after page, in the order of the pages', async () => {
    const { client } = await withHistory();
    const all = (await client.audit.list({ limit: 200 })).items;
    const seen: AuditEntry[] = [];
    for await (const entry of client.audit.iterate({ limit: 2 })) seen.push(entry);
    assert.deepEqual(
      seen.map((entry) => entry.id),
      all.map((entry) => entry.id),
    );
    assert.ok(seen.length > 2);
  });

  it('is refused to a specialist with ForbiddenError', async () => {
    const { as } = await withHistory();
    await assert.rejects(as('sam.special@acme.de').audit.list(), ForbiddenError);
  });

  it('rejects an answer outside the contract with ResponseShapeError', async () => {
    const { client } = observedClient(() =>
      json({
        items: [
          {
            id: 'a1',
            at: 'yesterday',
            actor: { id: 'u1' },
            action: 'user.created',
            targetId: null,
            targetName: null,
            changes: [],
          },
        ],
        nextCursor: null,
        total: 1,
      }),
    );
    await assert.rejects(client.audit.list(), ResponseShapeError);
  });
});
