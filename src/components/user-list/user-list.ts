import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ROLES,
  USER_STATUSES,
  isRosterError,
  type Role,
  type RosterChange,
  type User,
  type UserListQuery,
  type UserSort,
  type UserStatus,
} from '../../sdk/index.js';
import { SelectEvent, UserCreateRequestEvent, VerificationSentEvent } from '../events.js';
import { RosterElement } from '../shared/base-element.js';
import { nameText, personName } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import { ROLE_TONES } from '../shared/role-tones.js';
import { renderState } from '../shared/state-view.js';
import { styleProps } from '../shared/style-props.js';
import { errorMessage, isAbortError } from '../shared/errors.js';
import { PagedSource } from '../shared/paged-source.js';
import { rowSlots, scrollParent, VirtualWindow } from '../shared/virtual-window.js';
import { ViewerController } from '../viewer.js';
import { COLUMNS, initials, plusIcon, renderHeader, renderSkeletonRow } from './user-list-rows.js';
import { styles } from './user-list.styles.js';

const SEARCH_DEBOUNCE_MS = 250;

const searchIcon = html`<svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M8.5 3a5.5 5.5 0 014.4 8.8l3.7 3.6-1.1 1.1-3.6-3.7A5.5 5.5 0 118.5 3zm0 1.5a4 4 0 100 8 4 4 0 000-8z" fill="currentColor"/></svg>`;
const resendIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M13 8a5 5 0 1 1-1.46-3.54"/><path d="M12 1.8v3h-3"/></svg>`;

/**
 * @summary The team: a searchable, filterable, sortable, virtualised list of the account's users.
 * @tag roster-user-list
 *
 * Loads `GET /users` page by page as the viewer scrolls, ahead of the view (only the rows on screen
 * are in the DOM), searches on the server as the viewer types, and follows the SDK's change notifications.
 * Keyboard (WAI-ARIA grid, one row at a time): ↑/↓, Page Up/Down, Home/End (also with Ctrl) move;
 * End reaches the last user through the reverse order's first page, not every page between. Enter opens.
 *
 * @fires {SelectEvent} roster-select - The viewer opened a user (click or Enter). `detail: { user }`.
 * @fires {UserCreateRequestEvent} roster-user-create-request - The viewer pressed "New user". Cancelable.
 * @fires {VerificationSentEvent} roster-verification-sent - A verification link was sent again. `detail: { user }`.
 *
 * @csspart toolbar - The bar above the table: search, filters, seat count and "New user".
 * @csspart search - The search input.
 * @csspart filter - The role and status selects.
 * @csspart count - The seat usage ("3 of 5 seats").
 * @csspart hint - Why "New user" is unavailable, when it is.
 * @csspart button - Every button: "New user", "Resend link", "Clear filters", "Try again".
 * @csspart button-primary - "New user", on top of `button`.
 * @csspart button-icon - "Resend link" of a pending user (an icon), on top of `button`.
 * @csspart table - The scrolling grid.
 * @csspart header-row - The sticky row of column headers.
 * @csspart header-cell - A column header, with its sort toggle.
 * @csspart row - A user row; the keyboard's current row takes focus (`::part(row):focus-visible`).
 * @csspart row-selected - The row of the open user (`aria-selected="true"`), on top of `row`.
 * @csspart skeleton - A placeholder row while its page loads, on top of `row`; also each placeholder bar.
 * @csspart cell - A cell.
 * @csspart avatar - The initials.
 * @csspart badge - A badge: the role, "Active" or "Pending" (with a dot), "You".
 * @csspart footer - The count and load status under the table.
 * @csspart state - A block in place of the table: empty, no results, no permission, failed.
 * @csspart alert - A failure: the block in place of the table (on top of `state`) or the line in the footer.
 *
 * @cssprop [--roster-user-list-height=28rem] - Height of the grid when the element has none.
 * @cssprop [--roster-user-list-row-height=3.5rem] - Height of a row (times `--roster-density`).
 * @cssprop [--roster-user-list-row-height-narrow=4.5rem] - Height of a row as a two-line card (list under 30rem wide).
 * @cssprop [--roster-user-list-sticky-top=0px] - With `page-scroll`: where the header row sticks, below a host's fixed bar.
 * @cssprop --roster-color-* - System colour tokens (surface, text, border, accent, …), see the theming guide.
 *
 * @cssstate loading - The first page (or the viewer) is loading.
 * @cssstate empty - The account has no users to show for the current search and filters.
 * @cssstate error - Loading failed.
 */
