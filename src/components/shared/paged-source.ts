/**
 * Rows of a cursor-paged collection (users, events) for a virtualised view.
 *
 * Pages load in order as the view nears the end of what is loaded. Only `maxPages` pages are kept in
 * memory: pages far from the view are dropped and fetched again, by the cursor that first fetched
 * them, when the view returns to them. So 100,000 rows cost an array of slots, a cursor per page
 * and a few pages of objects. Every fetch has its own `AbortController`; `reset` aborts them all.
 *
 * Given the reverse order's fetcher too, `end()` reaches the last rows without the pages between:
 * the reverse order's first page fills the end of `total` slots, and the gap between the two fills
 * from whichever side the view is nearer. This relies on the reverse order being the exact reverse
 * (ties broken by the same key the other way), as the reference API and the SQL storage do.
 */
import type { Page } from '../../sdk/index.js';
import { isAbortError } from './errors.js';

export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

interface PageSlot {
  cursor?: string;
  /** A page of the reverse order, filling the end of the rows backwards. */
  reverse?: boolean;
  offset: number;
  /** Rows of the page kept: the answer's items, less those the other side already holds. */
  count: number;
  /** Items in the page's answer, once answered. */
  size?: number;
  loaded: boolean;
  request?: AbortController;
  lastUsed: number;
}

export interface PagedSourceOptions {
  /** Called after every change of rows, status or error. */
  onChange: () => void;
  /** Pages kept in memory; more are dropped, farthest from the view first. */
  maxPages?: number;
  /** Start loading the next page when the view is this many rows from the end (or from the gap). */
  threshold?: number | (() => number);
}

export class PagedSource<T> {
  /** `total` of the last page answered: every match, loaded or not. */
  total = 0;
  /** The failure of the last page request, until a retry or reset. */
  error?: unknown;
  #rows: (T | undefined)[] = [];
  #pages: PageSlot[] = [];
  #nextCursor: string | null | undefined = undefined;
  #fetcher?: PageFetcher<T>;
  // The reverse order: its fetcher, its pages from the end backwards, where they start, its next cursor.
  #reverse?: PageFetcher<T>;
  #tail: PageSlot[] = [];
  #tailStart = Infinity;
  #tailCursor: string | null | undefined = undefined;
  #clock = 0;
  #failedPage?: PageSlot;
  #viewCache?: (T | undefined)[];
  readonly #options: PagedSourceOptions;
  readonly #maxPages: number;
  readonly #threshold: () => number;

  constructor(options: PagedSourceOptions) {
    this.#options = options;
    this.#maxPages = options.maxPages ?? 20;
    const threshold = options.threshold ?? 30;
    this.#threshold = typeof threshold === 'number' ? () => threshold : threshold;
  }

  /** Rows known so far, loaded or dropped. */
  get length(): number {
    return this.#rows.length;
  }

  /** True before the first page has answered (or while it is fetched again after a reset). */
  get loading(): boolean {
    return this.#pages.length > 0 && this.#pages[0].request !== undefined && !this.#pages[0].loaded;
  }

  /** True while any page request is in flight. */
  get busy(): boolean {
    return this.#all().some((page) => page.request);
  }

  /** True once the first page answered. */
  get ready(): boolean {
    return this.#pages[0]?.loaded === true || this.#rows.length > 0;
  }

  /** More pages exist after the loaded ones (before the last rows, once `end()` loaded them). */
  get hasMore(): boolean {
    return typeof this.#nextCursor === 'string';
  }

  /** The rows for the view: dropped rows are `undefined`, plus `tail` placeholders while more exist. */
  view(tail = 3): (T | undefined)[] {
    this.#viewCache ??= this.hasMore ? [...this.#rows, ...new Array<undefined>(tail)] : this.#rows.slice();
    return this.#viewCache;
  }

  at(index: number): T | undefined {
    return this.#rows[index];
  }

