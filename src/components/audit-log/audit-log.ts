import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AUDIT_ACTIONS, type AuditAction, type AuditQuery, type RosterChange } from '../../sdk/index.js';
import { RosterElement } from '../shared/base-element.js';
import { renderSentence } from '../shared/bidi.js';
import { downloadBlob, safeFileName, type CsvFile } from '../shared/csv.js';
import { renderError } from '../shared/error-view.js';
import { isAbortError } from '../shared/errors.js';
import { renderState } from '../shared/state-view.js';
import { styleProps } from '../shared/style-props.js';
import { rowSlots, VirtualWindow } from '../shared/virtual-window.js';
import { formatDay, parseDay } from '../events-history/events-table.js';
import { ViewerController } from '../viewer.js';
import { AuditHistory } from './audit-history.js';
import { ACTION_TONES, actionLabel, sentenceOf } from './audit-rows.js';
import { styles } from './audit-log.styles.js';
import { addEnglish } from '../localize/catalogs.js';
import { auditLog } from '../localize/en-audit-log.js';
import { notificationOptions } from '../localize/en-notifications.js';

// Its English strings arrive with its code, before the element is defined.
addEnglish({ auditLog, editor: { notificationOptions } });

/** The filters as the viewer set them; dates are `YYYY-MM-DD` of a date input, both inclusive. */
interface AuditFilters {
  /** The text of the person field, and the person it names (none until it names one). */
  personText: string;
  personId?: string;
  /** Whether the person is the one changed (`target`) or the one who made the change (`actor`). */
  personRole: 'target' | 'actor';
  action: AuditAction | '';
  from: string;
  to: string;
}

const NO_FILTERS: AuditFilters = { personText: '', personRole: 'target', action: '', from: '', to: '' };
/** Writes arriving together (a script) cause one reload. */
const REFRESH_DELAY_MS = 150;
const COLUMNS = ['time', 'action', 'change'] as const;

const exportIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"/></svg>`;

/**
 * @summary The account's audit log: who changed what on whom, and when, newest first.
 * @tag roster-audit-log
 *
 * Each change reads as a sentence ("Greta Hoffmann gave Sophie Becker access to the task “Berlin
 * audit” (Site Audit)"), with task names looked up through the client's task directory and tool
 * names from the account. Filters run on the server (`GET /audit`): a person (suggested as you
 * type: current profiles, and everyone the log named so far) as the one changed or the one who made
 * the change, an action, and a range of days. Entries page by cursor into a virtualised table; "Export
 * CSV" writes every change of the filters (formula-safe). Needs `users:read` (owner, managers).
 * Reloads after writes made through its client. Below 900 px of its own width each row stacks.
 *
 * @csspart toolbar - The filters and the export.
 * @csspart field - A filter with its label.
 * @csspart filter - A filter control: person, their role in the change, action, first and last day.
 * @csspart field-error - Under the filters: an unknown person or a range that ends before it starts.
 * @csspart button - "Export CSV", "Cancel" of a running export, "Clear filters", "Try again".
 * @csspart progress - A running export's progress bar.
 * @csspart table - The scrolling table.
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - A column header.
 * @csspart row - A change.
 * @csspart skeleton - A placeholder row while its page loads, on top of `row`; also each placeholder bar.
 * @csspart cell - A cell.
 * @csspart badge - The action of a change.
 * @csspart footer - Count and load status.
 * @csspart state - A block in place of the table: empty, no results, no permission, failed.
 * @csspart alert - A failure: the block in place of the table (on top of `state`) or the line in the footer.
 *
 * @cssprop [--roster-audit-log-height=28rem] - Height of the scrolling table.
 * @cssprop [--roster-audit-log-row-height=3.25rem] - Least height of a row (times `--roster-density`); a row grows with its sentence.
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The first page of the filters is loading.
 * @cssstate exporting - A CSV export is running.
 */
export class RosterAuditLog extends RosterElement {
  static override styles = styles;

