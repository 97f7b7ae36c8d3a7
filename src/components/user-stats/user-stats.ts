import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RosterChange } from '../../sdk/index.js';
import { EventsExportedEvent } from '../events.js';
import { RosterElement } from '../shared/base-element.js';
import { renderError } from '../shared/error-view.js';
import { isAbortError } from '../shared/errors.js';
import { VirtualWindow } from '../shared/virtual-window.js';
import { ViewerController } from '../viewer.js';
import { buildEventsCsv, downloadBlob, type EventsCsv, safeFileName } from './events-csv.js';
import { EventsHistory, type EventFilters, eventQuery, formatDay, isInvalidRange, NO_FILTERS } from './events-history.js';
import { renderEventsPanel } from './events-panel.js';
import { csvCells, csvHeader, type Names } from './events-table.js';
import { renderSpendingChart } from './spending-chart.js';
import { StatsSource } from './stats-source.js';
import { budgetOf, renderBudget, renderFigures } from './stats-overview.js';
import { styles } from './user-stats.styles.js';

export type StatsTab = 'statistics' | 'events';
const TABS: StatsTab[] = ['statistics', 'events'];
/** Changes arriving together (a script creating tasks) cause one reload. */
const REFRESH_DELAY_MS = 150;

/**
 * @summary A user's statistics (budget, spending, a chart per day) and their event history, in two tabs.
 * @tag roster-user-stats
 *
 * Statistics: role, budget, creation date, credits available and spent, tasks owned and last
 * activity (`GET /users/{id}/stats`); a bar of spent against the credit limit (or the balance when
 * there is none) with "Limit reached" as its own state; credits spent per day over the 30 days up to
 * the last activity, drawn in SVG with a summary sentence and a hidden table as text alternative.
 * Events history: every event, filtered by type and dates on the server, paged by cursor into a
 * virtualised table, with a running total and a CSV export of the filtered history. Tabs follow the
 * WAI-ARIA tabs pattern (←/→, Home/End, automatic activation). Reloads when the client reports a
 * write that concerns the user (a task they created, a change to their profile).
 *
 * @fires {EventsExportedEvent} roster-events-exported - A CSV export was offered as a download. `detail: { userId, fileName, count }`.
 *
 * @csspart tabs - The tab list. @csspart tab - A tab (also `selected-tab`). @csspart panel - A tab panel.
 * @csspart selected-tab - The open tab, on top of `tab`.
 * @csspart figures - The list of figures. @csspart figure - One figure. @csspart badge - Role, type and limit badges.
 * @csspart budget - The budget section (`data-state="ok" | "exhausted"`). @csspart meter - The budget bar. @csspart meter-fill - Its filled part.
 * @csspart limit-badge - "Limit reached" or "No credits left" beside the budget bar, on top of `badge`.
 * @csspart limit-notice - The notice shown when no credits are left.
 * @csspart chart - The chart figure. @csspart chart-bar - A day's bar (SVG). @csspart chart-summary - The summary sentence.
 * @csspart filters - The event filters. @csspart filter - A filter control.
 * @csspart export-button - "Export CSV". @csspart export-progress - The export's progress bar. @csspart cancel-button - Cancels the export.
 * @csspart export - The running export in place of the button: progress bar, count and cancel.
 * @csspart table - The scrolling events table. @csspart header - Its header row. @csspart row - An event row (also `skeleton-row`). @csspart cell - A cell.
 * @csspart skeleton-row - A placeholder row while its page loads, on top of `row`.
 * @csspart footer - Count and running total. @csspart total - The running total.
 * @csspart state - Empty and no-permission blocks. @csspart error - An error block. @csspart retry-button - "Try again".
 *
 * @cssprop [--roster-user-stats-events-height=24rem] - Height of the events table.
 * @cssprop [--roster-user-stats-row-height=2.75rem] - Height of an event row (times `--roster-density`).
 * @cssprop [--roster-user-stats-chart-height=7rem] - Height of the chart's plot.
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The figures (or, on the events tab, the first page) are loading.
 * @cssstate error - Loading the figures failed.
 * @cssstate limit-reached - The user has no credits available.
 * @cssstate exporting - A CSV export is running.
 */
export class RosterUserStats extends RosterElement {
  static override styles = styles;

