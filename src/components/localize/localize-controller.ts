/**
 * Strings and `Intl` formatting in the locale of one element.
 *
 * The locale is, in order: the element's `locale` attribute; the nearest `lang` (or a Roster
 * element's `locale`) up the tree, crossing shadow roots; `<html lang>`; English. Changes to `lang`
 * or `locale` attributes anywhere in the document, and newly registered catalogs, re-render every
 * connected element. Catalogs other than English load on first use (`catalogLoading()`). A host
 * may override any string with the `i18n` property: a partial catalog deep-merged over the locale's.
 *
 *     private readonly localize = new LocalizeController(this);
 *     render() { const t = this.localize.t; return html`${t.list.seats(7, 12)}`; }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogFor, loadCatalog, onCatalogsChange } from './catalogs.js';
import type { Catalog } from './en.js';

/** A partial catalog: any subset of sections and keys. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type I18nOverride = DeepPartial<Catalog>;

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
  i18n?: I18nOverride;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override ?? base) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) merged[key] = deepMerge(merged[key], value);
  }
  return merged as T;
}

function closestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang') || (node.localName.startsWith('roster-') ? node.getAttribute('locale') : null);
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

// Intl formatters by kind, language and options, shared by every element: creating one costs
// milliseconds, and a panel's elements all format in the same few ways.
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

// One observer for the whole document, shared by every connected controller.
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
let unsubscribeCatalogs: (() => void) | undefined;

function refreshAll() {
  for (const controller of connected) controller.refresh();
}

function watch(controller: LocalizeController) {
  connected.add(controller);
  if (observer) return;
  observer = new MutationObserver(refreshAll);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'locale'], subtree: true });
  unsubscribeCatalogs = onCatalogsChange(refreshAll);
}

function unwatch(controller: LocalizeController) {
  connected.delete(controller);
  if (connected.size > 0) return;
  observer?.disconnect();
  observer = undefined;
  unsubscribeCatalogs?.();
}

export class LocalizeController implements ReactiveController {
  private resolvedLang = 'en';
  private catalog?: Catalog;
  private merged?: Catalog;
  private mergedFrom?: [Catalog, I18nOverride | undefined];

  constructor(private readonly host: LocalizeHost) {
    host.addController(this);
  }

  /** The resolved BCP 47 language tag, e.g. `de-AT`: what `Intl` formats with. */
  get lang(): string {
    return this.resolvedLang;
  }

  /** The catalog of the resolved language with the host's `i18n` override merged in. */
  get t(): Catalog {
    const catalog = this.catalog ?? catalogFor(this.resolvedLang);
    const override = this.host.i18n;
    if (!this.merged || this.mergedFrom?.[0] !== catalog || this.mergedFrom[1] !== override) {
      this.merged = override ? deepMerge(catalog, override) : catalog;
      this.mergedFrom = [catalog, override];
    }
    return this.merged;
  }

  hostConnected(): void {
    watch(this);
    this.resolve();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** Re-reads the locale; while its catalog is still loading, the promise of it (else undefined). */
  catalogLoading(): Promise<void> | undefined {
    this.resolve();
    return loadCatalog(this.resolvedLang);
  }

  /** Re-reads the locale and re-renders the host if it (or the catalogs) changed. */
  refresh(): void {
    const before = [this.resolvedLang, this.catalog];
    this.resolve();
    if (before[0] !== this.resolvedLang || before[1] !== this.catalog) this.host.requestUpdate();
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return this.format('n', options, () => new Intl.NumberFormat(this.resolvedLang, options)).format(value);
  }

  /** A date (default: medium, e.g. "Mar 4, 2025" / "04.03.2025"). */
  date(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return this.format('d', options, () => new Intl.DateTimeFormat(this.resolvedLang, options)).format(new Date(value));
  }

  /** A date and time (default: medium date, short time). */
  dateTime(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    return this.date(value, options);
  }

  /** "3 days ago", "vor 3 Tagen", "in 2 hours": the largest unit that fits. */
  relativeTime(value: string | number | Date, now: number = Date.now()): string {
    const seconds = (new Date(value).getTime() - now) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60],
    ];
    const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
    const format = this.format('r', undefined, () => new Intl.RelativeTimeFormat(this.resolvedLang, { numeric: 'auto' }));
    return format.format(Math.round(seconds / size), unit);
  }

  private format<F>(kind: string, options: object | undefined, create: () => F): F {
    const key = `${kind}|${this.resolvedLang}|${JSON.stringify(options ?? {})}`;
    let format = formats.get(key) as F | undefined;
    if (!format) {
      format = create();
      formats.set(key, format as never);
    }
    return format;
  }

  private resolve() {
    const requested = this.host.locale || closestLang(this.host) || 'en';
    let lang = 'en';
    try {
      lang = Intl.getCanonicalLocales(requested)[0] ?? 'en';
    } catch {
      // An invalid tag in the page falls back to English rather than breaking the element.
    }
    this.resolvedLang = lang;
    this.catalog = catalogFor(lang);
  }
}
