// Runs the browser suite in Chromium and Firefox, then in WebKitGTK when its WebDriver, MiniBrowser
// and xvfb are installed (Debian: webkit2gtk-driver xvfb). Without them a local run says WebKit was
// skipped; under CI (CI set) it fails instead, so CI never passes on fewer engines than it should.
// ROSTER_BROWSERS=chromium,webkit (any of chromium, firefox, webkit) narrows a run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: 'inherit' }).status ?? 1;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const wanted = (name) => !process.env.ROSTER_BROWSERS || process.env.ROSTER_BROWSERS.split(',').includes(name);
let status =
  wanted('chromium') || wanted('firefox') ? run('npx', ['wtr', '--config', 'web-test-runner.config.js', ...args]) : 0;

const miniBrowser = process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
if (status === 0 && wanted('webkit')) {
  if (!has('WebKitWebDriver') || !has('xvfb-run') || !existsSync(miniBrowser)) {
    console.error('WebKit skipped: install webkit2gtk-driver and xvfb (Debian), or set WEBKIT_PATH to MiniBrowser.');
    if (process.env.CI) process.exit(1);
  } else {
    const script =
      'WebKitWebDriver --port=4444 >/dev/null 2>&1 & driver=$!; ' +
      'for i in $(seq 1 50); do curl -s http://127.0.0.1:4444/status >/dev/null 2>&1 && break; sleep 0.2; done; ' +
      `npx wtr --config web-test-runner.webkit.config.js ${args.map((a) => `'${a}'`).join(' ')}; code=$?; kill $driver; exit $code`;
    status = run('xvfb-run', ['-a', 'sh', '-c', script]);
  }
}
process.exit(status);
