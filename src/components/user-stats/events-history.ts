/**
 * The events tab: a user's events for the filters in effect, paged by cursor (`PagedSource`: only a
 * window of pages stays in memory) into a virtualised table, the running total of what was fetched,
 * task names, and the CSV export with its progress.
 *
 * Running total: the contract has no sum endpoint, so the total is the sum of the pages fetched so
 * far. Pages load in order, so that is the newest N events of the filter; the tab says so unless
 * every page was fetched, and only then calls it the total. A page dropped from memory and fetched
 * again replaces its own sum (sums are kept per cursor), so nothing is counted twice.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { EVENT_TYPES, type EventQuery, type EventType, type RosterClient, type RosterEvent } from '../../sdk/index.js';
import { EventsExportedEvent } from '../events.js';
import type { LocalizeController } from '../localize/localize-controller.js';
import { renderSentence, sentenceText } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import { renderState } from '../shared/state-view.js';
import { LookupController } from '../shared/client-lookup.js';
import { buildCsv, type CsvFile, downloadBlob } from '../shared/csv.js';
import { isAbortError } from '../shared/errors.js';
import { PagedSource } from '../shared/paged-source.js';
import { styleProps } from '../shared/style-props.js';
import { TaskDirectory } from '../shared/task-directory.js';
import { rowSlots, VirtualWindow } from '../shared/virtual-window.js';
import type { ViewerController } from '../viewer.js';
import {
  COLUMNS,
  eventSentence,
  type EventFilters,
  NO_FILTERS,
  parseDay,
  renderEventsHeader,
  renderSkeletonEventRow,
  toolName,
  TYPE_TONES,
  typeLabel,
} from './events-table.js';
import type { RosterUserStats } from './user-stats.js';

const exportIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"/></svg>`;

/** The events tab of `<roster-user-stats>`, as a controller: its data, its export and its template. */
export class EventsHistory implements ReactiveController {
  /** The export running: events written of those expected, and how to cancel it. */
  exporting?: { done: number; total: number; controller: AbortController };
  /** What the last export came to, for the element's live region. */
  announcement = '';
  readonly #host: RosterUserStats;
  readonly #localize: LocalizeController;
  readonly #viewer: ViewerController;
  readonly #source: PagedSource<RosterEvent>;
  readonly #window: VirtualWindow;
  /** The client's task directory, which names the tasks of the rows shown. */
  readonly #tasks: LookupController<TaskDirectory>;
  #filters = NO_FILTERS;
  #loaded?: { client: RosterClient; userId: string; pageSize: number; key: string };
  #sums = new Map<string, { count: number; cost: number }>();
  #exportError?: unknown;

