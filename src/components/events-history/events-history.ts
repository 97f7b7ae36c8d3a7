import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  EVENT_TYPES,
  type EventType,
  type RosterChange,
  type RosterClient,
  type RosterEvent,
} from '../../sdk/index.js';
import { EventsExportedEvent } from '../events.js';
import { addEnglish } from '../localize/catalogs.js';
import { stats } from '../localize/en-stats.js';
import { RosterElement } from '../shared/base-element.js';
import { renderSentence, sentenceText } from '../shared/bidi.js';
import { LookupController } from '../shared/client-lookup.js';
import { buildCsv, type CsvFile, downloadBlob, safeFileName } from '../shared/csv.js';
import { renderError } from '../shared/error-view.js';
import { isAbortError } from '../shared/errors.js';
import { PagedSource } from '../shared/paged-source.js';
import { renderState } from '../shared/state-view.js';
import { styleProps } from '../shared/style-props.js';
import { TaskDirectory } from '../shared/task-directory.js';
import { rowSlots, VirtualWindow } from '../shared/virtual-window.js';
import { ViewerController } from '../viewer.js';
import {
  COLUMNS,
  eventSentence,
  type EventFilters,
  formatDay,
  NO_FILTERS,
  parseDay,
  renderEventsHeader,
  renderSkeletonEventRow,
  toolName,
  TYPE_TONES,
  typeLabel,
} from './events-table.js';
import { styles } from './events-history.styles.js';

// Its English strings arrive with its code, before the element is defined.
addEnglish({ stats });

/** Changes arriving together (a script creating tasks) cause one reload. */
export const REFRESH_DELAY_MS = 150;

/**
 * Whether a write reported by the client changes what is shown of the user: a task they created, a
 * change to their profile. Their deletion is not: there is nothing left to load, and asking would 404.
 */
export const concerns = (change: RosterChange, userId: string): boolean =>
  (change.type === 'task-created' || change.type === 'user-updated') && change.userId === userId;

const exportIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"/></svg>`;

/**
 * @summary A user's events (time, type, what they did, tool and task, cost), filtered, totalled and exported as CSV.
 * @tag roster-events-history
 *
 * Every event of the user, filtered by type and dates on the server (the viewer's calendar days),
 * paged by cursor (only a window of pages stays in memory) into a virtualised table whose rows are
 * recycled as it scrolls. Task names are looked up through the client's task directory, tool names
 * come from the account. The footer shows the running total of what was fetched: the contract has
 * no sum endpoint, so it is the sum of the newest events loaded so far, and is called the total only
 * once every page was fetched (sums are kept per page, so a page fetched again is not counted
 * twice). "Export CSV" writes every event of the filters (formula-safe), with its progress and a
 * cancel. Reloads when the client reports a write that concerns the user. Below 900 px of its own
 * width each event stacks. `<roster-user-stats>` shows it in its Events tab.
 *
 * @fires {EventsExportedEvent} roster-events-exported - A CSV export was offered as a download. `detail: { userId, fileName, count }`.
 *
 * @csspart toolbar - The filters and the export.
 * @csspart field - A filter with its label.
 * @csspart filter - A filter control: type, first and last day.
 * @csspart field-error - Under the filters: a range that ends before it starts.
 * @csspart button - "Export CSV", "Cancel" of a running export, "Clear filters", "Try again".
 * @csspart progress - A running export's progress bar.
 * @csspart table - The scrolling events table.
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - A column header.
 * @csspart row - An event.
 * @csspart skeleton - A placeholder row while its page loads, on top of `row`; also each placeholder bar.
 * @csspart cell - A cell.
 * @csspart badge - The type of an event.
 * @csspart footer - Count and running total.
 * @csspart count - The running total.
 * @csspart state - A block in place of the table: no user, empty, no results, failed.
 * @csspart alert - A failure: the block in place of the table (on top of `state`) or a line under the toolbar or in the footer.
 *
 * @cssprop [--roster-user-stats-events-height=24rem] - Height of the events table.
 * @cssprop [--roster-user-stats-row-height=2.75rem] - Least height of an event row (times `--roster-density`); a row grows with its text.
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The first page of the filters is loading.
 * @cssstate exporting - A CSV export is running.
 */