  private readonly viewer = new ViewerController(this);
  private readonly statsSource = new StatsSource({ onChange: () => this.requestUpdate() });
  private readonly history = new EventsHistory(() => this.requestUpdate());
  private readonly eventsWindow = new VirtualWindow(this, {
    count: () => this.history.source.length,
    onRange: (first, last) => this.history.source.ensure(first, last),
  });

  /** Id of the user whose statistics are shown. */
  @property({ attribute: 'user-id', reflect: true }) userId = '';
  /** The tab shown. */
  @property({ reflect: true }) tab: StatsTab = 'statistics';
  /** Days in the spending chart, ending on the day of the last activity. */
  @property({ type: Number, attribute: 'chart-days' }) chartDays = 30;
  /** Events per page request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  @state() private filters: EventFilters = NO_FILTERS;
  @state() private exporting?: { done: number; total: number; controller: AbortController };
  @state() private exportError?: unknown;
  @state() private announcement = '';

  private loadedKey?: string;
  private subscribedClient?: unknown;
  private unsubscribe?: () => void;
  private refreshTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: load again what disconnecting stopped.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refreshTimer);
    this.unsubscribe?.();
    this.unsubscribe = this.subscribedClient = this.loadedKey = undefined;
    this.exporting?.controller.abort();
    this.statsSource.abort();
    this.history.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.client !== this.subscribedClient) {
      this.unsubscribe?.();
      this.subscribedClient = this.client;
      this.unsubscribe = this.client?.onChange((change) => this.handleChange(change));
    }
    const client = this.client;
    const key = client && this.userId ? JSON.stringify([this.userId, this.chartDays]) : undefined;
    if (key !== this.loadedKey || changed.has('client')) {
      this.loadedKey = key;
      this.exporting?.controller.abort();
      this.statsSource.clear();
      if (client && this.userId) void this.statsSource.load(client, this.userId, this.chartDays);
    }
    if (!client || !this.userId) this.history.clear();
    else if (this.tab === 'events' && !isInvalidRange(this.filters)) this.history.use(client, this.userId, this.filters, this.pageSize);
    const { stats, error, loading } = this.statsSource;
    this.setCustomState('loading', Boolean(this.userId) && (!client || (loading && !stats) || (this.tab === 'events' && this.history.source.loading)));
    this.setCustomState('error', Boolean(error));
    this.setCustomState('limit-reached', Boolean(stats && budgetOf(stats).exhausted));
    this.setCustomState('exporting', Boolean(this.exporting));
  }

  /**
   * Builds the CSV of the event history for the filters in effect (what "Export CSV" downloads),
   * reading every page through `client.users.iterateEvents`. Rejects with an AbortError when
   * `signal` aborts.
   */
  async buildCsv(signal?: AbortSignal, onProgress?: (written: number) => void): Promise<EventsCsv & { fileName: string }> {
    const client = this.client;
    if (!client || !this.userId) throw new Error('roster-user-stats: no client or user-id to export from');
    const t = this.localize.t;
    // Tool names come from the viewer's account, which an export may start before it has loaded.
    const tools = (this.viewer.me ?? (await client.me({ signal }))).account.tools;
    const names = { tools, tasks: this.history.taskNames };
    const query = { ...eventQuery(this.filters), limit: 200 };
    const csv = await buildEventsCsv(client.users.iterateEvents(this.userId, query, { signal }), {
      header: csvHeader(t), cells: (event) => csvCells(event, t, names), onProgress, signal,
    });
    const user = this.statsSource.user;
    const name = user ? `${user.firstName} ${user.lastName}` : this.userId;
    return { ...csv, fileName: safeFileName(t.stats.fileName(name, formatDay(new Date()))) };
  }

  private get names(): Names {
    return { tools: this.viewer.me?.account.tools ?? [], tasks: this.history.taskNames };
  }

