// Runs the browser suite in Chromium and Firefox, then in WebKitGTK when its WebDriver is installed.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: 'inherit' }).status ?? 1;

let status = run('npx', ['wtr', '--config', 'web-test-runner.config.js', ...args]);
process.exit(status);
