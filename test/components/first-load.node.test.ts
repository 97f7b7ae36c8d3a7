// What `import 'rosterkit'` loads before the list is usable, module by module, as a host's bundler
// splits it (esbuild here): the panel, the list, the provider and the SDK; nothing that only an
// element loaded on demand, another language or the account password section needs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

/** The source modules of the entry chunk and of every chunk it imports statically. */
async function firstLoad(): Promise<string[]> {
  const { metafile } = await build({
    stdin: { contents: "import './src/components/define.ts';", resolveDir: '.', loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '.cache/first-load',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const outputs = metafile.outputs;
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const { path: imported, kind } of outputs[path]!.imports) if (kind === 'import-statement') visit(imported);
  };
  visit(Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'entry.ts')!);
  return [...seen].flatMap((path) =>
    Object.entries(outputs[path]!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([name]) => name),
  );
}

describe('The first load', () => {
  it('holds the panel, the list, the provider and English for them', async () => {
    const modules = await firstLoad();
    for (const module of ['panel/panel.ts', 'user-list/user-list.ts', 'provider/provider.ts', 'localize/en.ts']) {
      assert.ok(modules.includes(`src/components/${module}`), module);
    }
  });

  it('leaves out the on-demand elements, their English strings and styles, other languages and the account password section', async () => {
    const modules = await firstLoad();
    // The account password section is the owner's of a shared-password account only: its code, its
    // form and their styles (the password input's included) load when that owner is the viewer.
    const onDemand =
      /^src\/components\/(user-editor|access-grants|user-stats|events-history|audit-log|shared-tasks)\/|localize\/(?!en\.ts|catalogs\.ts|localize-controller\.ts|plural\.ts)|account-password-form|account-password\.styles/;
    assert.deepEqual(
      modules.filter((module) => onDemand.test(module)),
      [],
    );
  });
});
