import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { type RosterChange, isRosterError } from '../../sdk/index.js';
import { concerns, REFRESH_DELAY_MS, type RosterEventsHistory } from '../events-history/events-history.js';
import { EXPORT_PARTS } from '../parts.js';
import { RosterElement } from '../shared/base-element.js';
import type { CsvFile } from '../shared/csv.js';
import { renderError } from '../shared/error-view.js';
import { renderState } from '../shared/state-view.js';
import { renderSpendingChart } from './spending-chart.js';
import { StatsSource } from './stats-source.js';
import { budgetOf, renderBudget, renderFigures } from './stats-overview.js';
import { styles } from './user-stats.styles.js';
import { addEnglish } from '../localize/catalogs.js';
import { stats } from '../localize/en-stats.js';

// Its English strings arrive with its code, before the element is defined.
addEnglish({ stats });

export type StatsTab = 'statistics' | 'events';
const TABS: StatsTab[] = ['statistics', 'events'];

/**
 * @summary A user's statistics (budget, spending, a chart per day) and their event history, in two tabs.
 * @tag roster-user-stats
 *
 * Statistics: role, budget, creation date, credits available and spent, tasks owned and last
 * activity (`GET /users/{id}/stats`); a bar of spent against the credit limit (or the balance when
 * there is none) with "Limit reached" as its own state; credits spent per day over the 30 days up to
 * the last activity, drawn in SVG with a summary sentence and a hidden table as text alternative.
 * Events history: every event, filtered by type and dates on the server, paged by cursor into a
 * virtualised table, with a running total and a CSV export of the filtered history: a
 * `<roster-events-history>`, whose parts this element passes on. Tabs follow the
 * WAI-ARIA tabs pattern (←/→, Home/End, automatic activation). Reloads when the client reports a
 * write that concerns the user (a task they created, a change to their profile).
 *
 * @fires {EventsExportedEvent} roster-events-exported - A CSV export was offered as a download. `detail: { userId, fileName, count }`.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-selected - The open tab, on top of `tab`.
 * @csspart tab-panel - A tab's content.
 * @csspart item - One figure (label and value) of the overview.
 * @csspart badge - A badge: the role, an event's type, "Limit reached" or "No credits left" (with a dot).
 * @csspart group - The budget section (`data-state="ok" | "exhausted"`).
 * @csspart meter - The budget bar.
 * @csspart meter-fill - Its filled part.
 * @csspart alert - A problem: no credits left, a failure (on top of `state` when it replaces a tab's content).
 * @csspart hint - A muted sentence: the chart's summary, a partial chart, a budget capped by the balance.
 * @csspart chart - The spending chart.
 * @csspart chart-bar - A day's bar (SVG: style it with `fill`).
 * @csspart toolbar - The event filters and the export.
 * @csspart field - A filter with its label.
 * @csspart filter - A filter control: type, first and last day.
 * @csspart field-error - Under the filters: a range that ends before it starts.
 * @csspart button - "Export CSV", "Cancel" of a running export, "Clear filters", "Try again".
 * @csspart progress - A running export's progress bar.
 * @csspart table - The scrolling events table.
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - A column header.
 * @csspart row - An event.
 * @csspart skeleton - A placeholder row while its page loads (on top of `row`), the figures while they load, each placeholder bar.
 * @csspart cell - A cell.
 * @csspart footer - Count and running total.
 * @csspart count - The running total.
 * @csspart state - A block in place of a tab's content: empty, no permission, failed.
 *
 * @cssprop [--roster-user-stats-events-height=24rem] - Height of the events table.
 * @cssprop [--roster-user-stats-row-height=2.75rem] - Least height of an event row (times `--roster-density`); a row grows with its text. Below 900 px of the element's width rows stack.
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

  readonly #stats = new StatsSource(() => this.requestUpdate());

  /** The open user's name, known from the statistics' load: the events export needs no request of its own for it. */
  get #userName(): string | undefined {
    const user = this.#stats.user;
    return user && `${user.firstName} ${user.lastName}`;
  }

  /** Id of the user whose statistics are shown. */
  @property({ attribute: 'user-id', reflect: true }) userId = '';
  /** The tab shown. */
  @property({ reflect: true }) tab: StatsTab = 'statistics';
  /** Days in the spending chart, ending on the day of the last activity. */
  @property({ type: Number, attribute: 'chart-days' }) chartDays = 30;
  /** Events per page request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  #loadedKey?: string;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  /** The events history, once the Events tab was opened: it stays (hidden on the other tab) with its filters and rows. */
  #history?: RosterEventsHistory | null;
  #historyShown = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: load again what disconnecting stopped.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
    this.#loadedKey = undefined;
    this.#stats.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client;
    const key = client && this.userId ? JSON.stringify([this.userId, this.chartDays]) : undefined;
    // An update still due when the element left the page (its profile was just deleted) loads nothing;
    // connecting again loads what disconnecting forgot.
    const connected = this.isConnected;
    if (connected && (key !== this.#loadedKey || changed.has('client'))) {
      this.#loadedKey = key;
      this.#stats.clear();
      if (client && this.userId) void this.#stats.load(client, this.userId, this.chartDays);
    }
    if (this.tab === 'events') this.#historyShown = true;
    const { stats, error, loading } = this.#stats;
    const history = this.#history;
    this.setCustomState(
      'loading',
      Boolean(this.userId) &&
        (!client || (loading && !stats) || (this.tab === 'events' && !!history?.hasCustomState('loading'))),
    );
    this.setCustomState('error', Boolean(error));
    this.setCustomState('limit-reached', Boolean(stats && budgetOf(stats).exhausted));
    this.setCustomState('exporting', !!history?.hasCustomState('exporting'));
  }

  protected override updated(): void {
    const history = this.renderRoot.querySelector('roster-events-history');
    if (history && history !== this.#history) {
      // Its first page and its export are states of this element too: it updates with the history.
      history.addController({ hostUpdated: () => this.requestUpdate() });
    }
    this.#history = history;
  }

  /**
   * Builds the CSV of the event history for the filters in effect (what "Export CSV" downloads),
   * reading every page through `client.users.iterateEvents`. Rejects with an AbortError when
   * `signal` aborts.
   */
  async buildCsv(
    signal?: AbortSignal,
    onProgress?: (written: number) => void,
  ): Promise<CsvFile & { fileName: string }> {
    // The history holds the filters: it renders (hidden on the statistics tab) if it has not yet.
    this.#historyShown = true;
    this.requestUpdate();
    await this.updateComplete;
    if (!this.#history) throw new Error('roster-user-stats: no user-id to export from');
    return this.#history.buildCsv(signal, onProgress);
  }

  /** Loads the figures, the chart and the loaded events again. */
  refresh(): void {
    this.#loadStats();
    this.#history?.refresh();
  }

  #loadStats() {
    const client = this.client;
    if (client && this.userId) void this.#stats.load(client, this.userId, this.chartDays);
  }

  protected override handleChange(change: RosterChange) {
    // The history follows the changes itself.
    if (!concerns(change, this.userId)) return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => this.#loadStats(), REFRESH_DELAY_MS);
  }

  #handleTabKeydown(event: KeyboardEvent) {
    // Two tabs: either arrow moves to the other one (wrapping around), in either writing direction.
    const other = this.tab === 'events' ? 'statistics' : 'events';
    const tab = (
      { ArrowLeft: other, ArrowRight: other, Home: 'statistics', End: 'events' } as Record<string, StatsTab | undefined>
    )[event.key];
    if (!tab) return;
    event.preventDefault();
    this.tab = tab;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #renderStatistics() {
    const t = this.localize.t;
    const { stats, error, chart, chartError, chartLoading } = this.#stats;
    if (isRosterError(error, 'forbidden')) return renderState(t.common.noPermissionTitle, t.stats.noPermissionText);
    if (error) return renderError({ error, t, onRetry: () => this.refresh() });
    if (!stats) {
      return html`<div class="figures skeleton-figures" part="skeleton" aria-busy="true">
        ${Array.from({ length: 7 }, () => html`<div class="figure"><span class="skeleton"></span><span class="skeleton"></span></div>`)}
      </div>`;
    }
    return html`${renderFigures(stats, this.localize)}${renderBudget(stats, this.localize)}
      ${
        chartError
          ? renderError({ error: chartError, t, onRetry: () => this.refresh(), inline: true })
          : chart
            ? renderSpendingChart(chart, this.localize)
            : chartLoading
              ? html`<div class="chart chart-loading" aria-busy="true"><span class="skeleton"></span></div>`
              : nothing
      }`;
  }

  protected override render() {
    const t = this.localize.t;
    if (!this.userId) return renderState(t.stats.noUser);
    const labels = { statistics: t.stats.statisticsTab, events: t.stats.eventsTab };
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t.stats.tabs} @keydown=${this.#handleTabKeydown}>
        ${TABS.map((tab) => {
          const selected = tab === this.tab;
          return html`<button type="button" role="tab" id="tab-${tab}" class="tab" part="tab${selected ? ' tab-selected' : ''}"
            aria-selected=${selected} aria-controls="panel-${tab}" tabindex=${selected ? 0 : -1}
            @click=${() => (this.tab = tab)}>${labels[tab]}</button>`;
        })}
      </div>
      ${TABS.map(
        (tab) => html`<div role="tabpanel" id="panel-${tab}" class="panel" part="tab-panel" aria-labelledby="tab-${tab}"
        tabindex="0" ?hidden=${tab !== this.tab}>
        ${
          tab === 'statistics'
            ? tab === this.tab
              ? this.#renderStatistics()
              : nothing
            : this.#historyShown
              ? html`<roster-events-history user-id=${this.userId} page-size=${this.pageSize} .userName=${this.#userName} exportparts=${EXPORT_PARTS} .client=${this.client} .i18n=${this.i18n}></roster-events-history>`
              : nothing
        }
      </div>`,
      )}`;
  }
}
