/**
 * The events tab's data: a user's events for the filters in effect, paged by cursor (`PagedSource`:
 * only a window of pages stays in memory), the running total of what was fetched, and task names.
 *
 * Running total: the contract has no sum endpoint, so the total is the sum of the pages fetched so
 * far. Pages load in order, so that is the newest N events of the filter; the element says so
 * unless every page was fetched, and only then calls it the total. A page dropped from memory and
 * fetched again replaces its own sum (sums are kept per cursor), so nothing is counted twice.
 */
import type { EventQuery, EventType, RosterClient, RosterEvent, Task } from '../../sdk/index.js';
import { PagedSource } from '../shared/paged-source.js';

/** The filters as the viewer set them: an event type, and dates (`YYYY-MM-DD`) of a date input. */
export interface EventFilters {
  type: EventType | '';
  /** First day shown (inclusive). */
  from: string;
  /** Last day shown (inclusive). */
  to: string;
}

export const NO_FILTERS: EventFilters = Object.freeze({ type: '', from: '', to: '' });

/** Local midnight of a `YYYY-MM-DD` date, or undefined for anything else. */
export function parseDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `YYYY-MM-DD` of a local date, as a date input takes it. */
export function formatDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True when both dates are set and the first is after the last. */
export function isInvalidRange(filters: EventFilters): boolean {
  const from = parseDay(filters.from);
  const to = parseDay(filters.to);
  return Boolean(from && to && from > to);
}

/**
 * The server query of the filters. Days are the viewer's calendar days: `from` is local midnight of
 * the first day, `to` local midnight after the last day (the API's `to` is exclusive).
 */
export function eventQuery(filters: EventFilters): EventQuery {
  const from = parseDay(filters.from);
  const to = parseDay(filters.to);
  if (to) to.setDate(to.getDate() + 1);
  return { type: filters.type || undefined, from, to };
}

export class EventsHistory {
  readonly source: PagedSource<RosterEvent>;
  /** Task names by id, from the tasks the viewer can see (first page only) and tasks created since. */
  readonly taskNames = new Map<string, string>();
  /** What is loaded: client, user, filters and page size. */
  loaded?: { client: RosterClient; userId: string; filters: EventFilters; pageSize: number };
  private sums = new Map<string, { count: number; cost: number }>();
  private namesClient?: RosterClient;

  constructor(private readonly onChange: () => void) {
    this.source = new PagedSource<RosterEvent>({ onChange, maxPages: 10 });
  }

  /** Starts loading for these arguments, unless they are the ones loaded already. */
  use(client: RosterClient, userId: string, filters: EventFilters, pageSize: number): void {
    const loaded = this.loaded;
    if (loaded && loaded.client === client && loaded.userId === userId && loaded.pageSize === pageSize
      && loaded.filters.type === filters.type && loaded.filters.from === filters.from && loaded.filters.to === filters.to) return;
    this.loaded = { client, userId, filters: { ...filters }, pageSize };
    this.loadTaskNames(client);
    const sums = (this.sums = new Map());
    const query = { ...eventQuery(filters), limit: pageSize };
    this.source.reset(async (cursor, signal) => {
      const page = await client.users.events(userId, { ...query, cursor }, { signal });
      sums.set(cursor ?? '', { count: page.items.length, cost: page.items.reduce((sum, event) => sum + event.cost, 0) });
      return page;
    });
  }

  /** Stops loading and forgets the rows. */
  clear(): void {
    this.loaded = undefined;
    this.sums = new Map();
    this.source.reset(undefined);
  }

  /** Loads from the first page again (after a change on the server). */
  reload(): void {
    const loaded = this.loaded;
    if (!loaded) return;
    this.loaded = undefined;
    this.use(loaded.client, loaded.userId, loaded.filters, loaded.pageSize);
  }

  /** Events fetched so far (each page once). */
  get loadedCount(): number {
    let count = 0;
    for (const sum of this.sums.values()) count += sum.count;
    return count;
  }

  /** Sum of the cost of the events fetched so far. */
  get loadedCost(): number {
    let cost = 0;
    for (const sum of this.sums.values()) cost += sum.cost;
    return cost;
  }

  /** True once every page of the filter was fetched: the running total is then the filter's total. */
  get complete(): boolean {
    return this.source.ready && !this.source.hasMore && this.loadedCount >= this.source.total;
  }

  /** Remembers a task's name (e.g. one just created). */
  addTask(task: Task): void {
    this.taskNames.set(task.id, task.name);
    this.onChange();
  }

  private loadTaskNames(client: RosterClient) {
    if (client === this.namesClient) return;
    this.namesClient = client;
    this.taskNames.clear();
    // One page is cheap and names most tasks; the rest show their tool only. Failures change nothing.
    client.tasks.list({ limit: 200 }).then(
      (page) => {
        if (client !== this.namesClient) return;
        for (const task of page.items) this.taskNames.set(task.id, task.name);
        this.onChange();
      },
      () => undefined,
    );
  }
}