  readonly #viewer = new ViewerController(this);
  readonly #history = new AuditHistory(this);
  readonly #window = new VirtualWindow(this, {
    count: () => this.#history.source.length,
    onRange: (first, last) => this.#history.source.ensure(first, last),
    // Sentences wrap, and below 900 px rows stack: every row is measured.
    measure: true,
  });

  /** Entries per page request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  @state() private filters = NO_FILTERS;
  /** The person field was left naming nobody known. */
  @state() private personUnknown = false;
  @state() private exporting?: { done: number; total: number; controller: AbortController };
  @state() private exportError?: unknown;
  @state() private announcement = '';

  #refreshTimer?: ReturnType<typeof setTimeout>;

  /** The server query of the filters: days are the viewer's calendar days (`to` is exclusive, so the next midnight). */
  get #query(): AuditQuery {
    const { personId, personRole, action, from, to } = this.filters;
    const end = parseDay(to);
    end?.setDate(end.getDate() + 1);
    return {
      [personRole === 'actor' ? 'actorId' : 'targetId']: personId,
      action: action || undefined,
      from: parseDay(from),
      to: end,
      limit: this.pageSize,
    };
  }

  get #invalidRange(): boolean {
    const from = parseDay(this.filters.from);
    const to = parseDay(this.filters.to);
    return Boolean(from && to && from > to);
  }

  get #allowed(): boolean {
    return this.#viewer.can('users:read');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the document: load again what disconnecting stopped.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
    this.exporting?.controller.abort();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.client;
    // Only a viewer known to hold `users:read` asks: anyone else would only get 403s.
    if (client && this.#allowed && !this.#invalidRange) this.#history.load(client, this.#query);
    else if (!client || (this.#viewer.me && !this.#allowed)) this.#history.clear();
    this.setCustomState('loading', !this.#history.source.ready && (this.#history.source.loading || !this.#viewer.me));
    this.setCustomState('exporting', Boolean(this.exporting));
  }

  protected override updated(): void {
    // The placeholder rows while the first page loads have the rows' height: the window reads it there.
    const body = this.renderRoot.querySelector<HTMLElement>('.body, .skeleton-body');
    this.#window.observe(body, body?.querySelector<HTMLElement>('.rows') ?? body);
  }

  /**
   * Builds the CSV of every change of the filters in effect (what "Export CSV" downloads), reading
   * every page through `client.audit.iterate`. Rejects with an AbortError when `signal` aborts.
   */
  async buildCsv(
    signal?: AbortSignal,
    onProgress?: (entries: number) => void,
  ): Promise<CsvFile & { fileName: string }> {
    const client = this.client;
    if (!client) throw new Error('roster-audit-log: no client to export from');
    const t = this.localize.t;
    // Tool names come from the viewer's account, which an export may start before it has loaded.
    const { tools } = (this.#viewer.me ?? (await client.me({ signal }))).account;
    const number = (value: number) => this.localize.number(value);
    const csv = await this.#history.csv(
      client,
      { ...this.#query, limit: undefined },
      t,
      { t, number, tools },
      signal,
      onProgress,
    );
    return { ...csv, fileName: safeFileName(t.auditLog.fileName(formatDay(new Date()))) };
  }

  /** Loads the first page again. */
  refresh(): void {
    this.#history.reload();
  }

  protected override handleChange(change: RosterChange) {
    if (change.type === 'task-created') return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  #setFilters(patch: Partial<AuditFilters>) {
    this.filters = { ...this.filters, ...patch };
  }

  /** Names the person when the text is one of the suggestions; asks for more suggestions otherwise. */
  #handlePersonInput(event: Event) {
    const text = (event.target as HTMLInputElement).value;
    const match = [...this.#history.people.values()].find((person) => person.label === text.trim());
    this.personUnknown = false;
    this.#setFilters({ personText: text, personId: match?.id });
    if (!match && this.client) this.#history.suggest(this.client, text);
  }

  async #export() {
    if (this.exporting) return;
    const t = this.localize.t;
    const exporting = (this.exporting = {
      done: 0,
      total: this.#history.source.total,
      controller: new AbortController(),
    });
    this.exportError = undefined;
    this.announcement = '';
    try {
      const csv = await this.buildCsv(exporting.controller.signal, (done) => {
        this.exporting = { ...exporting, done };
      });
      downloadBlob(csv.blob, csv.fileName, this.renderRoot);
      this.announcement = t.auditLog.exported(csv.count, csv.fileName);
    } catch (error) {
      if (isAbortError(error)) this.announcement = t.auditLog.exportCancelled;
      else this.exportError = error;
    } finally {
      this.exporting = undefined;
    }
  }

  /** Person, their part, action and days (server-side filters). Parts: `filters`, `filter`. */
  #renderFilters() {
    const a = this.localize.t.auditLog;
    const filters = this.filters;
    const invalid = this.#invalidRange;
    const date = (name: 'from' | 'to', min: string, max: string) => html`<label class="field" part="field">
      <span class="label">${a[name]}</span>
      <input class="input" part="filter" type="date" name=${name} .value=${filters[name]} min=${min || nothing} max=${max || nothing}
        aria-invalid=${invalid} aria-describedby=${invalid ? 'range-error' : nothing}
        @change=${(event: Event) => this.#setFilters({ [name]: (event.target as HTMLInputElement).value })} />
    </label>`;
    return html`<div class="filters" role="group" aria-label=${a.filters}>
      <label class="field person" part="field">
        <span class="label">${a.person}</span>
        <input class="input" part="filter" type="search" name="person" list="people" autocomplete="off" placeholder=${a.personPlaceholder}
          .value=${filters.personText} aria-invalid=${this.personUnknown} aria-describedby=${this.personUnknown ? 'person-error' : nothing}
          @input=${this.#handlePersonInput} @change=${() => (this.personUnknown = Boolean(this.filters.personText.trim() && !this.filters.personId))} />
        <datalist id="people">
          ${repeat(
            this.#history.people.values(),
            (person) => person.id,
            (person) => html`<option value=${person.label}></option>`,
          )}
        </datalist>
      </label>
      <label class="field" part="field">
        <span class="label">${a.personRole}</span>
        <select class="select" part="filter" name="role" .value=${filters.personRole}
          @change=${(event: Event) => this.#setFilters({ personRole: (event.target as HTMLSelectElement).value as AuditFilters['personRole'] })}>
          <option value="target" ?selected=${filters.personRole === 'target'}>${a.personTarget}</option>
          <option value="actor" ?selected=${filters.personRole === 'actor'}>${a.personActor}</option>
        </select>
      </label>
      <label class="field" part="field">
        <span class="label">${a.action}</span>
        <select class="select" part="filter" name="action" .value=${filters.action}
          @change=${(event: Event) => this.#setFilters({ action: (event.target as HTMLSelectElement).value as AuditAction })}>
          <option value="" ?selected=${!filters.action}>${a.allActions}</option>
          ${AUDIT_ACTIONS.map((action) => html`<option value=${action} ?selected=${filters.action === action}>${a.actions[action]}</option>`)}
        </select>
      </label>
      ${date('from', '', filters.to)}${date('to', filters.from, '')}
    </div>
    ${this.personUnknown ? html`<p id="person-error" class="field-error" part="field-error" role="alert">${a.personUnknown}</p>` : nothing}
    ${invalid ? html`<p id="range-error" class="field-error" part="field-error" role="alert">${a.invalidRange}</p>` : nothing}`;
  }

  #renderExport() {
    const a = this.localize.t.auditLog;
    const exporting = this.exporting;
    if (!exporting) {
      return html`<button type="button" class="button" part="button" ?disabled=${!this.#history.source.total || this.#invalidRange}
        @click=${() => void this.#export()}>${exportIcon}${a.export}</button>`;
    }
    const total = Math.max(exporting.total, exporting.done);
    return html`<div class="export">
      <progress class="export-progress" part="progress" max=${Math.max(total, 1)} value=${exporting.done}
        aria-label=${a.exportProgress(exporting.done, total)}></progress>
      <span class="muted numeric" aria-hidden="true">${this.localize.number(exporting.done)} / ${this.localize.number(total)}</span>
      <button type="button" class="button small" part="button" @click=${() => exporting.controller.abort()}>${a.cancelExport}</button>
    </div>`;
  }

  #renderContent() {
    const t = this.localize.t;
    const source = this.#history.source;
    if (this.#invalidRange) return nothing;
    if (source.error && !source.length) {
      if ((source.error as { name?: string }).name === 'ForbiddenError')
        return renderState(t.common.noPermissionTitle, t.auditLog.noPermissionText);
      return renderError({ error: source.error, t, onRetry: () => source.retry() });
    }
    if (!source.ready) return this.#renderTable(true);
    if (source.length) return this.#renderTable(false);
    const { personText, action, from, to } = this.filters;
    return personText || action || from || to
      ? renderState(
          t.auditLog.noResultsTitle,
          t.auditLog.noResultsText,
          html`<button type="button" class="button" part="button" @click=${() => {
            this.personUnknown = false;
            this.filters = NO_FILTERS;
          }}>${t.auditLog.clearFilters}</button>`,
        )
      : renderState(t.auditLog.emptyTitle, t.auditLog.emptyText);
  }

  /** The table: a scrolling body holding only the rows of the window in view. */
  #renderTable(skeleton: boolean) {
    const a = this.localize.t.auditLog;
    const source = this.#history.source;
    return html`<div class="table" part="table" role="table" aria-label=${a.label}
      aria-rowcount=${skeleton || source.hasMore ? -1 : source.length + 1} aria-busy=${skeleton || source.busy}>
      <div role="rowgroup" class="head">
        <div role="row" class="row header-row" part="header-row" aria-rowindex="1">
          ${COLUMNS.map((key) => html`<div role="columnheader" class="cell col-${key}" part="header-cell">${a.columns[key]}</div>`)}
        </div>
      </div>
      ${
        skeleton
          ? html`<div role="rowgroup" class="skeleton-body">${Array.from({ length: 6 }, (_, i) => this.#renderSkeletonRow(i))}</div>`
          : html`<div role="rowgroup" class="body" tabindex="0" aria-label=${a.label}><div class="rows" ${styleProps(this.#window.bodyStyle())}>
            ${rowSlots(this.#window.indexes(), (index) => this.#renderRow(index))}
          </div></div>`
      }
    </div>`;
  }

  #renderSkeletonRow(index: number) {
    return html`<div role="row" class="row skeleton-row" part="row skeleton" aria-rowindex=${index + 2} data-index=${index}>
      ${COLUMNS.map((key) => html`<div role="cell" class="cell col-${key}" part="cell"><span class="skeleton"></span></div>`)}
    </div>`;
  }

  /** One change (not loaded yet: a skeleton). Parts: `row`, `cell`, `badge`. */
  #renderRow(index: number) {
    const row = this.#history.source.at(index);
    if (!row) return this.#renderSkeletonRow(index);
    const t = this.localize.t;
    const sentence = sentenceOf(row, {
      t,
      number: (value) => this.localize.number(value),
      tools: this.#viewer.me?.account.tools ?? [],
      taskName: this.#history.taskName,
    });
    const { entry } = row;
    return html`<div role="row" class="row" part="row" aria-rowindex=${index + 2} data-index=${index} data-id=${entry.id} data-action=${entry.action}>
      <div role="cell" class="cell col-time" part="cell"><time datetime=${entry.at}>${this.localize.dateTime(entry.at)}</time></div>
      <div role="cell" class="cell col-action" part="cell">
        <span class="badge" part="badge" data-tone=${ACTION_TONES[entry.action] ?? 'neutral'}>${actionLabel(entry.action, t)}</span>
      </div>
      <div role="cell" class="cell col-change" part="cell">
        <span class="sentence">${renderSentence(sentence)}</span>
      </div>
    </div>`;
  }

  #renderFooter() {
    const t = this.localize.t;
    const source = this.#history.source;
    const tasks = this.#history.tasks;
    if (this.#invalidRange || !source.length) return nothing;
    return html`<div class="footer" part="footer">
      <span class="numeric">${t.auditLog.count(source.total)}</span>
      ${
        source.error
          ? renderError({ error: source.error, t, onRetry: () => source.retry(), inline: true })
          : source.busy
            ? html`<span class="muted">${t.auditLog.loadingMore}</span>`
            : nothing
      }
      ${tasks?.error ? renderError({ error: tasks.error, t, onRetry: () => tasks.retry(), inline: true }) : nothing}
    </div>`;
  }

  protected override render() {
    const t = this.localize.t;
    const me = this.#viewer.me;
    if (me && !this.#allowed) return renderState(t.common.noPermissionTitle, t.auditLog.noPermissionText);
    if (!me && this.#viewer.state.error)
      return renderError({ error: this.#viewer.state.error, t, onRetry: () => void this.#viewer.refresh() });
    return html`<div class="toolbar" part="toolbar">${this.#renderFilters()}${this.#renderExport()}</div>
      ${this.exportError ? renderError({ error: this.exportError, t, onRetry: () => void this.#export(), inline: true }) : nothing}
      <div class="content">${this.#renderContent()}${this.#renderFooter()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
