import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ROLES, USER_STATUSES, type Role, type RosterChange, type User, type UserSort, type UserStatus } from '../../sdk/index.js';
import { SelectEvent, UserCreateRequestEvent, VerificationSentEvent } from '../events.js';
import { RosterElement } from '../shared/base-element.js';
import { renderError } from '../shared/error-view.js';
import { styleProps } from '../shared/style-props.js';
import { errorMessage, isAbortError } from '../shared/errors.js';
import { PagedSource } from '../shared/paged-source.js';
import { VirtualWindow } from '../shared/virtual-window.js';
import { ViewerController } from '../viewer.js';
import { COLUMN_COUNT, renderHeader, renderRow, renderSkeletonRow, type SortColumn } from './user-list-rows.js';
import { styles } from './user-list.styles.js';

const SEARCH_DEBOUNCE_MS = 250;

/**
 * @summary The team: a searchable, filterable, sortable, virtualised list of the account's users.
 * @tag roster-user-list
 *
 * Loads `GET /users` page by page as the viewer scrolls (only the rows on screen are in the DOM),
 * searches on the server as the viewer types, and follows the SDK's change notifications.
 * Keyboard (WAI-ARIA grid, one row at a time): ↑/↓, Page Up/Down, Home/End move; Enter opens.
 *
 * @fires {SelectEvent} roster-select - The viewer opened a user (click or Enter). `detail: { user }`.
 * @fires {UserCreateRequestEvent} roster-user-create-request - The viewer pressed "New user". Cancelable.
 * @fires {VerificationSentEvent} roster-verification-sent - A verification link was sent again. `detail: { user }`.
 *
 * @csspart toolbar - The bar with search, filters, seats and the new-user action.
 * @csspart search - The search input.
 * @csspart filter - The role and status selects.
 * @csspart seats - The seat usage text.
 * @csspart new-user-button - The "New user" button.
 * @csspart grid - The scrolling grid.
 * @csspart header - The header row. @csspart header-cell - A column header. @csspart sort-button - A sort toggle.
 * @csspart row - A user row (also `active-row`, `selected-row`, `skeleton-row`). @csspart cell - A cell (also `name-cell`).
 * @csspart active-row - The row with keyboard focus (the grid's current row), on top of `row`.
 * @csspart selected-row - The row of the open user (`aria-selected="true"`), on top of `row`.
 * @csspart skeleton-row - A placeholder row while its page loads, on top of `row`.
 * @csspart name-cell - The first cell: avatar, name and the "You" badge, on top of `cell`.
 * @csspart avatar - The initials. @csspart badge - A badge (also `role-badge`, `status-badge`).
 * @csspart role-badge - The role in the role column, on top of `badge`.
 * @csspart status-badge - "Active" or "Pending" in the status column, with a dot, on top of `badge`.
 * @csspart resend-button - "Resend link" of a pending user.
 * @csspart footer - The count and load status under the grid.
 * @csspart state - The empty, no-results and no-permission blocks. @csspart error - The error block.
 * @csspart retry-button - "Try again" in an error block.
 *
 * @cssprop [--roster-user-list-height=28rem] - Height of the grid when the element has none.
 * @cssprop [--roster-user-list-row-height=3.25rem] - Height of a row (times `--roster-density`).
 * @cssprop --roster-color-* - System colour tokens (surface, text, border, accent, …), see the theming guide.
 *
 * @cssstate loading - The first page (or the viewer) is loading.
 * @cssstate empty - The account has no users to show for the current search and filters.
 * @cssstate error - Loading failed.
 */
export class RosterUserList extends RosterElement {
  static override styles = styles;

  private readonly viewer = new ViewerController(this);
  private readonly source = new PagedSource<User>({ onChange: () => this.requestUpdate() });
  private readonly window = new VirtualWindow(this, {
    count: () => this.source.length,
    onRange: (first, last) => this.handleRangeChanged(first, last),
  });

