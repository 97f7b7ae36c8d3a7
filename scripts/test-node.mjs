// Node 20 cannot strip types: bundle each *.node.test.ts with esbuild, then run them with node:test.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';

const outdir = '.cache/node-tests';
rmSync(outdir, { recursive: true, force: true });
const entryPoints = readdirSync('test', { recursive: true })
  .filter((f) => f.endsWith('.node.test.ts'))
  .map((f) => `test/${f}`)
  .sort();
if (entryPoints.length === 0) {
  console.error('No Node tests found under test/**/*.node.test.ts');
  process.exit(1);
}
await build({
  entryPoints,
  outdir,
  outbase: 'test',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  target: 'node20',
  sourcemap: 'inline',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const files = entryPoints.map((f) => `${outdir}/${f.slice('test/'.length).replace(/\.ts$/, '.mjs')}`);
const { status } = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...files], {
  stdio: 'inherit',
});
process.exit(status ?? 1);
