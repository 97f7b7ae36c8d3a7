import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { generate, MANIFEST_FILE, REFERENCE_FILE, TYPES_FILE } from '../../scripts/manifest.mjs';
import { EXPORT_PARTS, PARTS } from '../../src/components/parts.js';

interface Entry {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
  detail?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: (Entry & { fieldName?: string })[];
  members?: (Entry & { kind: string; privacy?: string; static?: boolean })[];
  events?: Entry[];
  slots?: Entry[];
  cssParts?: Entry[];
  cssProperties?: Entry[];
  cssStates?: Entry[];
}
interface Manifest {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { module?: string } }[];
  }[];
}

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

function elements(manifest: Manifest) {
  return manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({
        ...d,
        dir: `src/components/${mod.path.split('/').at(-2)}`,
        source: mod.path.replace(/^dist\/(.*)\.js$/, 'src/$1.ts'),
      })),
  );
}

/** The class JSDoc of an element's source. */
function classComment(source: string, className: string) {
  const text = readFileSync(source, 'utf8');
  const doc = text.slice(0, text.indexOf(`export class ${className}`));
  return doc.slice(doc.lastIndexOf('/**'));
}

/** The class JSDoc's tags, wherever they stand. */
function classTags(source: string, className: string) {
  return [...classComment(source, className).matchAll(/(?:^|\s)@(\w+)/g)].map((m) => m[1]);
}

/** Every `part` name an element's templates set: `part="a b"`, `part="row${x ? ' active-row' : ''}"`, a `part = 'figure'` default. */
function templateParts(dir: string): Set<string> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.styles.ts'))
    .map((f) => `${dir}/${f}`);
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  // Shared templates (the error view) render their parts inside the element that imports them.
  for (const [, shared] of code.matchAll(/from '\.\.\/shared\/([\w-]+)\.js'/g))
    files.push(`src/components/shared/${shared}.ts`);
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, value] of text.matchAll(/\bpart="([^"]*)"/g)) {
      const interpolations = [...value.matchAll(/\$\{[^}]*\}/g)].map((m) => m[0]);
      const literals = [
        value.replace(/\$\{[^}]*\}/g, ' '),
        ...interpolations.flatMap((i) => [...i.matchAll(/'([^']*)'/g)].map((q) => q[1]!)),
      ];
      for (const name of literals.join(' ').split(/\s+/)) if (name) names.add(name);
    }
    for (const [, name] of text.matchAll(/\bpart = '([a-z][a-z0-9-]*)'/g)) names.add(name!);
  }
  return names;
}

