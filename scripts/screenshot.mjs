// `npm run screenshot`: serves the demo with Vite, opens it in headless Chromium and saves the PNGs of
// the README's gallery under docs/screenshots/: every state at 1440 px (light, English), the list and a
// profile at each width (375, 768, 1280, 1440, 1920), and dark and German for a few. Viewport-sized,
// device pixel ratio 1, so the set stays small. Exits non-zero when the panel does not render its rows.
//
//   npm run screenshot                       # every shot
//   npm run screenshot -- list-1440 profile-375   # only these
//   npm run screenshot -- --url http://localhost:4173/sub/   # a demo already served (e.g. the static build)
//   npm run screenshot -- --server http://127.0.0.1:8787/    # `npm start`'s demo and /dev/inbox, 375 and 1440 px
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { puppeteerCore } from '@web/test-runner-chrome';
import { createServer } from 'vite';

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
const OUT = 'docs/screenshots';
const WIDTHS = {
  375: { width: 375, height: 812, isMobile: true, hasTouch: true },
  768: { width: 768, height: 1024 },
  1280: { width: 1280, height: 800 },
  1440: { width: 1440, height: 900 },
  1920: { width: 1920, height: 1080 },
};
const DESKTOP = WIDTHS[1440];
const SMALL_PHONE = WIDTHS[375];

/**
 * Each shot: demo URL query, viewport, and what to do first: open a user (by name) and a tab, start
 * a new user (`create`: the step to reach, `email` to type), resend a link (`resend`), a panel view.
 */
const SHOTS = [
  // Every state at 1440 px, light, English.
  { name: 'list', query: 'lang=en' },
  { name: 'profile', query: 'lang=en', open: 'Sophie Becker' },
  { name: 'access', query: 'lang=en', open: 'Sophie Becker', tab: 'access' },
  { name: 'activity', query: 'lang=en', open: 'Sophie Becker', tab: 'activity' },
  { name: 'create-details', query: 'lang=en', create: 1 },
  { name: 'create-access', query: 'lang=en', create: 2 },
  { name: 'create-review', query: 'lang=en', create: 3 },
  { name: 'refusal', query: 'lang=en', create: 2, email: 'info@nordlicht.de' },
  { name: 'seats-full', query: 'lang=en&seats=none' },
  { name: 'link-sent', query: 'lang=en', resend: 'Hannah Müller' },
  { name: 'shared-tasks', query: 'lang=en', view: 'shared' },
  { name: 'audit', query: 'lang=en', audit: true },
  // The section loads on demand once the viewer is known to be the owner: wait for it, then scroll to it.
  { name: 'account-password', query: 'lang=en&passwords=shared', waitFor: '.account-password', scrollEnd: true },
  { name: 'manager-profile', query: 'lang=en&as=manager', open: "Liam O'Connor" },
  { name: 'specialist', query: 'lang=en&as=specialist', waitDetail: true },
  { name: 'guest', query: 'lang=en&as=guest', waitDetail: true },
  // The list and a profile at each width.
  ...[375, 768, 1280, 1920].flatMap((width) => [
    { name: `list-${width}`, query: 'lang=en', viewport: WIDTHS[width] },
    { name: `profile-${width}`, query: 'lang=en', viewport: WIDTHS[width], open: 'Sophie Becker' },
  ]),
  { name: 'activity-375', query: 'lang=en', viewport: SMALL_PHONE, open: 'Sophie Becker', tab: 'activity' },
  // The other states where width changes their layout.
  { name: 'access-375', query: 'lang=en', viewport: SMALL_PHONE, open: 'Sophie Becker', tab: 'access' },
  { name: 'create-375', query: 'lang=en', viewport: SMALL_PHONE, create: 2 },
  { name: 'refusal-375', query: 'lang=en', viewport: SMALL_PHONE, create: 2, email: 'info@nordlicht.de' },
  { name: 'audit-375', query: 'lang=en', viewport: SMALL_PHONE, audit: true },
  { name: 'audit-768', query: 'lang=en', viewport: WIDTHS[768], audit: true },
  { name: 'activity-1920', query: 'lang=en', viewport: WIDTHS[1920], open: 'Sophie Becker', tab: 'activity' },
  // Dark, German, branded.
  { name: 'dark-list', query: 'lang=en&theme=dark' },
  { name: 'dark-activity', query: 'lang=en&theme=dark', open: 'Sophie Becker', tab: 'activity' },
  { name: 'dark-audit', query: 'lang=en&theme=dark', audit: true },
  { name: 'dark-profile-375', query: 'lang=en&theme=dark', viewport: SMALL_PHONE, open: 'Zoë Schröder' },
  { name: 'de-list', query: 'lang=de' },
  { name: 'de-profile', query: 'lang=de', open: 'Zoë Schröder' },
  { name: 'de-access', query: 'lang=de', open: "Liam O'Connor", tab: 'access' },
  { name: 'de-create', query: 'lang=de', create: 2 },
  { name: 'de-audit', query: 'lang=de', audit: true },
  { name: 'de-list-375', query: 'lang=de', viewport: SMALL_PHONE },
  { name: 'branded', query: 'lang=en&theme=branded', open: "Liam O'Connor", tab: 'access' },
  { name: 'ar-list', query: 'lang=ar' },
  { name: 'ar-profile', query: 'lang=ar', open: 'Sophie Becker' },
  { name: 'ar-activity', query: 'lang=ar', open: 'Sophie Becker', tab: 'activity' },
  { name: 'ar-create', query: 'lang=ar', create: 2 },
  { name: 'ar-list-375', query: 'lang=ar', viewport: SMALL_PHONE },
  { name: 'ja-profile', query: 'lang=ja', open: 'Zoë Schröder' },
  { name: 'fr-access', query: 'lang=fr', open: "Liam O'Connor", tab: 'access' },
  { name: 'pseudo-activity', query: 'lang=en-XA', open: 'Sophie Becker', tab: 'activity' },
];

