// Browser tests in the engines this machine has: Debian's Chromium and Firefox ESR (never a downloaded
// browser). WebKitGTK runs through web-test-runner.webkit.config.js (see scripts/test-browser.mjs).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

const mswWorker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
const firstExisting = (...paths) => paths.find((p) => p && existsSync(p));

// ROSTER_BROWSERS=chromium (or firefox, webkit, or a comma-separated list) narrows a local run.
const wanted = (name) => !process.env.ROSTER_BROWSERS || process.env.ROSTER_BROWSERS.split(',').includes(name);
const chromePath =
  wanted('chromium') &&
  firstExisting(process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome');
const firefoxPath =
  wanted('firefox') && firstExisting(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox');

const browsers = [];
if (chromePath) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath,
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
      },
    }),
  );
}
if (firefoxPath) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
      // Firefox ESR 140's WebDriver BiDi has no screen-orientation override, which puppeteer's
      // setViewport sends after the viewport itself: the size is set, the orientation is not needed.
      async createPage({ browser }) {
        const page = await browser.newPage();
        const setViewport = page.setViewport.bind(page);
        page.setViewport = (viewport) =>
          setViewport(viewport).catch((error) => {
            if (!/setScreenOrientationOverride/.test(String(error))) throw error;
          });
        return page;
      },
    }),
  );
}
if (browsers.length === 0 && (wanted('chromium') || wanted('firefox'))) {
  throw new Error(
    'No browser found for the browser tests. Install Chromium and Firefox ' +
      '(Debian: apt-get install chromium firefox-esr) or point CHROME_PATH / FIREFOX_PATH at them.',
  );
}

export const baseConfig = {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page per browser at a time: a background tab gets no rendering frames, so ResizeObserver
  // (and with it every virtualised list) never runs there.
  concurrency: 1,
  // Generous limits: CI shares two cores between three engines, a compiling esbuild and the tests,
  // and a busy machine starts a browser, or a file's first test, many times slower than an idle one.
  testFramework: { config: { timeout: 30000 } },
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  plugins: [
    {
      name: 'msw-worker',
      async serve(ctx) {
        if (ctx.path === '/mockServiceWorker.js') return { body: await readFile(mswWorker, 'utf8'), type: 'js' };
      },
    },
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
};

export default { ...baseConfig, browsers };
