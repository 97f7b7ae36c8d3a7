// `npm run manifest`: writes custom-elements.json from the elements' JSDoc and, from it,
// src/types/elements.ts (the per-tag property, attribute and event maps behind the React, Vue and Svelte
// typings) and docs/elements-reference.md. A Node test fails when any of them is stale.
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rosterPlugins } from './cem-plugins.mjs';

export const MANIFEST_FILE = 'custom-elements.json';
export const TYPES_FILE = 'src/types/elements.ts';
export const REFERENCE_FILE = 'docs/elements-reference.md';

/** The analysed sources: each element's class and define file, their base class, the events. */
export function manifestSources() {
  const files = ['src/components/events.ts', 'src/components/shared/base-element.ts'];
  for (const dir of readdirSync('src/components', { withFileTypes: true })) {
    const define = `src/components/${dir.name}/roster-${dir.name}.ts`;
    if (dir.isDirectory() && existsSync(define)) files.push(`src/components/${dir.name}/${dir.name}.ts`, define);
  }
  return files.sort();
}

/** Builds both files' contents in memory. */
export function generate() {
  const { plugins, templateProperties } = rosterPlugins();
  const modules = manifestSources().map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
  );
  const manifest = create({ modules, plugins: [...litPlugin(), ...plugins], context: { dev: false } });
  return {
    manifest: `${JSON.stringify(manifest, null, 2)}\n`,
    types: renderElementTypes(manifest, templateProperties),
    reference: renderReference(manifest, templateProperties),
  };
}

/**
 * Tags whose define file imports another tag's define file render (and pass on the events of) that
 * tag; `export type * from` names one the tag renders but loads on demand.
 */
function composedTags(elements) {
  const composed = new Map();
  for (const { tagName, dir } of elements) {
    const source = readFileSync(`src/components/${dir}/roster-${dir}.ts`, 'utf8');
    const inner = [...source.matchAll(/(?:import|export type \* from) '\.\.\/([\w-]+)\/roster-[\w-]+\.js'/g)].map(
      (m) => `roster-${m[1]}`,
    );
    composed.set(tagName, inner);
  }
  return composed;
}

function renderElementTypes(manifest, templateProperties) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const dir = mod.path.split('/').at(-2);
      const own = d.members?.filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.readonly) ?? [];
      const inherited = (name) =>
        templateProperties.get(d.name)?.includes(name) ||
        (d.superclass && templateProperties.get(d.superclass.name)?.includes(name));
      const properties = own
        .filter((m) => inherited(m.name))
        .map((m) => m.name)
        .sort();
      const attributes = (d.attributes ?? [])
        .filter((a) => a.name !== a.fieldName && a.fieldName)
        .map((a) => [a.name, a.fieldName])
        .sort(([a], [b]) => a.localeCompare(b));
      elements.push({
        tagName: d.tagName,
        className: d.name,
        dir,
        module: mod.path,
        properties,
        attributes,
        events: (d.events ?? []).map((e) => e.name),
      });
    }
  }
  elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
  const composed = composedTags(elements);
  const eventsOf = (tag, seen = new Set()) => {
    if (seen.has(tag)) return [];
    seen.add(tag);
    const element = elements.find((e) => e.tagName === tag);
    return [...(element?.events ?? []), ...(composed.get(tag) ?? []).flatMap((inner) => eventsOf(inner, seen))];
  };
  const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');
  const lines = [
    '// Generated from custom-elements.json by `npm run manifest` (a test fails when it is stale): do not edit.',
    '/** Per-tag maps of what a template may set and listen to, shared by the React, Vue and Svelte typings. */',
    ...elements.map(
      (e) => `import type { ${e.className} } from '${e.module.replace(/^dist\/(components\/.*)$/, '../$1')}';`,
    ),
    '',
    "/** A kebab-case attribute takes the property's value or its text. */",
    "export type AttributeValue<T> = T extends number ? T | `${T}` : T extends boolean ? T | '' : T;",
    '',
    '/** The class behind each tag. */',
    'export interface RosterElementClasses {',
    ...elements.map((e) => `  '${e.tagName}': ${e.className};`),
    '}',
    '',
    '/** The properties (attribute-backed or not) each element takes from a template. */',
    'export interface RosterElementProperties {',
    ...elements.map((e) => `  '${e.tagName}': Pick<${e.className}, ${union(e.properties)}>;`),
    '}',
    '',
    '/** The attributes whose kebab-case name differs from their property. */',
    'export interface RosterElementAttributes {',
    ...elements.map(
      (e) =>
        `  '${e.tagName}': {${e.attributes.length ? '\n' : ''}${e.attributes
          .map(([attribute, field]) => `    '${attribute}'?: AttributeValue<${e.className}['${field}']>;\n`)
          .join('')}${e.attributes.length ? '  ' : ''}};`,
    ),
    '}',
    '',
    '/** The `roster-*` events heard on each element: its own and those of the elements it renders. */',
    'export interface RosterElementEvents {',
    ...elements.map(
      (e) => `  '${e.tagName}': Pick<GlobalEventHandlersEventMap, ${union([...new Set(eventsOf(e.tagName))].sort())}>;`,
    ),
    '}',
    '',
    'export type RosterTagName = keyof RosterElementClasses;',
    '',
  ];
  return lines.join('\n');
}

