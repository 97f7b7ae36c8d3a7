// Every element under a strict Content Security Policy with Trusted Types: the panel is bundled,
// served with `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'` (no
// 'unsafe-inline', no 'unsafe-eval') and driven through list, editor, save, statistics, events,
// grants and the create flow in Debian's Chromium and Firefox ESR. Zero violations, zero console
// errors, and the flows rendered data. Lit creates one Trusted Types policy, named `lit-html`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { puppeteerCore } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import type { CspFlowResult, EnforcementProbe } from './csp-page.js';

const OUT_DIR = '.cache/csp';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
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

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

// A classic script, so it listens before the module graph runs.
const VIOLATIONS_SCRIPT = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push({
  directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
  source: e.sourceFile + ':' + e.lineNumber }));`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Roster under a strict CSP</title>
<script src="/violations.js"></script>
<script type="module" src="/csp-page.js"></script>
</head>
<body></body>
</html>`;

const firstExisting = (...paths: (string | undefined)[]) => paths.find((path) => path && existsSync(path));
const wanted = (name: string) => !process.env.ROSTER_BROWSERS || process.env.ROSTER_BROWSERS.split(',').includes(name);

const ENGINES = [
  {
    name: 'chromium',
    path: firstExisting(
      process.env.CHROME_PATH,
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
    ),
    install: 'apt-get install chromium (or set CHROME_PATH)',
    launch: (executablePath: string) =>
      puppeteerCore.launch({
        executablePath,
        headless: true,
        args: [...CHROME_FLAGS, '--window-size=1280,900'],
        defaultViewport: null,
      }),
  },
  {
    name: 'firefox',
    path: firstExisting(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'),
    install: 'apt-get install firefox-esr (or set FIREFOX_PATH)',
    // Firefox ESR's WebDriver BiDi lacks the screen-orientation command puppeteer's viewport emulation
    // sends, so the window itself has the size.
    launch: (executablePath: string) =>
      puppeteerCore.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        args: ['--width=1280', '--height=900'],
        defaultViewport: null,
      }),
  },
].filter((engine) => wanted(engine.name));

describe('CSP and Trusted Types', () => {
  let server: Server;
  let origin: string;

  before(async () => {
    await build({
      entryPoints: ['test/security/csp-page.ts'],
      outdir: OUT_DIR,
      bundle: true,
      format: 'esm',
      minify: false,
      platform: 'browser',
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
    });
    const bundle = await readFile(`${OUT_DIR}/csp-page.js`, 'utf8');
    const files: Record<string, [type: string, body: string]> = {
      '/': ['text/html; charset=utf-8', INDEX_HTML],
      '/violations.js': ['text/javascript; charset=utf-8', VIOLATIONS_SCRIPT],
      '/csp-page.js': ['text/javascript; charset=utf-8', bundle],
    };
    server = createServer((request, response) => {
      const file = files[new URL(request.url ?? '/', 'http://localhost').pathname];
      response.setHeader('content-security-policy', CSP);
      response.setHeader('cache-control', 'no-store');
      if (!file) {
        response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should have a browser to test in', () => {
    assert.ok(ENGINES.length > 0, 'ROSTER_BROWSERS names no engine this test knows (chromium, firefox)');
  });

  for (const engine of ENGINES) {
    it(
      `should run every flow in ${engine.name} with zero CSP or Trusted Types violations`,
      { timeout: 120000 },
      async () => {
        assert.ok(engine.path, `No ${engine.name} found for the strict-CSP test: ${engine.install}`);
        const browser = await engine.launch(engine.path);
        try {
          const page = await browser.newPage();
          const consoleErrors: string[] = [];
          page.on('console', (message) => {
            if (message.type() === 'error') consoleErrors.push(message.text());
          });
          page.on('pageerror', (error) => consoleErrors.push(`uncaught ${String(error)}`));
          const response = await page.goto(`${origin}/`, { waitUntil: 'load' });
          assert.equal(response?.headers()['content-security-policy'], CSP);

          const result: CspFlowResult = await page.evaluate(() => window.__done);
          const violations = await page.evaluate(
            () => (window as unknown as { __violations: Violation[] }).__violations,
          );
          console.log(
            `${engine.name}: ${JSON.stringify(result)}; violations ${violations.length}, console errors ${consoleErrors.length}`,
          );

          assert.deepEqual(violations, [], 'CSP or Trusted Types violations');
          assert.deepEqual(consoleErrors, [], 'console errors');
          assert.ok(result.listRows > 0, 'list rows rendered');
          assert.equal(result.editorFirstName, 'Sophie');
          assert.equal(result.savedFirstName, 'Sophia');
          assert.ok(result.statsFigures > 0, 'statistics rendered');
          assert.match(result.meterFill, /^[1-9][\d.]*%$/, 'the budget bar has its width');
          assert.ok(result.eventRows > 0, 'events rendered');
          assert.ok(result.grantedTools > 0, 'grants rendered');
          assert.equal(result.createStep, 'Role and access');

          // The policy is enforced on this page (the listener sees what it blocks): eval is refused,
          // and where the engine has Trusted Types, so is a string assigned to innerHTML.
          const probe: EnforcementProbe = await page.evaluate(() => window.__probeEnforcement());
          assert.equal(probe.eval, 'EvalError', 'new Function must be blocked');
          if (result.trustedTypes) assert.equal(probe.innerHTML, 'TypeError', 'a string to innerHTML must be refused');
          else console.log(`${engine.name} has no Trusted Types: checked the CSP only (innerHTML ${probe.innerHTML})`);
          const expected = result.trustedTypes ? 2 : 1;
          // Polled with plain evaluates: puppeteer's waitForFunction builds a Function, which this CSP blocks.
          const reported = () =>
            page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations.length);
          for (let tries = 0; (await reported()) < expected && tries < 300; tries++)
            await new Promise((resolve) => setTimeout(resolve, 50));
          const controls = await page.evaluate(() =>
            (window as unknown as { __violations: Violation[] }).__violations.map((v) => v.directive),
          );
          assert.equal(controls.length, expected, `reported: ${controls.join(', ')}`);
        } finally {
          await browser.close();
        }
      },
    );
  }
});
