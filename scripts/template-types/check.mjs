// Part of `npm run typecheck`: the Vue and Svelte templates (demo/vue, demo/svelte and the fixtures in
// test/interop/templates) type-checked by vue-tsc and svelte-check. Both drive TypeScript's JS
// compiler API, which the project's TypeScript 7 lacks, so they run from this folder's lockfile
// (TypeScript 5) installed into .cache/template-types; vue and svelte are the project's own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { installCachedTools } from '../cached-tools.mjs';

const source = 'scripts/template-types';
const tools = '.cache/template-types';
const VUE = 'test/interop/templates/vue/tsconfig.json';
const SVELTE = 'test/interop/templates/svelte';
const FIXTURE = join(SVELTE, 'TemplateTypings.svelte');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result;
}

installCachedTools(source, tools, 'vue-tsc and svelte-check');

let failed = false;

// vue-tsc fails on a type error and on an `@vue-expect-error` that meets none.
const vue = run(process.execPath, [join(tools, 'node_modules/vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', VUE]);
if (vue.status !== 0) failed = true;
else
  console.log(
    `vue-tsc: demo/vue has no type errors; every expected error of ${VUE.replace('tsconfig.json', 'TemplateTypings.vue')} is there`,
  );

// svelte-check has no expect-error for markup: an error must sit on exactly each line after an
// `expect-error` comment of the fixture, and nowhere else.
const expected = new Map();
readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .forEach((line, index) => {
    const reason = /<!--\s*expect-error:\s*(.*?)\s*-->/.exec(line)?.[1];
    if (reason) expected.set(index + 1, reason);
  });
const svelte = run(
  process.execPath,
  [
    join(tools, 'node_modules/svelte-check/bin/svelte-check'),
    '--workspace',
    SVELTE,
    '--tsconfig',
    './tsconfig.json',
    '--output',
    'machine-verbose',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
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
if (!failed)
  console.log(
    `svelte-check: demo/svelte has no type errors; ${FIXTURE} has exactly its ${expected.size} expected ones`,
  );
process.exit(failed ? 1 : 0);