  /**
   * Starts over (new query or client): aborts every request, forgets every row, loads the first page.
   * `reverse` fetches the same rows in the reverse order, for `end()`.
   */
  reset(fetcher: PageFetcher<T> | undefined, reverse?: PageFetcher<T>): void {
    this.abort();
    this.#fetcher = fetcher;
    this.#reverse = fetcher && reverse;
    this.#rows = [];
    this.#pages = [];
    this.#tail = [];
    this.#tailStart = Infinity;
    this.#tailCursor = undefined;
    this.#nextCursor = undefined;
    this.total = 0;
    this.error = undefined;
    this.#failedPage = undefined;
    if (fetcher) this.#fetchPage(this.#appendSlot(undefined));
    else this.#changed();
  }

  /** Loads the first page again with the same fetchers. */
  reload(): void {
    this.reset(this.#fetcher, this.#reverse);
  }

  /** Aborts every request in flight. */
  abort(): void {
    for (const page of this.#all()) page.request?.abort();
    for (const page of this.#all()) page.request = undefined;
  }

  /**
   * Makes room for every row (`length` becomes `total`) and loads the last ones, the reverse order's
   * first page, when pages are missing before them. Needs the reverse fetcher given to `reset`.
   */
  end(): void {
    if (!this.#reverse || this.error || !this.hasMore || this.#tail.length || this.total <= this.#headEnd) return;
    this.#rows.length = this.#tailStart = this.total;
    const slot: PageSlot = { reverse: true, offset: this.total, count: 0, loaded: false, lastUsed: ++this.#clock };
    this.#tail.push(slot);
    this.#fetchPage(slot);
  }

  /** Makes rows `first`–`last` available: fetches dropped pages in the range and the next page near the end. */
  ensure(first: number, last: number): void {
    if (!this.#fetcher || this.error) return;
    for (const page of this.#all()) {
      if (page.offset + page.count <= first || page.offset > last) continue;
      page.lastUsed = ++this.#clock;
      if (!page.loaded && !page.request && page.size !== undefined) this.#fetchPage(page);
    }
    if (!this.hasMore) return;
    // The gap (rows not loaded yet) runs from the head's end to the tail's start; the view plus the
    // threshold reaching into it loads from the nearer side, one page at a time each.
    const threshold = this.#threshold();
    const head = this.#headEnd;
    const start = this.#tailStart;
    const fromHead = Math.max(0, first - head);
    const fromTail = Math.max(0, start - 1 - last);
    if (this.#pages.at(-1)?.loaded && last + threshold >= head && fromHead <= fromTail) {
      this.#fetchPage(this.#appendSlot(this.#nextCursor ?? undefined));
    }
    const tail = this.#tail.at(-1);
    if (tail?.loaded && typeof this.#tailCursor === 'string' && first - threshold < start && fromTail <= fromHead) {
      const slot: PageSlot = {
        reverse: true,
        cursor: this.#tailCursor,
        offset: start,
        count: 0,
        loaded: false,
        lastUsed: ++this.#clock,
      };
      this.#tail.push(slot);
      this.#fetchPage(slot);
    }
  }

  /** Retries after a failed page (keeps the rows already loaded). */
  retry(): void {
    this.error = undefined;
    const failed = this.#failedPage;
    this.#failedPage = undefined;
    if (failed && this.#all().includes(failed)) this.#fetchPage(failed);
    else if (this.hasMore) this.#fetchPage(this.#appendSlot(this.#nextCursor ?? undefined));
    else this.#changed();
  }

  /** Replaces the loaded row that matches; returns whether one did. */
  replace(match: (row: T) => boolean, row: T): boolean {
    const index = this.#rows.findIndex((candidate) => candidate !== undefined && match(candidate));
    if (index === -1) return false;
    this.#rows[index] = row;
    this.#changed();
    return true;
  }

  /** Removes the loaded row that matches, shifting later pages; returns whether one did. */
  remove(match: (row: T) => boolean): boolean {
    const index = this.#rows.findIndex((candidate) => candidate !== undefined && match(candidate));
    if (index === -1) return false;
    this.#rows.splice(index, 1);
    for (const page of this.#all()) {
      if (index >= page.offset && index < page.offset + page.count) {
        page.count -= 1;
        if (page.size) page.size -= 1;
      } else if (page.offset > index) page.offset -= 1;
    }
    if (this.#tailStart > index) this.#tailStart -= 1;
    this.total = Math.max(0, this.total - 1);
    this.#changed();
    return true;
  }

  /** Where the rows loaded from the start end (and the next page's go). */
  get #headEnd(): number {
    const last = this.#pages.at(-1);
    return last ? last.offset + last.count : 0;
  }

  #all(): PageSlot[] {
    return this.#tail.length ? [...this.#pages, ...this.#tail] : this.#pages;
  }

  #appendSlot(cursor: string | undefined): PageSlot {
    const slot: PageSlot = { cursor, offset: this.#headEnd, count: 0, loaded: false, lastUsed: ++this.#clock };
    this.#pages.push(slot);
    return slot;
  }

  async #fetchPage(page: PageSlot) {
    const fetcher = this.#fetcher;
    if (!fetcher) return;
    const request = (page.request = new AbortController());
    this.#changed();
    const tail = this.#tail.length > 0;
    try {
      const result = await (page.reverse ? this.#reverse! : fetcher)(page.cursor, request.signal);
      if (page.request !== request || fetcher !== this.#fetcher) return;
      page.request = undefined;
      const items = page.reverse ? result.items.slice().reverse() : result.items;
      if (page.size === undefined ? tail && result.total !== this.#rows.length : items.length !== page.size) {
        // The collection changed under the rows: the pages no longer line up, start over.
        this.reload();
        return;
      }
      this.total = result.total;
      if (page.size === undefined) this.#place(page, items, result.nextCursor);
      else
        this.#rows.splice(
          page.offset,
          page.count,
          ...(page.reverse ? items.slice(items.length - page.count) : items.slice(0, page.count)),
        );
      page.loaded = true;
      this.#dropFarPages();
      this.#changed();
    } catch (error) {
      if (page.request !== request) return;
      page.request = undefined;
      if (isAbortError(error)) return;
      this.error = error;
      if (page.size === undefined && !page.reverse && page !== this.#pages[0]) this.#pages.pop();
      else this.#failedPage = page;
      this.#changed();
    }
  }

  /** Writes a new page's rows: after the head, or before the tail (a page meeting the other side keeps only the gap's rows). */
  #place(page: PageSlot, items: T[], nextCursor: string | null) {
    page.size = items.length;
    if (!page.reverse) {
      page.count = Math.min(items.length, this.#tailStart - page.offset);
      if (this.#tail.length) this.#rows.splice(page.offset, page.count, ...items.slice(0, page.count));
      else this.#rows.push(...items);
      this.#nextCursor = nextCursor;
    } else {
      page.offset = Math.max(this.#headEnd, this.#tailStart - items.length);
      page.count = this.#tailStart - page.offset;
      this.#rows.splice(page.offset, page.count, ...items.slice(items.length - page.count));
      this.#tailStart = page.offset;
      this.#tailCursor = nextCursor;
    }
    // The two sides met: every row has a page.
    if (this.#tail.length && this.#headEnd >= this.#tailStart) this.#nextCursor = this.#tailCursor = null;
  }

  #dropFarPages() {
    const loaded = this.#all().filter((page) => page.loaded);
    if (loaded.length <= this.#maxPages) return;
    loaded.sort((a, b) => a.lastUsed - b.lastUsed);
    for (const page of loaded.slice(0, loaded.length - this.#maxPages)) {
      page.loaded = false;
      this.#rows.fill(undefined, page.offset, page.offset + page.count);
    }
  }

  #changed() {
    this.#viewCache = undefined;
    this.#options.onChange();
  }
}
