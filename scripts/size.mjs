// `npm run size`: min+gzip bytes of what a host ships, checked against the budgets.
// Exits non-zero when a bundle grows past its ceiling, so CI can gate on exact bytes.
// Code is split as a host's bundler splits it: a bundle's figure is what loads with it (its entry
// chunk and every chunk it imports statically, each gzipped on its own as a server sends it); what
// loads on demand (the editor, grants, statistics, audit log, shared tasks, the account password
// section, catalogs other than English) is a row of its own: what it fetches beyond the first load.
// `npm run size -- --modules [entry]`: minified bytes per module of the whole panel (or of
// `entry`, e.g. `src/sdk/index.ts`), largest first: where to look before cutting.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minifyLiteralsEsbuild } from './minify-literals.mjs';

const KB = 1024;
const FIRST_LOAD = "first load: `import 'rosterkit'` + <roster-panel>, English";
const WHOLE_PANEL = 'whole panel, English (every element + SDK + deps, one file)';
const FIRST_LOAD_ONE_FILE = 'first load as one file (dynamic imports apart)';
const STRINGS = 'English strings of on-demand elements (localize/en-*.ts), minified, in the first load';
const onDemand = (file) => `+ ${file} (loaded on demand)`;
const alone = (name) => `<roster-${name}> alone, English`;
// `target` is the bar the product aims at (where there is one); `ceiling` gates CI so that no
// change makes a bundle bigger than it is today. Lower a ceiling whenever a change brings a bundle
// down. The editor's chunk carries its English strings (the roles' descriptions, Cancel and Close
// included) and the password input (with its styles), which the first load carried before they
// moved out of it; the account password form's chunk carries the whole account password section,
// which only the owner of a shared-password account sees; the pseudo-locale, every English string.
const budgets = {
  [FIRST_LOAD]: { target: 40 * KB, ceiling: 48.4 * KB },
  [onDemand('roster-user-editor.ts')]: { target: 15 * KB, ceiling: 26.7 * KB },
  [onDemand('roster-access-grants.ts')]: { target: 8 * KB, ceiling: 8.4 * KB },
  [onDemand('roster-user-stats.ts')]: { target: 10 * KB, ceiling: 10.8 * KB },
  [onDemand('roster-audit-log.ts')]: { target: 8 * KB, ceiling: 9.4 * KB },
  [onDemand('roster-shared-tasks.ts')]: { target: 3 * KB, ceiling: 2.9 * KB },
  [onDemand('account-password-form.ts')]: { ceiling: 5.6 * KB },
  // Every language: a whole catalog, loaded the first time an element shows it.
  [onDemand('de.ts')]: { target: 8 * KB, ceiling: 7.5 * KB },
  [onDemand('ar.ts')]: { ceiling: 9.5 * KB },
  [onDemand('es.ts')]: { ceiling: 7.4 * KB },
  [onDemand('fr.ts')]: { ceiling: 7.8 * KB },
  [onDemand('it.ts')]: { ceiling: 7.4 * KB },
  [onDemand('ja.ts')]: { ceiling: 8.2 * KB },
  [onDemand('nl.ts')]: { ceiling: 7.3 * KB },
  [onDemand('pl.ts')]: { ceiling: 8 * KB },
  [onDemand('pt-BR.ts')]: { ceiling: 7.3 * KB },
  [onDemand('en-xa.ts')]: { ceiling: 7.3 * KB },
  [FIRST_LOAD_ONE_FILE]: { ceiling: 43.1 * KB },
  [WHOLE_PANEL]: { target: 64 * KB, ceiling: 84.9 * KB },
  'SDK alone': { target: 15 * KB, ceiling: 17.3 * KB },
  [STRINGS]: { target: 0, ceiling: 0.1 * KB },
  [alone('access-grants')]: { ceiling: 30.4 * KB },
  [alone('audit-log')]: { ceiling: 32.8 * KB },
  [alone('events-history')]: { ceiling: 31.5 * KB },
  [alone('panel')]: { ceiling: 47.8 * KB },
  [alone('provider')]: { ceiling: 23.2 * KB },
  [alone('shared-tasks')]: { ceiling: 25.2 * KB },
  [alone('user-editor')]: { ceiling: 47 * KB },
  [alone('user-list')]: { ceiling: 31 * KB },
  [alone('user-stats')]: { ceiling: 35.2 * KB },
};
/**
 * Leaves dynamic imports (of importers matching `from`, or all) out of a bundle without splitting:
 * what loads on demand stays apart.
 */
const dynamicImportsApart = (from = /./) => ({
  name: 'size-dynamic-imports-apart',
  setup(b) {
    b.onResolve({ filter: /.*/ }, ({ path, importer, kind }) =>
      kind === 'dynamic-import' && from.test(importer) ? { path, external: true } : undefined,
    );
  },
});
/** The catalogs other than English, loaded on demand by catalogs.ts. */
const otherLanguagesApart = dynamicImportsApart(/localize[\\/]catalogs\.ts$/);

