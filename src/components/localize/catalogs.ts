/**
 * The registry of catalogs by language tag. English is built in; other languages load on first
 * use, so a page pays only for the languages it shows. Adding a language: write `xx.ts` typed as
 * `Catalog` and add one line to `loaders` below (or, from a host app, call
 * `registerLocale('xx', xx)` at run time).
 *
 * Built-in English comes in parts: the sections of the first load (en.ts), and the section of each
 * element loaded on demand, which that element's module adds (`addEnglish`) before it is defined.
 */
import { type Catalog, en } from './en.js';

const loaders: Record<string, () => Promise<Catalog>> = {
  ar: () => import('./ar.js').then((module) => module.ar),
  de: () => import('./de.js').then((module) => module.de),
  es: () => import('./es.js').then((module) => module.es),
  fr: () => import('./fr.js').then((module) => module.fr),
  it: () => import('./it.js').then((module) => module.it),
  ja: () => import('./ja.js').then((module) => module.ja),
  nl: () => import('./nl.js').then((module) => module.nl),
  pl: () => import('./pl.js').then((module) => module.pl),
  'pt-br': () => import('./pt-BR.js').then((module) => module.ptBR),
  // The pseudo-locale: English accented, longer and bracketed, to spot hard-coded and clipped text.
  // Built from the whole English catalog, every element's section included.
  'en-xa': () => import('./en-xa.js').then((module) => module.enXA),
};

/** Built-in English: the sections of the first load, and those the elements loaded so far added. */
let english = en as Catalog;
const catalogs = new Map<string, Catalog>([['en', english]]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/**
 * Adds or replaces the catalog of a language, and re-renders every connected element that shows it.
 * The tag is a BCP 47 language tag, matched without case: `'sv'` serves `sv` and `sv-FI`, and
 * `'de-CH'` serves only Swiss German (others fall back to `'de'`). A catalog built in (`de`, `fr`…)
 * may be replaced this way too; `i18n` on one element overrides single strings instead.
 *
 *     import { registerLocale, type Catalog } from 'rosterkit';
 *     const sv: Catalog = { common: { loading: 'Laddar…', … }, … };
 *     registerLocale('sv', sv);
 */
export function registerLocale(lang: string, catalog: Catalog): void {
  catalogs.set(lang.toLowerCase(), catalog);
  for (const listener of listeners) listener();
}

/** Sections, or keys of sections, to add to built-in English. */
export type EnglishSections = { [Section in keyof Catalog]?: Partial<Catalog[Section]> };

/**
 * @internal Adds the English strings of an element loaded on demand, from the top of its module,
 * so that they arrive with its code. English becomes a new catalog object (so an element's `i18n`
 * override is merged over the new one) and shown English re-renders; a catalog a host registered
 * for `en` stays as it is. Adding what is there already changes nothing.
 */
export function addEnglish(sections: EnglishSections): void {
  const next: Record<string, Record<string, unknown>> = { ...english };
  let added = false;
  for (const [name, section] of Object.entries(sections) as [string, Record<string, unknown>][]) {
    const current = next[name];
    if (current && Object.entries(section).every(([key, value]) => current[key] === value)) continue;
    next[name] = current ? { ...current, ...section } : section;
    added = true;
  }
  if (!added) return;
  const before = english;
  english = next as Catalog;
  if (catalogs.get('en') === before) catalogs.set('en', english);
  for (const listener of listeners) listener();
}

/** @deprecated Renamed: use `registerLocale`, which it calls. */
export const registerCatalog: (lang: string, catalog: Catalog) => void = registerLocale;

/** Calls back whenever a catalog is registered; returns the unsubscribe. */
export function onCatalogsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A language whose only catalog is regional: plain `pt` (and `pt-PT`) read Brazilian Portuguese rather than English. */
const regionalDefaults: Record<string, string> = { pt: 'pt-br' };

const candidates = (lang: string) => {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0]!;
  const regional = regionalDefaults[base];
  return regional ? [tag, base, regional] : [tag, base];
};

/** The best catalog loaded for a tag: `de-AT` → `de-at`, else `de` (`pt` → `pt-br`), else English. */
export function catalogFor(lang: string): Catalog {
  for (const tag of candidates(lang)) {
    const catalog = catalogs.get(tag);
    if (catalog) return catalog;
  }
  return english;
}

/**
 * Starts loading the best catalog for a tag if it is not there yet; the promise settles once it
 * is registered (or failed to load: English stays). Undefined when there is nothing to wait for.
 */
export function loadCatalog(lang: string): Promise<void> | undefined {
  for (const tag of candidates(lang)) {
    if (catalogs.has(tag)) return undefined;
    const load = loaders[tag];
    if (!load) continue;
    let pending = loading.get(tag);
    if (!pending) {
      pending = load().then(
        (catalog) => {
          if (!catalogs.has(tag)) registerLocale(tag, catalog);
        },
        () => {
          // A chunk that cannot load (offline, blocked) leaves English in place for good.
          delete loaders[tag];
        },
      );
      loading.set(tag, pending);
    }
    return pending;
  }
  return undefined;
}

/** The languages that have a catalog, loaded or loadable, e.g. for a language picker. */
export function availableLocales(): string[] {
  return [...new Set([...catalogs.keys(), ...Object.keys(loaders)])];
}
