/**
 * The README's "Run your own backend" examples, as written in docs/examples: each one is bundled
 * (with `rosterkit/server` pointing at the sources), mounted on a real port and asked `GET /me`
 * with a token over HTTP.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { type RosterServer, createRosterServer } from '../../src/server/index.js';

const OUT = resolve('.cache/examples');
const PASSWORD = 'owner password of the team';

/** Bundles one example as a host would run it, and imports it. */
async function load(name: string): Promise<Record<string, (roster: RosterServer) => unknown>> {
  const outfile = resolve(OUT, `${name}.mjs`);
  await build({
    entryPoints: [resolve('docs/examples', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'warning',
    alias: { 'rosterkit/server': resolve('src/server/index.ts') },
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

function listening(server: Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

describe('mounting examples', () => {
  let roster: RosterServer;
  let token: string;
  const servers: Server[] = [];

  before(async () => {
    roster = await createRosterServer({
      database: { memory: true },
      auth: { secret: 'an example secret of at least 32 bytes' },
      logger: false,
    });
    const { account, owner } = await roster.accounts.create({
      name: 'Acme GmbH',
      emailDomain: 'acme-example.de',
      seatLimit: 5,
      passwordMode: 'per-user',
      credits: 100,
      tools: [{ id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 }],
      owner: { firstName: 'Olivia', lastName: 'Owner', email: 'olivia.owner@acme-example.de', password: PASSWORD },
    });
    token = await roster.tokens.issue({ accountId: account.id, userId: owner.id });
  });
  after(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    await roster?.close();
  });

  async function me(origin: string, bearer = token) {
    const response = await fetch(`${origin}/api/roster/v1/me`, { headers: { authorization: `Bearer ${bearer}` } });
    return {
      status: response.status,
      body: (await response.json()) as { user: { email: string }; account: { name: string } },
    };
  }

  it("Node's http (toNodeListener) answers GET /me with a token, and leaves other paths to the host", async () => {
    const { createHttpServer } = await load('node-http');
    const server = createHttpServer(roster) as Server;
    servers.push(server);
    const origin = await listening(server);
    const answer = await me(origin);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.user.email, 'olivia.owner@acme-example.de');
    assert.equal((await fetch(`${origin}/elsewhere`)).status, 404);
    assert.equal((await fetch(`${origin}/api/roster/v1/me`)).status, 401);
  });

  it('Hono (app.all + c.req.raw) answers GET /me with a token', async () => {
    const { createApp } = await load('hono');
    const { serve } = await import('@hono/node-server');
    const app = createApp(roster) as { fetch: (request: Request) => Response | Promise<Response> };
    const origin = await new Promise<string>((done) => {
      servers.push(
        serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          done(`http://127.0.0.1:${info.port}`),
        ) as Server,
      );
    });
    const answer = await me(origin);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.account.name, 'Acme GmbH');
    assert.equal(await (await fetch(`${origin}/`)).text(), 'your own routes');
  });

  it('Express 5 answers GET /me with the token its own login issued (and POST bodies reach Roster)', async () => {
    const { createApp } = await load('express');
    const app = createApp(roster) as { listen: (port: number, host: string) => Server };
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((done) => server.once('listening', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = (password: string) =>
      fetch(`${origin}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'olivia.owner@acme-example.de', password }),
      });
    const refused = await login('not the password at all');
    assert.equal(refused.status, 401);
    assert.deepEqual(await refused.json(), { error: 'invalid_credentials' });
    const signedIn = await login(PASSWORD);
    assert.equal(signedIn.status, 200);
    const { token: issued } = (await signedIn.json()) as { token: string };
    const answer = await me(origin, issued);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.user.email, 'olivia.owner@acme-example.de');
    const created = await fetch(`${origin}/api/roster/v1/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issued}`, 'content-type': 'application/json' },
      body: JSON.stringify({ toolId: 'rank-tracker', name: 'Through Express' }),
    });
    assert.equal(created.status, 201, await created.clone().text());
  });
});
