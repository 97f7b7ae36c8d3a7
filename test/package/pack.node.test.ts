/**
 * The package as a host installs it: built from the sources into its own directory, packed with
 * `npm pack`, installed from the tarball into a scratch project outside this repository (so nothing
 * resolves from the repository's node_modules), then every entry is resolved, imported or bundled.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildPackage } from '../../scripts/build.mjs';

const PACK = resolve('.cache/pack');
const STAGE = join(PACK, 'stage');
const INSTALL_TIMEOUT = 180_000;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
};

const TAGS = [
  'roster-access-grants',
  'roster-audit-log',
  'roster-events-history',
  'roster-panel',
  'roster-provider',
  'roster-shared-tasks',
  'roster-user-editor',
  'roster-user-list',
  'roster-user-stats',
];
/** What each per-element entry registers: itself and the elements it renders. */
const REGISTERS: Record<string, string[]> = {
  'roster-access-grants': ['roster-access-grants'],
  'roster-audit-log': ['roster-audit-log'],
  'roster-events-history': ['roster-events-history'],
  'roster-panel': [
    'roster-access-grants',
    'roster-audit-log',
    'roster-events-history',
    'roster-panel',
    'roster-shared-tasks',
    'roster-user-editor',
    'roster-user-list',
    'roster-user-stats',
  ],
  'roster-provider': ['roster-provider'],
  'roster-shared-tasks': ['roster-shared-tasks'],
  'roster-user-editor': ['roster-access-grants', 'roster-user-editor'],
  'roster-user-list': ['roster-user-list'],
  'roster-user-stats': ['roster-events-history', 'roster-user-stats'],
};

function run(command: string, args: string[], cwd: string, timeout: number): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill();
      fail(
        new Error(
          `${command} ${args.join(' ')} took longer than ${timeout / 1000} s (is the npm registry or cache reachable?)\n${output}`,
        ),
      );
    }, timeout);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) done(stdout);
      else fail(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
    });
  });
}

interface Packed {
  tarball: string;
  files: string[];
  scratch: string;
}
let packed: Promise<Packed> | undefined;

/** Builds, packs and installs once, for every test of this file that runs. */
function install(): Promise<Packed> {
  packed ??= (async () => {
    rmSync(PACK, { recursive: true, force: true });
    mkdirSync(STAGE, { recursive: true });
    await buildPackage({ outdir: join(STAGE, 'dist'), quiet: true });
    for (const file of ['package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'openapi.json']) {
      if (existsSync(file)) cpSync(file, join(STAGE, file));
    }
    const [info] = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', PACK], STAGE, 60_000)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const tarball = join(PACK, info.filename);

    const scratch = mkdtempSync(join(tmpdir(), 'rosterkit-scratch-'));
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    // msw is the optional peer `rosterkit/mock` imports for its handlers; a host using the mock installs it.
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--no-package-lock',
        '--loglevel=error',
        tarball,
        `msw@${pkg.devDependencies.msw}`,
      ],
      scratch,
      INSTALL_TIMEOUT,
    );
    return { tarball, files: info.files.map((f) => f.path), scratch };
  })();
  return packed;
}

