// Security, Node side: forged requests per role, the token staying on the base URL's origin,
// opaque and validated cursors, and a canary password that must surface nowhere.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { describe, it } from 'node:test';
import { DEMO_VIEWERS, createReferenceApi, type ReferenceApi } from '../../src/mock/index.js';
import {
  ConflictError,
  ForbiddenError,
  RosterError,
  ValidationError,
  createRosterClient,
  isRosterError,
  type Page,
  type RosterChange,
  type RosterClient,
  type User,
} from '../../src/sdk/index.js';
import { reachableStrings } from '../sdk/helpers.js';
import { BASE, OWNER, clientAs, settle, verifyByMail } from './helpers.js';

/** An account with one active profile per role; the specialist has Site Audit only, the guest one task. */
async function team(options: Parameters<typeof createReferenceApi>[0] = {}) {
  const api = createReferenceApi(options);
  const owner = clientAs(api, OWNER);
  const task = await owner.tasks.create({ toolId: 'rank-tracker', name: 'Shared project' });
  const password = options.account?.passwordMode === 'per-user' ? { password: 'correct horse battery staple' } : {};
  const people = {
    manager: await owner.users.create({
      firstName: 'Mona',
      lastName: 'Manager',
      email: 'mona.manager@acme.de',
      role: 'manager',
      ...password,
    }),
    specialist: await owner.users.create({
      firstName: 'Sam',
      lastName: 'Specialist',
      email: 'sam.specialist@acme.de',
      role: 'specialist',
      access: { tools: ['site-audit'], tasks: [] },
      ...password,
    }),
    guest: await owner.users.create({
      firstName: 'Gus',
      lastName: 'Guest',
      email: 'gus.guest@acme.de',
      role: 'guest',
      access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: task.id }] },
      ...password,
    }),
  };
  for (const user of Object.values(people)) await verifyByMail(api, user.email);
  const ownerUser = (await owner.me()).user;
  return { api, owner, ownerUser, task, people, as: (who: keyof typeof people) => clientAs(api, people[who].email) };
}

/** What a forged request could have changed: profiles, tasks, the balance and the mail sent. */
async function snapshot(api: ReferenceApi, owner: RosterClient) {
  const users: User[] = [];
  for await (const user of owner.users.iterate({ limit: 200 })) users.push(user);
  const tasks = await owner.tasks.list({ limit: 200 });
  return { users, tasks: tasks.items, balance: (await owner.me()).account.credits.balance, mails: api.outbox().length };
}

describe('Security: the reference API refuses forged requests for each role', () => {
  it('refuses every write a role may not make with ForbiddenError, and changes nothing', async () => {
    const { api, owner, ownerUser, people, as } = await team();
    const before = await snapshot(api, owner);
    const newcomer = { firstName: 'Nina', lastName: 'Neu', email: 'nina.neu@acme.de', role: 'specialist' as const };
    const forged: Array<[string, () => Promise<unknown>]> = [];
    for (const role of ['manager', 'specialist', 'guest'] as const) {
      const client = as(role);
      forged.push(
        [`${role} POST /users`, () => client.users.create(newcomer)],
        [`${role} DELETE the owner`, () => client.users.delete(ownerUser.id)],
        [
          `${role} DELETE a colleague`,
          () => client.users.delete(people.guest.id === people[role].id ? people.specialist.id : people.guest.id),
        ],
        [
          `${role} PATCH their own credit limit`,
          () => client.users.update(people[role].id, { creditLimit: null, firstName: 'Me' }),
        ],
        [`${role} PATCH the owner`, () => client.users.update(ownerUser.id, { firstName: 'Mallory' })],
        [`${role} resends a verification`, () => client.users.resendVerification(people.guest.id)],
        [`${role} sets the account password`, () => client.account.setPassword('a long and unusual passphrase')],
      );
    }
    forged.push(
      [
        'specialist creates a task in a tool not granted',
        () => as('specialist').tasks.create({ toolId: 'rank-tracker', name: 'Sneaky' }),
      ],
      ['guest creates a task', () => as('guest').tasks.create({ toolId: 'rank-tracker', name: 'Sneaky' })],
      ['specialist reads the user list', () => as('specialist').users.list()],
      ['guest reads a colleague', () => as('guest').users.get(people.specialist.id)],
    );
    for (const [label, request] of forged) {
      const outcome = await settle(request());
      assert.ok(
        !outcome.ok && outcome.error instanceof ForbiddenError,
        `${label}: ${outcome.ok ? 'allowed' : outcome.error.name}`,
      );
      assert.equal(outcome.error.code, 'forbidden', label);
    }
    assert.deepEqual(await snapshot(api, owner), before);

    // The owner may write, but never delete themselves.
    const self = await settle(owner.users.delete(ownerUser.id));
    assert.ok(!self.ok && self.error instanceof ConflictError && self.error.code === 'owner_immutable');
  });

  it('checks a specialist’s tool grant before credits: forbidden, not a credit refusal, and nothing charged', async () => {
    // The owner's first task spends the whole balance.
    const { api, owner, people, as } = await team({ account: { credits: 10 } });
    await owner.users.update(people.specialist.id, { creditLimit: 0 }, { version: people.specialist.version + 1 });
    const before = await snapshot(api, owner);
    const outcome = await settle(
      as('specialist').tasks.create({ toolId: 'keyword-research', name: 'Over budget, wrong tool' }),
    );
    assert.ok(!outcome.ok && outcome.error instanceof ForbiddenError, outcome.ok ? 'allowed' : outcome.error.code);
    // In a granted tool the same budget is the reason.
    const granted = await settle(as('specialist').tasks.create({ toolId: 'site-audit', name: 'Over budget' }));
    assert.ok(!granted.ok && granted.error instanceof ConflictError && granted.error.code === 'credit_limit_reached');
    assert.deepEqual(await snapshot(api, owner), before);
    assert.equal((await as('specialist').users.stats(people.specialist.id)).creditsSpent, 0);
  });
});

