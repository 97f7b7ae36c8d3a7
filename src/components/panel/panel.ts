import { ContextEvent } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { User } from '../../sdk/index.js';
import { type ViewerState, viewerContext } from '../context.js';
import type { GrantsChangedEvent, SelectEvent, UserCreatedEvent, UserCreateRequestEvent, UserDeletedEvent, UserUpdatedEvent } from '../events.js';
import { afterFirstLoad, OnDemandController, prefetchElements } from '../on-demand.js';
import { RosterElement } from '../shared/base-element.js';
import { nameText, personName } from '../shared/bidi.js';
import { ROLE_TONES } from '../shared/role-tones.js';
import type { RosterUserEditor } from '../user-editor/user-editor.js';
import type { RosterUserList } from '../user-list/user-list.js';
import { initials, plusIcon } from '../user-list/user-list-rows.js';
import { AccountPasswordController, renderAccountPassword } from './account-password.js';
import { AUDIT_PARTS, EDITOR_PARTS, GRANTS_PARTS, LIST_PARTS, STATS_PARTS } from './panel-parts.js';
import { styles } from './panel.styles.js';

export type PanelTab = 'profile' | 'access' | 'activity';
const TABS: PanelTab[] = ['profile', 'access', 'activity'];
/** The panel's views: the team (list and profile) or the audit log. */
export type PanelView = 'team' | 'audit';

const backIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" class="flip-rtl"><path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const closeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="m4 4 8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;

/**
 * @summary The drop-in team management: the user list beside a detail area with the selected user's
 * profile, access and activity.
 * @tag roster-panel
 *
 * Give it a `client` (or `base-url` plus `getToken`, as on `<roster-provider>`): it provides the
 * client and the viewer (`GET /me`) to the elements inside. Selecting a row opens the user; "New user"
 * opens the editor in create mode; the new user becomes the selection when created and opens when
 * the viewer leaves the confirmation; a deleted user closes.
 * Focus follows: closing or deleting the open user puts it back on the list's row, "New user" on the
 * form's title, and "Done" after a create on the new user's name. A delete is announced from the
 * panel's own live region (the editor that made it is gone by then).
 * Leaving a profile with unsaved edits asks first. Viewers without `users:read` (specialists, guests)
 * see the list's "no access" notice and their own profile, as an account page would show it.
 * Below 640 px of container width the panel is one column: the list, or the detail with a back button;
 * up to 75rem the list has the whole width until a user opens. Selection is not kept in the URL.
 *
 * @fires {SelectEvent} roster-select - From the list: a user was opened. `detail: { user }`.
 * @fires {UserCreateRequestEvent} roster-user-create-request - From the list. Cancel it to open your own flow.
 * @fires {UserCreatedEvent} roster-user-created - From the editor; the new user becomes the selection.
 * @fires {UserDeletedEvent} roster-user-deleted - From the editor; the panel closes the user.
 * @fires {EditorCloseRequestEvent} roster-editor-close-request - From the editor (Cancel, Done); the panel closes it.
 *
 * @csspart list-pane - The column holding the list. @csspart detail - The detail area.
 * @csspart detail-header - Name, email and role of the open user. @csspart avatar - The initials.
 * @csspart back-button - "Back to the team" (narrow containers). @csspart close-button - Closes the user (wide).
 * @csspart tabs - The tab list. @csspart tab - One tab (also `active-tab`). @csspart tab-panel - A tab's content.
 * @csspart active-tab - The open tab, on top of `tab`.
 * @csspart placeholder - "Select a user", shown while nothing is open.
 * @csspart account-password - Under the list, for the owner of a shared-password account: the account
 *   password every profile signs in with, and the form to change it.
 * @csspart account-password-button - "Change account password".
 * @csspart input - The account password's input. @csspart password-toggle - Shows or hides it (`aria-pressed`).
 * @csspart password-strength - Its strength meter and word (`data-strength="weak" | "fair" | "strong"`).
 * @csspart list__* - Every part of `<roster-user-list>` (`list__row`, `list__toolbar`, `list__new-user-button`, …).
 * @csspart editor__* - Every part of `<roster-user-editor>` (`editor__form`, …).
 * @csspart grants__* - Every part of `<roster-access-grants>`. @csspart stats__* - Every part of `<roster-user-stats>`.
 * @csspart views - The switch between the team and the audit log (owner and managers). @csspart view-tab - One of its buttons.
 * @csspart audit__* - Every part of `<roster-audit-log>`.
 * @csspart loading - Where a profile tab or the audit log shows while its code loads (the first time, when not prefetched yet).
 * @csspart error - Instead of `loading` when that code failed to load. @csspart retry-button - Its "Try again" (loads it again).
 *
 * @cssprop [--roster-panel-min-height=36rem] - Height of the panel when the host gives it none.
 * @cssprop [--roster-panel-detail-width=minmax(24rem, 0.9fr)] - The detail column's track size.
 * @cssprop [--roster-panel-gap=var(--roster-space-l)] - Gap between the list and the detail.
 *
 * @cssstate open - A user (or the new-user form) is open.
 */