/** Markdown table cell: one line, pipes escaped. */
const cell = (text = '') => String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

/** The reference of every element (properties, events, slots, parts, CSS properties, states), from the manifest. */
function renderReference(manifest, templateProperties) {
  const declarations = manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).map((d) => ({ ...d, module: mod.path })))
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const system = new Map();
  const out = [
    '<!-- Generated from custom-elements.json by `npm run manifest` (a test fails when it is stale): do not edit. -->',
    '# Element reference',
    '',
    'Every Roster element with what a host can set, hear and style. Import one with',
    "`import 'rosterkit/elements/<name>/roster-<name>.js'` (or all with `import 'rosterkit'`). System tokens, read by",
    'every element, are listed once [at the end](#system-tokens).',
    '',
  ];
  for (const d of declarations) {
    const settable = new Set([
      ...(templateProperties.get(d.name) ?? []),
      ...(templateProperties.get(d.superclass?.name) ?? []),
    ]);
    const fields = (d.members ?? []).filter(
      (m) => m.kind === 'field' && !m.privacy && !m.static && (settable.has(m.name) || m.readonly),
    );
    const methods = (d.members ?? []).filter((m) => m.kind === 'method' && !m.privacy && !m.static);
    out.push(
      `## \`<${d.tagName}>\``,
      '',
      cell(d.summary),
      '',
      `Class \`${d.name}\` · \`import 'rosterkit/elements/${d.module.split('/').at(-2)}/${d.tagName}.js'\``,
      '',
    );
    if (fields.length) {
      out.push('| Property | Attribute | Type | Default | Description |', '|---|---|---|---|---|');
      for (const f of fields) {
        const attribute = f.attribute
          ? `${code(f.attribute)}${f.reflects ? ' (reflected)' : ''}`
          : f.readonly
            ? 'read-only'
            : '';
        out.push(
          `| ${code(f.name)} | ${attribute} | ${code(f.type?.text)} | ${code(f.default)} | ${cell(f.description)} |`,
        );
      }
      out.push('');
    }
    if (methods.length) {
      out.push('| Method | Description |', '|---|---|');
      for (const m of methods) {
        const parameters = (m.parameters ?? []).map((p) => `${p.name}${p.type ? `: ${p.type.text}` : ''}`).join(', ');
        out.push(
          `| ${code(`${m.name}(${parameters})${m.return?.type ? `: ${m.return.type.text}` : ''}`)} | ${cell(m.description)} |`,
        );
      }
      out.push('');
    }
    const table = (title, head, rows) => {
      if (!rows.length) return;
      out.push(
        `| ${title} | ${head.join(' | ')} |`,
        `|${'---|'.repeat(head.length + 1)}`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
        '',
      );
    };
    table(
      'Event',
      ['Detail', 'Description'],
      (d.events ?? []).map((e) => [code(e.name), code(e.detail?.text), cell(e.description)]),
    );
    table(
      'Slot',
      ['Description'],
      (d.slots ?? []).map((x) => [x.name ? code(x.name) : '(default)', cell(x.description)]),
    );
    table(
      'Part',
      ['Description'],
      (d.cssParts ?? []).map((x) => [code(x.name), cell(x.description)]),
    );
    const own = [];
    for (const x of d.cssProperties ?? []) {
      if (x.description?.startsWith('System ') || x.name === '--roster-density') system.set(x.name, x);
      else own.push([code(x.name), code(x.default), cell(x.description)]);
    }
    table('CSS property', ['Default', 'Description'], own);
    table(
      'State',
      ['Description'],
      (d.cssStates ?? []).map((x) => [code(`:state(${x.name})`), cell(x.description)]),
    );
  }
  out.push(
    '## System tokens',
    '',
    'Set them anywhere above the elements (`:root`, a wrapper, the panel); every element reads them.',
    '',
  );
  out.push('| CSS property | Default | Description |', '|---|---|---|');
  for (const x of system.values()) out.push(`| ${code(x.name)} | ${code(x.default)} | ${cell(x.description)} |`);
  out.push('');
  return out.join('\n');
}

if (process.argv[1]?.replaceAll('\\', '/').endsWith('scripts/manifest.mjs')) {
  const { manifest, types, reference } = generate();
  writeFileSync(MANIFEST_FILE, manifest);
  writeFileSync(TYPES_FILE, types);
  mkdirSync('docs', { recursive: true });
  writeFileSync(REFERENCE_FILE, reference);
  console.log(`wrote ${MANIFEST_FILE}, ${TYPES_FILE} and ${REFERENCE_FILE}`);
}