describe('Security: the token stays on the base URL’s origin', () => {
  it('sends cursors and ids that look like URLs as data to the base URL, never as a destination', async () => {
    const api = createReferenceApi();
    const seen: Request[] = [];
    const client = createRosterClient({
      baseUrl: BASE,
      retry: 0,
      getToken: () => api.tokenFor(OWNER),
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(request);
        return api.fetch(request);
      },
    });
    const hostile = [
      'https://evil.example/steal',
      '//evil.example/steal',
      'http:evil.example',
      '/\\evil.example',
      '..%2F..%2Fevil',
      '@evil.example',
    ];
    for (const value of hostile) {
      await settle(client.users.list({ cursor: value }));
      await settle(client.users.get(value));
      await settle(client.tools.tasks(value, { cursor: value }));
      await settle(client.tasks.list({ toolId: value, cursor: value }));
      await settle(client.users.events(value, { cursor: value }));
    }
    const expected = hostile.flatMap((value) => {
      const id = encodeURIComponent(value);
      return [
        ['/users', value],
        [`/users/${id}`, null],
        [`/tools/${id}/tasks`, value],
        ['/tasks', value],
        [`/users/${id}/events`, value],
      ];
    });
    assert.deepEqual(
      seen.map((request) => {
        const url = new URL(request.url);
        assert.equal(url.origin, 'http://localhost', request.url);
        return [url.pathname.slice('/api/roster/v1'.length), url.searchParams.get('cursor')];
      }),
      expected,
    );
  });

  it('follows a server’s absolute nextCursor only as a query value', async () => {
    const seen: string[] = [];
    const pageOne: Page<never> = { items: [], nextCursor: 'https://evil.example/api/roster/v1/users?page=2', total: 0 };
    const client = createRosterClient({
      baseUrl: BASE,
      retry: 0,
      getToken: () => 'secret-token',
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.url} ${request.headers.get('authorization')}`);
        const body = new URL(request.url).searchParams.has('cursor')
          ? { items: [], nextCursor: null, total: 0 }
          : pageOne;
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      },
    });
    for await (const user of client.users.iterate()) void user;
    assert.deepEqual(seen, [
      `${BASE}/users Bearer secret-token`,
      `${BASE}/users?cursor=${encodeURIComponent(pageOne.nextCursor!).replace(/%20/g, '+')} Bearer secret-token`,
    ]);
  });

  it('loses the token, not the request, when the server redirects to another origin', async () => {
    const received: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
    const listen = (server: Server) =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
      );
    const other = createServer((request, response) => {
      received.push({ url: request.url!, headers: request.headers });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    const otherPort = await listen(other);
    const api = createServer((request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${otherPort}/collect${request.url}` }).end();
    });
    const apiPort = await listen(api);
    try {
      const client = createRosterClient({
        baseUrl: `http://127.0.0.1:${apiPort}/api/roster/v1`,
        getToken: () => 'secret-token',
        retry: 0,
        timeout: 5000,
      });
      const outcome = await settle(client.users.list());
      assert.ok(!outcome.ok, 'an empty object is no page');
      assert.equal(received.length, 1);
      assert.equal(received[0]!.headers.authorization, undefined, 'the token followed the redirect');
    } finally {
      api.close();
      other.close();
    }
  });
});