  /** Search text sent as `q` (name or email). */
  @property({ reflect: true }) query = '';
  /** Only users of this role. */
  @property({ attribute: 'role-filter' }) roleFilter: Role | '' = '';
  /** Only users with this status. */
  @property({ attribute: 'status-filter' }) statusFilter: UserStatus | '' = '';
  /** Order of the rows: `name`, `-name`, `createdAt`, `-createdAt`, `creditsSpent`, `-creditsSpent`. */
  @property() sort: UserSort = 'name';
  /** The id of the user shown as selected (the panel sets the one it has open). */
  @property({ attribute: 'selected-id' }) selectedId?: string;
  /** Users per page request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  @state() private searchText = '';
  @state() private activeIndex = 0;
  @state() private resending = new Set<string>();
  @state() private announcement = '';

  @query('.body') private body?: HTMLElement;
  @query('.grid') private grid?: HTMLElement;

  private loadedKey?: string;
  private loadedClient?: unknown;
  private subscribedClient?: unknown;
  private unsubscribe?: () => void;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private pendingFocus?: number;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.unsubscribe?.();
    this.unsubscribe = this.subscribedClient = this.loadedKey = undefined;
    this.source.reset(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.query !== this.searchText) this.searchText = this.query;
    if (this.client !== this.subscribedClient) {
      this.unsubscribe?.();
      this.subscribedClient = this.client;
      this.unsubscribe = this.client?.onChange((change) => this.handleChange(change));
    }
    const client = this.client;
    const readable = client && this.viewer.can('users:read');
    const key = readable ? JSON.stringify([this.query.trim(), this.roleFilter, this.statusFilter, this.sort, this.pageSize]) : undefined;
    if (key !== this.loadedKey || (readable && client !== this.loadedClient)) {
      this.loadedKey = key;
      this.loadedClient = client;
      this.activeIndex = 0;
      const q = { q: this.query.trim() || undefined, role: this.roleFilter || undefined, status: this.statusFilter || undefined, sort: this.sort, limit: this.pageSize };
      this.source.reset(readable ? (cursor, signal) => client.users.list({ ...q, cursor }, { signal }) : undefined);
    }
    this.setCustomState('loading', this.isLoading);
    this.setCustomState('error', Boolean(this.viewer.state.error || (this.source.error && !this.source.length)));
    this.setCustomState('empty', this.source.ready && this.source.length === 0 && !this.source.error);
  }

  private get isLoading(): boolean {
    const viewer = this.viewer.state;
    return !this.client || (!viewer.me && !viewer.error) || this.source.loading;
  }

  private get filtered(): boolean {
    return Boolean(this.query.trim() || this.roleFilter || this.statusFilter);
  }

  private handleChange(change: RosterChange) {
    if (change.type === 'user-updated') this.source.replace((user) => user.id === change.userId, change.user);
    else if (change.type === 'user-deleted') this.source.remove((user) => user.id === change.userId);
    else if (change.type === 'user-created') this.source.reload();
  }

  private handleSearchInput(event: Event) {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = this.searchText), SEARCH_DEBOUNCE_MS);
  }

  private handleSearchKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      clearTimeout(this.searchTimer);
      this.query = this.searchText;
    }
  }

  private handleSort(column: SortColumn) {
    this.sort = this.sort === column ? (`-${column}` as UserSort) : column;
  }

  private clearFilters() {
    clearTimeout(this.searchTimer);
    this.query = this.searchText = '';
    this.roleFilter = this.statusFilter = '';
  }

  private handleCreateClick() {
    if (this.createBlockedReason) return;
    this.dispatchEvent(new UserCreateRequestEvent());
  }

  private async handleResend(user: User) {
    const client = this.client;
    if (!client || this.resending.has(user.id)) return;
    this.resending = new Set(this.resending).add(user.id);
    try {
      await client.users.resendVerification(user.id);
      this.announcement = this.localize.t.list.resent(user.email);
      this.dispatchEvent(new VerificationSentEvent(user));
    } catch (error) {
      if (!isAbortError(error)) this.announcement = errorMessage(error, this.localize.t);
    } finally {
      const next = new Set(this.resending);
      next.delete(user.id);
      this.resending = next;
    }
  }

  private handleRowClick(event: Event) {
    const row = (event.target as Element).closest<HTMLElement>('[role="row"][data-id]');
    if (!row) return;
    this.activeIndex = Number(row.dataset.index);
    this.select(this.activeIndex);
  }

  private handleFocusIn(event: FocusEvent) {
    const row = (event.target as Element).closest<HTMLElement>('[role="row"][data-id]');
    if (row) this.activeIndex = Number(row.dataset.index);
  }

  private handleKeydown(event: KeyboardEvent) {
    if ((event.target as Element).closest('button') && (event.key === 'Enter' || event.key === ' ')) return;
    const page = Math.max(1, this.window.visibleLast - this.window.visibleFirst);
    const last = this.source.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: this.activeIndex + 1, ArrowUp: this.activeIndex - 1,
      PageDown: this.activeIndex + page, PageUp: this.activeIndex - page, Home: 0, End: last,
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      this.select(this.activeIndex);
    } else if (event.key in moves) {
      event.preventDefault();
      void this.moveTo(Math.max(0, Math.min(last, moves[event.key])));
    }
  }

  private handleRangeChanged(first: number, last: number) {
    this.source.ensure(first, last);
    const { visibleFirst, visibleLast } = this.window;
    // Keep the roving tab stop on screen, unless the viewer is working in the grid right now.
    const focusInside = this.shadowRoot?.activeElement?.closest('.body');
    if (!focusInside && this.pendingFocus === undefined && (this.activeIndex < visibleFirst || this.activeIndex > visibleLast)) this.activeIndex = Math.max(0, visibleFirst);
  }

  /** Moves the active row, scrolling it into view and focusing it once it is rendered. */
  private moveTo(index: number) {
    this.activeIndex = index;
    this.pendingFocus = index;
    this.window.scrollIntoView(index);
    // Scrolling moves the window synchronously; the row is in the DOM after the next update.
    this.window.measure();
    if (!this.focusPendingRow()) void this.updateComplete.then(() => this.focusPendingRow());
  }

