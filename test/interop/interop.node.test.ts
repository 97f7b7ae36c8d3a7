/**
 * Framework interop, verified the way custom-elements-everywhere checks frameworks, on Roster's own
 * elements: each example under demo/ (React 19, Vue 3, Svelte 5, Preact, Angular, plain HTML with the
 * single-file build) is built by its real toolchain, served over HTTP and driven in headless Chromium.
 *
 * Basic: a string attribute (`locale`) and properties of every kind (the client and `i18n` objects,
 * a boolean, a number) reach the elements. Advanced: the framework's own listener receives
 * `roster-select` by its name, with the user in `detail`, and writes it into the app's DOM.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { puppeteerCore } from '@web/test-runner-chrome';
import { build } from 'vite';
import { buildCdn } from '../../scripts/build-cdn.mjs';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';

type Browser = Awaited<ReturnType<typeof puppeteerCore.launch>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

const OUT = resolve('.cache/interop');
const TIMEOUT = 20_000;
const OVERRIDE = 'Add a teammate';

/** Builds one example into .cache/interop/<name> and returns its page's path on the server. */
const EXAMPLES: Record<string, () => Promise<string>> = {
  react: async () => {
    await build({ configFile: 'demo/react/vite.config.ts', logLevel: 'error', build: { outDir: join(OUT, 'react') } });
    return '/react/index.html';
  },
  vue: async () => {
    await build({ configFile: 'demo/vue/vite.config.ts', logLevel: 'error', build: { outDir: join(OUT, 'vue') } });
    return '/vue/index.html';
  },
  svelte: async () => {
    await build({
      configFile: 'demo/svelte/vite.config.ts',
      logLevel: 'error',
      build: { outDir: join(OUT, 'svelte') },
    });
    return '/svelte/index.html';
  },
  preact: async () => {
    await build({
      configFile: 'demo/preact/vite.config.ts',
      logLevel: 'error',
      build: { outDir: join(OUT, 'preact') },
    });
    return '/preact/index.html';
  },
  // Angular's application builder from the example's own toolchain (TypeScript 5), in its own process;
  // the first run installs that toolchain into .cache/angular, hence the long limit.
  angular: async () => {
    await new Promise<void>((done, fail) => {
      execFile(
        process.execPath,
        ['demo/angular/build.mjs', '--out', join(OUT, 'angular')],
        { timeout: 300_000 },
        (error, stdout, stderr) => {
          const why = error?.killed
            ? 'still installing or building after 5 minutes; is the npm registry reachable?'
            : error?.message.split('\n')[0];
          if (error) fail(new Error(`The Angular example did not build (${why}):\n${stdout}${stderr}`));
          else done();
        },
      );
    });
    return '/angular/index.html';
  },
  // No toolchain: the page loads dist/roster.min.js and dist/roster-mock.min.js by relative URL.
  plain: async () => {
    const root = join(OUT, 'plain');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'demo/plain'), { recursive: true });
    cpSync('demo/plain/index.html', join(root, 'demo/plain/index.html'));
    await buildCdn({ outdir: join(root, 'dist') });
    return '/plain/demo/plain/index.html';
  },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path);
    // Chromium asks for an icon the examples do not have.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

let session: Promise<{ browser: Browser; server: Server; origin: string }> | undefined;