  constructor(host: RosterUserStats, localize: LocalizeController, viewer: ViewerController) {
    this.#host = host;
    this.#localize = localize;
    this.#viewer = viewer;
    this.#tasks = new LookupController(host, TaskDirectory);
    this.#source = new PagedSource<RosterEvent>({ onChange: () => host.requestUpdate(), maxPages: 10 });
    // Descriptions wrap, and below 900 px rows stack: every row is measured.
    this.#window = new VirtualWindow(host, {
      count: () => this.#source.length,
      onRange: (first, last) => this.#source.ensure(first, last),
      measure: true,
    });
    host.addController(this);
  }

  /** True before the first page of the filter has answered. */
  get loading(): boolean {
    return this.#source.loading;
  }

  /** True when both dates are set and the first is after the last. */
  get #invalidRange(): boolean {
    const from = parseDay(this.#filters.from);
    const to = parseDay(this.#filters.to);
    return Boolean(from && to && from > to);
  }

  /**
   * The server query of the filters. Days are the viewer's calendar days: `from` is local midnight of
   * the first day, `to` local midnight after the last day (the API's `to` is exclusive).
   */
  #query(): EventQuery {
    const to = parseDay(this.#filters.to);
    to?.setDate(to.getDate() + 1);
    return { type: this.#filters.type || undefined, from: parseDay(this.#filters.from), to };
  }

  /** The name of the event's task; one not known yet is looked up, and the host updates when it arrives. */
  #taskName(event: RosterEvent): string | undefined {
    const tasks = this.#tasks.value;
    void tasks?.resolve([event]);
    return tasks?.get(event.taskId ?? '')?.name;
  }

  /** Loads the user's events for the filters in effect, unless they are loaded already. */
  load(client: RosterClient, userId: string, pageSize: number): void {
    if (this.#invalidRange) return;
    const query = { ...this.#query(), limit: pageSize };
    const key = JSON.stringify([userId, query]);
    if (this.#loaded?.client === client && this.#loaded.key === key) return;
    this.#loaded = { client, userId, pageSize, key };
    const sums = (this.#sums = new Map());
    this.#window.reset();
    this.#source.reset(async (cursor, signal) => {
      const page = await client.users.events(userId, { ...query, cursor }, { signal });
      sums.set(cursor ?? '', {
        count: page.items.length,
        cost: page.items.reduce((sum, event) => sum + event.cost, 0),
      });
      return page;
    });
  }

  /** Stops loading and forgets the rows. */
  clear(): void {
    this.#loaded = undefined;
    this.#sums = new Map();
    this.#source.reset(undefined);
  }

  /** Loads from the first page again (after a change on the server). */
  reload(): void {
    const loaded = this.#loaded;
    this.#loaded = undefined;
    if (loaded) this.load(loaded.client, loaded.userId, loaded.pageSize);
  }

  /** The CSV of every event of the filters in effect; rejects with an AbortError when `signal` aborts. */
  async csv(
    client: RosterClient,
    userId: string,
    signal?: AbortSignal,
    onProgress?: (written: number) => void,
  ): Promise<CsvFile> {
    const t = this.#localize.t;
    const c = t.stats.csv;
    const query = { ...this.#query(), limit: 200 };
    // Tool names come from the viewer's account, which an export may start before it has loaded.
    const { tools } = (this.#viewer.me ?? (await client.me({ signal }))).account;
    const tasks = TaskDirectory.for(client);
    return buildCsv(client.users.iterateEvents(userId, query, { signal }), {
      header: [c.time, c.type, c.description, c.tool, c.task, c.cost],
      // The time as RFC 3339 UTC (sortable, unambiguous), names in the viewer's language; a task that
      // is gone (or whose lookup failed) as its id.
      async cells(event) {
        await tasks.resolve([event]);
        return [
          event.at,
          typeLabel(event.type, t),
          sentenceText(eventSentence(event, t)),
          toolName(event, tools),
          tasks.get(event.taskId ?? '')?.name ?? event.taskId,
          event.cost,
        ];
      },
      onProgress,
      signal,
    });
  }

  hostUpdated(): void {
    // The placeholder rows while the first page loads have the rows' height: the window reads it there.
    const body = this.#host.renderRoot.querySelector<HTMLElement>('.table .body, .table .skeleton-body');
    this.#window.observe(body, body?.querySelector<HTMLElement>('.rows') ?? body);
  }

  hostDisconnected(): void {
    this.exporting?.controller.abort();
    this.clear();
  }

  #setFilters(filters: EventFilters) {
    // A running export keeps the query it started with.
    this.#filters = filters;
    this.#host.requestUpdate();
  }

  async #export() {
    if (this.exporting) return;
    const host = this.#host;
    const t = this.#localize.t;
    const exporting = (this.exporting = { done: 0, total: this.#source.total, controller: new AbortController() });
    this.#exportError = undefined;
    this.announcement = '';
    host.requestUpdate();
    try {
      const csv = await host.buildCsv(exporting.controller.signal, (done) => {
        exporting.done = done;
        host.requestUpdate();
      });
      downloadBlob(csv.blob, csv.fileName, host.renderRoot);
      this.announcement = t.stats.exported(csv.count, csv.fileName);
      host.dispatchEvent(new EventsExportedEvent(host.userId, csv.fileName, csv.count));
    } catch (error) {
      if (isAbortError(error)) this.announcement = t.stats.exportCancelled;
      else this.#exportError = error;
    } finally {
      if (this.exporting === exporting) this.exporting = undefined;
      host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const t = this.#localize.t;
    return html`<div class="toolbar" part="toolbar">${this.#renderFilters()}${this.#renderExport()}</div>
      ${this.#exportError ? renderError({ error: this.#exportError, t, onRetry: () => void this.#export(), inline: true }) : nothing}
      <div class="content">${this.#renderContent()}${this.#renderFooter()}</div>`;
  }

  /** The type select and the two date inputs (server-side filters). Part: `filters`, `filter`. */
  #renderFilters() {
    const t = this.#localize.t;
    const filters = this.#filters;
    const invalid = this.#invalidRange;
    const date = (name: 'from' | 'to', min: string, max: string) => html`<label class="field" part="field">
      <span class="label">${t.stats[name]}</span>
      <input class="input" part="filter" type="date" name=${name} .value=${filters[name]} min=${min || nothing} max=${max || nothing}
        aria-invalid=${invalid} aria-describedby=${invalid ? 'range-error' : nothing}
        @change=${(event: Event) => this.#setFilters({ ...this.#filters, [name]: (event.target as HTMLInputElement).value })} />
    </label>`;
    return html`<div class="filters" role="group" aria-label=${t.stats.filters}>
      <label class="field" part="field">
        <span class="label">${t.stats.type}</span>
        <select class="select" part="filter" .value=${filters.type}
          @change=${(event: Event) => this.#setFilters({ ...this.#filters, type: (event.target as HTMLSelectElement).value as EventType })}>
          <option value="" ?selected=${!filters.type}>${t.stats.allTypes}</option>
          ${EVENT_TYPES.map((type) => html`<option value=${type} ?selected=${filters.type === type}>${typeLabel(type, t)}</option>`)}
        </select>
      </label>
      ${date('from', '', filters.to)}${date('to', filters.from, '')}
    </div>
    ${invalid ? html`<p id="range-error" class="field-error" part="field-error" role="alert">${t.stats.invalidRange}</p>` : nothing}`;
  }

  #renderExport() {
    const t = this.#localize.t;
    const exporting = this.exporting;
    if (!exporting) {
      return html`<button type="button" class="button" part="button" ?disabled=${!this.#source.total || this.#invalidRange}
        @click=${() => void this.#export()}>${exportIcon}${t.stats.export}</button>`;
    }
    const total = Math.max(exporting.total, exporting.done);
    return html`<div class="export">
      <progress class="export-progress" part="progress" max=${Math.max(total, 1)} value=${exporting.done}
        aria-label=${t.stats.exportProgress(exporting.done, total)}></progress>
      <span class="muted numeric" aria-hidden="true">${this.#localize.number(exporting.done)} / ${this.#localize.number(total)}</span>
      <button type="button" class="button small" part="button" @click=${() => exporting.controller.abort()}>${t.stats.cancelExport}</button>
    </div>`;
  }

  #renderContent() {
    const t = this.#localize.t;
    const source = this.#source;
    if (this.#invalidRange) return nothing;
    if (source.error && !source.length) return renderError({ error: source.error, t, onRetry: () => source.retry() });
    if (!source.ready) return this.#renderTable(true);
    if (source.length) return this.#renderTable(false);
    const { type, from, to } = this.#filters;
    return type || from || to
      ? renderState(
          t.stats.noResultsTitle,
          t.stats.noResultsText,
          html`<button type="button" class="button" part="button" @click=${() => this.#setFilters(NO_FILTERS)}>${t.stats.clearFilters}</button>`,
        )
      : renderState(t.stats.emptyTitle, t.stats.emptyText);
  }

  /** The table: a scrolling body holding only the rows of the window in view. */
  #renderTable(skeleton: boolean) {
    const t = this.#localize.t;
    const source = this.#source;
    return html`<div class="table" part="table" role="table" aria-label=${t.stats.eventsLabel}
      aria-rowcount=${skeleton ? -1 : source.total + 1} aria-colcount=${COLUMNS.length} aria-busy=${skeleton || source.busy}>
      <div role="rowgroup" class="head">${renderEventsHeader(t)}</div>
      ${
        skeleton
          ? html`<div role="rowgroup" class="skeleton-body">${Array.from({ length: 6 }, (_, i) => renderSkeletonEventRow(i))}</div>`
          : html`<div role="rowgroup" class="body" tabindex="0"><div class="rows" ${styleProps(this.#window.bodyStyle())}>
            ${rowSlots(this.#window.indexes(), (index) => this.#renderRow(index))}
          </div></div>`
      }
    </div>`;
  }

  /** One event row (not loaded yet: a skeleton). Parts: `row`, `cell`. */
  #renderRow(index: number) {
    const event = this.#source.at(index);
    if (!event) return renderSkeletonEventRow(index);
    const t = this.#localize.t;
    const tool = toolName(event, this.#viewer.me?.account.tools ?? []);
    const task = this.#taskName(event);
    return html`<div role="row" class="row" part="row" aria-rowindex=${index + 2} data-index=${index} data-id=${event.id}>
      <div role="cell" class="cell col-time" part="cell"><time datetime=${event.at}>${this.#localize.dateTime(event.at)}</time></div>
      <div role="cell" class="cell col-type" part="cell">
        <span class="badge" part="badge" data-tone=${TYPE_TONES[event.type] ?? 'neutral'}>${typeLabel(event.type, t)}</span>
      </div>
      <div role="cell" class="cell col-description" part="cell"><span class="description">${renderSentence(eventSentence(event, t))}</span></div>
      <div role="cell" class="cell col-subject" part="cell">
        ${
          tool
            ? html`<span><span dir="auto">${tool}</span>${task ? html`<span class="muted"> · </span><span dir="auto">${task}</span>` : nothing}</span>`
            : html`<span class="muted">${t.common.none}</span>`
        }
      </div>
      <div role="cell" class="cell col-cost numeric" part="cell">${event.cost ? this.#localize.number(event.cost) : html`<span class="muted">0</span>`}</div>
    </div>`;
  }

  /** The count, the running total (the total once every page was fetched) and the load status. */
  #renderFooter() {
    const t = this.#localize.t;
    const source = this.#source;
    if (this.#invalidRange || !source.length) return nothing;
    let count = 0;
    let cost = 0;
    for (const sum of this.#sums.values()) {
      count += sum.count;
      cost += sum.cost;
    }
    const complete = !source.hasMore && count >= source.total;
    const tasks = this.#tasks.value;
    return html`<div class="footer" part="footer">
      <span class="numeric">${t.stats.count(source.total)}</span>
      <span class="numeric total" part="count" data-complete=${complete}>${complete ? t.stats.totalAll(cost) : t.stats.totalLoaded(cost, count, source.total)}</span>
      ${
        source.error
          ? renderError({ error: source.error, t, onRetry: () => source.retry(), inline: true })
          : source.busy
            ? html`<span class="muted">${t.stats.loadingMore}</span>`
            : nothing
      }
      ${tasks?.error ? renderError({ error: tasks.error, t, onRetry: () => tasks.retry(), inline: true }) : nothing}
    </div>`;
  }
}