  private focusPendingRow(): boolean {
    if (this.pendingFocus === undefined) return false;
    const row = this.shadowRoot?.querySelector<HTMLElement>(`.body [data-index="${this.pendingFocus}"][data-id]`);
    if (!row) return false;
    this.pendingFocus = undefined;
    row.tabIndex = 0;
    row.focus();
    return true;
  }

  private select(index: number) {
    const user = this.source.at(index);
    if (user) this.dispatchEvent(new SelectEvent(user));
  }

  /** Why "New user" is disabled, or undefined when it is enabled. */
  private get createBlockedReason(): string | undefined {
    const me = this.viewer.me;
    const t = this.localize.t.list;
    if (!me) return undefined;
    if (!this.viewer.can('users:write')) return t.newUserNoPermission;
    if (me.account.singleProfile) return t.newUserSingleProfile;
    if (me.account.seatsUsed >= me.account.plan.seatLimit) return t.newUserSeatsFull;
    return undefined;
  }

  private renderToolbar() {
    const t = this.localize.t;
    const me = this.viewer.me;
    const blocked = this.createBlockedReason;
    return html`<div class="toolbar" part="toolbar">
      <div class="filters" role="search" aria-label=${t.list.filters}>
      <label class="search-field">
        <span class="visually-hidden">${t.list.search}</span>
        <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M8.5 3a5.5 5.5 0 014.4 8.8l3.7 3.6-1.1 1.1-3.6-3.7A5.5 5.5 0 118.5 3zm0 1.5a4 4 0 100 8 4 4 0 000-8z" fill="currentColor"/></svg>
        <input class="input search" part="search" type="search" autocomplete="off" spellcheck="false"
          placeholder=${t.list.searchPlaceholder} .value=${this.searchText}
          @input=${this.handleSearchInput} @keydown=${this.handleSearchKeydown} />
      </label>
      <select class="select filter" part="filter" aria-label=${t.list.role} .value=${this.roleFilter}
        @change=${(e: Event) => (this.roleFilter = (e.target as HTMLSelectElement).value as Role)}>
        <option value="" ?selected=${!this.roleFilter}>${t.list.allRoles}</option>
        ${ROLES.map((role) => html`<option value=${role} ?selected=${this.roleFilter === role}>${t.roles[role].name}</option>`)}
      </select>
      <select class="select filter" part="filter" aria-label=${t.list.status} .value=${this.statusFilter}
        @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value as UserStatus)}>
        <option value="" ?selected=${!this.statusFilter}>${t.list.allStatuses}</option>
        ${USER_STATUSES.map((status) => html`<option value=${status} ?selected=${this.statusFilter === status}>${t.common.status[status]}</option>`)}
      </select>
      </div>
      ${me ? html`<span class="seats numeric" part="seats">${t.list.seats(me.account.seatsUsed, me.account.plan.seatLimit)}</span>` : nothing}
      ${me ? this.renderCreateButton(blocked) : nothing}
    </div>
    ${blocked ? html`<p id="create-reason" class="create-reason hint">${blocked}</p>` : nothing}`;
  }

