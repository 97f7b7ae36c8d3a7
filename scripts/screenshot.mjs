// `npm run screenshot`: serves the demo with Vite, opens it in headless Chromium and saves PNGs of
// the panel (light, dark, branded, German, a phone, a specialist's view, the audit log) under screenshots/.
// Exits non-zero when the panel does not render its rows.
//
//   npm run screenshot                       # every shot
//   npm run screenshot -- light mobile       # only these
//   npm run screenshot -- --url http://localhost:4173/sub/   # a demo already served (e.g. the static build)
//   npm run screenshot -- --server http://127.0.0.1:8787/    # `npm start`'s demo and /dev/inbox, 375 and 1440 px
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { puppeteerCore } from '@web/test-runner-chrome';
import { createServer } from 'vite';

const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true };
const SMALL_PHONE = { width: 375, height: 812, isMobile: true, hasTouch: true };

/** Each shot: demo URL query, viewport, and whether to open a user first (by name). */
const SHOTS = [
  { name: 'light', query: 'lang=en', open: 'Sophie Becker' },
  { name: 'dark', query: 'lang=en&theme=dark', open: 'Sophie Becker', tab: 'activity' },
  { name: 'branded', query: 'lang=en&theme=branded', open: 'Liam O\'Connor', tab: 'access' },
  { name: 'german', query: 'lang=de', open: 'Zoë Schröder' },
  { name: 'mobile', query: 'lang=en', viewport: PHONE, open: 'Sophie Becker' },
  { name: 'mobile-list', query: 'lang=en', viewport: PHONE },
  { name: 'specialist', query: 'lang=en&as=specialist', waitDetail: true },
  { name: 'audit', query: 'lang=en', audit: true },
  { name: 'audit-dark', query: 'lang=en&theme=dark', audit: true },
  { name: 'audit-german', query: 'lang=de', audit: true },
  { name: 'audit-mobile', query: 'lang=en', viewport: SMALL_PHONE, audit: true },
];

/** Against the real server (`npm start`): the demo page and the development inbox (`path`, no panel). */
const SERVER_SHOTS = [
  { name: 'server', query: 'lang=en', open: 'Sophie Becker' },
  { name: 'server-mobile', query: 'lang=en', viewport: SMALL_PHONE },
  { name: 'server-dark', query: 'lang=de&theme=dark&as=manager', open: 'Liam O\'Connor', tab: 'activity' },
  { name: 'inbox', path: 'dev/inbox' },
  { name: 'inbox-mobile', path: 'dev/inbox', viewport: SMALL_PHONE },
];

const args = process.argv.slice(2);
const urlIndex = args.indexOf('--url');
const serverIndex = args.indexOf('--server');
const serverUrl = serverIndex >= 0 ? args.splice(serverIndex, 2)[1] : undefined;
const externalUrl = serverUrl ?? (urlIndex >= 0 ? args.splice(urlIndex, 2)[1] : undefined);
const shots = serverUrl ? SERVER_SHOTS : SHOTS;
const wanted = args.length ? shots.filter((shot) => args.includes(shot.name)) : shots;
const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((path) => path && existsSync(path));

// Runs in the page: the list's rendered rows (or, for a viewer without access, its "no access"
// block), through the panel's and the list's shadow roots.
function panelRendered() {
  const list = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-user-list')?.shadowRoot;
  return Boolean(list?.querySelector('.body [role="row"][data-id], [part="state"]'));
}

function detailReady() {
  const panel = document.querySelector('roster-panel')?.shadowRoot;
  const content = panel?.querySelector('.tab-panel:not([hidden]) > *');
  if (!panel?.querySelector('.detail-title')) return false;
  // Any child still loading (a skeleton or a `loading` custom state) is not ready yet.
  const loading = (root) => root && (root.querySelector('.skeleton, [aria-busy="true"]')
    || [...root.querySelectorAll('*')].some((el) => el.shadowRoot && loading(el.shadowRoot)));
  const busy = content && (content.matches(':state(loading)') || loading(content.shadowRoot));
  return !busy;
}

async function openUser(page, name) {
  const row = await page.waitForFunction((name) => {
    const list = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-user-list');
    return [...(list?.shadowRoot?.querySelectorAll('.body [role="row"][data-id]') ?? [])]
      .find((candidate) => candidate.querySelector('.name')?.textContent?.trim() === name);
  }, { timeout: 10_000 }, name);
  await row.click();
  await page.waitForFunction(detailReady, { timeout: 10_000, polling: 100 }).catch(() => {
    console.warn(`  the detail of ${name} still shows a loading state after 10 s`);
  });
}