export class RosterPanel extends RosterElement {
  static override styles = styles;

  /** Base URL of the Roster API; used to create the client when no `client` is set. */
  @property({ attribute: 'base-url' }) baseUrl?: string;
  /** Returns the bearer token for each request, when the panel creates the client. */
  @property({ attribute: false }) getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** `fetch`'s `credentials` when the panel creates the client (`include` for cookie sessions). */
  @property() credentials?: RequestCredentials;
  /** The open tab of a user: `profile`, `access` or `activity`. */
  @property({ reflect: true }) tab: PanelTab = 'profile';
  /** `team`, or `audit` for the audit log; only viewers with `users:read` (owner, managers) have the audit log. */
  @property({ reflect: true }) view: PanelView = 'team';
  /** The viewer's IP address as the host's server sees it, for the editor's allowed IPs (`client-ip` there). */
  @property({ attribute: 'client-ip' }) clientIp?: string;

  @state() private viewer?: ViewerState;
  @state() private selected?: User;
  @state() private creating = false;
  @state() private visited = new Set<PanelTab>();
  /** Outlives the detail: the editor that said "deleted" is gone the moment it says it. */
  @state() private announcement = '';

  #stopViewer?: () => void;
  // The editor, grants, statistics and audit log come in chunks of their own, prefetched once the list is shown.
  readonly #onDemand = new OnDemandController(this);
  readonly #accountPassword = new AccountPasswordController(this, () => this.renderRoot.querySelector('roster-provider')?.client);

  /** The user open in the detail area. */
  get selectedUser(): User | undefined {
    return this.selected;
  }

  /** Opens a user; resolves false when the viewer chose to keep unsaved edits instead. */
  async select(user: User): Promise<boolean> {
    return (this.selected?.id === user.id && !this.creating) || this.#leaveFor(user);
  }

  /** Opens the editor in create mode; resolves false when the viewer kept unsaved edits. */
  createUser(): Promise<boolean> {
    return this.#leaveFor(undefined, true);
  }

  /** Closes the open user (back to the list on narrow containers); false when it stays open. */
  async clearSelection(): Promise<boolean> {
    // A viewer who may not see the team has only their own profile: there is nothing to go back to.
    return !this.#ownProfileOnly && this.#leaveFor(undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#requestViewer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopViewer?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('viewer')) {
      const me = this.viewer?.me;
      const before = (changed.get('viewer') as ViewerState | undefined)?.me;
      // Another viewer (the client changed): what was open belonged to the previous one. Without
      // `users:read` the team is hidden, and the viewer's own profile is what is left to show.
      if (me?.user.id !== before?.user.id) {
        if (me && this.#ownProfileOnly) this.#open(me.user, false, 'activity');
        else if (before) this.#open(undefined);
      }
    }
    if (changed.has('tab')) this.visited = new Set(this.visited).add(this.tab);
    this.setCustomState('open', Boolean(this.selected || this.creating));
  }

  protected override firstUpdated(): void {
    this.#requestViewer();
    afterFirstLoad(this.renderRoot.querySelector<RosterUserList>('roster-user-list')!, () => prefetchElements());
  }