after(async () => {
  if (!packed) return;
  const { scratch } = await packed.catch(() => ({ scratch: undefined }));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs an ES module inside the scratch project and returns what it printed as JSON. */
async function inScratch(scratch: string, code: string): Promise<unknown> {
  const file = join(scratch, `probe-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return JSON.parse(await run(process.execPath, [file], scratch, 60_000));
}

async function bundle(scratch: string, contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: scratch, loader: 'js' },
    absWorkingDir: scratch,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

const defined = (code: string) => TAGS.filter((tag) => code.includes(`customElements.define("${tag}"`)).sort();

describe('npm package', { timeout: 300_000 }, () => {
  test('pack: the tarball holds the built entries, the manifest and the typings, and no sources or tests', async () => {
    const { files } = await install();
    for (const file of [
      'package.json',
      'custom-elements.json',
      'openapi.json',
      'dist/components/define.js',
      'dist/components/define.d.ts',
      'dist/components/index.js',
      'dist/sdk/index.js',
      'dist/sdk/index.d.ts',
      'dist/mock/index.js',
      'dist/mock/index.d.ts',
      'dist/conformance/index.js',
      'dist/conformance/index.d.ts',
      'dist/server/index.js',
      'dist/server/index.d.ts',
      'dist/server/cli.js',
      'dist/server/demo-page/index.html',
      'dist/roster.min.js',
      'dist/roster-mock.min.js',
      'dist/roster.min.d.ts',
      'dist/roster-mock.min.d.ts',
      'dist/types/react.d.ts',
      'dist/types/vue.d.ts',
      'dist/types/svelte.d.ts',
      'dist/types/elements.d.ts',
      ...TAGS.map((tag) => `dist/components/${tag.slice('roster-'.length)}/${tag}.js`),
      ...TAGS.map((tag) => `dist/components/${tag.slice('roster-'.length)}/${tag}.d.ts`),
    ]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    assert.deepEqual(
      files.filter((f) => /^(src|test|demo|scripts)\//.test(f) || f.includes('node_modules')),
      [],
    );
  });

  test('pack: every import of the dist files is relative or a declared dependency', async () => {
    const { scratch } = await install();
    const { files } = await install();
    const root = join(scratch, 'node_modules', pkg.name);
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})]);
    for (const file of files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'))) {
      const code = readFileSync(join(root, file), 'utf8');
      for (const match of code.matchAll(
        /(?:^|[;\n}])\s*(?:import|export)\b[^'";]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
      )) {
        const specifier = match[1] ?? match[2];
        // Node's built-ins (`node:test` in the conformance kit) need no dependency.
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        assert.ok(declared.has(name), `${file} imports ${specifier}: add ${name} to dependencies`);
      }
    }
  });

  test('pack: every export resolves in Node, with types beside it; the SDK and the reference API run', async () => {
    const { scratch } = await install();
    const result = (await inScratch(
      scratch,
      `
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      import { createRosterClient, isRosterError } from '${pkg.name}/sdk';
      import { createReferenceApi } from '${pkg.name}/mock';
      const api = createReferenceApi();
      const client = createRosterClient({ baseUrl: 'http://localhost/api/roster/v1', fetch: api.fetch, getToken: () => api.tokenFor('olivia.owner@acme.de') });
      const me = await client.me();
      const page = await client.users.list({ limit: 5 });
      const { runConformance } = await import('${pkg.name}/conformance');
      const { createRosterServer, toNodeListener } = await import('${pkg.name}/server');
      const server = await createRosterServer({ database: { memory: true }, auth: { secret: 'a packed secret of at least 32 bytes' }, logger: false });
      const { account, owner } = await server.accounts.create({ name: 'Packed GmbH', emailDomain: 'packed.de', seatLimit: 2, passwordMode: 'per-user',
        credits: 0, tools: [], owner: { firstName: 'Pia', lastName: 'Owner', email: 'pia.owner@packed.de' } });
      const token = await server.tokens.issue({ accountId: account.id, userId: owner.id });
      const served = await server.fetch(new Request('http://localhost/api/roster/v1/me', { headers: { authorization: 'Bearer ' + token } }));
      const serverMe = { status: served.status, account: (await served.json()).account.name, listener: typeof toNodeListener };
      await server.close();
      const entries = ${JSON.stringify([
        '',
        '/sdk',
        '/mock',
        '/conformance',
        '/server',
        '/elements',
        '/elements/user-list/roster-user-list.js',
        '/elements/panel/panel.js',
        '/roster.min.js',
        '/roster-mock.min.js',
        '/custom-elements.json',
        '/openapi.json',
        '/package.json',
      ])};
      const resolved = Object.fromEntries(entries.map((entry) => {
        const file = fileURLToPath(import.meta.resolve('${pkg.name}' + entry));
        const types = file.replace(/\\.js$/, '.d.ts');
        return [entry || '.', { exists: existsSync(file), types: !file.endsWith('.js') || existsSync(types) }];
      }));
      console.log(JSON.stringify({ account: me.account.name, users: page.items.length, guard: typeof isRosterError, kit: typeof runConformance, serverMe, resolved }));
    `,
    )) as {
      account: string;
      users: number;
      guard: string;
      kit: string;
      serverMe: { status: number; account: string; listener: string };
      resolved: Record<string, { exists: boolean; types: boolean }>;
    };
    assert.equal(result.account, 'Acme GmbH');
    assert.ok(result.users >= 1);
    assert.equal(result.guard, 'function');
    assert.equal(result.kit, 'function');
    assert.deepEqual(
      result.serverMe,
      { status: 200, account: 'Packed GmbH', listener: 'function' },
      'rosterkit/server runs in Node from the package',
    );
    for (const [entry, { exists, types }] of Object.entries(result.resolved)) {
      assert.ok(exists, `${pkg.name}${entry === '.' ? '' : entry} resolves to a file`);
      assert.ok(types, `${pkg.name}${entry === '.' ? '' : entry} has a .d.ts beside it`);
    }
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string' || !target.types || entry.includes('*')) continue;
      assert.ok(existsSync(join(scratch, 'node_modules', pkg.name, target.types)), `${entry}: ${target.types} exists`);
    }
  });

  test('pack: `npx rosterkit` is the server CLI: its usage, and `serve --demo` with the demo page', async () => {
    const { scratch } = await install();
    assert.equal(pkg.bin.rosterkit, './dist/server/cli.js');
    const usage = await run('npx', ['--no-install', 'rosterkit', 'serve', '--help'], scratch, 60_000);
    assert.match(usage, /^Usage: rosterkit serve/);
    assert.match(usage, /--demo/);

    const data = join(scratch, 'roster-data');
    const child = spawn('npx', ['--no-install', 'rosterkit', 'serve', '--demo', '--port', '0', '--data', data], {
      cwd: scratch,
      detached: true,
    });
    try {
      let output = '';
      const url = await new Promise<string>((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`rosterkit serve --demo did not start in 120 s:\n${output}`)),
          120_000,
        );
        const read = (chunk: Buffer) => {
          output += chunk;
          const match = /open (http:\/\/\S+?)\/\s/.exec(output);
          if (match) {
            clearTimeout(timer);
            done(match[1]);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => fail(new Error(`rosterkit serve --demo exited with ${code}:\n${output}`)));
      });
      const page = await fetch(`${url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<roster-panel/);
      const token = await fetch(`${url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'greta.hoffmann@nordlicht.de' }),
      });
      const { token: bearer } = (await token.json()) as { token: string };
      const me = await fetch(`${url}/api/roster/v1/me`, { headers: { authorization: `Bearer ${bearer}` } });
      assert.equal(((await me.json()) as { account: { name: string } }).account.name, 'Nordlicht Analytics GmbH');
      assert.equal((await fetch(`${url}/dev/inbox`)).status, 200);
    } finally {
      // npx runs the CLI in a child of its own: stop the whole group it leads.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });

  test('pack: the typings check in a TypeScript project (bundler and NodeNext resolution), React, Vue and Svelte included', async () => {
    const { scratch } = await install();
    const repo = resolve('.');
    writeFileSync(
      join(scratch, 'check.ts'),
      `
      import { RosterPanel, type SelectEvent } from '${pkg.name}';
      import { RosterUserList } from '${pkg.name}/elements';
      import '${pkg.name}/elements/user-list/roster-user-list.js';
      import { createRosterClient, type User } from '${pkg.name}/sdk';
      import { createReferenceApi } from '${pkg.name}/mock';
      import { runConformance, type ConformanceAccount } from '${pkg.name}/conformance';
      import { createRosterClient as fromCdn, RosterPanel as CdnPanel } from '${pkg.name}/roster.min.js';
      import { createReferenceApi as mockFromCdn } from '${pkg.name}/roster-mock.min.js';
      const api = createReferenceApi();
      export const cdn: [typeof createRosterClient, typeof RosterPanel, typeof createReferenceApi] = [fromCdn, CdnPanel, mockFromCdn];
      const panel: RosterPanel = document.createElement('roster-panel');
      const list: RosterUserList = document.createElement('roster-user-list');
      panel.client = createRosterClient({ baseUrl: '/api', fetch: api.fetch });
      list.pageSize = 20;
      const account: ConformanceAccount = { tokens: { owner: 'o', manager: 'm', specialist: 's', guest: 'g' },
        account: { emailDomain: 'acme.de', seatLimit: 8, passwordMode: 'shared', balance: 1000, tools: [{ id: 'a', taskCost: 10 }] } };
      runConformance({ baseUrl: 'http://localhost/api', fetch: api.fetch, setup: async () => account });
      panel.addEventListener('roster-select', (event: SelectEvent) => { const user: User = event.detail.user; console.log(user.email); });
    `,
    );
    writeFileSync(
      join(scratch, 'frameworks.ts'),
      `
      import type {} from '${pkg.name}/react';
      import type {} from '${pkg.name}/vue';
      import type {} from '${pkg.name}/svelte';
      import type { JSX } from 'react';
      import type { GlobalComponents } from 'vue';
      import type { SvelteHTMLElements } from 'svelte/elements';
      export const react: JSX.IntrinsicElements['roster-user-list'] = { pageSize: 5, 'onroster-select': (event) => event.detail.user.id };
      export const vue: InstanceType<GlobalComponents['roster-panel']>['$props'] = { locale: 'de', 'base-url': '/api' };
      export const svelte: SvelteHTMLElements['roster-user-list'] = { pageSize: 5, 'onroster-select': (event) => event.detail.user.id };
    `,
    );
    // A Node host: rosterkit/server's typings name Node's own types (`node:http`).
    writeFileSync(
      join(scratch, 'server.ts'),
      `
      import { createServer } from 'node:http';
      import { createRosterServer, toNodeListener, type RosterServer } from '${pkg.name}/server';
      const roster: RosterServer = await createRosterServer({ database: { memory: true }, auth: { secret: 'x'.repeat(32) } });
      const signedIn = await roster.signIn({ email: 'a@b.de', password: 'p', ip: '127.0.0.1' });
      if (signedIn.ok) await roster.tokens.issue({ accountId: signedIn.accountId, userId: signedIn.user.id });
      createServer(toNodeListener(roster.fetch)).listen(0);
    `,
    );
    const common = {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      skipLibCheck: false,
      types: [],
    };
    const paths = {
      react: [join(repo, 'node_modules/@types/react/index.d.ts')],
      vue: [join(repo, 'node_modules/vue/dist/vue.d.ts')],
      'svelte/elements': [join(repo, 'node_modules/svelte/elements.d.ts')],
    };
    const configs = {
      'tsconfig.bundler.json': {
        compilerOptions: { ...common, module: 'ESNext', moduleResolution: 'Bundler', paths },
        files: ['check.ts', 'frameworks.ts'],
      },
      'tsconfig.nodenext.json': {
        compilerOptions: { ...common, module: 'NodeNext', moduleResolution: 'NodeNext' },
        files: ['check.ts'],
      },
      'tsconfig.server.json': {
        compilerOptions: {
          ...common,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: ['node'],
          typeRoots: [join(repo, 'node_modules/@types')],
        },
        files: ['server.ts'],
      },
    };
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    for (const [name, config] of Object.entries(configs)) {
      writeFileSync(join(scratch, name), JSON.stringify(config));
      await run(process.execPath, [tsc, '-p', name], scratch, 60_000).catch((error: Error) =>
        assert.fail(`${name}: ${error.message}`),
      );
    }
  });

  test('pack: the SDK bundles without Lit, and one element registers only itself and what it renders', async () => {
    const { scratch } = await install();
    const sdk = await bundle(
      scratch,
      `import { createRosterClient } from '${pkg.name}/sdk'; console.log(createRosterClient);`,
    );
    assert.deepEqual(
      sdk.inputs.filter((input) => /node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(input)),
      [],
      'no Lit in the SDK bundle',
    );
    assert.ok(sdk.inputs.some((input) => input.includes(`node_modules/${pkg.name}/dist/sdk/`)));
    assert.deepEqual(defined(sdk.code), []);

    const classes = await bundle(
      scratch,
      `import { RosterUserList } from '${pkg.name}/elements'; console.log(RosterUserList);`,
    );
    assert.deepEqual(defined(classes.code), [], '`elements` exports classes without registering tags');

    for (const tag of TAGS) {
      const element = await bundle(scratch, `import '${pkg.name}/elements/${tag.slice('roster-'.length)}/${tag}.js';`);
      assert.deepEqual(
        defined(element.code),
        REGISTERS[tag],
        `importing ${tag} registers ${REGISTERS[tag].join(', ')}`,
      );
    }
    const everything = await bundle(scratch, `import '${pkg.name}';`);
    assert.deepEqual(defined(everything.code), TAGS);
  });

  test('pack: roster.min.js is one self-contained module that registers every tag and exports createRosterClient', async () => {
    const { scratch } = await install();
    const file = join(scratch, 'node_modules', pkg.name, 'dist/roster.min.js');
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\bimport\s*[{*\w][^;]*?from\s*["']|\bimport\s*\(\s*["']/, 'no imports left');
    assert.deepEqual(
      TAGS.filter((tag) => code.includes(`"${tag}"`)),
      TAGS,
    );
    assert.match(code, /export\s*\{[^}]*\bas createRosterClient\b|export\s*\{[^}]*\bcreateRosterClient\b/);
    const mock = readFileSync(join(dirname(file), 'roster-mock.min.js'), 'utf8');
    assert.match(mock, /\bcreateReferenceApi\b/);
    assert.doesNotMatch(mock, /\bimport\s*[{*\w][^;]*?from\s*["']/, 'the mock file has no imports either');
  });
});
