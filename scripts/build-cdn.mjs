// The files for hosts without a build step (part of `npm run build`):
//   dist/roster.min.js       every element registered, plus the SDK (`createRosterClient`, errors, schemas)
//   dist/roster-mock.min.js  the reference API (`createReferenceApi`), for prototypes against `api.fetch`
// Each is one self-contained ES module: Lit, ky and zod are bundled in, and what the library build
// loads on demand (the editor, grants, statistics, audit log, shared tasks, the German catalog) is
// inlined because there is no second file to fetch; every tag is defined as the file runs.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiteralsEsbuild } from './minify-literals.mjs';

// Run from the repository root (npm scripts and tests do); bundled into a test, `import.meta.url` moves.
const root = process.cwd();

/**
 * The reference API imports msw only for `api.handlers`; a page without a bundler has no msw, and
 * `api.fetch` does not need it. Any use of the handlers says so instead of failing obscurely.
 */
const mswStub = {
  name: 'roster-msw-stub',
  setup(b) {
    b.onResolve({ filter: /^msw(\/|$)/ }, (args) => ({ path: args.path, namespace: 'msw-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'msw-stub' }, () => ({
      loader: 'js',
      contents: `const unavailable = () => { throw new Error('roster-mock.min.js has no msw: use api.fetch, or install rosterkit and msw for api.handlers'); };
export const http = new Proxy({}, { get: unavailable });
export const HttpResponse = new Proxy(function () {}, { get: unavailable, construct: unavailable, apply: unavailable });`,
    }));
  },
};

/** The elements `rosterkit` loads on demand (src/components/on-demand.ts); one file defines them up front. */
const ON_DEMAND = ['user-editor', 'access-grants', 'user-stats', 'audit-log', 'shared-tasks'];

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: true,
};

/** Builds both files into `outdir` (relative to the repository root, or absolute). */
export async function buildCdn({ outdir = 'dist' } = {}) {
  const [elements, mock] = await Promise.all([
    build({
      ...common,
      stdin: {
        contents: [
          "import './src/components/define.ts';",
          ...ON_DEMAND.map((name) => `import './src/components/${name}/roster-${name}.ts';`),
          "export * from './src/components/index.ts';\nexport { discover } from './src/components/define.ts';\nexport * from './src/sdk/index.ts';\n",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
        sourcefile: 'roster.ts',
      },
      outfile: `${outdir}/roster.min.js`,
      plugins: [minifyLiteralsEsbuild()],
    }),
    build({
      ...common,
      entryPoints: { 'roster-mock.min': 'src/mock/index.ts' },
      outdir,
      plugins: [mswStub],
    }),
  ]);
  // Types for hosts that import the files through the package (`rosterkit/roster.min.js`).
  mkdirSync(resolve(root, outdir), { recursive: true });
  writeFileSync(
    resolve(root, outdir, 'roster.min.d.ts'),
    "import './components/define.js';\nexport * from './components/index.js';\nexport { discover } from './components/define.js';\nexport * from './sdk/index.js';\n",
  );
  writeFileSync(resolve(root, outdir, 'roster-mock.min.d.ts'), "export * from './mock/index.js';\n");
  return { elements: elements.metafile, mock: mock.metafile };
}

if (process.argv[1]?.replaceAll('\\', '/').endsWith('scripts/build-cdn.mjs')) {
  const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
  const { elements, mock } = await buildCdn({ outdir });
  for (const [name, meta] of [
    ['roster.min.js', elements],
    ['roster-mock.min.js', mock],
  ]) {
    const [, output] = Object.entries(meta.outputs).find(([path]) => path.endsWith(name));
    console.log(`${outdir}/${name}  ${(output.bytes / 1024).toFixed(1)} KB`);
  }
}
