/**
 * The panel against the real server, in Debian's Chromium: the demo page of `rosterkit serve --demo`
 * lists the team from PostgreSQL (PGlite here), a colleague added over the API verifies through the
 * mailed link, "Try a sign-in" answers with the server's own check (allowed IPs included), and the
 * panel's Audit log tells what happened, in words.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { puppeteerCore } from '@web/test-runner-chrome';
import { build } from 'vite';
import { DEMO_PASSWORD, DEMO_VIEWERS } from '../../src/mock/data.js';
import { parseServeArgs, serve } from '../../src/server/cli.js';
import { demo } from '../../src/server/demo.js';

const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);
const PAGE_DIR = resolve('.cache/panel-on-server');

describe('the panel on the server, in Chromium', () => {
  let running: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof puppeteerCore.launch>>;
  let dataDir: string;

  before(async () => {
    assert.ok(CHROME, 'Chromium is needed: apt-get install chromium (or set CHROME_PATH)');
    await build({
      configFile: resolve('vite.config.ts'),
      mode: 'server',
      logLevel: 'error',
      build: { outDir: PAGE_DIR, emptyOutDir: true },
    });
    dataDir = mkdtempSync(join(tmpdir(), 'roster-panel-'));
    running = await serve(
      parseServeArgs(['serve', '--port', '0', '--data', dataDir, '--demo']),
      demo({ pageDir: PAGE_DIR }),
    );
    browser = await puppeteerCore.launch({
      executablePath: CHROME,
      headless: true,
      defaultViewport: { width: 1440, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    await running?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/api/roster/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };

  it(
    'lives a profile’s life: listed, verified, signed in from an allowed IP only, and told in the audit log',
    { timeout: 120_000 },
    async () => {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(String(error)));
      await page.goto(`${running.url}/`, { waitUntil: 'load' });

      // The team, from the server.
      const names = await page
        .waitForFunction(
          () => {
            const list = document
              .querySelector('roster-panel')
              ?.shadowRoot?.querySelector('roster-user-list')?.shadowRoot;
            const rows = [...(list?.querySelectorAll('.body [role="row"][data-id]') ?? [])].map(
              (row) => row.textContent ?? '',
            );
            return rows.length >= 11 ? rows : null;
          },
          { timeout: 30_000, polling: 100 },
        )
        .then((handle) => handle.jsonValue());
      assert.ok(
        names!.some((row) => row.includes('Jürgen Weiß')),
        'the seeded team is listed',
      );

      // A colleague restricted to the office range, invited through the API as a host's backend would.
      const owner = (
        await (
          await fetch(`${running.url}/dev/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: DEMO_VIEWERS.owner }),
          })
        ).json()
      ).token as string;
      const created = await api(owner, 'POST', '/users', {
        firstName: 'Anna',
        lastName: 'Neu',
        email: 'anna.neu@nordlicht.de',
        role: 'specialist',
        access: { tools: ['rank-tracker'], tasks: [] },
        allowedIps: ['10.0.0.0/8'],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));

      // The mailed link, from the inbox, in the browser: Anna chooses her password.
      const inbox = await browser.newPage();
      await inbox.goto(`${running.url}/dev/inbox`);
      const link = await inbox.$eval('a[href*="/verify/"]', (anchor) => anchor.getAttribute('href'));
      await inbox.goto(`${running.url}${link}`);
      await inbox.type('#password', 'anna chooses her own words');
      const answered = inbox.waitForResponse((response) => response.request().method() === 'POST');
      await inbox.click('button[type=submit]');
      assert.equal((await answered).status(), 200);
      // Closed only once the answer's page is shown: closing it mid-navigation can hang Chromium's close.
      await inbox.waitForFunction(
        () => document.querySelector('h1')?.textContent === 'Your email address is confirmed',
        { timeout: 30_000, polling: 100 },
      );
      await inbox.close();

      // "Try a sign-in" in the demo bar: the server's own check.
      const tryIn = async (ip: string) => {
        await page.$eval('[data-demo-signin]', (details) => ((details as HTMLDetailsElement).open = true));
        for (const [name, value] of [
          ['email', 'anna.neu@nordlicht.de'],
          ['password', 'anna chooses her own words'],
          ['ip', ip],
        ]) {
          await page.$eval(
            `[data-signin-form] [name="${name}"]`,
            (input, text) => ((input as HTMLInputElement).value = text as string),
            value,
          );
        }
        await page.$eval('[data-signin-form]', (form) => (form as HTMLFormElement).requestSubmit());
        return page
          .waitForFunction(
            () => {
              const text = document.querySelector('[data-signin-form] output')?.textContent ?? '';
              return text && text !== 'Checking…' ? text : null;
            },
            { timeout: 15_000, polling: 100 },
          )
          .then((handle) => handle.jsonValue());
      };
      assert.match((await tryIn('192.0.2.1'))!, /IP/i);
      assert.match((await tryIn('10.1.2.3'))!, /^Signed in: Anna Neu/);
      const signIns = await api(owner, 'GET', `/users/${created.body.id}/events?type=signed_in`);
      assert.equal(signIns.body.total, 1);
      // The demo password works for the seeded team too.
      assert.equal(
        (
          await (
            await fetch(`${running.url}/dev/sign-in`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: DEMO_VIEWERS.owner, password: DEMO_PASSWORD, ip: '192.0.2.1' }),
            })
          ).json()
        ).ok,
        true,
      );

      // The panel's Audit log, in words.
      await page.waitForFunction(
        () => document.querySelector('roster-panel')?.shadowRoot?.querySelector('#view-audit'),
        { timeout: 15_000 },
      );
      await page.evaluate(() =>
        (document.querySelector('roster-panel')!.shadowRoot!.querySelector('#view-audit') as HTMLElement).click(),
      );
      const sentences = await page
        .waitForFunction(
          () => {
            const log = document
              .querySelector('roster-panel')
              ?.shadowRoot?.querySelector('roster-audit-log')?.shadowRoot;
            const text = log?.textContent ?? '';
            return text.includes('Anna Neu') && /verified|confirmed/i.test(text) ? text : null;
          },
          { timeout: 30_000, polling: 200 },
        )
        .then((handle) => handle.jsonValue());
      assert.match(sentences!, /Greta Hoffmann/);
      assert.deepEqual(failures, []);
      await page.close();
    },
  );
});