export class RosterUserList extends RosterElement {
  static override styles = styles;

  readonly #viewer = new ViewerController(this);
  // The next page is asked for half a page before the view reaches the end of those loaded: in time
  // for a fast scroll, and not so early that a page arriving at once asks for another.
  readonly #source = new PagedSource<User>({
    onChange: () => this.requestUpdate(),
    threshold: () => Math.max(30, this.pageSize / 2),
  });
  readonly #window = new VirtualWindow(this, {
    count: () => this.#source.length,
    onRange: (first, last) => this.#handleRangeChanged(first, last),
    // In a page the header row sticks at the top of the view: a row scrolled to stays below it.
    stickyInset: () => {
      const head = this.renderRoot.querySelector<HTMLElement>('.head');
      return head ? head.offsetHeight + (parseFloat(getComputedStyle(head).insetBlockStart) || 0) : 0;
    },
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
  /**
   * The rows scroll with the page (or the nearest scrolling ancestor) instead of in the list's own
   * pane, with the header row sticking at the top of the view (`--roster-user-list-sticky-top` below
   * a host's fixed bar). The panel sets it; a list alone keeps its pane.
   */
  @property({ type: Boolean, reflect: true, attribute: 'page-scroll' }) pageScroll = false;

  @state() private searchText = '';
  @state() private activeIndex = 0;
  @state() private resending = new Set<string>();
  @state() private announcement = '';

  #loadedKey?: string;
  #loadedClient?: unknown;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #pendingFocus?: number;
  /** The page's scrolling element the rows scroll with (page-scroll), looked up once per connection. */
  #pageScroller?: HTMLElement;

  /**
   * Focuses the current row: the grid's one tab stop, where the keyboard left it (the first row until
   * then). Returns false when focus could not go there: the row is not rendered (the list is loading,
   * empty, or shows a notice) or not shown (the list is hidden).
   */
  focusRow(options?: FocusOptions): boolean {
    // No shadow root before the list was first connected.
    const row = this.shadowRoot?.querySelector<HTMLElement>(`.body [data-index="${this.activeIndex}"]`);
    row?.focus(options);
    return Boolean(row) && this.shadowRoot!.activeElement === row;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#pageScroller = undefined;
    this.#loadedKey = undefined;
    this.#source.reset(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.query !== this.searchText) this.searchText = this.query;
    const client = this.client;
    const source = this.#source;
    // The first page goes out with `GET /me`, not after it: a viewer who may not read users is rare,
    // and the server refuses them all the same (render() says so once the viewer is known).
    const reader = !this.#viewer.me || this.#viewer.can('users:read') ? client : undefined;
    const query: UserListQuery | undefined = reader && {
      q: this.query.trim() || undefined,
      role: this.roleFilter || undefined,
      status: this.statusFilter || undefined,
      sort: this.sort,
      limit: this.pageSize,
    };
    const key = JSON.stringify(query);
    // An update still due when the list left the page (its panel showed a profile instead) loads nothing.
    if (this.isConnected && (key !== this.#loadedKey || reader !== this.#loadedClient)) {
      this.#loadedKey = key;
      this.#loadedClient = reader;
      this.activeIndex = 0;
      const reverse = (this.sort.startsWith('-') ? this.sort.slice(1) : `-${this.sort}`) as UserSort;
      source.reset(
        reader && ((cursor, signal) => reader.users.list({ ...query, cursor }, { signal })),
        reader && ((cursor, signal) => reader.users.list({ ...query, sort: reverse, cursor }, { signal })),
      );
    }
    // Rows in the window still missing (the view is in the gap End left, far from both sides): each
    // page that arrives asks for the next one, without waiting for the viewer to scroll.
    const { first, last } = this.#window;
    for (let index = first; index <= Math.min(last, source.length - 1); index += 1) {
      if (!source.at(index)) {
        source.ensure(first, last);
        break;
      }
    }
    this.setCustomState('loading', this.#loading);
    // A refusal before the viewer is known is the no-permission state in the making, not an error.
    this.setCustomState(
      'error',
      Boolean(this.#viewer.state.error || (this.#viewer.me && source.error && !source.length)),
    );
    this.setCustomState('empty', source.ready && !source.length && !source.error);
  }

  get #loading(): boolean {
    const viewer = this.#viewer.state;
    return !this.client || (!viewer.me && !viewer.error) || this.#source.loading;
  }

  /** Why "New user" is disabled, or undefined when it is enabled. */
  get #createBlockedReason(): string | undefined {
    const me = this.#viewer.me;
    const t = this.localize.t.list;
    if (!me) return undefined;
    if (!this.#viewer.can('users:write')) return t.newUserNoPermission;
    if (me.account.singleProfile) return t.newUserSingleProfile;
    if (me.account.seatsUsed >= me.account.plan.seatLimit) return t.newUserSeatsFull;
    return undefined;
  }

  protected override handleChange(change: RosterChange) {
    if (change.type === 'user-updated') this.#source.replace((user) => user.id === change.userId, change.user);
    else if (change.type === 'user-deleted') this.#source.remove((user) => user.id === change.userId);
    else if (change.type === 'user-created') this.#source.reload();
  }

  #search(query: string) {
    clearTimeout(this.#searchTimer);
    this.query = this.searchText = query;
  }

  #clearFilters() {
    this.#search('');
    this.roleFilter = this.statusFilter = '';
  }

  #handleSearchInput(event: Event) {
    const text = (event.target as HTMLInputElement).value;
    this.searchText = text;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.query = text), SEARCH_DEBOUNCE_MS);
  }

  #handleSearchKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') this.#search(this.searchText);
  }

  #handleCreateClick() {
    if (!this.#createBlockedReason) this.dispatchEvent(new UserCreateRequestEvent());
  }

  async #handleResend(user: User) {
    const client = this.client;
    if (!client || this.resending.has(user.id)) return;
    this.resending = new Set(this.resending).add(user.id);
    try {
      await client.users.resendVerification(user.id);
      const sent = new VerificationSentEvent(user);
      this.dispatchEvent(sent);
      if (!sent.announced) this.announcement = this.localize.t.list.resent(user.email);
    } catch (error) {
      if (!isAbortError(error)) this.announcement = errorMessage(error, this.localize.t);
    } finally {
      this.resending = new Set([...this.resending].filter((id) => id !== user.id));
    }
  }

  /** Makes the user row holding the event's target the active one; returns whether there was one. */
  #activateRow(event: Event): boolean {
    const row = (event.target as Element).closest<HTMLElement>('[role="row"][data-id]');
    // A row the viewer picked wins over one still waiting for its page.
    if (row) {
      this.activeIndex = Number(row.dataset.index);
      this.#pendingFocus = undefined;
    }
    return Boolean(row);
  }

  #handleRowClick(event: Event) {
    if (this.#activateRow(event)) this.#select(this.activeIndex);
  }

  #handleKeydown(event: KeyboardEvent) {
    if ((event.target as Element).closest('button') && (event.key === 'Enter' || event.key === ' ')) return;
    const index = this.activeIndex;
    const page = Math.max(1, this.#window.visibleLast - this.#window.visibleFirst);
    const last = this.#source.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: last,
    };
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#select(index);
    } else if (event.key === 'End' && this.#source.hasMore) {
      event.preventDefault();
      this.#source.end();
      this.#moveTo(this.#source.length - 1);
    } else if (event.key in moves) {
      event.preventDefault();
      this.#moveTo(Math.max(0, Math.min(last, moves[event.key])));
    }
  }

  #handleRangeChanged(first: number, last: number) {
    this.#source.ensure(first, last);
    const { visibleFirst, visibleLast } = this.#window;
    // Keep the roving tab stop on screen, unless the viewer is working in the grid right now.
    const focusInside = this.shadowRoot?.activeElement?.closest('.body');
    if (
      !focusInside &&
      this.#pendingFocus === undefined &&
      (this.activeIndex < visibleFirst || this.activeIndex > visibleLast)
    )
      this.activeIndex = Math.max(0, visibleFirst);
  }

  /** Moves the active row, scrolling it into view and focusing it once it is rendered. */
  #moveTo(index: number) {
    this.activeIndex = this.#pendingFocus = index;
    this.#window.scrollIntoView(index);
    // Scrolling moves the window synchronously; the row is in the DOM after the next update.
    this.#window.measure();
    if (!this.#focusPendingRow()) void this.updateComplete.then(() => this.#focusPendingRow());
  }

  #focusPendingRow(): boolean {
    const active = this.shadowRoot!.activeElement;
    // The viewer went on elsewhere (the search, the detail) while the row's page loaded: stay there.
    if (active ? !active.closest('.body') : document.activeElement !== document.body) this.#pendingFocus = undefined;
    // Nothing pending matches no row. A placeholder (its page is fetched again) holds focus and the
    // keys until the row replaces it.
    const row = this.renderRoot.querySelector<HTMLElement>(`.body [data-index="${this.#pendingFocus}"]`);
    if (!row) return false;
    if (row.dataset.id) this.#pendingFocus = undefined;
    row.tabIndex = 0;
    row.focus();
    return true;
  }

  #select(index: number) {
    const user = this.#source.at(index);
    if (user) this.dispatchEvent(new SelectEvent(user));
  }

  #renderFilter<T extends string>(
    label: string,
    all: string,
    value: T | '',
    options: readonly T[],
    name: (option: T) => string,
    set: (value: T | '') => void,
  ) {
    return html`<select class="select filter" part="filter" aria-label=${label} .value=${value}
      @change=${(event: Event) => set((event.target as HTMLSelectElement).value as T)}>
      <option value="" ?selected=${!value}>${all}</option>
      ${options.map((option) => html`<option value=${option} ?selected=${value === option}>${name(option)}</option>`)}
    </select>`;
  }

  #renderToolbar() {
    const t = this.localize.t;
    const me = this.#viewer.me;
    const blocked = this.#createBlockedReason;
    return html`<div class="toolbar" part="toolbar">
      <div class="filters" role="search" aria-label=${t.list.filters}>
        <label class="search-field">
          <span class="visually-hidden">${t.list.search}</span>${searchIcon}
          <input class="input search" part="search" type="search" autocomplete="off" spellcheck="false"
            placeholder=${t.list.searchPlaceholder} .value=${this.searchText}
            @input=${this.#handleSearchInput} @keydown=${this.#handleSearchKeydown} />
        </label>
        ${this.#renderFilter(
          t.list.role,
          t.list.allRoles,
          this.roleFilter,
          ROLES,
          (role) => t.roles[role].name,
          (role) => (this.roleFilter = role),
        )}
        ${this.#renderFilter(
          t.list.status,
          t.list.allStatuses,
          this.statusFilter,
          USER_STATUSES,
          (status) => t.common.status[status],
          (status) => (this.statusFilter = status),
        )}
      </div>
      ${me ? html`<span class="seats hint numeric" part="count">${t.list.seats(me.account.seatsUsed, me.account.plan.seatLimit)}</span>${this.#renderCreateButton()}` : nothing}
    </div>
    ${blocked ? html`<p id="create-reason" class="create-reason hint" part="hint">${blocked}</p>` : nothing}`;
  }

  #renderCreateButton() {
    const blocked = Boolean(this.#createBlockedReason);
    return html`<button type="button" class="button primary" part="button button-primary" aria-disabled=${blocked}
      aria-describedby=${blocked ? 'create-reason' : nothing} @click=${this.#handleCreateClick}>${plusIcon}${this.localize.t.list.newUser}</button>`;
  }

  #renderBody() {
    const t = this.localize.t;
    const { error } = this.#viewer.state;
    const source = this.#source;
    if (error) return renderError({ error, t, onRetry: () => void this.#viewer.refresh() });
    if (this.#loading && !source.length) return this.#renderGrid(true);
    // The viewer may read users (else render() said so), but the server refused.
    if (isRosterError(source.error, 'forbidden'))
      return renderState(t.common.noPermissionTitle, t.list.noPermissionText);
    if (source.error && !source.length) return renderError({ error: source.error, t, onRetry: () => source.retry() });
    if (source.length) return this.#renderGrid(false);
    return this.query.trim() || this.roleFilter || this.statusFilter
      ? renderState(
          t.list.noResultsTitle,
          t.list.noResultsText,
          html`<button type="button" class="button" part="button" @click=${this.#clearFilters}>${t.list.clearFilters}</button>`,
        )
      : renderState(
          t.list.emptyTitle,
          t.list.emptyText,
          this.#createBlockedReason ? nothing : this.#renderCreateButton(),
        );
  }

  #renderGrid(skeleton: boolean) {
    const t = this.localize.t;
    const source = this.#source;
    return html`<div class="grid" part="table" role="grid" aria-label=${t.list.label} aria-rowcount=${skeleton ? -1 : source.total + 1}
      aria-colcount=${COLUMNS.length} aria-busy=${skeleton || source.busy}>
      <div role="rowgroup" class="head">${renderHeader(t, this.sort, (column) => (this.sort = this.sort === column ? `-${column}` : column))}</div>
      ${
        skeleton
          ? html`<div role="rowgroup" class="skeleton-body">${Array.from({ length: 8 }, (_, i) => renderSkeletonRow(i))}</div>`
          : html`<div role="rowgroup" class="body" ${styleProps(this.#window.bodyStyle())}
            @click=${this.#handleRowClick} @keydown=${this.#handleKeydown} @focusin=${this.#activateRow}>
            ${rowSlots(this.#window.indexes(), (index) => this.#renderRow(index))}
          </div>`
      }
    </div>
    ${
      skeleton
        ? nothing
        : html`<div class="footer" part="footer">
          <span class="numeric">${t.list.count(source.total)}</span>
          ${
            source.error
              ? renderError({ error: source.error, t, onRetry: () => source.retry(), inline: true })
              : source.busy
                ? html`<span class="muted">${t.list.loadingMore}</span>`
                : nothing
          }
        </div>`
    }`;
  }

  /** One user row (a row not loaded yet shows as a skeleton). */
  #renderRow(index: number) {
    const user = this.#source.at(index);
    if (!user) return renderSkeletonRow(index);
    const t = this.localize.t;
    const active = index === this.activeIndex;
    const selected = user.id === this.selectedId;
    const busy = this.resending.has(user.id);
    const credits =
      user.creditLimit !== null
        ? t.list.creditsOfLimit(user.creditsSpent, user.creditLimit)
        : user.role === 'specialist'
          ? t.list.creditsUnlimited(user.creditsSpent)
          : this.localize.number(user.creditsSpent);
    // A narrow list (a card per user) cuts the name, the email and the badges with an ellipsis: each title holds the whole text.
    return html`<div role="row" class="row" part="row${selected ? ' row-selected' : ''}" aria-rowindex=${index + 2}
      aria-selected=${selected} data-index=${index} data-id=${user.id} tabindex=${active ? 0 : -1}>
      <div role="gridcell" class="cell col-name" part="cell">
        <span class="avatar" part="avatar" aria-hidden="true">${initials(user)}</span>
        <span class="name" dir="auto" title=${nameText(user)}>${personName(user)}</span>
        ${user.id === this.#viewer.me?.user.id ? html`<span class="badge" part="badge" data-tone="accent">${t.common.you}</span>` : nothing}
      </div>
      <div role="gridcell" class="cell col-email" part="cell"><span class="truncate" dir="auto" title=${user.email}>${user.email}</span></div>
      <div role="gridcell" class="cell col-role" part="cell">
        <span class="badge" part="badge" data-tone=${ROLE_TONES[user.role]} title=${t.roles[user.role].name}>${t.roles[user.role].name}</span>
      </div>
      <div role="gridcell" class="cell col-status" part="cell">
        <span class="badge" part="badge" data-tone=${user.status === 'active' ? 'success' : 'warning'} data-dot><span class="truncate" title=${t.common.status[user.status]}>${t.common.status[user.status]}</span></span>
        ${
          user.status === 'active' || !this.#viewer.can('users:write')
            ? nothing
            : html`<button type="button" class="button small ghost icon resend" part="button button-icon"
              tabindex=${active ? 0 : -1} aria-label=${busy ? t.list.resending : t.list.resendLabel(nameText(user))}
              title=${t.list.resend} aria-disabled=${busy ? 'true' : nothing} @click=${(event: Event) => {
                event.stopPropagation();
                // Not \`disabled\` while it sends: focus stays on the button rather than falling to the page.
                void this.#handleResend(user);
              }}>${resendIcon}</button>`
        }
      </div>
      <div role="gridcell" class="cell col-credits numeric" part="cell">${credits}</div>
      <div role="gridcell" class="cell col-created" part="cell"><time datetime=${user.createdAt}>${this.localize.date(user.createdAt)}</time></div>
    </div>`;
  }

  protected override updated(): void {
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (!this.pageScroll) this.#pageScroller = undefined;
    else if (grid && !this.#pageScroller) this.#pageScroller = scrollParent(grid);
    this.#window.observe(
      this.pageScroll ? grid && this.#pageScroller : grid,
      grid?.querySelector<HTMLElement>('.body, .skeleton-body'),
    );
    if (!this.#focusPendingRow()) {
      // A jump gave the focused row's slot to another row: focus goes, as it would with the row.
      const focused = this.shadowRoot!.activeElement?.closest<HTMLElement>('.body [role="row"]');
      if (focused && Number(focused.dataset.index) !== this.activeIndex) focused.blur();
    }
  }

  protected override render() {
    if (this.#viewer.me && !this.#viewer.can('users:read')) {
      const t = this.localize.t;
      return renderState(t.common.noPermissionTitle, t.list.noPermissionText);
    }
    return html`${this.#renderToolbar()}
      <div class="content">${this.#renderBody()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
