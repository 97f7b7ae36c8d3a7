// Runs the browser suite in Chromium and Firefox, then in WebKitGTK when its WebDriver, MiniBrowser
// and xvfb are installed (Debian: webkit2gtk-driver xvfb). ROSTER_WEBKIT=0 skips WebKit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const run = (cmd, cmdArgs, env = process.env) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', env }).status ?? 1;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

let status = run('npx', ['wtr', '--config', 'web-test-runner.config.js', ...args]);

const miniBrowser = process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
if (status === 0 && process.env.ROSTER_WEBKIT !== '0' && has('WebKitWebDriver') && has('xvfb-run') && existsSync(miniBrowser)) {
  const script = 'WebKitWebDriver --port=4444 >/dev/null 2>&1 & driver=$!; ' +
    'for i in $(seq 1 50); do curl -s http://127.0.0.1:4444/status >/dev/null 2>&1 && break; sleep 0.2; done; ' +
    `npx wtr --config web-test-runner.webkit.config.js ${args.map((a) => `'${a}'`).join(' ')}; code=$?; kill $driver; exit $code`;
  status = run('xvfb-run', ['-a', 'sh', '-c', script]);
} else if (status === 0) {
  console.log('WebKit: skipped (install webkit2gtk-driver and xvfb to run it).');
}
process.exit(status);