/** Against the real server (`npm start`): the demo page and the development inbox (`path`, no panel). */
const SERVER_SHOTS = [
  { name: 'server', query: 'lang=en', open: 'Sophie Becker' },
  { name: 'server-mobile', query: 'lang=en', viewport: SMALL_PHONE },
  { name: 'server-dark', query: 'lang=de&theme=dark&as=manager', open: "Liam O'Connor", tab: 'activity' },
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
const executablePath = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((path) => path && existsSync(path));

// Runs in the page: the list's rendered rows (or, for a viewer without access, their own profile),
// through the panel's and the list's shadow roots.
function panelRendered() {
  const panel = document.querySelector('roster-panel')?.shadowRoot;
  const list = panel?.querySelector('roster-user-list')?.shadowRoot;
  // A specialist or guest has no list: their own profile opens.
  return Boolean(
    list?.querySelector('.body [role="row"][data-id], [part="state"]') || panel?.querySelector('.detail-title'),
  );
}

function detailReady() {
  const panel = document.querySelector('roster-panel')?.shadowRoot;
  const content = panel?.querySelector('.tab-panel:not([hidden]) > *');
  if (!panel?.querySelector('.detail-title')) return false;
  // An element whose code is still loading on demand has no state to read yet.
  if (content && !content.matches(':defined')) return false;
  // Any child still loading (a skeleton or a `loading` custom state) is not ready yet.
  const loading = (root) =>
    root &&
    (root.querySelector('.skeleton, [aria-busy="true"]') ||
      [...root.querySelectorAll('*')].some((el) => el.shadowRoot && loading(el.shadowRoot)));
  const busy = content && (content.matches(':state(loading)') || loading(content.shadowRoot));
  return !busy;
}

async function openUser(page, name) {
  const row = await page.waitForFunction(
    (name) => {
      const list = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-user-list');
      return [...(list?.shadowRoot?.querySelectorAll('.body [role="row"][data-id]') ?? [])].find(
        (candidate) => candidate.querySelector('.name')?.textContent?.trim() === name,
      );
    },
    { timeout: 10_000 },
    name,
  );
  await row.click();
  await page.waitForFunction(detailReady, { timeout: 10_000, polling: 100 }).catch(() => {
    console.warn(`  the detail of ${name} still shows a loading state after 10 s`);
  });
}

async function selectTab(page, tab) {
  const button = await page.waitForFunction(
    (tab) => document.querySelector('roster-panel')?.shadowRoot?.querySelector(`#tab-${tab}`),
    {},
    tab,
  );
  await button.click();
  await page.waitForFunction(detailReady, { timeout: 10_000, polling: 100 }).catch(() => {});
}

/** Runs in the page: the first element matching `selector` in the panel, through every shadow root. */
const DEEP = `function deep(root, selector) {
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) return el;
    const inner = el.shadowRoot && deep(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}`;

async function deepHandle(page, selector) {
  return page.waitForFunction(
    `(${DEEP})(document.querySelector('roster-panel').shadowRoot, ${JSON.stringify(selector)})`,
    { timeout: 10_000, polling: 100 },
  );
}

/** Types into the editor's field (`f-firstName`, …) as a person would: value, then input and change. */
async function fill(page, id, value) {
  const input = await deepHandle(page, `#${id}`);
  await input.evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, value);
}

