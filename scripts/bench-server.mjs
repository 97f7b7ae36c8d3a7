// `npm run bench:server`: the server's throughput and latency with autocannon on loopback, on
// PGlite (in memory, inside the server process) and on PostgreSQL, side by side, for one account
// of 100,000 users next to a second account of 50,000. Prints figures; it never fails on timing
// (a benchmark, not a test).
//
//   npm run bench:server
//   npm run bench:server -- --users 20000 --duration 3 --connections 8
//
// PostgreSQL: ROSTER_BENCH_DATABASE_URL (or ROSTER_TEST_DATABASE_URL) names a server to use (a
// fresh database is made and dropped); without one, a throwaway cluster of Debian's PostgreSQL 15
// is started on a loopback port and stopped at the end. Without either, PGlite alone is measured.
//
// Every server runs in a process of its own (a cluster worker; two share the port for the scaling
// run), so autocannon in this process does not share an event loop with the server it measures.
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve('.cache/bench-server');
const BUNDLE = join(OUT, 'server.mjs');
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const PG_BIN = '/usr/lib/postgresql/15/bin';
const SEARCH = 'müll';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const USERS = option('users', 100_000);
const OTHER_USERS = Math.round(USERS / 2);
const DURATION = option('duration', 5);
const CONNECTIONS = option('connections', 8);
// Page 2,000 of 100,000 users; the last full page of fewer.
const PAGE = Math.min(2_000, Math.floor(USERS / 50));
const LIMIT = 50;

// ---- The server bundle ------------------------------------------------------------------------

/** Bundles the server; the bundle also hands over the database it opens, to seed it in bulk. */
async function bundle() {
  const { build } = await import('esbuild');
  const database = resolve('src/server/database.ts');
  // The server opens its own database (PGlite in memory has no other door): the bundle wraps
  // `openDatabase` to keep what it opened. The server's code is unchanged.
  const keepOpened = {
    name: 'keep-opened-database',
    setup(build) {
      build.onResolve({ filter: /^\.\/database\.js$/ }, (args) =>
        args.importer.endsWith(join('src', 'server', 'index.ts'))
          ? { path: 'kept-database', namespace: 'bench' }
          : undefined,
      );
      build.onResolve({ filter: /^kept-database$/ }, () => ({ path: 'kept-database', namespace: 'bench' }));
      build.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
        resolveDir: resolve('src/server'),
        loader: 'ts',
        contents: `import { openDatabase as open } from ${JSON.stringify(database)};
          export * from ${JSON.stringify(database)};
          export const opened = [];
          export async function openDatabase(options) { const db = await open(options); opened.push(db); return db; }`,
      }));
    },
  };
  await build({
    stdin: {
      resolveDir: resolve('.'),
      loader: 'ts',
      sourcefile: 'bench-server-entry.ts',
      contents: `export { createRosterServer } from './src/server/index.ts';
        export { opened } from 'kept-database';
        export { toNodeListener } from './src/server/node-http.ts';
        export { fold } from './src/mock/store.ts';
        export { personKey } from './src/core/email.ts';
        export { seededRandom } from './src/core/http.ts';
        export { freshPostgresDatabase } from './test/server/database-helpers.ts';`,
    },
    plugins: [keepOpened],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  });
}

// ---- Seeding (in the server process) -----------------------------------------------------------

/**
 * One account with `count` users of varied names (German, English, French, Polish, Turkish), in
 * bulk. Managers and specialists only: a guest needs a granted task, and tasks are not measured.
 */
