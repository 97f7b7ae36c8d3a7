// Builds (or serves) the Angular example with Angular's own application builder (@angular/build,
// esbuild-based), run through @angular-devkit/architect as `ng build` / `ng serve` would run it.
//
//   node demo/angular/build.mjs [--out DIR]   # build into DIR (default .cache/examples/angular)
//   node demo/angular/build.mjs --serve       # dev server, as `npm run example:angular`
//
// Angular's compiler drives TypeScript 5's JS compiler API, which the project's TypeScript 7 lacks,
// so the toolchain installs from this folder's lockfile into .cache/angular (reinstalled only when
// the lockfile changes), and demo/angular/node_modules links there so the app resolves @angular/*.
// The elements come from the repository's sources through tsconfig `paths`; lit, ky and zod from
// the project's own node_modules. The lockfile's overrides pin rollup and msgpackr-extract to
// releases whose platform packages all exist, so `npm ci` finds every optional one it lists.
import { lstatSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCachedTools } from '../../scripts/cached-tools.mjs';

const app = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(app, '../..');
const tools = join(repo, '.cache/angular');

/** Installs the toolchain into .cache/angular and links it where the app resolves packages. */
function install() {
  installCachedTools(app, tools, "Angular's toolchain");
  const link = join(app, 'node_modules');
  if (!lstatSync(link, { throwIfNoEntry: false })) symlinkSync(relative(app, join(tools, 'node_modules')), link, 'dir');
}

/** The workspace `angular.json` would describe: one application, this folder. */
function workspace(outputPath) {
  const targets = {
    build: {
      builder: '@angular/build:application',
      options: {
        browser: 'main.ts',
        index: 'index.html',
        tsConfig: 'tsconfig.json',
        polyfills: [],
        outputPath: { base: outputPath, browser: '' },
        outputHashing: 'none',
        sourceMap: false,
        extractLicenses: false,
        progress: false,
      },
      configurations: { development: { optimization: false, sourceMap: true } },
    },
    serve: { builder: '@angular/build:dev-server', options: { buildTarget: 'app:build:development' } },
  };
  return {
    getBuilderName: async (_project, target) => targets[target].builder,
    // The persistent build cache lives beside the toolchain, not in the repository.
    getMetadata: async () => ({
      root: '',
      sourceRoot: '',
      cli: { cache: { path: relative(app, join(tools, 'cache')) } },
    }),
    getOptions: async (_project, target, configuration) =>
      configuration ? targets[target].configurations[configuration] : targets[target].options,
    hasTarget: async (_project, target) => target in targets,
    getDefaultConfigurationName: async () => undefined,
  };
}

const argv = process.argv.slice(2);
const serve = argv.includes('--serve');
const out = argv.includes('--out') ? resolve(argv[argv.indexOf('--out') + 1]) : join(repo, '.cache/examples/angular');

install();
const require = createRequire(join(tools, 'package.json'));
const { Architect } = require('@angular-devkit/architect');
const { WorkspaceNodeModulesArchitectHost } = require('@angular-devkit/architect/node');
const { logging, schema } = require('@angular-devkit/core');

const logger = new logging.IndentLogger('angular');
logger.subscribe((entry) =>
  (entry.level === 'error' || entry.level === 'fatal' ? console.error : console.log)(entry.message),
);
const registry = new schema.CoreSchemaRegistry();
registry.addPostTransform(schema.transforms.addUndefinedDefaults);
const architect = new Architect(new WorkspaceNodeModulesArchitectHost(workspace(out), app), registry);

const started = performance.now();
const run = await architect.scheduleTarget({ project: 'app', target: serve ? 'serve' : 'build' }, {}, { logger });
if (serve) {
  // The dev server reports each rebuild; it runs until interrupted.
  run.output.subscribe({
    next: (result) => {
      if (!result.success) console.error('Angular build failed');
    },
    error: (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  });
  await new Promise(() => {});
}
const result = await run.lastOutput;
await run.stop();
if (!result.success) {
  console.error(`Angular build failed${result.error ? `: ${result.error}` : ''}`);
  process.exit(1);
}
console.log(
  `Angular example built into ${relative(process.cwd(), out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