export class RosterEventsHistory extends RosterElement {
  static override styles = styles;

  /** Id of the user whose events are shown. */
  @property({ attribute: 'user-id', reflect: true }) userId = '';
  /** Events per page request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** The user's name, which the export's file carries; when not given, the export reads it from their profile. */
  @property({ attribute: false }) userName?: string;

  readonly #viewer = new ViewerController(this);
  /** The client's task directory, which names the tasks of the rows shown. */
  readonly #tasks = new LookupController(this, TaskDirectory);
  readonly #source = new PagedSource<RosterEvent>({ onChange: () => this.requestUpdate(), maxPages: 10 });
  // Descriptions wrap, and below 900 px rows stack: every row is measured.
  readonly #window = new VirtualWindow(this, {
    count: () => this.#source.length,
    onRange: (first, last) => this.#source.ensure(first, last),
    measure: true,
  });
  /** The export running: events written of those expected, and how to cancel it. */
  #exporting?: { done: number; total: number; controller: AbortController };
  #exportError?: unknown;
  /** What the last export came to, for the live region. */
  #announcement = '';
  #filters = NO_FILTERS;
  #loaded?: { client: RosterClient; key: string };
  #sums = new Map<string, { count: number; cost: number }>();
  #refreshTimer?: ReturnType<typeof setTimeout>;

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
  #query(limit: number) {
    const to = parseDay(this.#filters.to);
    to?.setDate(to.getDate() + 1);
    return { type: this.#filters.type || undefined, from: parseDay(this.#filters.from), to, limit };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: load again what disconnecting stopped.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
    this.#exporting?.controller.abort();
    this.#clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client;
    // A running export keeps the query it started with, but not another user's or client's.
    if (changed.has('userId') || changed.has('client')) this.#exporting?.controller.abort();
    if (!client || !this.userId) this.#clear();
    // An update still due when the element left the page loads nothing; connecting again loads.
    else if (this.isConnected) this.#load(client);
    this.setCustomState('loading', Boolean(this.userId) && (!client || this.#source.loading));
    this.setCustomState('exporting', Boolean(this.#exporting));
  }

  protected override updated(): void {
    // The placeholder rows while the first page loads have the rows' height: the window reads it there.
    const body = this.renderRoot.querySelector<HTMLElement>('.body, .skeleton-body');
    this.#window.observe(body, body?.querySelector<HTMLElement>('.rows') ?? body);
  }

  /** Loads the user's events for the filters in effect, unless they are loaded already. */
  #load(client: RosterClient) {
    if (this.#invalidRange) return;
    const { userId } = this;
    const query = this.#query(this.pageSize);
    const key = JSON.stringify([userId, query]);
    if (this.#loaded?.client === client && this.#loaded.key === key) return;
    this.#loaded = { client, key };
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
  #clear() {
    this.#loaded = undefined;
    this.#sums = new Map();
    this.#source.reset(undefined);
  }

  /** Loads the events from the first page again. */
  refresh(): void {
    this.#loaded = undefined;
    this.requestUpdate();
  }

  protected override handleChange(change: RosterChange) {
    if (!concerns(change, this.userId)) return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /**
   * Builds the CSV of the events of the filters in effect (what "Export CSV" downloads), reading
   * every page through `client.users.iterateEvents`. Rejects with an AbortError when `signal` aborts.
   */
  async buildCsv(
    signal?: AbortSignal,
    onProgress?: (written: number) => void,
  ): Promise<CsvFile & { fileName: string }> {
    const { client, userId } = this;
    if (!client || !userId) throw new Error('roster-events-history: no client or user-id to export from');
    const t = this.localize.t;
    const c = t.stats.csv;
    // Tool names come from the viewer's account, which an export may start before it has loaded.
    const { tools } = (this.#viewer.me ?? (await client.me({ signal }))).account;
    // The file is named after the user (by their id when their profile cannot be read).
    const name =
      this.userName ??
      (await client.users.get(userId, { signal }).then(
        (user) => `${user.firstName} ${user.lastName}`,
        () => userId,
      ));
    const tasks = TaskDirectory.for(client);
    const csv = await buildCsv(client.users.iterateEvents(userId, this.#query(200), { signal }), {
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
    return { ...csv, fileName: safeFileName(t.stats.fileName(name, formatDay(new Date()))) };
  }

  #setFilters(filters: EventFilters) {
    // A running export keeps the query it started with.
    this.#filters = filters;
    this.requestUpdate();
  }

  async #export() {
    if (this.#exporting) return;
    const t = this.localize.t;
    const exporting = (this.#exporting = { done: 0, total: this.#source.total, controller: new AbortController() });
    this.#exportError = undefined;
    this.#announcement = '';
    this.requestUpdate();
    try {
      const csv = await this.buildCsv(exporting.controller.signal, (done) => {
        exporting.done = done;
        this.requestUpdate();
      });
      downloadBlob(csv.blob, csv.fileName, this.renderRoot);
      this.#announcement = t.stats.exported(csv.count, csv.fileName);
      this.dispatchEvent(new EventsExportedEvent(this.userId, csv.fileName, csv.count));
    } catch (error) {
      if (isAbortError(error)) this.#announcement = t.stats.exportCancelled;
      else this.#exportError = error;
    } finally {
      if (this.#exporting === exporting) this.#exporting = undefined;
      this.requestUpdate();
    }
  }

  protected override render() {
    const t = this.localize.t;
    if (!this.userId) return renderState(t.stats.noUser);
    return html`<div class="toolbar" part="toolbar">${this.#renderFilters()}${this.#renderExport()}</div>
      ${this.#exportError ? renderError({ error: this.#exportError, t, onRetry: () => void this.#export(), inline: true }) : nothing}
      <div class="content">${this.#renderContent()}${this.#renderFooter()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>`;
  }

  /** The type select and the two date inputs (server-side filters). Parts: `field`, `filter`. */
  #renderFilters() {
    const t = this.localize.t;
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
    const t = this.localize.t;
    const exporting = this.#exporting;
    if (!exporting) {
      return html`<button type="button" class="button" part="button" ?disabled=${!this.#source.total || this.#invalidRange}
        @click=${() => void this.#export()}>${exportIcon}${t.stats.export}</button>`;
    }
    const total = Math.max(exporting.total, exporting.done);
    return html`<div class="export">
      <progress class="export-progress" part="progress" max=${Math.max(total, 1)} value=${exporting.done}
        aria-label=${t.stats.exportProgress(exporting.done, total)}></progress>
      <span class="muted numeric" aria-hidden="true">${this.localize.number(exporting.done)} / ${this.localize.number(total)}</span>
      <button type="button" class="button small" part="button" @click=${() => exporting.controller.abort()}>${t.stats.cancelExport}</button>
    </div>`;
  }

  #renderContent() {
    const t = this.localize.t;
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
    const t = this.localize.t;
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
    const t = this.localize.t;
    const tool = toolName(event, this.#viewer.me?.account.tools ?? []);
    // A task not known yet is looked up; the element updates when it arrives.
    const tasks = this.#tasks.value;
    void tasks?.resolve([event]);
    const task = tasks?.get(event.taskId ?? '')?.name;
    return html`<div role="row" class="row" part="row" aria-rowindex=${index + 2} data-index=${index} data-id=${event.id}>
      <div role="cell" class="cell col-time" part="cell"><time datetime=${event.at}>${this.localize.dateTime(event.at)}</time></div>
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
      <div role="cell" class="cell col-cost numeric" part="cell">${event.cost ? this.localize.number(event.cost) : html`<span class="muted">0</span>`}</div>
    </div>`;
  }

  /** The count, the running total (the total once every page was fetched) and the load status. */
  #renderFooter() {
    const t = this.localize.t;
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
