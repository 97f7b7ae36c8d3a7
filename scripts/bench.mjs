// `npm run bench`: the user list and the whole panel against a plain, non-virtualised Lit rendering
// of the same users, in headless Chromium, for 10,000 and 100,000 demo users. Prints figures side
// by side; it never fails on timing (a benchmark, not a test).
//
//   npm run bench                          # 10,000 and 100,000 users
//   npm run bench -- --users 10000         # one size
//   npm run bench -- --plain-max 20000     # skip the plain rendering above this many users
//   npm run bench -- --scroll-max 10000    # the real scroll to the end only up to this many users
//   npm run bench -- --rules               # Node only: the server's per-item work at n and 4n
//
// The page is a production bundle (esbuild, minified, Lit's production build). The reference API
// runs in Node and answers through request interception, so the page's main thread does only the
// rendering work being measured.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { puppeteerCore } from '@web/test-runner-chrome';

const OUT = '.cache/bench';
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const QUERIES = ['m', 'mü', 'mül', 'müll'];
// Typed key by key (ASCII: the driver sends other characters as text, without a keydown).
const TYPED = 'schm';
// One notch of a fast wheel, in CSS pixels.
const WHEEL_DELTA = 2400;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const sizes = args.includes('--users') ? [option('users')] : [10_000, 100_000];
const plainMax = option('plain-max', 100_000);
const scrollMax = option('scroll-max', 10_000);
const executablePath = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((path) => path && existsSync(path));

async function bundle() {
  await mkdir(OUT, { recursive: true });
  await build({
    entryPoints: ['demo/bench/bench.ts'],
    outfile: `${OUT}/bench.js`,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
    // package.json's `sideEffects` names the built files; these sources register tags all the same.
    ignoreAnnotations: true,
  });
  await build({
    entryPoints: ['src/mock/index.ts'],
    outfile: `${OUT}/mock.mjs`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  });
  await writeFile(
    `${OUT}/index.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roster benchmark</title>
<style>body{margin:0;font-family:system-ui,sans-serif}#stage{width:1200px;padding:16px}</style>
<script type="module" src="./bench.js"></script></head><body><div id="stage"></div></body></html>`,
  );
}