describe('Security: cursors are opaque and validated', () => {
  it('refuses garbled, tampered, foreign and cross-query cursors on every paged list with a cursor field error, never a 5xx', async () => {
    const api = createReferenceApi({ data: 'demo' });
    const client = clientAs(api, DEMO_VIEWERS.owner);
    const me = (await client.me()).user;
    const otherApi = createReferenceApi({ data: 'demo' });
    const other = clientAs(otherApi, DEMO_VIEWERS.owner);

    const lists: Array<{
      name: string;
      page: (cursor?: string) => Promise<Page<unknown>>;
      otherQuery: (cursor: string) => Promise<Page<unknown>>;
      foreign: () => Promise<Page<unknown>>;
    }> = [
      {
        name: 'users',
        page: (cursor) => client.users.list({ limit: 2, cursor }),
        otherQuery: (cursor) => client.users.list({ limit: 2, sort: '-name', cursor }),
        foreign: () => other.users.list({ limit: 2 }),
      },
      {
        name: 'events',
        page: (cursor) => client.users.events(me.id, { limit: 2, cursor }),
        otherQuery: (cursor) => client.users.events(me.id, { limit: 2, type: 'task_created', cursor }),
        foreign: () => other.users.events(me.id, { limit: 2 }),
      },
      {
        name: 'tool tasks',
        page: (cursor) => client.tools.tasks('rank-tracker', { limit: 2, cursor }),
        otherQuery: (cursor) => client.tools.tasks('site-audit', { limit: 2, cursor }),
        foreign: () => other.tools.tasks('rank-tracker', { limit: 2 }),
      },
      {
        name: 'tasks',
        page: (cursor) => client.tasks.list({ limit: 2, cursor }),
        otherQuery: (cursor) => client.tasks.list({ limit: 2, toolId: 'rank-tracker', cursor }),
        foreign: () => other.tasks.list({ limit: 2 }),
      },
    ];
    for (const list of lists) {
      const first = await list.page();
      const valid = first.nextCursor;
      assert.ok(valid, `${list.name}: the demo data has more than one page`);
      assert.ok((await list.page(valid)).items.length > 0);
      const [body, signature] = valid.split('.') as [string, string];
      const decoded = JSON.parse(Buffer.from(body, 'base64url').toString());
      const moved = Buffer.from(JSON.stringify({ ...decoded, p: [decoded.p[0], 'zzz'] })).toString('base64url');
      const foreign = (await list.foreign()).nextCursor!;
      const refused: Array<[string, () => Promise<Page<unknown>>]> = [
        ['garbage', () => list.page('garbage')],
        ['not base64', () => list.page('%%%.{}')],
        ['truncated', () => list.page(valid.slice(0, -1))],
        ['body changed, signature kept', () => list.page(`${moved}.${signature}`)],
        ['signature dropped', () => list.page(body)],
        ['extra part', () => list.page(`${valid}.x`)],
        ['very long', () => list.page('A'.repeat(20_000))],
        ['another query', () => list.otherQuery(valid)],
        ['another instance', () => list.page(foreign)],
      ];
      for (const [label, request] of refused) {
        const outcome = await settle(request());
        assert.ok(
          !outcome.ok && outcome.error instanceof ValidationError,
          `${list.name}, ${label}: ${outcome.ok ? 'accepted' : outcome.error.name}`,
        );
        assert.deepEqual(
          outcome.error.fieldErrors.map((error) => error.field),
          ['cursor'],
          `${list.name}, ${label}`,
        );
      }
    }
  });
});