/** One server and one Chromium for every example, started by the first test that runs. */
function start() {
  session ??= (async () => {
    mkdirSync(OUT, { recursive: true });
    const server = await serve(OUT);
    const browser = await puppeteerCore.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    return { browser, server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  })();
  return session;
}

after(async () => {
  if (!session) return;
  const { browser, server } = await session;
  await browser.close();
  server.close();
});

/** Runs in the page: the first element matching a path of selectors, entering each one's shadow root. */
const deepQuery = (path: string[]) => {
  let node: Element | null = document.querySelector(path[0]);
  for (const selector of path.slice(1)) node = node?.shadowRoot?.querySelector(selector) ?? null;
  return node;
};

async function waitForDeep(page: Page, path: string[], what: string) {
  try {
    await page.waitForFunction(deepQuery, { timeout: TIMEOUT, polling: 50 }, path);
  } catch {
    assert.fail(`${what} did not appear (${path.join(' › ')})`);
  }
}

const LIST_ROW = ['roster-panel', 'roster-user-list', '[role="row"][data-id]'];

for (const [name, buildExample] of Object.entries(EXAMPLES)) {
  describe(`interop: ${name}`, () => {
    let loaded: Promise<{ page: Page; errors: string[] }> | undefined;
    const open = () => {
      loaded ??= (async () => {
        const [{ browser, origin }, path] = await Promise.all([start(), buildExample()]);
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url ?? ''}`.trim());
        });
        await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: TIMEOUT });
        return { page, errors };
      })();
      return loaded;
    };

    test(`${name}: the panel renders the team inside its shadow root with the client property`, async () => {
      const { page, errors } = await open();
      await waitForDeep(page, LIST_ROW, 'A user row');
      const client = await page.$eval('roster-panel', (el) => {
        const value = (el as unknown as { client?: { users?: unknown; me?: unknown } }).client;
        return { type: typeof value, users: typeof value?.users, me: typeof value?.me };
      });
      assert.deepEqual(client, { type: 'object', users: 'object', me: 'function' }, 'client arrives as the SDK object');
      assert.deepEqual(errors, [], 'no page errors');
    });

    test(`${name}: an object property (i18n) overrides a string`, async () => {
      const { page } = await open();
      // The panel hands its `i18n` to the list, whose "New user" button then says the host's words.
      const button = await page
        .waitForFunction(
          (want) => {
            const list = document.querySelector('roster-panel')?.shadowRoot?.querySelector('roster-user-list');
            return [...(list?.shadowRoot?.querySelectorAll('button') ?? [])].find((el) =>
              el.textContent?.includes(want),
            );
          },
          { timeout: TIMEOUT, polling: 50 },
          OVERRIDE,
        )
        .catch(() => null);
      assert.ok(button, `no button of the list says "${OVERRIDE}"`);
      const i18n = await page.$eval('roster-panel', (el) => typeof (el as unknown as { i18n?: unknown }).i18n);
      assert.equal(i18n, 'object');
    });

    test(`${name}: a number (page size) reaches <roster-shared-tasks> as a number`, async () => {
      const { page } = await open();
      await waitForDeep(page, ['roster-shared-tasks', '[part~="row"]'], 'A shared task');
      const tasks = await page.$eval('roster-shared-tasks', (el) => ({
        pageSize: (el as unknown as { pageSize: unknown }).pageSize,
        rows: el.shadowRoot!.querySelectorAll('[part~="row"]').length,
        more: Boolean(el.shadowRoot!.querySelector('[part~="footer"] > [part~="button"]')),
      }));
      assert.deepEqual(tasks, { pageSize: 2, rows: 2, more: true });
    });

    test(`${name}: clicking a row delivers roster-select with the user to the framework's listener`, async () => {
      const { page } = await open();
      await waitForDeep(page, LIST_ROW, 'A user row');
      const row = await page.evaluateHandle(() => {
        const list = document.querySelector('roster-panel')!.shadowRoot!.querySelector('roster-user-list')!;
        return list.shadowRoot!.querySelectorAll('[role="row"][data-id]')[1] as HTMLElement;
      });
      const expected = await row.evaluate((el) => el.querySelector('.name')!.textContent!.trim().replace(/\s+/g, ' '));
      await (row as unknown as { click(): Promise<void> }).click();
      await page
        .waitForFunction(
          (want) => document.querySelector('#selected')?.textContent?.trim() === want,
          { timeout: TIMEOUT },
          expected,
        )
        .catch(() => undefined);
      const written = await page.$eval('#selected', (el) => el.textContent?.trim());
      assert.equal(written, expected, "the framework's roster-select listener wrote the user's name into the app");
      const opened = await page.$eval(
        'roster-panel',
        (el) => (el as unknown as { selectedUser?: { firstName: string; lastName: string } }).selectedUser,
      );
      assert.equal(`${opened?.firstName} ${opened?.lastName}`, expected, 'the panel opened the same user');
    });

    test(`${name}: a boolean (readonly) reaches <roster-access-grants>, with the selected user's id`, async () => {
      const { page } = await open();
      await page
        .waitForFunction(() => Boolean(document.querySelector('roster-access-grants')), { timeout: TIMEOUT })
        .catch(() => assert.fail('the app shows <roster-access-grants> once a user is selected'));
      await page.waitForFunction(
        () => {
          const grants = document.querySelector('roster-access-grants') as unknown as {
            hasCustomState(s: string): boolean;
            userId?: string;
          };
          return grants.hasCustomState('readonly') && !grants.hasCustomState('loading');
        },
        { timeout: TIMEOUT },
      );
      const grants = await page.$eval('roster-access-grants', (el) => {
        const element = el as unknown as { readonly: unknown; userId?: string };
        const panel = document.querySelector('roster-panel') as unknown as { selectedUser?: { id: string } };
        return {
          readonly: element.readonly,
          reflected: el.hasAttribute('readonly'),
          sameUser: element.userId === panel.selectedUser?.id,
          controls: el.shadowRoot!.querySelectorAll('input, [part~="actions"] [part~="button-primary"]').length,
        };
      });
      assert.deepEqual(grants, { readonly: true, reflected: true, sameUser: true, controls: 0 });
    });

    test(`${name}: a string attribute (locale) switches the panel's language`, async () => {
      const { page } = await open();
      const placeholder = () =>
        page.$eval('roster-panel', (el) => {
          const list = el.shadowRoot!.querySelector('roster-user-list')!;
          return list.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.placeholder;
        });
      assert.equal(await page.$eval('roster-panel', (el) => el.getAttribute('locale')), 'en');
      assert.equal(await placeholder(), en.list.searchPlaceholder);
      await page.click('#toggle-locale');
      await page
        .waitForFunction(
          (want) => {
            const list = document.querySelector('roster-panel')!.shadowRoot!.querySelector('roster-user-list')!;
            return list.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.placeholder === want;
          },
          { timeout: TIMEOUT },
          de.list.searchPlaceholder,
        )
        .catch(() => undefined);
      assert.equal(await page.$eval('roster-panel', (el) => el.getAttribute('locale')), 'de');
      assert.equal(await placeholder(), de.list.searchPlaceholder, 'the list speaks German');
      const tabs = await page.$eval(
        'roster-panel',
        (el) => el.shadowRoot!.querySelector('[role="tablist"]')?.textContent ?? '',
      );
      assert.match(tabs, new RegExp(de.panel.tabs.access), 'the open user is shown in German too');
    });
  });
}
