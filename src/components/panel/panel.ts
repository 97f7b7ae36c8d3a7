import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { User } from '../../sdk/index.js';
import type { ViewerState } from '../context.js';
import {
  type GrantsChangedEvent,
  type SelectEvent,
  type UserCreatedEvent,
  UserCreateRequestEvent,
  type UserDeletedEvent,
  type UserUpdatedEvent,
  type VerificationSentEvent,
} from '../events.js';
import { afterFirstLoad, OnDemandController, prefetchElements } from '../on-demand.js';
import { RosterElement } from '../shared/base-element.js';
import { ClientProvider } from '../provider/client-provider.js';
import { nameText, personName } from '../shared/bidi.js';
import { ROLE_TONES } from '../shared/role-tones.js';
import { scrollParent } from '../shared/virtual-window.js';
import type { RosterUserEditor } from '../user-editor/user-editor.js';
import type { RosterUserList } from '../user-list/user-list.js';
import { initials, plusIcon } from '../user-list/user-list-rows.js';
import { AccountPasswordController, renderAccountPassword } from './account-password.js';
import { EXPORT_PARTS } from '../parts.js';
import { renderToast, ToastController } from './panel-toast.js';
import { styles } from './panel.styles.js';

export type PanelTab = 'profile' | 'access' | 'activity';
const TABS: PanelTab[] = ['profile', 'access', 'activity'];
/** The panel's views: the team (list and profile), the tasks others shared, or the audit log. */
export type PanelView = 'team' | 'shared' | 'audit';

const backIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" class="directional"><path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const lockIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><rect x="3.5" y="7" width="9" height="6.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M5.5 7V5.2a2.5 2.5 0 0 1 5 0V7" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>`;

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
 * see their own profile, as an account page would show it, marked "view only" when they may not change it.
 * Saves, deletes, links sent and a new account password are confirmed at the bottom of the panel (a
 * message read out politely, gone after a few seconds, held while hovered or focused); focus stays put.
 *
 * Layout follows the panel's own width, not the window's: the list takes the whole width, and an opened
 * user takes its place as a sheet with a way back (focus and the page's scroll position return to the
 * row). Nothing in the panel scrolls on its own: the list's rows and the profile scroll with the page
 * (the nearest scrolling ancestor). Hosts that want list and detail apart use the elements alone.
 * Owner and managers also have "Shared tasks" (the tasks other profiles created) and the audit log.
 * Selection is not kept in the URL.
 *
 * Parts: besides its own, listed here, the panel passes on every part of the elements inside it under
 * the same name, so `roster-panel::part(row)` styles the rows of the list, the shared tasks, the audit
 * log and the events alike (the README's parts table shows which element has which).
 *
 * @fires {SelectEvent} roster-select - From the list: a user was opened. `detail: { user }`.
 * @fires {UserCreateRequestEvent} roster-user-create-request - From the list. Cancel it to open your own flow.
 * @fires {UserCreatedEvent} roster-user-created - From the editor; the new user becomes the selection.
 * @fires {BeforeUserDeleteEvent} roster-before-user-delete - From the editor, about to delete a user. Cancel it to keep the user.
 * @fires {UserDeletedEvent} roster-user-deleted - From the editor; the panel closes the user.
 * @fires {EditorCloseRequestEvent} roster-editor-close-request - From the editor (Cancel, Done); the panel closes it.
 *
 * @csspart pane - A view beside the open user: the team's list, the shared tasks.
 * @csspart detail - The open user's sheet.
 * @csspart header - Name, email, role and status of the open user.
 * @csspart avatar - The initials.
 * @csspart badge - The role, the status and "View only" in the header.
 * @csspart button - Every button: "Back to the team", "Change account password", a message's close, "Try again".
 * @csspart button-primary - The account password's "Save", on top of `button`.
 * @csspart button-icon - An icon button (close a message, show or hide the password), on top of `button`.
 * @csspart tabs - A tab list: the profile's sections, and the switch between the team, the shared tasks and the audit log.
 * @csspart tab - One tab or view button.
 * @csspart tab-selected - The open tab or the current view, on top of `tab`.
 * @csspart tab-panel - A tab's content.
 * @csspart group - Under the list, for the owner of a shared-password account: the account password and the form to change it.
 * @csspart hint - A muted sentence: the shared tasks' introduction, the own profile's, the account password's.
 * @csspart field - The account password field.
 * @csspart input - The account password's input.
 * @csspart field-error - What is wrong with the new account password.
 * @csspart note - "Saved" after the account password changed.
 * @csspart alert - A problem: the account password was refused, a view's code failed to load (on top of `state`).
 * @csspart skeleton - Where a view shows while its code loads (the first time, when not prefetched yet).
 * @csspart state - In place of a view whose code failed to load, with "Try again".
 * @csspart toast - A message at the bottom of the panel.
 *
 * @cssprop [--roster-panel-detail-max-width=72rem] - How wide an open user's sheet grows.
 * @cssprop [--roster-panel-gap=var(--roster-space-l)] - Space between the panel's blocks.
 * @cssprop [--roster-panel-sticky-top=0px] - Where the list's header row sticks, below a host's fixed bar.
 * @cssprop [--roster-panel-toast-offset=var(--roster-space-l)] - Distance of a message from the bottom of the view.
 * @cssprop --roster-panel-toast-background - Background of a message.
 * @cssprop --roster-panel-toast-color - Its text.
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

  // The client (the panel's, or one created from `base-url`) and the viewer, for the elements inside;
  // the panel itself follows who the viewer is (the first state is still loading).
  readonly #provider = new ClientProvider(this, (viewer) => {
    if (viewer.me !== this.viewer?.me) this.viewer = viewer;
  });
  // The editor, grants, statistics, shared tasks and audit log come in chunks of their own, prefetched once the list is shown.
  readonly #onDemand = new OnDemandController(this);
  /** Where the page was scrolled when a user opened from the list: closing goes back there. */
  #listScroll?: { scroller: HTMLElement; top: number };
  // Outlives the detail: the editor that said "deleted" is gone the moment it says it.
  readonly #toast = new ToastController(this);
  readonly #accountPassword = new AccountPasswordController(
    this,
    () => this.#provider.client,
    () => this.#toast.show(this.localize.t.panel.accountPassword.saved),
  );

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

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('viewer')) {
      const me = this.viewer?.me;
      const before = (changed.get('viewer') as ViewerState | undefined)?.me;
      // Another viewer (the client changed): what was open belonged to the previous one. Without
      // `users:read` the team is hidden, and the viewer's own profile is what is left to show.
      if (me?.user.id !== before?.user.id) {
        if (me && this.#ownProfileOnly) this.#open(me.user, false, 'activity', false);
        else if (before) this.#open(undefined);
      }
    }
    if (changed.has('tab')) this.visited = new Set(this.visited).add(this.tab);
    this.setCustomState('open', Boolean(this.selected || this.creating));
  }

  protected override firstUpdated(): void {
    afterFirstLoad(this.renderRoot.querySelector<RosterUserList>('roster-user-list')!, () => prefetchElements());
  }

  get #ownProfileOnly(): boolean {
    return Boolean(this.viewer?.me && !this.viewer.me.permissions.includes('users:read'));
  }

  /** `focus`: false when the panel opens a profile by itself (a viewer's own, on load): focus stays where it is. */
  #open(user: User | undefined, creating = false, tab: PanelTab = this.tab, focus = true) {
    // Focus in the detail (Back, Done, a delete) would fall to the page when the detail changes.
    const inDetail = this.renderRoot.querySelector('.detail:focus-within');
    const wasOpen = Boolean(this.selected || this.creating);
    const opening = Boolean(user || creating);
    // The sheet takes the list's place: remember where the page was, to come back to the same rows.
    const layout = this.renderRoot.querySelector('.layout');
    if (!wasOpen && opening && layout) {
      const scroller = scrollParent(layout);
      this.#listScroll = { scroller, top: scroller.scrollTop };
    }
    this.selected = user;
    this.creating = creating;
    this.tab = tab;
    this.visited = new Set([tab]);
    void this.updateComplete.then(() => {
      const root = this.renderRoot;
      const title = root.querySelector<HTMLElement>('.detail-title');
      if (title) {
        if (!focus) return;
        // The sheet's top in view (it starts where the list did, maybe above the view), its title focused.
        const sheet = root.querySelector<HTMLElement>('.detail')!;
        if (!wasOpen && sheet.getBoundingClientRect().top < 0) sheet.scrollIntoView({ block: 'start' });
        title.focus({ preventScroll: true });
        return;
      }
      const saved = this.#listScroll;
      this.#listScroll = undefined;
      if (saved) saved.scroller.scrollTop = saved.top;
      // Back on the list's current row, where the viewer left it (the scroll position is the page's again).
      if (inDetail || wasOpen)
        root.querySelector<RosterUserList>('roster-user-list')?.focusRow({ preventScroll: Boolean(saved) });
    });
  }

  /**
   * Opens `user` (or the new-user form, or nothing) once the editor agreed to leave: it asks "discard unsaved
   * changes?" itself; without an editor (or changes) there is nothing to lose.
   */
  async #leaveFor(user: User | undefined, creating = false): Promise<boolean> {
    const leave = await (this.renderRoot.querySelector<RosterUserEditor>('roster-user-editor')?.confirmLeave?.() ??
      true);
    if (leave) this.#open(user, creating);
    return leave;
  }

  /**
   * The list's request goes on to the host as the panel's own, so that the panel knows at once whether
   * a listener above canceled it (to open its own flow): it answers only a request nobody canceled.
   */
  #handleCreateRequest(event: UserCreateRequestEvent) {
    event.stopPropagation();
    if (this.dispatchEvent(new UserCreateRequestEvent())) void this.createUser();
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
    const { user } = event.detail;
    if (user.id === this.selected?.id) this.selected = user;
    const t = this.localize.t.panel;
    this.#toast.show({
      message: event.type === 'roster-grants-changed' ? t.accessSaved : t.saved,
      values: [nameText(user)],
    });
  }

  #handleVerificationSent(event: VerificationSentEvent) {
    this.#toast.show({ message: this.localize.t.list.resent, values: [event.detail.user.email] });
    event.markAnnounced();
  }

  #handleDeleted({ detail: { user } }: UserDeletedEvent) {
    this.#toast.show({ message: this.localize.t.panel.deleted, values: [`${user.firstName} ${user.lastName}`] });
    if (user.id === this.selected?.id) this.#open(undefined);
  }

  /** A message closed with focus on it: focus goes to the open user's title or the list's row. */
  #refocus() {
    const root = this.renderRoot;
    const title = root.querySelector<HTMLElement>('.detail-title');
    if (title) title.focus();
    else if (!root.querySelector<RosterUserList>('roster-user-list')?.focusRow())
      root.querySelector<HTMLElement>('[aria-current="page"]')?.focus();
  }

  #handleTabKeydown(event: KeyboardEvent) {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -TABS.length, End: TABS.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    // The arrows follow the reading direction: right to left, the next tab is the one on the left.
    const sign = this.localize.dir === 'rtl' && Math.abs(step) === 1 ? -1 : 1;
    this.tab = TABS[Math.max(0, Math.min(TABS.length - 1, TABS.indexOf(this.tab) + step * sign))];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  /**
   * The switch between the team and the audit log, for viewers who may read the team: two buttons,
   * the current one marked (not tabs, so the profile's tabs stay the panel's only tab list). The team
   * stays rendered while hidden, keeping what is open and unsaved.
   */
  #renderViews() {
    const t = this.localize.t;
    const views: [PanelView, string][] = [
      ['team', t.panel.teamView],
      ['shared', t.panel.sharedView],
      ['audit', t.panel.auditView],
    ];
    return html`<nav class="views" part="tabs" aria-label=${t.panel.views}>
      ${views.map(
        ([
          view,
          label,
        ]) => html`<button type="button" id="view-${view}" class="tab" part="tab${view === this.view ? ' tab-selected' : ''}"
        aria-current=${view === this.view ? 'page' : nothing} @click=${() => (this.view = view)}>${label}</button>`,
      )}
    </nav>`;
  }

  /** Back to the team, the open user's initials, name, email, role and status ("view only" when it is). */
  #renderHeader(user?: User) {
    const t = this.localize.t;
    const own = this.#ownProfileOnly;
    const readOnly = Boolean(user && this.viewer?.me && !this.viewer.me.permissions.includes('users:write'));
    return html`<header class="detail-header" part="header">
      ${
        own
          ? nothing
          : html`<button type="button" class="button ghost small back-button" part="button" @click=${() => void this.clearSelection()}>
        ${backIcon}${t.panel.back}</button>`
      }
      <div class="identity">
        <span class="avatar" part="avatar" aria-hidden="true">${user ? initials(user) : plusIcon}</span>
        <div class="identity-text">
          <h2 class="detail-title" tabindex="-1" dir="auto">${user ? personName(user) : t.panel.newUserTitle}</h2>
          <p class="detail-subtitle" dir="auto">${user ? user.email : t.panel.newUserText}</p>
        </div>
        ${
          user
            ? html`<div class="badges">
          <span class="badge" part="badge" data-tone=${ROLE_TONES[user.role]}>${t.roles[user.role].name}</span>
          <span class="badge" part="badge" data-tone=${user.status === 'active' ? 'success' : 'warning'} data-dot>${t.common.status[user.status]}</span>
          ${readOnly ? html`<span class="badge read-only" part="badge">${lockIcon}${t.panel.readOnly}</span>` : nothing}
        </div>`
            : nothing
        }
      </div>
      ${own ? html`<p class="hint own-profile" part="hint">${t.panel.ownProfileText}</p>` : nothing}
    </header>`;
  }

  /** A tab's element for the user; the editor without a user creates one. */
  #renderTabContent(tab: PanelTab, userId?: string) {
    const t = this.localize.t;
    if (tab === 'profile') {
      return this.#onDemand.render(
        'roster-user-editor',
        html`<roster-user-editor user-id=${userId ?? nothing} client-ip=${this.clientIp ?? nothing} exportparts=${EXPORT_PARTS}
        .i18n=${this.i18n}></roster-user-editor>`,
        t,
      );
    }
    if (tab === 'access')
      return this.#onDemand.render(
        'roster-access-grants',
        html`<roster-access-grants user-id=${userId ?? nothing} exportparts=${EXPORT_PARTS} .i18n=${this.i18n}></roster-access-grants>`,
        t,
      );
    return this.#onDemand.render(
      'roster-user-stats',
      html`<roster-user-stats user-id=${userId ?? nothing} exportparts=${EXPORT_PARTS} .i18n=${this.i18n}></roster-user-stats>`,
      t,
    );
  }

  #renderDetail() {
    const t = this.localize.t;
    const user = this.selected;
    if (this.creating) {
      return html`${this.#renderHeader()}<div class="tab-panel" part="tab-panel">${this.#renderTabContent('profile')}</div>`;
    }
    if (!user) return nothing;
    return html`${this.#renderHeader(user)}
      <div class="tabs" part="tabs" role="tablist" aria-label=${t.panel.sections} @keydown=${this.#handleTabKeydown}>
        ${TABS.map(
          (
            tab,
          ) => html`<button type="button" role="tab" id="tab-${tab}" class="tab" part="tab${tab === this.tab ? ' tab-selected' : ''}"
          aria-selected=${tab === this.tab ? 'true' : 'false'} aria-controls="panel-${tab}" tabindex=${tab === this.tab ? 0 : -1}
          @click=${() => (this.tab = tab)}>${t.panel.tabs[tab]}</button>`,
        )}
      </div>
      ${TABS.map(
        (
          tab,
        ) => html`<div class="tab-panel" part="tab-panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0" ?hidden=${tab !== this.tab}>
        ${this.visited.has(tab) ? keyed(user.id, this.#renderTabContent(tab, user.id)) : nothing}
      </div>`,
      )}`;
  }

  protected override render() {
    const t = this.localize.t;
    const user = this.selected;
    const open = Boolean(user || this.creating);
    // While creating, the detail is no landmark of its own: the editor inside is the region "New user".
    const own = this.#ownProfileOnly;
    // Shared tasks and the audit log need `users:read`: until the viewer is known to have it, the team shows.
    const views = Boolean(this.viewer?.me?.permissions.includes('users:read'));
    const view = views ? this.view : 'team';
    return html`${views ? this.#renderViews() : nothing}
      <div class="layout" ?hidden=${view !== 'team'} data-view=${open ? 'detail' : 'list'} data-scope=${own ? 'own' : 'team'} role="region" aria-label=${t.panel.label}
        @roster-select=${(event: SelectEvent) => void this.select(event.detail.user)} @roster-user-create-request=${this.#handleCreateRequest}
        @roster-user-created=${this.#handleCreated} @roster-user-updated=${this.#handleUpdated}
        @roster-grants-changed=${this.#handleUpdated} @roster-user-deleted=${this.#handleDeleted} @roster-editor-close-request=${this.#handleCloseRequest}
        @roster-verification-sent=${this.#handleVerificationSent}>
        ${
          own
            ? nothing
            : html`<div class="list-pane" part="pane" ?hidden=${open}>
          <roster-user-list page-scroll exportparts=${EXPORT_PARTS} .i18n=${this.i18n} .selectedId=${user?.id}></roster-user-list>
          ${renderAccountPassword(this.#accountPassword, this.viewer?.me, t)}
        </div>`
        }
        ${
          open
            ? html`<section class="detail" part="detail" aria-label=${this.creating ? nothing : t.panel.detailLabel(nameText(user!))}>
          ${this.#renderDetail()}
        </section>`
            : nothing
        }
      </div>
      ${
        view === 'shared'
          ? html`<section class="shared-tasks" part="pane" aria-labelledby="shared-title">
        <h2 class="view-title" id="shared-title">${t.panel.sharedView}</h2>
        <p class="hint" part="hint">${t.panel.sharedText}</p>
        ${this.#onDemand.render('roster-shared-tasks', html`<roster-shared-tasks exportparts=${EXPORT_PARTS} .i18n=${this.i18n}></roster-shared-tasks>`, t)}
      </section>`
          : nothing
      }
      ${view === 'audit' ? this.#onDemand.render('roster-audit-log', html`<roster-audit-log role="region" aria-label=${t.panel.auditView} exportparts=${EXPORT_PARTS} .i18n=${this.i18n}></roster-audit-log>`, t) : nothing}
      ${renderToast(this.#toast, t, () => this.#refocus())}`;
  }
}