describe('custom elements manifest', () => {
  let generated: ReturnType<typeof generate> | undefined;
  const current = () => (generated ??= generate());

  test("manifest: custom-elements.json, the framework typings' maps and the element reference are current (run `npm run manifest` after changing an element)", () => {
    assert.equal(readFileSync(MANIFEST_FILE, 'utf8'), current().manifest, `${MANIFEST_FILE} is stale`);
    assert.equal(readFileSync(TYPES_FILE, 'utf8'), current().types, `${TYPES_FILE} is stale`);
    assert.equal(readFileSync(REFERENCE_FILE, 'utf8'), current().reference, `${REFERENCE_FILE} is stale`);
  });

  test('manifest: every tag is described, with its define module and its class module in dist/', () => {
    const manifest = JSON.parse(current().manifest) as Manifest;
    assert.deepEqual(
      elements(manifest)
        .map((e) => e.tagName)
        .sort(),
      TAGS,
    );
    for (const element of elements(manifest)) {
      assert.ok(element.summary, `${element.tagName} has a summary`);
      const definition = manifest.modules
        .flatMap((m) => (m.exports ?? []).map((x) => ({ ...x, path: m.path })))
        .find((x) => x.kind === 'custom-element-definition' && x.name === element.tagName);
      assert.equal(
        definition?.path,
        `dist/components/${element.dir.split('/').at(-1)}/${element.tagName}.js`,
        `${element.tagName} define module`,
      );
    }
    for (const mod of manifest.modules)
      assert.match(mod.path, /^dist\/.*\.js$/, 'paths point at what the package ships');
  });

  test('manifest: every slot, part, CSS property, state and event of the JSDoc is in it, one tag per line', () => {
    const manifest = JSON.parse(current().manifest) as Manifest;
    for (const element of elements(manifest)) {
      const tags = classTags(element.source, element.name);
      const crowded = classComment(element.source, element.name)
        .split('\n')
        .filter((line) => (line.match(/(?:^|\s)@\w+/g) ?? []).length > 1);
      assert.deepEqual(crowded, [], `${element.tagName}: one JSDoc tag per line (the analyzer reads only the first)`);
      const count = (...names: string[]) => tags.filter((t) => names.includes(t)).length;
      const own = (element.cssProperties ?? []).filter(
        (p) => !p.description?.startsWith('System ') && !p.name.startsWith('--roster-density'),
      );
      const wildcards =
        tags.length && readFileSync(element.source, 'utf8').match(/@cssprop(?:erty)? --roster-[a-z-]+\*/g)?.length;
      assert.equal(element.slots?.length ?? 0, count('slot'), `${element.tagName} slots`);
      assert.equal(element.cssParts?.length ?? 0, count('csspart', 'part'), `${element.tagName} parts`);
      assert.equal(element.cssStates?.length ?? 0, count('cssstate', 'cssState'), `${element.tagName} states`);
      assert.equal(element.events?.length ?? 0, count('fires', 'event'), `${element.tagName} events`);
      assert.equal(
        own.length,
        count('cssprop', 'cssproperty') - (wildcards || 0),
        `${element.tagName} own CSS properties`,
      );
      for (const list of [element.cssParts, element.cssStates, element.events, element.cssProperties]) {
        for (const entry of list ?? [])
          assert.ok(
            entry.name && entry.description,
            `${element.tagName}: ${entry.name || '(unnamed)'} has a name and a description`,
          );
      }
    }
  });

  test("manifest: every part an element's templates set is documented with @csspart and is a name of the vocabulary, which the panel and the editor pass on whole", () => {
    const manifest = JSON.parse(current().manifest) as Manifest;
    const vocabulary = new Set<string>(PARTS);
    for (const element of elements(manifest)) {
      const documented = new Set((element.cssParts ?? []).map((p) => p.name));
      for (const name of templateParts(element.dir)) {
        assert.ok(documented.has(name), `${element.tagName} renders part "${name}": document it with @csspart`);
      }
      for (const name of documented)
        assert.ok(
          vocabulary.has(name),
          `${element.tagName} documents part "${name}": use a name of src/components/parts.ts`,
        );
    }
    // An element rendered inside another passes on every part under its own name: one list, no prefixes.
    for (const dir of ['src/components/panel', 'src/components/user-editor']) {
      const code = readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
        .join('\n');
      const children = [...code.matchAll(/<(roster-[a-z-]+)\s([^>]*)>/g)];
      assert.ok(children.length, `${dir} renders other elements`);
      for (const [, tag, attributes] of children.filter(
        ([, tag]) => elements(manifest).find((e) => e.tagName === tag)?.cssParts,
      ))
        assert.match(attributes!, /exportparts=\$\{EXPORT_PARTS\}/, `${dir}: <${tag}> passes its parts on`);
    }
    assert.equal(EXPORT_PARTS, PARTS.join(', '));
  });

  test('manifest: each event has its class and detail type, and each element documents every event it dispatches', () => {
    const manifest = JSON.parse(current().manifest) as Manifest;
    const classes = new Map(
      [
        ...readFileSync('src/components/events.ts', 'utf8').matchAll(
          /export class (\w+)(?:<[^>]*>)? extends RosterCustomEvent<[\s\S]*?> \{\s*static readonly eventName = '([^']+)'/g,
        ),
      ].map((m) => [m[1], m[2]]),
    );
    for (const element of elements(manifest)) {
      for (const event of element.events ?? []) {
        assert.match(event.name, /^roster-[a-z-]+$/, `${element.tagName}: event name`);
        assert.equal(
          classes.get(event.type?.text.replace(/<.*$/, '') ?? ''),
          event.name,
          `${element.tagName}: ${event.name} is typed by its class`,
        );
        assert.match(
          event.detail?.text ?? '',
          /^(\{.*\}|Record<string, never>)$/,
          `${element.tagName}: ${event.name} detail type`,
        );
      }
      const code = readdirSync(element.dir)
        .map((f) => readFileSync(`${element.dir}/${f}`, 'utf8'))
        .join('\n');
      const dispatched = [...code.matchAll(/new (\w+Event)\(/g)].map((m) => classes.get(m[1])).filter(Boolean);
      for (const name of new Set(dispatched)) {
        assert.ok(
          element.events?.some((e) => e.name === name),
          `${element.tagName} dispatches ${name}: document it with @fires`,
        );
      }
    }
  });

  test('manifest: every attribute maps to a described property, and every element token read in its styles is documented', () => {
    const manifest = JSON.parse(current().manifest) as Manifest;
    for (const element of elements(manifest)) {
      for (const attribute of element.attributes ?? []) {
        const field = element.members?.find((m) => m.name === attribute.fieldName);
        assert.ok(
          field?.description,
          `${element.tagName}[${attribute.name}] → ${attribute.fieldName} has a description`,
        );
      }
      const code = readdirSync(element.dir)
        .map((f) => readFileSync(`${element.dir}/${f}`, 'utf8'))
        .join('\n');
      for (const [, token] of code.matchAll(/var\((--roster-[a-z0-9-]+)/g)) {
        assert.ok(
          element.cssProperties?.some((p) => p.name === token),
          `${element.tagName} reads ${token}: document it with @cssprop`,
        );
      }
    }
  });
});
