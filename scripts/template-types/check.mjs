// Part of `npm run typecheck`: the Vue and Svelte templates (demo/vue, demo/svelte and the fixtures in
// test/interop/templates) type-checked by vue-tsc and svelte-check. Both drive TypeScript's JS
// compiler API, which the project's TypeScript 7 lacks, so they run from this folder's lockfile
// (TypeScript 5), installed into .cache/template-types and reinstalled only when the lockfile changes.
// Installed without peers: from .cache/template-types, vue and svelte resolve up to the project's
// own node_modules, the versions it builds with.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const source = 'scripts/template-types';
const tools = '.cache/template-types';
const stamp = join(tools, 'installed-package-lock.json');
const VUE = 'test/interop/templates/vue/tsconfig.json';
const SVELTE = 'test/interop/templates/svelte';
const FIXTURE = join(SVELTE, 'TemplateTypings.svelte');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result;
}

const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  console.log(`Installing vue-tsc and svelte-check into ${tools} …`);
  rmSync(tools, { recursive: true, force: true });
  mkdirSync(tools, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(source, file), join(tools, file));
  const args = ['ci', '--prefix', tools, '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error'];
  // The npm that runs this script (`npm run`), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const install = npmCli?.endsWith('.js') ? run(process.execPath, [npmCli, ...args]) : run('npm', args);
  if (install.status !== 0) process.exit(install.status ?? 1);
  // Written last, so an interrupted install is redone.
  writeFileSync(stamp, lock);
}

let failed = false;

// vue-tsc fails on a type error and on an `@vue-expect-error` that meets none.
const vue = run(process.execPath, [join(tools, 'node_modules/vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', VUE]);
if (vue.status !== 0) failed = true;
else console.log(`vue-tsc: demo/vue has no type errors; every expected error of ${VUE.replace('tsconfig.json', 'TemplateTypings.vue')} is there`);

// svelte-check has no expect-error for markup: an error must sit on exactly each line after an
// `expect-error` comment of the fixture, and nowhere else.
const expected = new Map();
readFileSync(FIXTURE, 'utf8').split('\n').forEach((line, index) => {
  const reason = /<!--\s*expect-error:\s*(.*?)\s*-->/.exec(line)?.[1];
  if (reason) expected.set(index + 1, reason);
});
const svelte = run(process.execPath, [join(tools, 'node_modules/svelte-check/bin/svelte-check'),
  '--workspace', SVELTE, '--tsconfig', './tsconfig.json', '--output', 'machine-verbose'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const lines = svelte.stdout.split('\n');
if (!lines.some((line) => / COMPLETED /.test(line))) {
  console.error(svelte.stdout);
  console.error('svelte-check did not complete');
  process.exit(1);
}
const met = new Set();
for (const line of lines) {
  const json = line.slice(line.indexOf(' ') + 1);
  if (!json.startsWith('{')) continue;
  const diagnostic = JSON.parse(json);
  const file = relative(process.cwd(), resolve(SVELTE, diagnostic.filename));
  const where = `${file}:${diagnostic.start.line + 1}:${diagnostic.start.character + 1}`;
  if (file === FIXTURE && diagnostic.type === 'ERROR' && expected.has(diagnostic.start.line)) {
    met.add(diagnostic.start.line);
    continue;
  }
  console.error(`${where} ${diagnostic.type.toLowerCase()}: ${diagnostic.message}`);
  if (diagnostic.type === 'ERROR') failed = true;
}
for (const [line, reason] of expected) {
  if (met.has(line)) continue;
  console.error(`${FIXTURE}:${line + 1}: expected a type error (${reason}), found none`);
  failed = true;
}
if (!failed) console.log(`svelte-check: demo/svelte has no type errors; ${FIXTURE} has exactly its ${expected.size} expected ones`);
process.exit(failed ? 1 : 0);