/** Splits one bundle into what loads up front (bytes) and each chunk loaded on demand. */
async function measure(contents, { resolveDir = '.', plugins = [], splitting = true } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    splitting,
    outdir: 'size',
    write: false,
    metafile: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'error',
    // The library build minifies Lit's template text the same way, so this measures what ships.
    plugins: [...plugins, minifyLiteralsEsbuild()],
  });
  const outputs = result.metafile.outputs;
  const gzipped = new Map(
    result.outputFiles.map((file) => [
      Object.keys(outputs).find((path) => file.path.endsWith(path)),
      gzipSync(file.contents, { level: 9 }).length,
    ]),
  );
  const loadedWith = (path, seen = new Set()) => {
    if (seen.has(path)) return seen;
    seen.add(path);
    for (const { path: imported, kind } of outputs[path].imports)
      if (kind === 'import-statement') loadedWith(imported, seen);
    return seen;
  };
  const sum = (paths) => [...paths].reduce((total, path) => total + gzipped.get(path), 0);
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'entry.ts');
  const upFront = loadedWith(entry);
  const onDemand = Object.keys(outputs)
    .filter((path) => outputs[path].entryPoint && path !== entry)
    .map((path) => [outputs[path].entryPoint, sum([...loadedWith(path)].filter((chunk) => !upFront.has(chunk)))]);
  const modules = new Map();
  for (const path of upFront) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
      const name = input.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1');
      modules.set(name, (modules.get(name) ?? 0) + bytesInOutput);
    }
  }
  return {
    bytes: sum(upFront),
    onDemand,
    modules: [...modules].filter(([, size]) => size > 0).sort((a, b) => b[1] - a[1]),
  };
}

const modulesFlag = process.argv.indexOf('--modules');
if (modulesFlag !== -1) {
  const entry = process.argv[modulesFlag + 1];
  const contents = entry ? `export * from './${entry}';` : `import './src/components/define.ts';`;
  const { bytes, modules } = await measure(contents);
  console.log(
    `${entry ?? FIRST_LOAD}: ${(bytes / KB).toFixed(1)} KB min+gzip up front\n\n| module | minified bytes |\n|---|---:|`,
  );
  for (const [path, size] of modules) console.log(`| ${path} | ${size} |`);
  process.exit(0);
}

const rows = [];
if (existsSync('src/components/define.ts')) {
  // `import 'rosterkit'` and a <roster-panel> on the page: what loads before the list is usable.
  const entry = `import './src/components/define.ts';`;
  const panel = await measure(entry);
  rows.push([FIRST_LOAD, panel.bytes]);
  // The same first load in one file: esbuild splits it into a dozen shared chunks (each module goes
  // with the set of on-demand chunks that also use it), each gzipped on its own; the gap between the
  // two rows is what that splitting costs (Vite 8 makes 4 files of it, between the two).
  rows.push([
    FIRST_LOAD_ONE_FILE,
    (await measure(entry, { splitting: false, plugins: [dynamicImportsApart()] })).bytes,
  ]);
  for (const [source, bytes] of panel.onDemand) rows.push([onDemand(source.replace(/^.*\//, '')), bytes]);
  // Everything in one file, as roster.min.js ships it: comparable across changes to how code is split.
  rows.push([
    WHOLE_PANEL,
    (
      await measure(`${entry} export * from './src/sdk/index.ts';`, {
        splitting: false,
        plugins: [otherLanguagesApart],
      })
    ).bytes,
  ]);
  // Each element loaded on demand brings its own English: none of it belongs in the first load.
  rows.push([
    STRINGS,
    panel.modules
      .filter(([path]) => /localize\/en-[\w-]+\.ts$/.test(path))
      .reduce((total, [, size]) => total + size, 0),
  ]);
}
rows.push(['SDK alone', (await measure(`export * from './src/sdk/index.ts';`)).bytes]);
if (existsSync('src/components')) {
  for (const dir of readdirSync('src/components', { withFileTypes: true })) {
    const file = `src/components/${dir.name}/roster-${dir.name}.ts`;
    if (dir.isDirectory() && existsSync(file))
      rows.push([alone(dir.name), (await measure(`import './${file}';`)).bytes]);
  }
}

let over = false;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
console.log('| bundle | min+gzip | target | ceiling (gates CI) |\n|---|---:|---:|---:|');
for (const [name, bytes] of rows) {
  const budget = budgets[name];
  const target = budget?.target !== undefined ? `${kb(budget.target)}${bytes > budget.target ? ' — over' : ''}` : '';
  const ceiling = budget ? `${kb(budget.ceiling)}${bytes > budget.ceiling ? ' — EXCEEDED' : ''}` : '';
  if (budget && bytes > budget.ceiling) over = true;
  console.log(`| ${name} | ${kb(bytes)} | ${target} | ${ceiling} |`);
}
if (over) {
  console.error('A bundle grew past its ceiling.');
  process.exit(1);
}
