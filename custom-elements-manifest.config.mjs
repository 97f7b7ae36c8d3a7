// `npx cem analyze` writes the same custom-elements.json as `npm run manifest` (which also writes
// the framework typings' src/types/elements.ts): the same sources, the Lit plugin and Roster's plugins.
import { readFileSync } from 'node:fs';
import { rosterPlugins } from './scripts/cem-plugins.mjs';
import { manifestSources } from './scripts/manifest.mjs';

export default {
  globs: manifestSources(),
  outdir: '.',
  litelement: true,
  packagejson: false,
  dependencies: false,
  overrideModuleCreation: ({ ts }) =>
    manifestSources().map((file) =>
      ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
    ),
  plugins: rosterPlugins().plugins,
};
