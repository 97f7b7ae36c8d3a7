// Custom Elements Manifest analyzer plugins for Roster's JSDoc conventions. Used by
// custom-elements-manifest.config.mjs (`npx cem analyze`) and scripts/manifest.mjs (`npm run manifest`).
import { readFileSync, readdirSync } from 'node:fs';

/** The text of a JSDoc comment without its markers, lines joined. */
function commentText(raw) {
  return raw
    .replace(/^\s*\/\*\*/, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
}

/** Reads the event classes of src/components/events.ts: name, detail type, summary. */
export function readEventClasses(source = readFileSync('src/components/events.ts', 'utf8')) {
  const events = new Map();
  const classPattern =
    /(\/\*\*[\s\S]*?\*\/)\s*export class (\w+)(?:<[^>]*>)? extends RosterCustomEvent<([\s\S]*?)> \{\s*static readonly eventName = '([^']+)'/g;
  for (const [, doc, className, detail, name] of source.matchAll(classPattern)) {
    const summary = commentText(doc)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^`[^`]+`:\s*/, '');
    events.set(className, { name, detail: detail.replace(/\s+/g, ' ').trim(), summary });
  }
  return events;
}

/** Every `var(--roster-…, fallback)` in the shared styles: the system tokens with their defaults. */
export function readSystemTokens(dir = 'src/components/styles') {
  const tokens = new Map();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const css = readFileSync(`${dir}/${file}`, 'utf8');
    for (const match of css.matchAll(/var\((--roster-[a-z0-9-]+)\s*(,)?/g)) {
      let fallback;
      if (match[2]) {
        let depth = 1;
        let i = match.index + match[0].length;
        const start = i;
        for (; i < css.length && depth > 0; i++) {
          if (css[i] === '(') depth++;
          else if (css[i] === ')') depth--;
        }
        fallback = css.slice(start, i - 1).trim();
      }
      if (!tokens.has(match[1]) || (fallback && !tokens.get(match[1]))) tokens.set(match[1], fallback);
    }
  }
  return tokens;
}

const TOKEN_FAMILIES = [
  [/^--roster-color-/, 'System colour token; the defaults follow the light or dark `color-scheme`.'],
  [/^--roster-font-/, 'System typography token.'],
  [/^--roster-line-height$/, 'System typography token.'],
  [/^--roster-radius-/, 'System corner-radius token.'],
  [/^--roster-space-/, 'System spacing token, scaled by `--roster-density`.'],
  [/^--roster-shadow-/, 'System shadow token.'],
  [/^--roster-density$/, 'Scales control heights, paddings and row heights: 1 default, 0.8 compact, 1.2 roomy.'],
];

/**
 * The Roster plugins. `templateProperties` collects, per class, the members declared with
 * `@property` (attribute or not): the ones a framework template may set.
 */
export function rosterPlugins() {
  const templateProperties = new Map();
  const eventClasses = readEventClasses();
  const systemTokens = readSystemTokens();

  const classJsDoc = {
    name: 'roster-class-jsdoc',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const className = node.name.getText();
      const classDoc = moduleDoc.declarations?.find((d) => d.name === className);
      if (!classDoc) return;

      const decorated = node.members
        .filter((member) => ts.getDecorators?.(member)?.some((d) => /^property\b/.test(d.expression.getText())))
        .map((member) => member.name.getText());
      templateProperties.set(className, decorated);

      // The analyzer reads the class JSDoc's tags itself (one per line). Of the events it found, keep
      // the documented ones (`@fires`) and what `dispatchEvent(new XEvent())` found that they do not list.
      const events = classDoc.events ?? [];
      const documented = events.filter((e) => e.description);
      const dispatched = events.filter((e) => !e.description && !documented.some((d) => d.type?.text === e.type?.text));
      classDoc.events = [...documented, ...dispatched];
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          nameEvents(declaration);
          if (declaration.customElement) expandTokens(declaration);
          for (const key of ['slots', 'cssParts', 'cssProperties', 'cssStates', 'events', 'attributes', 'members']) {
            if (Array.isArray(declaration[key]) && declaration[key].length === 0) delete declaration[key];
          }
          if (declaration.members) declaration.members = declaration.members.filter((m) => m.privacy !== 'private');
        }
      }
      rewritePaths(customElementsManifest);
    },
  };

  /** Names events found through their class, adds the detail type, and drops duplicates. */
  function nameEvents(declaration) {
    if (!declaration.events) return;
    const byName = new Map();
    for (const event of declaration.events) {
      const className = event.type?.text?.replace(/<.*$/, '');
      const known = eventClasses.get(className);
      const name = event.name?.startsWith('roster-') ? event.name : known?.name;
      if (!name || byName.has(name)) continue;
      byName.set(name, {
        ...event,
        name,
        ...(event.description ? {} : known ? { description: known.summary } : {}),
        ...(known ? { detail: { text: detailText(known.detail, event.type?.text) } } : {}),
      });
    }
    declaration.events = [...byName.values()];
  }

  /** `RosterChangeEvent<Access>` documents `{ value: T }` as `{ value: Access }`. */
  function detailText(detail, typeText) {
    const argument = typeText?.match(/<(.+)>$/)?.[1];
    return argument ? detail.replace(/\bT\b/g, argument) : detail;
  }

  /** Replaces `--roster-color-*`-style families with every system token, each with its default. */
  function expandTokens(declaration) {
    const own = (declaration.cssProperties ?? []).filter((p) => !p.name.endsWith('*'));
    if (!declaration.superclass || declaration.superclass.name !== 'RosterElement') {
      declaration.cssProperties = own;
      return;
    }
    const system = [...systemTokens]
      .filter(([name]) => !own.some((p) => p.name === name))
      .map(([name, fallback]) => ({
        name,
        ...(fallback ? { default: fallback } : {}),
        description: TOKEN_FAMILIES.find(([pattern]) => pattern.test(name))?.[1] ?? 'System token.',
      }));
    declaration.cssProperties = [...own, ...system];
  }

  return { plugins: [classJsDoc], templateProperties };
}

/** Points modules at what the package ships (`dist/**\/*.js`), not at the sources. */
function rewritePaths(node) {
  if (Array.isArray(node)) node.forEach(rewritePaths);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') {
        node[key] = value.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
      } else rewritePaths(value);
    }
  }
}
