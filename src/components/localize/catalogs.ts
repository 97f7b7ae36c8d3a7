/**
 * The registry of catalogs by language tag. Adding a language: write `xx.ts` typed as `Catalog`
 * and add one line below (or, from a host app, call `registerCatalog('xx', xx)` at run time).
 */
import { de } from './de.js';
import { type Catalog, en } from './en.js';

const catalogs = new Map<string, Catalog>([
  ['en', en],
  ['de', de],
]);

const listeners = new Set<() => void>();

/** Adds or replaces the catalog of a language (`'fr'`, `'de-CH'`); connected elements re-render. */
export function registerCatalog(lang: string, catalog: Catalog): void {
  catalogs.set(lang.toLowerCase(), catalog);
  for (const listener of listeners) listener();
}

/** Calls back whenever a catalog is registered; returns the unsubscribe. */
export function onCatalogsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The best catalog for a tag: `de-AT` → `de-at`, else `de`, else English. */
export function catalogFor(lang: string): Catalog {
  const tag = lang.toLowerCase();
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0]) ?? en;
}

/** The languages that have a catalog, e.g. for a language picker. */
export function availableLocales(): string[] {
  return [...catalogs.keys()];
}
