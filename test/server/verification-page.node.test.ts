/**
 * The verification page in a real browser (Debian's Chromium), served by the reference API and by
 * the server over HTTP: it works without JavaScript, has no axe violations and no CSP violation,
 * asks for the person's own password when the create carried none, says what went wrong in words
 * and keeps the link valid until it succeeds; then the link is used.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { puppeteerCore } from '@web/test-runner-chrome';
import { createReferenceApi } from '../../src/mock/index.js';
import { createRosterServer } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node-http.js';

const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const OWNER = 'olivia.owner@acme.de';

interface Shell {
  name: string;
  /** Starts the shell over HTTP; answers its origin, a way to invite someone (returning the link), and a stop. */
  start(): Promise<{
    origin: string;
    invite(email: string, withPassword: boolean): Promise<string>;
    stop(): Promise<void>;
  }>;
}

async function listen(handler: (request: Request) => Promise<Response>) {
  const http = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // The browser keeps connections alive: close them too, or close() waits for them.
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

const invitation = (email: string, withPassword: boolean) =>
  JSON.stringify({
    firstName: 'Nora',
    lastName: 'Neumann',
    email,
    role: 'manager',
    ...(withPassword && { password: 'owner picked this passphrase' }),
  });

const SHELLS: Shell[] = [
  {
    name: 'reference API',
    async start() {
      const api = createReferenceApi({ account: { passwordMode: 'per-user' } });
      const server = await listen((request) => api.handle(request));
      return {
        origin: server.origin,
        async invite(email, withPassword) {
          const response = await api.handle(
            new Request(`${server.origin}/api/roster/v1/users`, {
              method: 'POST',
              headers: { authorization: `Bearer ${api.tokenFor(OWNER)}`, 'content-type': 'application/json' },
              body: invitation(email, withPassword),
            }),
          );
          assert.equal(response.status, 201);
          return `${server.origin}${api.outbox().at(-1)!.link}`;
        },
        stop: server.close,
      };
    },
  },
  {
    name: 'server',
    async start() {
      const roster = await createRosterServer({
        database: { memory: true },
        auth: { secret: 'verification-page-secret-32-bytes!!' },
        logger: false,
      });
      const { account, owner } = await roster.accounts.create({
        name: 'Acme GmbH',
        emailDomain: 'acme.de',
        seatLimit: 5,
        passwordMode: 'per-user',
        credits: 100,
        tools: [],
        owner: { firstName: 'Olivia', lastName: 'Owner', email: OWNER },
      });
      const token = await roster.tokens.issue({ accountId: account.id, userId: owner.id });
      const server = await listen(roster.fetch);
      return {
        origin: server.origin,
        async invite(email, withPassword) {
          const response = await roster.fetch(
            new Request(`${server.origin}/api/roster/v1/users`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: invitation(email, withPassword),
            }),
          );
          assert.equal(response.status, 201);
          return `${server.origin}${(await roster.outbox()).at(-1)!.link}`;
        },
        async stop() {
          await server.close();
          await roster.close();
        },
      };
    },
  },
];

describe('the verification page in Chromium', () => {
  let browser: Awaited<ReturnType<typeof puppeteerCore.launch>>;
  before(async () => {
    assert.ok(
      CHROME,
      'Chromium is needed for the verification page test: apt-get install chromium (or set CHROME_PATH)',
    );
    browser = await puppeteerCore.launch({
      executablePath: CHROME,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--window-size=390,844'],
      defaultViewport: null,
    });
  });
  after(() => browser?.close());

  async function open(url: string, language = 'en-US', { javaScript = true } = {}) {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(javaScript);
    await page.setExtraHTTPHeaders({ 'accept-language': language });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    return { page, response, violations };
  }

  /** axe on the page as it is, run from a copy with scripts allowed (the page itself runs none). */
  /**
   * Submits the form and waits for the answer's page, whose heading or field error is `expected`:
   * it replaces the page at the same URL, which puppeteer's waitForNavigation does not notice.
   */
  async function submit(page: Awaited<ReturnType<typeof open>>['page'], selector: string, expected: string) {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.click('button[type=submit]');
    await answered;
    for (let tries = 0; tries < 200; tries++) {
      const text = await page.$eval(selector, (element) => element.textContent).catch(() => null);
      if (text === expected) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`after submitting, ${selector} never read "${expected}"`);
  }

  async function axeViolations(html: string) {
    const page = await browser.newPage();
    try {
      await page.setContent(html.replace(/<meta http-equiv[^>]*>/g, ''));
      await page.addScriptTag({ content: AXE });
      return await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
        ).axe.run();
        return result.violations.map((violation) => violation.id);
      });
    } finally {
      await page.close();
    }
  }

  for (const shell of SHELLS) {
    it(
      `lets an invited person choose a password (show or hide it) and confirm (${shell.name})`,
      { timeout: 60_000 },
      async () => {
        const running = await shell.start();
        try {
          const link = await running.invite('nora.neumann@acme.de', false);
          const { page, response, violations } = await open(link);
          assert.equal(response?.status(), 200);
          assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
          assert.equal(await page.$eval('h1', (h1) => h1.textContent), 'Confirm your email address');
          assert.deepEqual(await axeViolations(await page.content()), []);
          // Show/hide, the page's one script (allowed by its hash).
          await page.click('[data-toggle=password]');
          assert.equal(await page.$eval('#password', (input) => input.getAttribute('type')), 'text');
          await page.click('[data-toggle=password]');
          assert.equal(await page.$eval('#password', (input) => input.getAttribute('type')), 'password');

          // The browser itself holds back a short one (minlength); a common one is refused next to the field,
          // and the link stays valid.
          await page.type('#password', 'password1234');
          await submit(page, '#password-error', 'This password is too common or matches your email. Choose another.');
          assert.equal(await page.$eval('#password', (input) => input.getAttribute('aria-invalid')), 'true');
          assert.deepEqual(await axeViolations(await page.content()), []);

          await page.type('#password', 'nora picked her own words');
          await submit(page, 'h1', 'Your email address is confirmed');
          assert.deepEqual(violations, []);
          await page.close();

          // The link is used now, and says so in German for a German browser.
          const again = await open(link, 'de-DE,de;q=0.9');
          assert.equal(again.response?.status(), 410);
          assert.equal(await again.page.$eval('h1', (h1) => h1.textContent), 'Dieser Link wurde bereits verwendet');
          await again.page.close();
        } finally {
          await running.stop();
        }
      },
    );

    it(
      `confirms with one click when a password was set at creation, with JavaScript off (${shell.name})`,
      { timeout: 60_000 },
      async () => {
        const running = await shell.start();
        try {
          const first = await running.invite('max.muster@acme.de', true);
          const { page } = await open(first, 'en', { javaScript: false });
          assert.equal(await page.$('#password'), null, 'no password asked');
          await submit(page, 'h1', 'Your email address is confirmed');
          await page.close();
        } finally {
          await running.stop();
        }
      },
    );
  }
});
