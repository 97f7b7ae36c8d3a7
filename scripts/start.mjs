// `npm start`: the real server with the demo, on the embedded database in ./.roster
// (`rosterkit serve --demo`). Builds what it needs first, so it works right after `npm install`:
// the demo page in Vite's `server` mode and the CLI as one Node module, both under .cache/server.
//
//   npm start                       # http://127.0.0.1:8787/
//   npm start -- --port 9000        # any option of `rosterkit serve`
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const OUT = resolve('.cache/server');

// The CLI finds the page beside itself (`./demo-page/`), as the packaged one does in dist/server.
await vite({
  configFile: resolve('vite.config.ts'),
  mode: 'server',
  logLevel: 'warn',
  build: { outDir: resolve(OUT, 'demo-page'), emptyOutDir: true },
});
await esbuild({
  entryPoints: ['src/server/cli.ts'],
  outfile: resolve(OUT, 'cli.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});

const args = process.argv.slice(2);
const child = spawn(process.execPath, ['--enable-source-maps', resolve(OUT, 'cli.mjs'), 'serve', '--demo', ...args], {
  stdio: 'inherit',
});
// The server finishes requests in flight on SIGINT/SIGTERM; pass them on and leave with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