async function seedAccount(roster, database, { name, domain, owner, count, seed }) {
  // The core's small seeded generator, so every run seeds the same people.
  const { fold, personKey, seededRandom } = await import(BUNDLE);
  const faker = await import('@faker-js/faker');
  const locales = [
    faker.fakerDE,
    faker.fakerDE,
    faker.fakerDE,
    faker.fakerEN,
    faker.fakerEN,
    faker.fakerFR,
    faker.fakerPL,
    faker.fakerTR,
  ];
  for (const [index, locale] of locales.entries()) locale.seed(seed + index);
  const random = seededRandom(seed);
  const { account, owner: ownerUser } = await roster.accounts.create({
    name,
    emailDomain: domain,
    seatLimit: 10_000_000,
    passwordMode: 'shared',
    credits: 1_000_000,
    tools: [],
    owner,
  });
  // Ids from the server's own sequence, in its own spelling (sql-storage's `newId`).
  const ids = (await database.query(`SELECT nextval('roster_ids') AS n FROM generate_series(1, $1)`, [count])).map(
    (row) => `usr_${BigInt(row.n).toString(36).padStart(5, '0')}`,
  );
  const now = Date.now();
  const people = [];
  const CHUNK = 10_000;
  await database.transaction(async (tx) => {
    for (let start = 0; start < count; start += CHUNK) {
      const columns = Array.from({ length: 12 }, () => []);
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const locale = locales[Math.floor(random() * locales.length)];
        const firstName = locale.person.firstName();
        const lastName = locale.person.lastName();
        const mailbox = (text) => fold(text).replace(/[^a-z0-9]+/g, '');
        const email = `${mailbox(firstName)}.${mailbox(lastName)}.${i}@${domain}`;
        const nameKey = fold(`${firstName} ${lastName}`);
        const roll = random();
        const status = random() < 0.03 ? 'pending' : 'active';
        const createdAt = new Date(now - Math.floor(random() * 700 * 86_400_000)).toISOString();
        const row = [
          ids[i],
          firstName,
          lastName,
          email,
          personKey(email),
          nameKey,
          `${nameKey} ${fold(email)}`,
          roll < 0.06 ? 'manager' : 'specialist',
          status,
          status === 'active' ? createdAt : null,
          createdAt,
          Math.floor(random() * 5_000),
        ];
        row.forEach((value, column) => columns[column].push(value));
        if (i % 50 === 0) people.push({ id: ids[i], lastName });
      }
      await tx.query(USER_ROW, [account.id, ...columns]);
    }
  });
  return { account, owner: ownerUser, people };
}

// ---- A server process -------------------------------------------------------------------------

async function serverProcess() {
  const { createRosterServer, toNodeListener, opened } = await import(BUNDLE);
  const { database, seed } = JSON.parse(process.env.ROSTER_BENCH_SERVER);
  const roster = await createRosterServer({ database, auth: { secret: SECRET }, rateLimit: false, logger: false });
  let fixtures = null;
  if (seed) {
    const db = opened[0];
    const started = performance.now();
    const other = await seedAccount(roster, db, {
      name: 'Contoso',
      domain: 'contoso-gmbh.de',
      count: OTHER_USERS,
      seed: 7,
      owner: { firstName: 'Carla', lastName: 'Contoso', email: 'carla.contoso@contoso-gmbh.de' },
    });
    const main = await seedAccount(roster, db, {
      name: 'Northwind',
      domain: 'northwind-traders.de',
      count: USERS,
      seed: 20261120,
      owner: { firstName: 'Olga', lastName: 'Owner', email: 'olga.owner@northwind-traders.de' },
    });
    // Planner statistics and the visibility map, as autovacuum leaves them after a bulk load.
    await db.query('VACUUM ANALYZE');
    fixtures = {
      seedMs: performance.now() - started,
      accountId: main.account.id,
      token: await roster.tokens.issue({ accountId: main.account.id, userId: main.owner.id, ttlSeconds: 3_600 }),
      otherToken: await roster.tokens.issue({ accountId: other.account.id, userId: other.owner.id, ttlSeconds: 3_600 }),
      people: main.people,
    };
  }
  const http = createServer(toNodeListener(roster.fetch));
  http.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: http.address().port, fixtures }));
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ type: 'cpu', usage: process.cpuUsage() });
  });
}

/** Starts a server process; resolves once it listens (after seeding, when asked to seed). */
function startServer(database, seed) {
  const worker = cluster.fork({ ROSTER_BENCH_SERVER: JSON.stringify({ database, seed }) });
  return new Promise((resolveStart, reject) => {
    worker.once('exit', (code) =>
      reject(new Error(`The server process stopped (exit code ${code}) before listening.`)),
    );
    worker.on('message', (message) => {
      if (message.type === 'ready') resolveStart({ worker, port: message.port, fixtures: message.fixtures });
    });
  });
}