  private handleChange(change: RosterChange) {
    if (change.type === 'task-created') this.history.addTask(change.task);
    const concerns = (change.type === 'task-created' || change.type === 'user-updated' || change.type === 'user-deleted')
      && change.userId === this.userId;
    if (!concerns) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Loads the figures, the chart and the loaded events again. */
  refresh(): void {
    const client = this.client;
    if (!client || !this.userId) return;
    void this.statsSource.load(client, this.userId, this.chartDays);
    this.history.reload();
  }

  private selectTab(tab: StatsTab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private handleTabKeydown(event: KeyboardEvent) {
    const index = TABS.indexOf(this.tab);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(TABS[next]!, true);
  }

  private handleFilters(patch: Partial<EventFilters>) {
    // A running export keeps the query it started with.
    this.filters = { ...this.filters, ...patch };
  }

  private async handleExport() {
    if (this.exporting) return;
    const t = this.localize.t;
    const controller = new AbortController();
    this.exporting = { done: 0, total: this.history.source.total, controller };
    this.exportError = undefined;
    this.announcement = '';
    try {
      const csv = await this.buildCsv(controller.signal, (done) => {
        if (this.exporting?.controller === controller) this.exporting = { ...this.exporting, done };
      });
      downloadBlob(csv.blob, csv.fileName, this.renderRoot);
      this.announcement = t.stats.exported(csv.count, csv.fileName);
      this.dispatchEvent(new EventsExportedEvent(this.userId, csv.fileName, csv.count));
    } catch (error) {
      if (isAbortError(error)) this.announcement = t.stats.exportCancelled;
      else this.exportError = error;
    } finally {
      if (this.exporting?.controller === controller) this.exporting = undefined;
    }
  }

  private renderState(title: string, text?: string) {
    return html`<div class="state" part="state"><p class="state-title">${title}</p>${text ? html`<p class="state-text">${text}</p>` : nothing}</div>`;
  }

  private renderStatistics() {
    const t = this.localize.t;
    const ctx = { t, localize: this.localize };
    const { stats, error, chart, chartError, chartLoading } = this.statsSource;
    if (error && (error as { name?: string }).name === 'ForbiddenError') return this.renderState(t.common.noPermissionTitle, t.stats.noPermissionText);
    if (error) return renderError({ error, t, onRetry: () => this.refresh() });
    if (!stats) {
      return html`<div class="figures skeleton-figures" aria-busy="true">
        ${Array.from({ length: 7 }, () => html`<div class="figure"><span class="skeleton"></span><span class="skeleton"></span></div>`)}
      </div>`;
    }
    return html`${renderFigures(stats, ctx)}${renderBudget(stats, ctx)}
      ${chartError
        ? renderError({ error: chartError, t, onRetry: () => this.refresh(), inline: true })
        : chart
          ? renderSpendingChart(chart, t, this.localize)
          : chartLoading ? html`<div class="chart chart-loading" aria-busy="true"><span class="skeleton"></span></div>` : nothing}`;
  }

  private renderTabs() {
    const t = this.localize.t;
    const labels: Record<StatsTab, string> = { statistics: t.stats.statisticsTab, events: t.stats.eventsTab };
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t.stats.tabs} @keydown=${this.handleTabKeydown}>
      ${TABS.map((tab) => {
        const selected = tab === this.tab;
        return html`<button type="button" role="tab" id="tab-${tab}" class="tab" part="tab${selected ? ' selected-tab' : ''}"
          aria-selected=${selected ? 'true' : 'false'} aria-controls="panel-${tab}" tabindex=${selected ? 0 : -1}
          @click=${() => this.selectTab(tab)}>${labels[tab]}</button>`;
      })}
    </div>`;
  }

  protected override updated(): void {
    const body = this.renderRoot.querySelector<HTMLElement>('.table .body');
    this.eventsWindow.observe(body, body?.querySelector<HTMLElement>('.rows'));
  }

  protected override render() {
    const t = this.localize.t;
    if (!this.userId) return this.renderState(t.stats.noUser);
    return html`${this.renderTabs()}
      ${TABS.map((tab) => html`<div role="tabpanel" id="panel-${tab}" class="panel" part="panel" aria-labelledby="tab-${tab}"
        tabindex="0" ?hidden=${tab !== this.tab}>
        ${tab !== this.tab
          ? nothing
          : tab === 'statistics'
            ? this.renderStatistics()
            : renderEventsPanel({
                t, localize: this.localize, history: this.history, window: this.eventsWindow, names: this.names, filters: this.filters,
                invalidRange: isInvalidRange(this.filters), exporting: this.exporting, exportError: this.exportError,
                onFilters: (filters) => this.handleFilters(filters),
                onExport: () => void this.handleExport(),
                onCancelExport: () => this.exporting?.controller.abort(),
              })}
      </div>`)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
