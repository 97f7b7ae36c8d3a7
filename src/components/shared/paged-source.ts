/**
 * Rows of a cursor-paged collection (users, events) for a virtualised view.
 *
 * Pages load in order as the view nears the end of what is loaded. Only `maxPages` pages are kept in
 * memory: pages far from the view are dropped and fetched again, by the cursor that first fetched
 * them, when the view returns to them. So 100,000 rows cost an array of slots, a cursor per page
 * and a few pages of objects. Every fetch has its own `AbortController`; `reset` aborts them all.
 */
import type { Page } from '../../sdk/index.js';
import { isAbortError } from './errors.js';

export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

interface PageSlot {
  cursor?: string;
  offset: number;
  count: number;
  loaded: boolean;
  request?: AbortController;
  lastUsed: number;
}

export interface PagedSourceOptions {
  /** Called after every change of rows, status or error. */
  onChange: () => void;
  /** Pages kept in memory; more are dropped, farthest from the view first. */
  maxPages?: number;
  /** Start loading the next page when the view is this many rows from the end. */
  threshold?: number;
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
  #clock = 0;
  #failedPage?: PageSlot;
  #viewCache?: (T | undefined)[];
  readonly #options: PagedSourceOptions;
  readonly #maxPages: number;
  readonly #threshold: number;

  constructor(options: PagedSourceOptions) {
    this.#options = options;
    this.#maxPages = options.maxPages ?? 20;
    this.#threshold = options.threshold ?? 30;
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
    return this.#pages.some((page) => page.request);
  }

  /** True once the first page answered. */
  get ready(): boolean {
    return this.#pages[0]?.loaded === true || this.#rows.length > 0;
  }

  /** More pages exist after the loaded ones. */
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

  /** Starts over (new query or client): aborts every request, forgets every row, loads the first page. */
  reset(fetcher: PageFetcher<T> | undefined): void {
    this.abort();
    this.#fetcher = fetcher;
    this.#rows = [];
    this.#pages = [];
    this.#nextCursor = undefined;
    this.total = 0;
    this.error = undefined;
    this.#failedPage = undefined;
    if (fetcher) this.#fetchPage(this.#appendSlot(undefined));
    else this.#changed();
  }

  /** Loads the first page again with the same fetcher. */
  reload(): void {
    this.reset(this.#fetcher);
  }

  /** Aborts every request in flight. */
  abort(): void {
    for (const page of this.#pages) page.request?.abort();
    for (const page of this.#pages) page.request = undefined;
  }

  /** Makes rows `first`–`last` available: fetches dropped pages in the range and the next page near the end. */
  ensure(first: number, last: number): void {
    if (!this.#fetcher || this.error) return;
    for (const page of this.#pages) {
      if (page.offset + page.count <= first || page.offset > last) continue;
      page.lastUsed = ++this.#clock;
      if (!page.loaded && !page.request) this.#fetchPage(page);
    }
    const tail = this.#pages.at(-1);
    if (this.hasMore && tail?.loaded && last >= this.#rows.length - this.#threshold) {
      this.#fetchPage(this.#appendSlot(this.#nextCursor ?? undefined));
    }
  }

  /** Retries after a failed page (keeps the rows already loaded). */
  retry(): void {
    this.error = undefined;
    const failed = this.#failedPage;
    this.#failedPage = undefined;
    if (failed && this.#pages.includes(failed)) this.#fetchPage(failed);
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
    for (const page of this.#pages) {
      if (index >= page.offset && index < page.offset + page.count) page.count -= 1;
      else if (page.offset > index) page.offset -= 1;
    }
    this.total = Math.max(0, this.total - 1);
    this.#changed();
    return true;
  }

  #appendSlot(cursor: string | undefined): PageSlot {
    const slot: PageSlot = { cursor, offset: this.#rows.length, count: 0, loaded: false, lastUsed: ++this.#clock };
    this.#pages.push(slot);
    return slot;
  }

  async #fetchPage(page: PageSlot) {
    const fetcher = this.#fetcher;
    if (!fetcher) return;
    const request = (page.request = new AbortController());
    this.#changed();
    try {
      const result = await fetcher(page.cursor, request.signal);
      if (page.request !== request || fetcher !== this.#fetcher) return;
      page.request = undefined;
      this.total = result.total;
      if (page === this.#pages.at(-1) && page.count === 0) {
        page.count = result.items.length;
        this.#rows.push(...result.items);
        this.#nextCursor = result.nextCursor;
      } else if (result.items.length !== page.count) {
        // The collection changed under a dropped page: its slots no longer line up, start over.
        this.reload();
        return;
      } else {
        this.#rows.splice(page.offset, page.count, ...result.items);
      }
      page.loaded = true;
      this.#dropFarPages();
      this.#changed();
    } catch (error) {
      if (page.request !== request) return;
      page.request = undefined;
      if (isAbortError(error)) return;
      this.error = error;
      if (page.count === 0 && page !== this.#pages[0]) this.#pages.pop();
      else this.#failedPage = page;
      this.#changed();
    }
  }

  #dropFarPages() {
    const loaded = this.#pages.filter((page) => page.loaded);
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