const workerCpu = (worker) =>
  new Promise((resolveCpu) => {
    const listener = (message) => {
      if (message.type !== 'cpu') return;
      worker.off('message', listener);
      resolveCpu((message.usage.user + message.usage.system) / 1e6);
    };
    worker.on('message', listener);
    worker.send('cpu');
  });

function stopServer(worker) {
  return new Promise((resolveStop) => {
    if (worker.isDead()) return resolveStop();
    worker.once('exit', () => resolveStop());
    worker.process.kill('SIGTERM');
  });
}

// ---- PostgreSQL -------------------------------------------------------------------------------

const freePort = () =>
  new Promise((resolvePort, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });

/** A throwaway cluster as TOOLCHAIN.md shows: as the postgres user when root, on a loopback port. */
async function startPostgres() {
  const dir = await mkdtemp(join(os.tmpdir(), 'roster-bench-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    await chown(dir, id('-u'), id('-g'));
  }
  const run = (command) =>
    asRoot
      ? execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] })
      : execFileSync('bash', ['-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = async () => {
    try {
      run(`${PG_BIN}/pg_ctl -D ${dir}/data -m fast stop`);
    } catch {
      /* not running */
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    run(
      `${PG_BIN}/initdb -D ${dir}/data -A trust -U roster >/dev/null && ${PG_BIN}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log -w start`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const postmaster = Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
  return { url: `postgres://roster@127.0.0.1:${port}/postgres`, postmaster, stop };
}

/** CPU seconds of the postmaster and its backends, live and exited, from /proc (Linux). */
function postgresCpu(postmaster) {
  if (!postmaster) return null;
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // The postmaster's own time and its exited backends' (cutime, cstime), and its live backends'.
      if (Number(entry) === postmaster)
        total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticks;
      else if (Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}

// ---- Measuring --------------------------------------------------------------------------------

const machineTimes = () =>
  os.cpus().reduce(
    (sum, cpu) => {
      const { user, nice, sys, idle, irq } = cpu.times;
      return { busy: sum.busy + user + nice + sys + irq, all: sum.all + user + nice + sys + idle + irq };
    },
    { busy: 0, all: 0 },
  );

/** Runs autocannon and notes where the CPU went meanwhile. */
async function measure(target, requests) {
  const { default: autocannon } = await import('autocannon');
  const servers = () => Promise.all(target.workers.map(workerCpu)).then((values) => values.reduce((a, b) => a + b, 0));
  const ownCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  let refusal;
  const before = {
    machine: machineTimes(),
    servers: await servers(),
    postgres: postgresCpu(target.postmaster),
    bench: ownCpu(),
    at: performance.now(),
  };
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: DURATION,
    warmup: { connections: CONNECTIONS, duration: 1 },
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    // The first refusal is kept to be shown: a failing request would make the figures meaningless.
    requests: requests.map((request) => ({
      ...request,
      onResponse: (status, body) => {
        if (status >= 300) refusal ??= `${status} ${body.slice(0, 300)}`;
      },
    })),
  });
  const seconds = (performance.now() - before.at) / 1000;
  const machine = machineTimes();
  const cores = (value) => value / seconds;
  const postgres = target.postmaster ? cores(postgresCpu(target.postmaster) - before.postgres) : null;
  const cpu = {
    // The machine's busy share over warm-up and run, in cores (os.cpus() counts in ms).
    machine: ((machine.busy - before.machine.busy) / (machine.all - before.machine.all)) * os.cpus().length,
    servers: cores((await servers()) - before.servers),
    postgres,
    bench: cores(ownCpu() - before.bench),
    load: os.loadavg()[0],
  };
  cpu.other = Math.max(0, cpu.machine - cpu.servers - (postgres ?? 0) - cpu.bench);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .map(([code, { count }]) => `${code}×${count}`)
      .join(', ');
    console.log(
      `  ! ${failed} of ${result.requests.total} requests failed (${codes}; errors ${result.errors}, timeouts ${result.timeouts})${refusal ? `: ${refusal}` : ''}`,
    );
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed, cpu };
}

async function get(target, path) {
  const response = await fetch(`${target.url}${path}`, { headers: { authorization: `Bearer ${target.token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Walks the list once to page 2,000 (200 at a time: a cursor does not depend on the limit). */
async function walk(target) {
  const cursors = [];
  let cursor = '';
  let seen = 0;
  const goal = (PAGE - 1) * LIMIT;
  while (seen < goal) {
    const limit = Math.min(200, goal - seen);
    const page = await get(
      target,
      `/api/roster/v1/users?limit=${limit}${cursor && `&cursor=${encodeURIComponent(cursor)}`}`,
    );
    if (!page.nextCursor)
      throw new Error(`The list ended after ${seen + page.items.length} users, before page ${PAGE}.`);
    seen += page.items.length;
    cursor = page.nextCursor;
    cursors.push(cursor);
  }
  return { last: cursor, sample: cursors };
}

const pick = (items) => items[Math.floor(Math.random() * items.length)];
let created = 0;

/** The runs of one database; `target` names the URL, token, fixtures. */
async function workloads(target) {
  const base = '/api/roster/v1/users';
  const { people } = target.fixtures;
  const fragments = [
    ...new Set(people.map((person) => person.lastName.slice(0, 4)).filter((text) => text.length === 4)),
  ];
  const search = await get(target, `${base}?limit=${LIMIT}&q=${encodeURIComponent(SEARCH)}`);
  target.searchMatches = search.total;
  const { last, sample } = await walk(target);
  const newUser = (request) => ({
    ...request,
    body: JSON.stringify({
      firstName: 'Bench',
      lastName: 'Person',
      email: `bench.person.${process.pid}.${created++}@northwind-traders.de`,
      role: 'specialist',
    }),
  });
  const mixed = (given) => {
    // autocannon writes Content-Length into the headers it hands back next time: a GET after a
    // PATCH would announce a body it never sends, and its connection would stall.
    const request = {
      ...given,
      headers: Object.fromEntries(
        Object.entries(given.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
      ),
    };
    const roll = Math.random();
    if (roll < 0.45) return { ...request, method: 'GET', path: `${base}?limit=${LIMIT}`, body: undefined };
    if (roll < 0.55)
      return {
        ...request,
        method: 'GET',
        path: `${base}?limit=${LIMIT}&cursor=${encodeURIComponent(pick(sample))}`,
        body: undefined,
      };
    if (roll < 0.7)
      return {
        ...request,
        method: 'GET',
        path: `${base}?limit=${LIMIT}&q=${encodeURIComponent(pick(fragments))}`,
        body: undefined,
      };
    if (roll < 0.9) return { ...request, method: 'GET', path: `${base}/${pick(people).id}`, body: undefined };
    const phone = `+4930${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    return { ...request, method: 'PATCH', path: `${base}/${pick(people).id}`, body: JSON.stringify({ phone }) };
  };
  const runs = {
    page1: [{ method: 'GET', path: `${base}?limit=${LIMIT}` }],
    pageN: [{ method: 'GET', path: `${base}?limit=${LIMIT}&cursor=${encodeURIComponent(last)}` }],
    search: [{ method: 'GET', path: `${base}?limit=${LIMIT}&q=${encodeURIComponent(SEARCH)}` }],
    create: [{ method: 'POST', path: base, setupRequest: newUser }],
    mixed: [{ method: 'GET', path: base, setupRequest: mixed }],
  };
  const results = {};
  for (const [name, requests] of Object.entries(runs)) {
    process.stdout.write(`  ${name} …`);
    results[name] = await measure(target, requests);
    process.stdout.write(` ${Math.round(results[name].rps)} req/s\n`);
  }
  target.runs = runs;
  return results;
}

// ---- Output -----------------------------------------------------------------------------------

const ms = (value) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value >= 10 ? value.toFixed(0) : value.toFixed(1);
const whole = (value) => Math.round(value).toLocaleString('en');

function table(header, lines) {
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => String(line[column]).length)));
  const row = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
      )
      .join('   ');
  console.log(row(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('   '));
  for (const line of lines) console.log(row(line));
}

function printResults(columns, searchMatches) {
  const labels = {
    page1: `GET /users, page 1 (limit ${LIMIT})`,
    pageN: `GET /users, page ${PAGE.toLocaleString('en')}`,
    search: `GET /users?q=${SEARCH} (${searchMatches.toLocaleString('en')} matches)`,
    create: 'POST /users',
    mixed: 'mixed: 70 % list/search, 20 % get, 10 % PATCH',
  };
  const header = [''];
  for (const column of columns) header.push(`${column.name} req/s`, 'p50 ms', 'p99 ms', 'other load');
  const lines = Object.entries(labels).map(([key, label]) => [
    label,
    ...columns.flatMap(({ results }) => {
      const run = results[key];
      return [whole(run.rps), ms(run.p50), ms(run.p99), run.cpu.other.toFixed(2)];
    }),
  ]);
  lines.push([
    `page ${PAGE.toLocaleString('en')} / page 1, p50 latency (goal ≤ 1.5)`,
    ...columns.flatMap(({ results }) => [`${(results.pageN.p50 / results.page1.p50).toFixed(2)}×`, '', '', '']),
  ]);
  table(header, lines);
  const runs = columns.flatMap(({ results }) => Object.values(results));
  const other = runs.reduce((sum, run) => sum + run.cpu.other, 0) / runs.length;
  console.log(
    `other load: cores used by processes other than the server, PostgreSQL and autocannon during the row (of ${os.cpus().length}); ` +
      `${other.toFixed(2)} on average${other > 0.25 ? ': the figures are lower than on an idle machine' : ''}.`,
  );
}

function printScaling(one, two) {
  const cpu = (run) => [
    run.cpu.machine.toFixed(2),
    run.cpu.servers.toFixed(2),
    run.cpu.postgres === null ? '—' : run.cpu.postgres.toFixed(2),
    run.cpu.bench.toFixed(2),
    run.cpu.other.toFixed(2),
    run.cpu.load.toFixed(1),
  ];
  const header = [
    '',
    'req/s',
    'p50 ms',
    'p99 ms',
    'busy',
    'servers',
    'PostgreSQL',
    'autocannon',
    'other',
    'load 1 min',
  ];
  const lines = [];
  for (const [name, key] of [
    ['list page 1', 'page1'],
    ['mixed', 'mixed'],
  ]) {
    lines.push([`${name}, 1 process`, whole(one[key].rps), ms(one[key].p50), ms(one[key].p99), ...cpu(one[key])]);
    lines.push([`${name}, 2 processes`, whole(two[key].rps), ms(two[key].p50), ms(two[key].p99), ...cpu(two[key])]);
  }
  table(header, lines);
  const cores = os.cpus().length;
  for (const [name, key] of [
    ['list page 1', 'page1'],
    ['mixed', 'mixed'],
  ]) {
    const ratio = two[key].rps / one[key].rps;
    const busy = one[key].cpu.machine / cores;
    let why = '';
    if (ratio < 1.6) {
      why =
        busy > 0.85
          ? ` — one process already kept ${Math.round(busy * 100)} % of the ${cores} cores busy (server ${one[key].cpu.servers.toFixed(2)}, PostgreSQL ${one[key].cpu.postgres?.toFixed(2) ?? '?'}, autocannon ${one[key].cpu.bench.toFixed(2)}, other ${one[key].cpu.other.toFixed(2)} cores): a second process has no idle core to run on`
          : ` — with ${Math.round(busy * 100)} % of the ${cores} cores busy under one process, the limit is not CPU`;
    }
    console.log(`${name}: 2 processes / 1 process = ${ratio.toFixed(2)}× (goal ≥ 1.6×)${why}`);
  }
  console.log(
    'CPU columns are cores in use over the run (busy: the whole machine, from os.cpus(); servers: the server processes;' +
      ' PostgreSQL: postmaster and backends, from /proc; other: whatever else ran on the machine).',
  );
}

// ---- Main -------------------------------------------------------------------------------------

async function main() {
  await bundle();
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args });
  const { freshPostgresDatabase } = await import(BUNDLE);
  console.log(
    `Node ${process.version} · ${os.cpus().length} cores (${os.cpus()[0].model.trim()}) · ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`,
  );
  console.log(
    `${USERS.toLocaleString('en')} users in the measured account, ${OTHER_USERS.toLocaleString('en')} in a second one · autocannon, ${CONNECTIONS} connections, ${DURATION} s after 1 s of warm-up per row`,
  );
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length)
      await cleanups
        .pop()()
        .catch((error) => console.error(error.message));
  };
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  const columns = [];
  let scaling = null;
  let searchMatches = 0;
  try {
    // PGlite: in memory, in the server process.
    {
      console.log('\nPGlite (in memory):');
      const server = await startServer({ memory: true }, true);
      cleanups.push(() => stopServer(server.worker));
      console.log(`  seeded in ${(server.fixtures.seedMs / 1000).toFixed(1)} s`);
      const target = {
        url: `http://127.0.0.1:${server.port}`,
        token: server.fixtures.token,
        fixtures: server.fixtures,
        workers: [server.worker],
        postmaster: null,
      };
      columns.push({ name: 'PGlite', results: await workloads(target) });
      searchMatches = target.searchMatches;
      await cleanups.pop()();
    }
    // PostgreSQL: the given server, or a throwaway cluster.
    const givenUrl = process.env.ROSTER_BENCH_DATABASE_URL || process.env.ROSTER_TEST_DATABASE_URL;
    let adminUrl = givenUrl;
    let postmaster = null;
    if (!givenUrl && existsSync(`${PG_BIN}/pg_ctl`)) {
      const cluster = await startPostgres();
      cleanups.push(cluster.stop);
      adminUrl = cluster.url;
      postmaster = cluster.postmaster;
    }
    if (!adminUrl) {
      console.log(
        "\nPostgreSQL: skipped. Set ROSTER_BENCH_DATABASE_URL to a server, or install Debian's PostgreSQL 15 (apt-get install postgresql).",
      );
    } else {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      const version = (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
      await client.end();
      console.log(
        `\nPostgreSQL ${version} (${givenUrl ? 'the server of ROSTER_BENCH_DATABASE_URL' : 'a throwaway cluster on loopback'}):`,
      );
      const fresh = await freshPostgresDatabase(adminUrl);
      cleanups.push(fresh.drop);
      const first = await startServer({ url: fresh.url }, true);
      cleanups.push(() => stopServer(first.worker));
      console.log(`  seeded in ${(first.fixtures.seedMs / 1000).toFixed(1)} s`);
      const target = {
        url: `http://127.0.0.1:${first.port}`,
        token: first.fixtures.token,
        fixtures: first.fixtures,
        workers: [first.worker],
        postmaster,
      };
      const results = await workloads(target);
      columns.push({ name: 'PostgreSQL', results });
      // One process, then two, measured back to back per workload: the machine's other load drifts.
      console.log('  one server process, then two on one port:');
      const one = {};
      const two = {};
      for (const key of ['page1', 'mixed']) {
        process.stdout.write(`  ${key} …`);
        one[key] = await measure(target, target.runs[key]);
        const second = await startServer({ url: fresh.url }, false);
        if (second.port !== first.port)
          throw new Error(`The second server process listens on ${second.port}, not on the shared port ${first.port}.`);
        target.workers.push(second.worker);
        two[key] = await measure(target, target.runs[key]);
        target.workers.pop();
        await stopServer(second.worker);
        process.stdout.write(` ${Math.round(one[key].rps)} → ${Math.round(two[key].rps)} req/s\n`);
      }
      scaling = { one, two };
    }
  } finally {
    await cleanup();
  }
  console.log(
    `\n${USERS.toLocaleString('en')} users · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores\n`,
  );
  printResults(columns, searchMatches);
  if (scaling) {
    console.log('\nPostgreSQL: one server process, then two on one port (cluster round robin)\n');
    printScaling(scaling.one, scaling.two);
  }
}

if (cluster.isPrimary) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  serverProcess().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