async function selectTab(page, tab) {
  const button = await page.waitForFunction((tab) => document.querySelector('roster-panel')?.shadowRoot?.querySelector(`#tab-${tab}`), {}, tab);
  await button.click();
  await page.waitForFunction(detailReady, { timeout: 10_000, polling: 100 }).catch(() => {});
}

/**
 * Makes a few changes through the panel's own client (the seeded demo has no audit history yet),
 * then opens the audit log and waits for its rows with their task names.
 */
async function openAuditLog(page) {
  await page.evaluate(async () => {
    const { client } = document.querySelector('roster-panel');
    const find = async (q) => (await client.users.list({ q })).items[0];
    const sophie = await find('sophie.becker');
    const task = await client.tasks.create({ toolId: 'site-audit', name: 'Berlin audit' });
    const granted = await client.users.update(sophie.id, { access: { ...sophie.access, tasks: [...sophie.access.tasks, { toolId: 'site-audit', taskId: task.id }] } });
    await client.users.update(sophie.id, { creditLimit: 3000 }, { version: granted.version });
    const created = await client.users.create({ firstName: 'Jonas', lastName: 'Krüger', email: 'jonas.krueger@nordlicht.de', role: 'guest',
      access: { tools: [], tasks: [{ toolId: 'site-audit', taskId: task.id }] } });
    await client.users.delete(created.id);
  });
  const tab = await page.waitForFunction(() => document.querySelector('roster-panel')?.shadowRoot?.querySelector('#view-audit'), { timeout: 10_000 });
  await tab.click();
  await page.waitForFunction(() => {
    const log = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-audit-log')?.shadowRoot;
    const rows = [...(log?.querySelectorAll('.body [role="row"][data-id]') ?? [])];
    return rows.length > 0 && !rows.some((row) => row.textContent.includes('…'));
  }, { timeout: 10_000, polling: 100 });
}

async function main() {
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  let server;
  let baseUrl = externalUrl;
  if (!baseUrl) {
    // No file watching: a file edited meanwhile must not reload the page in the middle of a shot.
    server = await createServer({
      configFile: 'vite.config.ts', logLevel: 'warn',
      server: { host: '127.0.0.1', port: 5174, hmr: false, watch: { ignored: ['**'] } },
    });
    await server.listen();
    baseUrl = server.resolvedUrls.local[0];
  }
  const browser = await puppeteerCore.launch({ executablePath, headless: true, args: CHROME_FLAGS });
  let failed = false;
  try {
    await mkdir('screenshots', { recursive: true });
    for (const shot of wanted) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`  [${shot.name}] page error: ${error.message}`));
      // CSP violations and failed requests show up only here.
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`  [${shot.name}] console: ${message.text()}`);
      });
      await page.setViewport({ deviceScaleFactor: 1, ...(shot.viewport ?? DESKTOP) });
      const url = new URL(shot.path ?? `?${shot.query}`, baseUrl).href;
      const response = await page.goto(url, { waitUntil: 'load' });
      if (shot.path) {
        if (!response?.ok()) {
          failed = true;
          console.error(`✗ ${shot.name}: ${url} answered ${response?.status()}`);
        }
        await page.screenshot({ path: `screenshots/${shot.name}.png`, fullPage: true });
        console.log(`✓ screenshots/${shot.name}.png`);
        await page.close();
        continue;
      }
      try {
        await page.waitForFunction(panelRendered, { timeout: 20_000, polling: 100 });
      } catch {
        failed = true;
        console.error(`✗ ${shot.name}: the panel rendered neither rows nor a state (${url})`);
        await page.screenshot({ path: `screenshots/${shot.name}-failed.png` });
        await page.close();
        continue;
      }
      if (shot.audit) await openAuditLog(page);
      if (shot.open) await openUser(page, shot.open);
      if (shot.tab) await selectTab(page, shot.tab);
      if (shot.waitDetail) await page.waitForFunction(detailReady, { timeout: 10_000, polling: 100 }).catch(() => {});
      // Let transitions and the virtualiser settle.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const path = `screenshots/${shot.name}.png`;
      await page.screenshot({ path });
      console.log(`✓ ${path}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server?.close();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
