// `npm run build`: the library (one module per source file, `vite build`), its declarations (`tsc`),
// the single-file builds (scripts/build-cdn.mjs) and the page `rosterkit serve --demo` serves
// (Vite's `server` mode, beside the CLI in server/demo-page), into dist/ or `--outdir=<dir>`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildCdn } from './build-cdn.mjs';

/** Builds the package's files into `outdir` (the tests build into their own directory). */
export async function buildPackage({ outdir = 'dist', quiet = false } = {}) {
  const outDir = resolve(outdir);
  await build({
    configFile: resolve('vite.config.ts'),
    mode: 'production',
    logLevel: quiet ? 'error' : 'info',
    build: { outDir, emptyOutDir: true },
  });
  const tsc = join(dirname(createRequire(resolve('package.json')).resolve('typescript/package.json')), 'bin/tsc');
  const declarations = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
    stdio: 'inherit',
  });
  if (declarations.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (exit ${declarations.status})`);
  await buildCdn({ outdir: outDir });
  await build({
    configFile: resolve('vite.config.ts'),
    mode: 'server',
    logLevel: quiet ? 'error' : 'warn',
    build: { outDir: join(outDir, 'server/demo-page'), emptyOutDir: true },
  });
}

if (process.argv[1]?.replaceAll('\\', '/').endsWith('scripts/build.mjs')) {
  const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
  await buildPackage({ outdir });
  for (const file of ['roster.min.js', 'roster-mock.min.js']) {
    const bytes = readFileSync(join(outdir, file));
    console.log(
      `${join(outdir, file)}  ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`,
    );
  }
}
