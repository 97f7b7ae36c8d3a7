import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { minifyLiteralsVite } from './scripts/minify-literals.mjs';

const mswWorkerPath = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');

/** Serves msw's worker at the demo's root in dev and emits it beside the built demo. */
const mswWorker = (): Plugin => ({
  name: 'roster-msw-worker',
  configureServer(server) {
    server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
      res.setHeader('content-type', 'text/javascript');
      res.end(readFileSync(mswWorkerPath));
    });
  },
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(mswWorkerPath, 'utf8') });
  },
});

/**
 * Library entries: the SDK, the reference API, the conformance kit, the server and its CLI (Node
 * only), the elements and one define file per tag.
 */
function libraryEntries() {
  const entries: Record<string, string> = {
    'sdk/index': 'src/sdk/index.ts',
    'mock/index': 'src/mock/index.ts',
    'conformance/index': 'src/conformance/index.ts',
    'server/index': 'src/server/index.ts',
    'server/cli': 'src/server/cli.ts',
  };
  if (existsSync('src/components/index.ts')) {
    entries['components/index'] = 'src/components/index.ts';
    entries['components/define'] = 'src/components/define.ts';
    for (const dir of readdirSync('src/components', { withFileTypes: true })) {
      const file = `src/components/${dir.name}/roster-${dir.name}.ts`;
      if (dir.isDirectory() && existsSync(file)) entries[`components/${dir.name}/roster-${dir.name}`] = file;
    }
  }
  return entries;
}

// Node's built-ins (`node:test` in the conformance kit, the server's `node:http`…) stay imports,
// never browser shims; so do the server's database, token and mail libraries.
const dependency = /^(lit|@lit\/|@lit-labs\/|ky$|zod|msw|node:|pg$|@electric-sql\/pglite|jose$|nodemailer$)/;

export default defineConfig(({ command, mode }) => {
  // The demo page of `rosterkit serve --demo`: the same page, on the real server's API (no msw);
  // scripts/start.mjs and scripts/build.mjs choose where it goes.
  if (mode === 'server') {
    return {
      root: 'demo',
      base: '/',
      build: { outDir: '../.cache/server/demo-page', emptyOutDir: true, target: 'es2022' },
      esbuild: { target: 'es2022' },
    };
  }
  if (command === 'serve' || mode === 'demo') {
    return {
      root: 'demo',
      base: './',
      plugins: [mswWorker()],
      // The page imports msw lazily (its server build leaves it out): pre-bundle it at start, or the
      // first load finds the dependency optimiser outdated. Only this page: the framework examples
      // under demo/ import `rosterkit` itself, which the scan cannot resolve.
      optimizeDeps: { entries: ['index.html'], include: ['msw', 'msw/browser'] },
      build: { outDir: '../dist-demo', emptyOutDir: true, target: 'es2022' },
      esbuild: { target: 'es2022' },
    };
  }
  return {
    // Template text is no JS minifier's business, so it ships minified from here.
    plugins: [minifyLiteralsVite()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      minify: false,
      lib: { entry: libraryEntries(), formats: ['es'] },
      rollupOptions: {
        external: (id: string) => dependency.test(id),
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