  get #ownProfileOnly(): boolean {
    return Boolean(this.viewer?.me && !this.viewer.me.permissions.includes('users:read'));
  }

  /** Reads the viewer from the provider inside the shadow root, so the panel and its children share one `GET /me`. */
  #requestViewer() {
    this.#stopViewer?.();
    const layout = this.renderRoot.querySelector('.layout');
    layout?.dispatchEvent(new ContextEvent(viewerContext, layout, (viewer, unsubscribe) => {
      // Only who the viewer is matters here: the first answer, during firstUpdated, is still loading.
      if (viewer.me !== this.viewer?.me) this.viewer = viewer;
      this.#stopViewer = unsubscribe;
    }, true));
  }

  #open(user: User | undefined, creating = false, tab: PanelTab = this.tab) {
    // Focus in the detail (Close, Done, a delete) would fall to the page when the detail changes.
    const inDetail = this.renderRoot.querySelector('.detail:focus-within');
    this.selected = user;
    this.creating = creating;
    this.tab = tab;
    this.visited = new Set([tab]);
    void this.updateComplete.then(() => {
      const root = this.renderRoot;
      // To the title of what opened (also when the list disappears, on narrow containers, and for
      // the new-user form, which the viewer asked for to fill in), or to the list's current row
      // when nothing is open any more. Opening a row on a wide panel leaves focus in the list.
      if (inDetail || creating || !root.querySelector('.list-pane')!.clientWidth) {
        (root.querySelector<HTMLElement>('.detail-title') ?? root.querySelector('roster-user-list')?.shadowRoot?.querySelector<HTMLElement>('.row[tabindex="0"]'))?.focus();
      }
    });
  }

  /**
   * Opens `user` (or the new-user form, or nothing) once the editor agreed to leave: it asks "discard unsaved
   * changes?" itself; without an editor (or changes) there is nothing to lose.
   */
  async #leaveFor(user: User | undefined, creating = false): Promise<boolean> {
    const leave = await (this.renderRoot.querySelector<RosterUserEditor>('roster-user-editor')?.confirmLeave?.() ?? true);
    if (leave) this.#open(user, creating);
    return leave;
  }

  async #handleCreateRequest(event: UserCreateRequestEvent) {
    // Listeners above the panel run after this one: let them veto before acting.
    await null;
    if (!event.defaultPrevented) void this.createUser();
  }

  #handleCreated(event: UserCreatedEvent) {
    // The editor shows its confirmation until "Done"; the new user is the selection from now on.
    this.selected = event.detail.user;
    this.tab = 'profile';
  }

  #handleCloseRequest() {
    if (this.creating && this.selected) this.#open(this.selected, false, 'profile');
    else this.#open(undefined);
  }

  #handleUpdated(event: UserUpdatedEvent | GrantsChangedEvent) {
    if (event.detail.user.id === this.selected?.id) this.selected = event.detail.user;
  }

  #handleDeleted({ detail: { user } }: UserDeletedEvent) {
    this.announcement = this.localize.t.editor.delete.deleted(`${user.firstName} ${user.lastName}`);
    if (user.id === this.selected?.id) this.#open(undefined);
  }

  #handleTabKeydown(event: KeyboardEvent) {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -TABS.length, End: TABS.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const rtl = getComputedStyle(this).direction === 'rtl' && Math.abs(step) === 1 ? -1 : 1;
    this.tab = TABS[Math.max(0, Math.min(TABS.length - 1, TABS.indexOf(this.tab) + step * rtl))];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  /**
   * The switch between the team and the audit log, for viewers who may read the team: two buttons,
   * the current one marked (not tabs, so the profile's tabs stay the panel's only tab list). The team
   * stays rendered while hidden, keeping what is open and unsaved.
   */
  #renderViews() {
    const a = this.localize.t.auditLog;
    const views: [PanelView, string][] = [['team', a.teamView], ['audit', a.label]];
    return html`<nav class="views" part="views" aria-label=${a.views}>
      ${views.map(([view, label]) => html`<button type="button" id="view-${view}" class="tab" part="view-tab"
        aria-current=${view === this.view ? 'page' : nothing} @click=${() => (this.view = view)}>${label}</button>`)}
    </nav>`;
  }

  /** Back (narrow) or close (wide), the open user's initials, name, email, role and status. */
  #renderHeader(user?: User) {
    const t = this.localize.t;
    const own = this.#ownProfileOnly;
    const back = () => void this.clearSelection();
    return html`<header class="detail-header" part="detail-header">
      ${own ? nothing : html`<button type="button" class="button ghost small back-button" part="back-button" @click=${back}>
        ${backIcon}${t.panel.back}</button>`}
      <div class="identity">
        <span class="avatar" part="avatar" aria-hidden="true">${user ? initials(user) : plusIcon}</span>
        <div class="identity-text">
          <h2 class="detail-title" tabindex="-1" dir="auto">${user ? personName(user) : t.panel.newUserTitle}</h2>
          <p class="detail-subtitle" dir="auto">${user ? user.email : t.panel.newUserText}</p>
        </div>
        ${own ? nothing : html`<button type="button" class="button ghost icon close-button" part="close-button"
          aria-label=${t.panel.close} title=${t.panel.close} @click=${back}>${closeIcon}</button>`}
      </div>
      ${user ? html`<div class="badges">
        <span class="badge" data-tone=${ROLE_TONES[user.role]}>${t.roles[user.role].name}</span>
        <span class="badge" data-tone=${user.status === 'active' ? 'success' : 'warning'} data-dot>${t.common.status[user.status]}</span>
      </div>` : nothing}
      ${own ? html`<p class="hint own-profile">${t.panel.ownProfileText}</p>` : nothing}
    </header>`;
  }

  /** A tab's element for the user; the editor without a user creates one. */
  #renderTabContent(tab: PanelTab, userId?: string) {
    const t = this.localize.t;
    if (tab === 'profile') {
      return this.#onDemand.render('roster-user-editor', html`<roster-user-editor user-id=${userId ?? nothing} client-ip=${this.clientIp ?? nothing} exportparts=${EDITOR_PARTS}
        .i18n=${this.i18n}></roster-user-editor>`, t);
    }
    if (tab === 'access') return this.#onDemand.render('roster-access-grants', html`<roster-access-grants user-id=${userId} exportparts=${GRANTS_PARTS} .i18n=${this.i18n}></roster-access-grants>`, t);
    return this.#onDemand.render('roster-user-stats', html`<roster-user-stats user-id=${userId} exportparts=${STATS_PARTS} .i18n=${this.i18n}></roster-user-stats>`, t);
  }

  #renderDetail() {
    const t = this.localize.t;
    const user = this.selected;
    if (this.creating) {
      return html`${this.#renderHeader()}<div class="tab-panel" part="tab-panel">${this.#renderTabContent('profile')}</div>`;
    }
    if (!user) {
      return html`<div class="placeholder" part="placeholder">
        <svg viewBox="0 0 48 48" aria-hidden="true"><circle cx="24" cy="17" r="8"/><path d="M9 40c1.8-8 8-12 15-12s13.2 4 15 12"/></svg>
        <p class="state-title">${t.panel.noSelectionTitle}</p><p class="state-text">${t.panel.noSelectionText}</p></div>`;
    }
    return html`${this.#renderHeader(user)}
      <div class="tabs" part="tabs" role="tablist" aria-label=${t.panel.sections} @keydown=${this.#handleTabKeydown}>
        ${TABS.map((tab) => html`<button type="button" role="tab" id="tab-${tab}" class="tab" part="tab${tab === this.tab ? ' active-tab' : ''}"
          aria-selected=${tab === this.tab ? 'true' : 'false'} aria-controls="panel-${tab}" tabindex=${tab === this.tab ? 0 : -1}
          @click=${() => (this.tab = tab)}>${t.panel.tabs[tab]}</button>`)}
      </div>
      ${TABS.map((tab) => html`<div class="tab-panel" part="tab-panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0" ?hidden=${tab !== this.tab}>
        ${this.visited.has(tab) ? keyed(user.id, this.#renderTabContent(tab, user.id)) : nothing}
      </div>`)}`;
  }

  protected override render() {
    const t = this.localize.t;
    const user = this.selected;
    // The audit log needs `users:read`: until the viewer is known to have it, the team shows.
    const views = Boolean(this.viewer?.me?.permissions.includes('users:read'));
    const audit = views && this.view === 'audit';
    return html`<roster-provider .client=${this.client} base-url=${this.baseUrl ?? nothing} .getToken=${this.getToken}
        credentials=${this.credentials ?? nothing}>
        ${views ? this.#renderViews() : nothing}
        <div class="layout" ?hidden=${audit} data-view=${user || this.creating ? 'detail' : 'list'} data-scope=${this.#ownProfileOnly ? 'own' : 'team'} role="region" aria-label=${t.panel.label}
          @roster-select=${(event: SelectEvent) => void this.select(event.detail.user)} @roster-user-create-request=${this.#handleCreateRequest}
          @roster-user-created=${this.#handleCreated} @roster-user-updated=${this.#handleUpdated}
          @roster-grants-changed=${this.#handleUpdated} @roster-user-deleted=${this.#handleDeleted} @roster-editor-close-request=${this.#handleCloseRequest}>
          <div class="list-pane" part="list-pane">
            <roster-user-list exportparts=${LIST_PARTS} .i18n=${this.i18n} .selectedId=${user?.id}></roster-user-list>
            ${renderAccountPassword(this.#accountPassword, this.viewer?.me, t)}
          </div>
          <section class="detail" part="detail" aria-label=${this.creating ? t.panel.newUserTitle
            : user ? t.panel.detailLabel(nameText(user)) : t.panel.noSelectionTitle}>
            ${this.#renderDetail()}
          </section>
          <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        </div>
        ${audit ? this.#onDemand.render('roster-audit-log', html`<roster-audit-log role="region" aria-label=${this.localize.t.auditLog.label} exportparts=${AUDIT_PARTS} .i18n=${this.i18n}></roster-audit-log>`, t) : nothing}
      </roster-provider>
`;
  }
}