async function createUser(page, step, email = 'jonas.keller@nordlicht.de') {
  await (await deepHandle(page, '[part~="toolbar"] [part~="button-primary"]')).click();
  await deepHandle(page, '#f-firstName');
  if (step === 1) return;
  await fill(page, 'f-firstName', 'Jonas');
  await fill(page, 'f-lastName', 'Keller');
  await fill(page, 'f-email', email);
  for (let at = 1; at < step; at += 1) {
    await (await deepHandle(page, 'button[type="submit"]')).click();
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

async function resend(page, name) {
  const row = await page.waitForFunction(
    (name) => {
      const list = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-user-list');
      return [...(list?.shadowRoot?.querySelectorAll('.body [role="row"][data-id]') ?? [])]
        .find((candidate) => candidate.querySelector('.name')?.textContent?.trim() === name)
        ?.querySelector('[part~="button-icon"]');
    },
    { timeout: 10_000 },
    name,
  );
  await row.click();
  await deepHandle(page, '[part~="toast"]');
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
    const granted = await client.users.update(sophie.id, {
      access: { ...sophie.access, tasks: [...sophie.access.tasks, { toolId: 'site-audit', taskId: task.id }] },
    });
    await client.users.update(sophie.id, { creditLimit: 3000 }, { version: granted.version });
    const created = await client.users.create({
      firstName: 'Jonas',
      lastName: 'Krüger',
      email: 'jonas.krueger@nordlicht.de',
      role: 'guest',
      access: { tools: [], tasks: [{ toolId: 'site-audit', taskId: task.id }] },
    });
    await client.users.delete(created.id);
  });
  const tab = await page.waitForFunction(
    () => document.querySelector('roster-panel')?.shadowRoot?.querySelector('#view-audit'),
    { timeout: 10_000 },
  );
  await tab.click();
  await page.waitForFunction(
    () => {
      const log = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-audit-log')?.shadowRoot;
      const rows = [...(log?.querySelectorAll('.body [role="row"][data-id]') ?? [])];
      return rows.length > 0 && !rows.some((row) => row.textContent.includes('…'));
    },
    { timeout: 10_000, polling: 100 },
  );
}

async function main() {
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  let server;
  let baseUrl = externalUrl;
  if (!baseUrl) {
    // No file watching: a file edited meanwhile must not reload the page in the middle of a shot.
    server = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 5174, hmr: false, watch: { ignored: ['**'] } },
    });
    await server.listen();
    baseUrl = server.resolvedUrls.local[0];
  }
  const browser = await puppeteerCore.launch({ executablePath, headless: true, args: CHROME_FLAGS });
  let failed = false;
  try {
    await mkdir(OUT, { recursive: true });
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
        await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: true });
        console.log(`✓ ${OUT}/${shot.name}.png`);
        await page.close();
        continue;
      }
      try {
        await page.waitForFunction(panelRendered, { timeout: 20_000, polling: 100 });
      } catch {
        failed = true;
        console.error(`✗ ${shot.name}: the panel rendered neither rows nor a state (${url})`);
        await page.screenshot({ path: `${OUT}/${shot.name}-failed.png` });
        await page.close();
        continue;
      }
      if (shot.audit) await openAuditLog(page);
      if (shot.view) await (await deepHandle(page, `#view-${shot.view}`)).click();
      if (shot.open) await openUser(page, shot.open);
      if (shot.tab) await selectTab(page, shot.tab);
      // The activity's second tab: the events, with their costs.
      if (shot.tab === 'activity') {
        await (await deepHandle(page, '#tab-events')).click();
        await new Promise((resolve) => setTimeout(resolve, 800));
      }
      if (shot.create) await createUser(page, shot.create, shot.email);
      if (shot.resend) await resend(page, shot.resend);
      if (shot.waitFor)
        await page.waitForFunction(
          (selector) => document.querySelector('roster-panel')?.shadowRoot?.querySelector(selector),
          { timeout: 10_000, polling: 100 },
          shot.waitFor,
        );
      if (shot.scrollEnd) await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      if (shot.waitDetail) await page.waitForFunction(detailReady, { timeout: 10_000, polling: 100 }).catch(() => {});
      // Let transitions and the virtualiser settle.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const path = `${OUT}/${shot.name}.png`;
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
