// `npm run size`: min+gzip bytes of what a host ships, checked against the budgets.
// Exits non-zero when a gating budget is exceeded, so CI can gate on exact bytes.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const budgets = {
  'whole panel (all elements + SDK + deps)': { bytes: 50 * KB, gate: true },
  // A target, printed but not gating yet: ky and zod/mini alone take 12 KB of it.
  'SDK alone': { bytes: 15 * KB, gate: false },
};

async function gzipBytes(contents, resolveDir = '.') {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, minify: true, write: false,
    format: 'esm', target: 'es2022', platform: 'browser', legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' }, conditions: ['production'], logLevel: 'error',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const rows = [];
if (existsSync('src/components/define.ts')) {
  rows.push(['whole panel (all elements + SDK + deps)', await gzipBytes(`import './src/components/define.ts'; export * from './src/sdk/index.ts';`)]);
}
rows.push(['SDK alone', await gzipBytes(`export * from './src/sdk/index.ts';`)]);
if (existsSync('src/components')) {
  for (const dir of readdirSync('src/components', { withFileTypes: true })) {
    const file = `src/components/${dir.name}/roster-${dir.name}.ts`;
    if (dir.isDirectory() && existsSync(file)) rows.push([`<roster-${dir.name}> alone`, await gzipBytes(`import './${file}';`)]);
  }
}

let over = false;
console.log('| bundle | min+gzip | budget |\n|---|---:|---:|');
for (const [name, bytes] of rows) {
  const budget = budgets[name];
  const verdict = budget ? `${(budget.bytes / KB).toFixed(0)} KB${budget.gate ? '' : ' (target)'}${bytes > budget.bytes ? ' — OVER' : ''}` : '';
  if (budget?.gate && bytes > budget.bytes) over = true;
  console.log(`| ${name} | ${(bytes / KB).toFixed(1)} KB | ${verdict} |`);
}
if (over) {
  console.error('A gating size budget is exceeded.');
  process.exit(1);
}
