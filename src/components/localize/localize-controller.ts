/**
 * Strings and `Intl` formatting in the locale of one element.
 *
 * The locale is, in order: the element's `locale` attribute; the nearest `lang` (or a Roster
 * element's `locale`) up the tree, crossing shadow roots; `<html lang>`; English. Changes to `lang`
 * or `locale` attributes anywhere in the document, and newly registered catalogs, re-render every
 * connected element. Catalogs other than English load on first use (`catalogLoading()`). A host
 * may override any string with the `i18n` property: a partial catalog deep-merged over the locale's.
 *
 * The direction (`dir`) is the nearest declaration up the tree, crossing shadow roots: a `dir`
 * attribute (`ltr`/`rtl`), or a `lang`/`locale` in a right-to-left language (Arabic, Hebrew,
 * Persian, Urdu…); at one element `dir` wins over `lang`. So `locale="ar"` on a panel in a
 * left-to-right page lays it out right to left, and a page's `dir="rtl"` mirrors every element.
 * When the direction differs from what the host inherits, the controller writes it as the host's
 * own `dir` (as Spectrum's elements do): then `:dir(rtl)`, native controls and the `directional`
 * icons inside follow, with no per-element code. A `dir` the page sets on the host is never touched.
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

export type Direction = 'ltr' | 'rtl';

// Scripts written right to left, for engines without `Intl.Locale#getTextInfo` (Firefox ESR).
const RTL_SCRIPT = /^(Adlm|Arab|Hebr|Mand|Nkoo|Rohg|Samr|Syrc|Thaa|Yezi)$/;

type TextInfoLocale = Intl.Locale & { getTextInfo?(): { direction?: Direction }; textInfo?: { direction?: Direction } };

/** The writing direction of a language tag: `rtl` for `ar`, `he-IL`, `fa`, `ur`, `az-Arab`; else `ltr`. */
export function directionOf(lang: string): Direction {
  try {
    const locale = new Intl.Locale(lang) as TextInfoLocale;
    // `getTextInfo()` is the standard; Chromium before 130 and Safari 17 have a `textInfo` getter.
    // A script in the tag decides first: WebKit answers `ltr` for `az-Arab` from the language alone.
    const info = locale.script ? undefined : (locale.getTextInfo?.() ?? locale.textInfo);
    return info?.direction ?? (RTL_SCRIPT.test(locale.maximize().script ?? '') ? 'rtl' : 'ltr');
  } catch {
    return 'ltr';
  }
}

/** The first value `pick` finds from `node` up, crossing shadow roots. */
function closest<T>(node: Node | null, pick: (element: Element) => T | null | undefined): T | undefined {
  for (; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    const value = node instanceof Element ? pick(node) : undefined;
    if (value) return value;
  }
  return undefined;
}

const explicitDir = (element: Element) =>
  /^(ltr|rtl)$/i.exec(element.getAttribute('dir') ?? '')?.[0].toLowerCase() as Direction | undefined;

const langOf = (element: Element) =>
  element.getAttribute('lang') || (element.localName.startsWith('roster-') ? element.getAttribute('locale') : null);

/** The nearest `dir`, or direction of a `lang`/`locale` (at one element `dir` first). */
const dirOrLang = (element: Element) => {
  const lang = langOf(element);
  return explicitDir(element) ?? (lang ? directionOf(lang) : undefined);
};

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
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang', 'locale', 'dir'],
    subtree: true,
  });
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
  private resolvedDir: Direction = 'ltr';
  /** The `dir` this controller wrote on the host (not the page's), to tell the two apart. */
  private appliedDir?: Direction;
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

  /** The writing direction the host lays out in: `rtl` for Arabic or under `dir="rtl"`, else `ltr`. */
  get dir(): Direction {
    return this.resolvedDir;
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
    const before = [this.resolvedLang, this.catalog, this.resolvedDir];
    this.resolve();
    if (before[0] !== this.resolvedLang || before[1] !== this.catalog || before[2] !== this.resolvedDir)
      this.host.requestUpdate();
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return this.format('n', options, () => new Intl.NumberFormat(this.resolvedLang, options)).format(value);
  }

  /** A date (default: medium, e.g. "Mar 4, 2025" / "04.03.2025"). */
  date(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return this.format('d', options, () => new Intl.DateTimeFormat(this.resolvedLang, options)).format(new Date(value));
  }

  /** A date and time (default: medium date, short time). */
  dateTime(
    value: string | number | Date,
    options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
  ): string {
    return this.date(value, options);
  }

  /** "3 days ago", "vor 3 Tagen", "in 2 hours": the largest unit that fits. */
  relativeTime(value: string | number | Date, now: number = Date.now()): string {
    const seconds = (new Date(value).getTime() - now) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['week', 604_800],
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
    const format = this.format(
      'r',
      undefined,
      () => new Intl.RelativeTimeFormat(this.resolvedLang, { numeric: 'auto' }),
    );
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
    const requested = this.host.locale || closest(this.host, langOf) || 'en';
    let lang = 'en';
    try {
      lang = Intl.getCanonicalLocales(requested)[0] ?? 'en';
    } catch {
      // An invalid tag in the page falls back to English rather than breaking the element.
    }
    this.resolvedLang = lang;
    this.catalog = catalogFor(lang);
    this.resolveDir();
  }

  private resolveDir() {
    const host = this.host;
    const own = explicitDir(host);
    if (own && own !== this.appliedDir) {
      // The page set the host's dir itself: it decides, and the controller keeps its hands off.
      this.appliedDir = undefined;
      this.resolvedDir = own;
      return;
    }
    const parent = host.parentNode;
    const lang = host.locale || host.getAttribute('lang');
    this.resolvedDir = lang ? directionOf(lang) : (closest(parent, dirOrLang) ?? 'ltr');
    // What the browser gives the host without a dir of its own: the nearest dir attribute.
    const wanted = this.resolvedDir === (closest(parent, explicitDir) ?? 'ltr') ? undefined : this.resolvedDir;
    this.appliedDir = wanted;
    if (own !== wanted) wanted ? host.setAttribute('dir', wanted) : host.removeAttribute('dir');
  }
}
