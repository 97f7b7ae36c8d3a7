/**
 * The server passes the conformance kit, in both password modes: on PGlite in memory, and on
 * PostgreSQL too when ROSTER_TEST_DATABASE_URL is set. Setup does what a host would: create an
 * account, add a colleague per role through the API, follow their mailed links, issue tokens.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { type ConformanceAccount, runConformance } from '../../src/conformance/index.js';
import { type RosterServer, createRosterServer } from '../../src/server/index.js';
import { freshDatabase } from '../server/database-helpers.js';

const ORIGIN = 'http://roster.test';
const BASE = `${ORIGIN}/api/roster/v1`;
const TOOLS = [
  { id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 },
  { id: 'site-audit', name: 'Site Audit', taskCost: 25 },
  { id: 'keyword-research', name: 'Keyword Research', taskCost: 5 },
];
const PASSWORD = 'a long enough passphrase';

for (const target of freshDatabase.targets()) {
  let started: Promise<{ server: RosterServer; drop: () => Promise<void> }> | undefined;
  const server = () => {
    started ??= freshDatabase(target).then(async (database) => ({
      server: await createRosterServer({
        database: database.options,
        auth: { secret: 'conformance-secret-of-32-bytes-or-more' },
        rateLimit: false,
        logger: false,
      }),
      drop: database.drop,
    }));
    return started.then((running) => running.server);
  };
  after(async () => {
    if (!started) return;
    const { server: running, drop } = await started;
    await running.close();
    await drop();
  });

  for (const passwordMode of ['shared', 'per-user'] as const) {
    let accounts = 0;
    const setup = async (): Promise<ConformanceAccount> => {
      const roster = await server();
      accounts += 1;
      const domain = `${passwordMode}-${accounts}-${Date.now().toString(36)}.acme-test.de`;
      const credits = 1010;
      const { account, owner } = await roster.accounts.create({
        name: 'Acme GmbH',
        emailDomain: domain,
        seatLimit: 8,
        passwordMode,
        credits,
        tools: TOOLS,
        owner: { firstName: 'Olivia', lastName: 'Owner', email: `olivia.owner@${domain}`, password: PASSWORD },
      });
      const ownerToken = await roster.tokens.issue({ accountId: account.id, userId: owner.id });
      const post = async (path: string, body: unknown) => {
        const response = await roster.fetch(
          new Request(`${BASE}${path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
        assert.equal(response.status, 201, await response.clone().text());
        return response.json() as Promise<{ id: string }>;
      };
      const task = await post('/tasks', { toolId: 'rank-tracker', name: 'Shared project' });
      const colleagues = {
        manager: { firstName: 'Mona', lastName: 'Manager', role: 'manager' },
        specialist: {
          firstName: 'Sam',
          lastName: 'Specialist',
          role: 'specialist',
          creditLimit: 100,
          access: { tools: ['rank-tracker'], tasks: [] },
        },
        guest: {
          firstName: 'Gus',
          lastName: 'Guest',
          role: 'guest',
          access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: task.id }] },
        },
      };
      const tokens: Record<string, string> = { owner: ownerToken };
      for (const [role, fields] of Object.entries(colleagues)) {
        const email = `${fields.firstName.toLowerCase()}.${fields.lastName.toLowerCase()}@${domain}`;
        const user = await post('/users', {
          ...fields,
          email,
          ...(passwordMode === 'per-user' && { password: PASSWORD }),
        });
        const mail = (await roster.outbox({ accountId: account.id })).filter((entry) => entry.to === email).at(-1);
        const verified = await roster.fetch(new Request(`${ORIGIN}${mail!.link}`, { method: 'POST' }));
        assert.equal(verified.status, 200, await verified.clone().text());
        tokens[role] = await roster.tokens.issue({ accountId: account.id, userId: user.id });
      }
      return {
        tokens: tokens as ConformanceAccount['tokens'],
        account: { emailDomain: domain, seatLimit: 8, passwordMode, balance: credits - 10, tools: TOOLS },
        latestLink: async (email) =>
          (await roster.outbox({ accountId: account.id })).filter((entry) => entry.to === email && entry.link).at(-1)
            ?.link ?? null,
      };
    };
    runConformance({
      name: `server on ${target.name} (${passwordMode})`,
      baseUrl: BASE,
      fetch: async (input, init) => (await server()).fetch(new Request(input, init)),
      setup,
      capabilities: { verificationLinks: true },
    });
  }
}