  private renderCreateButton(blocked: string | undefined) {
    return html`<button type="button" class="button primary" part="new-user-button" aria-disabled=${blocked ? 'true' : 'false'}
      aria-describedby=${blocked ? 'create-reason' : nothing} @click=${this.handleCreateClick}>
      <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25z" fill="currentColor"/></svg>
      ${this.localize.t.list.newUser}
    </button>`;
  }

  private renderState(title: string, text: string, action?: unknown) {
    return html`<div class="state" part="state"><p class="state-title">${title}</p><p class="state-text">${text}</p>${action ?? nothing}</div>`;
  }

  private renderBody() {
    const t = this.localize.t;
    const viewer = this.viewer.state;
    if (viewer.error) return renderError({ error: viewer.error, t, onRetry: () => void this.viewer.refresh() });
    if (this.isLoading && !this.source.length) return this.renderGrid(true);
    const forbidden = (this.source.error as { name?: string } | undefined)?.name === 'ForbiddenError';
    if (!this.viewer.can('users:read') || forbidden) return this.renderState(t.common.noPermissionTitle, t.list.noPermissionText);
    if (this.source.error && !this.source.length) return renderError({ error: this.source.error, t, onRetry: () => this.source.retry() });
    if (this.source.length === 0 && this.filtered) {
      return this.renderState(t.list.noResultsTitle, t.list.noResultsText,
        html`<button type="button" class="button" @click=${this.clearFilters}>${t.list.clearFilters}</button>`);
    }
    if (this.source.length === 0) {
      const blocked = this.createBlockedReason;
      return this.renderState(t.list.emptyTitle, t.list.emptyText, blocked ? nothing : this.renderCreateButton(undefined));
    }
    return this.renderGrid(false);
  }

  private renderGrid(skeleton: boolean) {
    const t = this.localize.t;
    return html`<div class="grid" part="grid" role="grid" aria-label=${t.list.label} aria-rowcount=${skeleton ? -1 : this.source.total + 1}
      aria-colcount=${COLUMN_COUNT} aria-busy=${skeleton || this.source.busy ? 'true' : 'false'}>
      <div role="rowgroup" class="head">${renderHeader(t, this.sort, (column) => this.handleSort(column))}</div>
      ${skeleton
        ? html`<div role="rowgroup" class="skeleton-body">${Array.from({ length: 8 }, (_, i) => renderSkeletonRow(i))}</div>`
        : html`<div role="rowgroup" class="body" ${styleProps(this.window.bodyStyle())}
            @click=${this.handleRowClick} @keydown=${this.handleKeydown} @focusin=${this.handleFocusIn}>${this.renderRows()}</div>`}
    </div>
    ${skeleton ? nothing : this.renderFooter()}`;
  }

  private renderRows() {
    const ctx = {
      t: this.localize.t, localize: this.localize, activeIndex: this.activeIndex, selectedId: this.selectedId, viewerId: this.viewer.me?.user.id,
      canWrite: this.viewer.can('users:write'), resending: this.resending, onResend: (user: User) => void this.handleResend(user),
    };
    return repeat(this.window.indexes(), (index) => this.source.at(index)?.id ?? `pending-${index}`, (index) => renderRow(this.source.at(index), index, ctx));
  }

  private renderFooter() {
    const t = this.localize.t;
    const failedMore = this.source.error && this.source.length > 0;
    return html`<div class="footer" part="footer">
      <span class="numeric">${t.list.count(this.source.total)}</span>
      ${failedMore ? renderError({ error: this.source.error, t, onRetry: () => this.source.retry(), inline: true }) : nothing}
      ${this.source.busy && !failedMore ? html`<span class="muted">${t.list.loadingMore}</span>` : nothing}
    </div>`;
  }

  protected override updated(): void {
    this.window.observe(this.grid, this.body);
    this.focusPendingRow();
  }

  protected override render() {
    const me = this.viewer.me;
    if (me && !this.viewer.can('users:read')) {
      const t = this.localize.t;
      return this.renderState(t.common.noPermissionTitle, t.list.noPermissionText);
    }
    return html`${this.renderToolbar()}
      <div class="content">${this.renderBody()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}