function serve() {
  const server = createServer(async (request, response) => {
    const file = new URL(request.url, 'http://localhost').pathname.replace(/^\/$/, '/index.html');
    try {
      const body = await readFile(`${OUT}${file}`);
      response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A page whose `/api/roster/v1` requests the reference API in Node answers, acting as the owner. */
async function openPage(browser, origin, api, token) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/roster/v1')) return request.continue();
    const headers = { ...request.headers(), authorization: `Bearer ${token}` };
    const answer = await api.handle(
      new Request(url, { method: request.method(), headers, body: request.postData() || undefined }),
    );
    await request.respond({
      status: answer.status,
      headers: Object.fromEntries(answer.headers),
      body: await answer.text(),
    });
  });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  const cdp = await page.createCDPSession();
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  return { page, heap };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

// A fresh browser per run: a closed page's garbage (300,000 plain rows) must not be collected during the next one.
const launch = () =>
  puppeteerCore.launch({ executablePath, headless: true, args: CHROME_FLAGS, protocolTimeout: 900_000 });

async function measure(origin, api, token, impl, count) {
  const browser = await launch();
  try {
    return await measureIn(browser, origin, api, token, impl, count);
  } finally {
    await browser.close();
  }
}

async function measureIn(browser, origin, api, token, impl, count) {
  const result = {};
  // The list alone: first rows, DOM, heap, search.
  {
    const { page, heap } = await openPage(browser, origin, api, token);
    const before = await heap();
    Object.assign(result, await page.evaluate((impl) => window.rosterBench.mountList(impl), impl));
    await new Promise((resolve) => setTimeout(resolve, 500));
    result.heapMb = ((await heap()) - before) / 1_048_576;
    result.nodes = await page.evaluate(() => window.rosterBench.countNodes());
    const search = await page.evaluate((impl, queries) => window.rosterBench.search(impl, queries), impl, QUERIES);
    result.searchMs = median(search.steps.map((step) => step.toRows));
    result.searchAnswerMs = impl === 'roster' ? median(search.steps.map((step) => step.answerToRows)) : undefined;
    result.longTasks = search.longTasks;
    result.longTaskMs = search.longTaskMs;
    result.matches = search.steps.map((step) => step.matches);
    await page.close();
  }
  // A real scroll to the end (wheel events from the driver), then real keystrokes in the search.
  {
    const { page } = await openPage(browser, origin, api, token);
    await page.evaluate((impl) => window.rosterBench.mountList(impl), impl);
    if (count <= scrollMax) {
      const { x, y } = await page.evaluate((impl) => window.rosterBench.scrollStart(impl), impl);
      await page.mouse.move(x, y);
      const deadline = Date.now() + 600_000;
      while (Date.now() < deadline && !(await page.evaluate((impl) => window.rosterBench.scrollDone(impl), impl))) {
        for (let i = 0; i < 5; i++) await page.mouse.wheel({ deltaY: WHEEL_DELTA });
      }
      Object.assign(result, await page.evaluate(() => window.rosterBench.scrollStop()));
    }
    const steps = [];
    for (let i = 1; i <= TYPED.length; i++) {
      const answers = await page.evaluate(() => window.rosterBench.lastAnswer());
      await page.evaluate((impl) => window.rosterBench.typeStart(impl), impl);
      await page.keyboard.type(TYPED[i - 1]);
      steps.push(
        await page.evaluate(
          (impl, query, answers) => window.rosterBench.typeEnd(impl, query, answers),
          impl,
          TYPED.slice(0, i),
          answers,
        ),
      );
    }
    result.keystrokeMs = median(steps);
    await page.close();
  }
  // The whole panel from a fresh page load, then opening a user.
  {
    const { page } = await openPage(browser, origin, api, token);
    Object.assign(result, await page.evaluate((impl) => window.rosterBench.mountPanel(impl), impl));
    Object.assign(result, await page.evaluate((impl) => window.rosterBench.openUser(impl), impl));
    await page.close();
  }
  return result;
}

const ROWS = [
  ['data → first rows (ms)', 'dataToRows'],
  ['mount → first rows (ms)', 'mountToRows'],
  [`search keystroke → rows, median of ${QUERIES.length} (ms)`, 'searchMs'],
  ['  of which: answer → rows (ms)', 'searchAnswerMs'],
  ['long tasks during the search', 'longTasks'],
  ['  their total (ms)', 'longTaskMs'],
  [`real keystroke in the search → rows, debounce included, median of ${TYPED.length} (ms)`, 'keystrokeMs'],
  ['DOM nodes (shadow roots included)', 'nodes'],
  ['real scroll to the end: frames', 'scrollFrames'],
  ['  of which waiting at the end of the loaded rows', 'scrollWaiting'],
  ['  DOM nodes before', 'scrollNodesBefore'],
  ['  DOM nodes after', 'scrollNodesAfter'],
  ['  long tasks', 'scrollLongTasks'],
  ['  their total (ms)', 'scrollLongTaskMs'],
  ['  duration (ms)', 'scrollMs'],
  ['JS heap of the view (MB, after GC)', 'heapMb'],
  ['panel: page load → rows (ms)', 'loadToRows'],
  ['panel: page load → interactive (ms)', 'loadToInteractive'],
  ['panel: requests in flight at the first paint', 'firstPaintRequests'],
  ['panel: open a user → header (ms)', 'toHeader'],
  ['panel: open a user → profile loaded (ms)', 'toContent'],
];

const format = (value) =>
  value === undefined ? '—' : value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1);

function printTable(count, roster, plain, plainNote) {
  const header = ['', 'Roster', 'plain Lit', 'plain / Roster'];
  const lines = ROWS.map(([label, key]) => {
    const a = roster[key];
    const b = plain?.[key];
    const ratio =
      a === undefined || b === undefined
        ? '—'
        : a === 0
          ? b === 0
            ? '='
            : '∞'
          : `${b / a >= 10 ? Math.round(b / a) : Number((b / a).toPrecision(2))}×`;
    return [label, format(a), plain ? format(b) : 'skipped', ratio];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column].length)));
  const row = (cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('   ');
  console.log(`\n${count.toLocaleString('en')} users`);
  console.log(row(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('   '));
  for (const line of lines) console.log(row(line));
  console.log(
    `search typed: ${QUERIES.map((q, i) => `"${q}" → ${roster.matches[i].toLocaleString('en')}`).join(', ')} matches`,
  );
  if (roster.firstPaintPaths)
    console.log(`panel's first paint waits for: ${roster.firstPaintPaths.join(', ') || 'nothing'}`);
  if (roster.scrollFrames === undefined)
    console.log(`real scroll: skipped above ${scrollMax.toLocaleString('en')} users (--scroll-max)`);
  if (plainNote) console.log(plainNote);
}

async function main() {
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  await bundle();
  const { createReferenceApi, DEMO_VIEWERS } = await import(`../${OUT}/mock.mjs`);
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const probe = await launch();
  console.log(
    `Chromium ${await probe.version()} · ${(await import('node:os')).cpus().length} cores · the reference API in Node, no latency`,
  );
  await probe.close();
  try {
    for (const count of sizes) {
      const started = performance.now();
      const api = createReferenceApi({ data: 'demo', demoUsers: count });
      const token = api.tokenFor(DEMO_VIEWERS.owner);
      console.log(
        `\n(${count.toLocaleString('en')} demo users generated in ${Math.round(performance.now() - started)} ms)`,
      );
      const roster = await measure(origin, api, token, 'roster', count);
      let plain;
      let plainNote;
      if (count <= plainMax) {
        try {
          plain = await measure(origin, api, token, 'plain', count);
        } catch (error) {
          plainNote = `plain Lit: did not finish (${error.message.split('\n')[0]})`;
        }
      } else {
        plainNote = `plain Lit: skipped above ${plainMax.toLocaleString('en')} users (--plain-max)`;
      }
      if (plain)
        plainNote = 'plain Lit loads every page of users before its first row: "mount → first rows" includes that.';
      printTable(count, roster, plain, plainNote);
    }
  } finally {
    server.close();
  }
}

/**
 * The reference API's per-item work for lists up to the v1.1 limits, at n and 4n: linear work
 * takes about 4× as long at 4n, quadratic work 16×. Figures only, no verdict.
 */
async function rules() {
  await mkdir(OUT, { recursive: true });
  await build({
    entryPoints: ['src/mock/index.ts'],
    outfile: `${OUT}/mock.mjs`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  });
  const { createReferenceApi } = await import(`../${OUT}/mock.mjs`);
  const time = async (run) => {
    await run();
    const started = performance.now();
    for (let i = 0; i < 5; i++) await run();
    return (performance.now() - started) / 5;
  };
  const call = (api, who, method, path, body) =>
    api.handle(
      new Request(`http://localhost/api/roster/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${api.tokenFor(who)}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      }),
    );
  const owner = 'olivia.owner@acme.de';
  const cases = [
    [
      'allowedIps, half duplicates',
      25,
      (n) => ({ allowedIps: Array.from({ length: n }, (_, i) => `10.0.0.${i % (n / 2)}`) }),
    ],
    [
      'access.tools, unknown and empty',
      250,
      (n) => ({ access: { tools: Array.from({ length: n }, (_, i) => (i % 2 ? `tool_${i}` : '')), tasks: [] } }),
    ],
    [
      'access.tasks, unknown and invalid',
      2_500,
      (n) => ({
        access: {
          tools: [],
          tasks: Array.from({ length: n }, (_, i) =>
            i % 2 ? { toolId: 'rank-tracker', taskId: `tsk_${i}` } : { toolId: '', taskId: i },
          ),
        },
      }),
    ],
  ];
  const rows = [];
  for (const [label, n, body] of cases) {
    const api = createReferenceApi();
    const [a, b] = [
      await time(() => call(api, owner, 'POST', '/users/validate', body(n))),
      await time(() => call(api, owner, 'POST', '/users/validate', body(4 * n))),
    ];
    rows.push([`validate ${label}`, n, a, b]);
  }
  for (const n of [2_500]) {
    const figures = [];
    for (const size of [n, 4 * n]) {
      const tasks = Array.from({ length: size }, (_, i) => ({
        id: `tsk_${i}`,
        toolId: 'rank-tracker',
        name: `Task ${i}`,
        ownerId: 'sam@acme.de',
      }));
      const guest = {
        firstName: 'Gus',
        lastName: 'Guest',
        email: 'gus@acme.de',
        role: 'guest',
        access: { tools: [], tasks: tasks.map((task) => ({ toolId: task.toolId, taskId: task.id })) },
      };
      const api = createReferenceApi({
        account: { credits: 0 },
        tasks,
        users: [{ id: 'usr_sam', firstName: 'Sam', lastName: 'S', email: 'sam@acme.de', role: 'specialist' }, guest],
      });
      figures.push([
        await time(() => call(api, 'gus@acme.de', 'GET', '/tasks?limit=200')),
        await time(() => call(api, owner, 'DELETE', '/users/usr_sam?tasks=delete')),
      ]);
    }
    rows.push(['a guest with every task granted lists tasks', n, figures[0][0], figures[1][0]]);
    rows.push(['delete refused: the guest would have no task', n, figures[0][1], figures[1][1]]);
  }
  console.log('per-item work of the reference API (ms per request; linear ≈ 4×, quadratic ≈ 16×)');
  for (const [label, n, a, b] of rows) {
    console.log(
      `${label.padEnd(48)} n=${String(n).padStart(6)} ${a.toFixed(2).padStart(8)}   4n ${b.toFixed(2).padStart(8)}   ${(b / a).toFixed(1)}×`,
    );
  }
}

if (args.includes('--rules')) {
  rules().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