describe('Security: a password surfaces nowhere', () => {
  const canary = 'Canary-Zebra-Quartz-4711';

  it('keeps a canary password out of errors, notifications, answers, mail and console, with faults on', async () => {
    const api = createReferenceApi({
      account: { passwordMode: 'per-user', seatLimit: 100 },
      faults: { rate: 0.5, seed: 99, timeoutMs: 120, retryAfter: 0 },
    });
    const answers: Promise<string>[] = [];
    const errors: unknown[] = [];
    const changes: RosterChange[] = [];
    const printed: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const originals = methods.map((method) => console[method]);
    for (const method of methods)
      console[method] = (...args: unknown[]) => {
        printed.push(
          args
            .map((arg) => (arg instanceof Error ? `${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg)))
            .join(' '),
        );
      };
    try {
      const client = createRosterClient({
        baseUrl: BASE,
        getToken: () => api.tokenFor(OWNER),
        timeout: 60,
        retry: { limit: 2, delay: 1, backoffLimit: 2 },
        fetch: async (input, init) => {
          const response = await api.fetch(input, init);
          answers.push(
            response
              .clone()
              .text()
              .catch(() => ''),
          );
          return response;
        },
      });
      client.onChange((change) => changes.push(change));
      const attempt = async (call: () => Promise<unknown>) => {
        try {
          await call();
        } catch (error) {
          errors.push(error);
        }
      };
      for (let i = 0; i < 24; i++) {
        const email = `canary.${i}@acme.de`;
        await attempt(() =>
          client.users.create(
            { firstName: 'Cora', lastName: 'Canary', email, role: 'specialist', password: canary },
            { idempotencyKey: `canary-${i}` },
          ),
        );
        // Refused: the password is the email, too short, or not allowed in this shape.
        await attempt(() =>
          client.users.create({
            firstName: 'Cora',
            lastName: 'Canary',
            email: `weak.${i}@acme.de`,
            role: 'specialist',
            password: canary.slice(0, 8),
          }),
        );
        await attempt(() =>
          client.users.create({
            firstName: '',
            lastName: 'Canary',
            email: `bad.${i}@acme.de`,
            role: 'specialist',
            password: canary,
          }),
        );
      }
      let page = null;
      while (!page) page = await client.users.list({ q: 'canary', limit: 200 }).catch(() => null);
      assert.ok(page.items.length > 10);
      for (const user of page.items) {
        await attempt(() => client.users.update(user.id, { password: `${canary}!` }, { version: user.version }));
        await attempt(() =>
          client.users.update(user.id, { password: canary, firstName: '\n' }, { version: user.version }),
        );
      }
      const shared = createReferenceApi({ faults: { rate: 0.5, seed: 5, timeoutMs: 120, retryAfter: 0 } });
      const sharedClient = clientAs(shared, OWNER, { timeout: 60, retry: { limit: 1, delay: 1 } });
      sharedClient.onChange((change) => changes.push(change));
      for (let i = 0; i < 10; i++) {
        await attempt(() => sharedClient.account.setPassword(canary));
        await attempt(() =>
          sharedClient.users.create({
            firstName: 'Pia',
            lastName: 'Shared',
            email: `pia.${i}@acme.de`,
            role: 'specialist',
            password: canary,
          }),
        );
      }

      assert.ok(api.faultsInjected() > 20, 'faults were injected');
      assert.ok(errors.length > 20, `${errors.length} errors`);
      assert.ok(
        changes.some((change) => change.type === 'user-created') &&
          changes.some((change) => change.type === 'password-set'),
      );
      for (const error of errors) {
        assert.ok(error instanceof RosterError && isRosterError(error), `not a Roster error: ${String(error)}`);
        const texts = [
          ...reachableStrings(error),
          JSON.stringify(error),
          String(error.stack),
          JSON.stringify(error.fieldErrors),
        ];
        assert.ok(
          !texts.some((text) => text.includes(canary.slice(0, 8))),
          `${error.name} ${error.code} holds the password`,
        );
      }
      const bodies = await Promise.all(answers);
      assert.ok(bodies.length > 80, `${bodies.length} answers`);
      const places: Array<[string, string]> = [
        ['a change notification', JSON.stringify(changes)],
        ['an answer body', bodies.join('\n')],
        ['the outbox', JSON.stringify([...api.outbox(), ...shared.outbox()])],
        ['the console', printed.join('\n')],
      ];
      for (const [place, text] of places) assert.ok(!text.includes(canary.slice(0, 8)), `the password is in ${place}`);
    } finally {
      methods.forEach((method, index) => {
        console[method] = originals[index] as never;
      });
    }
  });
});
