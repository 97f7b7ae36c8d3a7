import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RosterChange, User } from '../../sdk/index.js';
import { BeforeLeaveEvent, EditorCloseRequestEvent } from '../events.js';
import { RosterElement } from '../shared/base-element.js';
import { isAbortError } from '../shared/errors.js';
import { ViewerController } from '../viewer.js';
import type { TaskDisposal } from './dialogs.js';
import type { SentSave } from './editor-actions.js';
import { renderEditor } from './editor-template.js';
import { focusAfterUpdate, shownProblems } from './form-input.js';
import {
  type ConflictRow, type FormValues, type Problems, type Step, changedPatch, emptyValues, isEmptyPatch, reapply, valuesFromUser,
} from './form-state.js';
import { styles } from './user-editor.styles.js';

/** A failed save that the viewer must act on, as the editor shows it. */
export interface Conflict {
  theirs: User;
  rows: ConflictRow[];
}

/**
 * @summary Creates a profile (details → role and access → review → confirmation) or edits one:
 * names, phone, password, role, credit limit, notifications, allowed IPs and access; verification
 * and deletion.
 * @tag roster-user-editor
 *
 * Without `user-id` (or with `mode="create"`) it runs the create flow; with one it loads that user
 * and saves only what changed, with the version it loaded (a newer version on the server shows a
 * field-by-field comparison, never a silent overwrite). A failed save keeps what was typed, the
 * password too, and "Try again" sends the same request again; the password is cleared once saved
 * and never put in an event. Step 1 asks the server (`users.validate`) about the email and the
 * other details typed, when the email is left and on Next, so refusals show there.
 *
 * @fires {BeforeUserCreateEvent} roster-before-user-create - About to create. Cancelable. `detail: { input }` (no password).
 * @fires {UserCreatedEvent} roster-user-created - Created (pending verification). `detail: { user }`.
 * @fires {BeforeUserUpdateEvent} roster-before-user-update - About to save. Cancelable. `detail: { user, patch }` (no password).
 * @fires {UserUpdatedEvent} roster-user-updated - Saved. `detail: { user }`.
 * @fires {BeforeUserDeleteEvent} roster-before-user-delete - About to delete. Cancelable. `detail: { user, tasks }`.
 * @fires {UserDeletedEvent} roster-user-deleted - Deleted. `detail: { user, tasks }`.
 * @fires {VerificationSentEvent} roster-verification-sent - A new verification link was sent. `detail: { user }`.
 * @fires {BeforeLeaveEvent} roster-before-leave - `confirmLeave()` with unsaved changes. Cancelable: keeps the viewer here.
 * @fires {EditorCloseRequestEvent} roster-editor-close-request - Cancel, Done or after a delete: the host may close the editor.
 *
 * @csspart header - Title, email and verification. @csspart steps - The create flow's step list.
 * @csspart verification - Edit: the status badge, verification date or "Pending", and the resend action.
 * @csspart badge - A badge: a status in the header or the confirmation, the owner's role.
 * @csspart status-badge - "Active" or "Pending", with a dot, on top of `badge`.
 * @csspart resend-button - Resend the verification link.
 * @csspart verification-note - Where the verification link goes (review step) or the result of a resend.
 * @csspart form - The form. @csspart field - A field. @csspart input - A text input. @csspart field-error - A field's message.
 * @csspart check - A checkbox or radio with its label (welcome email, notifications, credit-limit choice).
 * @csspart suggestion-button - Under an allowed IP with host bits set: "Use …" the proposed range.
 * @csspart password-toggle - Shows or hides the password (`aria-pressed`).
 * @csspart password-strength - The strength meter and its word (`data-strength="weak" | "fair" | "strong"`).
 * @csspart password-shared - The notice in place of the password field when the account has one shared password.
 * @csspart password-choice - Creating with per-user passwords: "They choose their own password" or "Set a password now".
 * @csspart group - A group of fields (notifications, roles, credit limit, access). @csspart role-option - One role.
 * @csspart roles - The role group, on top of `group`.
 * @csspart credit-limit - The credit-limit group (specialists only), on top of `group`.
 * @csspart access - The access group holding the grants control, on top of `group`.
 * @csspart owner-locked - The owner's profile: the notice that its role cannot change.
 * @csspart manager-access - The sentence in place of the grants for a manager or the owner.
 * @csspart allowed-ips - The allowed-IPs list. @csspart ip-entry - One entry. @csspart access-grants - The grants control.
 * @csspart remove-ip-button - Removes one allowed-IP entry (icon button).
 * @csspart add-ip-button - "Add", beside the new-entry input of the allowed IPs.
 * @csspart client-ip - With `client-ip`: "Your current IP", its "Add it" and the warning when the list leaves it out.
 * @csspart add-client-ip-button - "Add it": adds the viewer's current IP to the allowed IPs.
 * @csspart actions - The button row. @csspart submit-button - Next, Create or Save. @csspart alert - A form-level problem.
 * @csspart cancel-button - "Cancel": on the create flow's first step, and in the delete dialog.
 * @csspart back-button - "Back" to the previous step of the create flow.
 * @csspart discard-button - "Discard changes": beside Save, and in the unsaved-changes dialog.
 * @csspart conflict - The version-conflict comparison. @csspart review - A review list. @csspart created - The confirmation.
 * @csspart conflict-table - The field-by-field table of the conflict: saved now against yours.
 * @csspart reload-button - The conflict's "Reload (discard mine)".
 * @csspart reapply-button - The conflict's "Re-apply my changes on top".
 * @csspart change-button - On the review step: "Change …" goes back to that step.
 * @csspart another-button - On the confirmation: "Add another user".
 * @csspart done-button - On the confirmation: "Done".
 * @csspart danger-zone - The area under the form holding "Delete user".
 * @csspart delete-button - Opens the delete dialog.
 * @csspart delete-dialog - The delete confirmation. @csspart leave-dialog - The unsaved-changes question.
 * @csspart delete-option - In the delete dialog: one choice for the user's tasks (transfer or delete).
 * @csspart confirm-delete-button - In the delete dialog: "Delete".
 * @csspart stay-button - In the unsaved-changes dialog: "Keep editing".
 * @csspart loading - The loading placeholder (viewer or profile).
 * @csspart state - The message left after the user was deleted.
 * @csspart error - An error block (load, save or delete failed). @csspart retry-button - Its "Try again".
 *
 * @cssprop [--roster-user-editor-max-width=44rem] - Widest the form grows.
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The viewer or the profile is loading. @cssstate saving - A write is in flight.
 * @cssstate checking - The server is checking the details of step 1.
 * @cssstate dirty - There are unsaved changes. @cssstate conflict - A version conflict waits for a choice.
 */
export class RosterUserEditor extends RosterElement {
  static override styles = styles;

  protected readonly viewer = new ViewerController(this);

  /** The profile to edit; none (or `mode="create"`) creates a new one. */
  @property({ attribute: 'user-id' }) userId?: string;
  /** `create` forces the create flow even with a `user-id`. */
  @property({ reflect: true }) mode?: 'create' | 'edit';
  /**
   * The viewer's own IP address as the host's server sees it. Given, the allowed IPs offer to add it
   * and warn when the list leaves it out, so no one is locked out by mistake.
   */
  @property({ attribute: 'client-ip' }) clientIp?: string;

  /** @internal */ @state() values: FormValues = emptyValues();
  /** @internal */ @state() step: Step | 'done' = 'details';
  /** @internal The profile as last loaded or saved (edit), or the one just created (done). */
  @state() user?: User;
  /** @internal */ @state() loadError?: unknown;
  /** @internal Fields left at least once: their local problems are shown. */
  @state() touched = new Set<string>();
  /** @internal Steps (or `edit`) sent once: all their problems are shown. */
  @state() revealed = new Set<string>();
  /** @internal */ @state() serverProblems: Problems = new Map();
  /** @internal A refusal of the whole form (seat limit, single profile, forbidden). */
  @state() formError?: unknown;
  /** @internal A failed send worth retrying (network, 5xx, timeout). */
  @state() saveError?: unknown;
  /** @internal The request that failed with `saveError`: "Try again" sends it as it was. */
  failedSave?: SentSave;
  /** @internal A write is in flight: a second send waits. */
  @state() saving = false;
  /** @internal */ @state() conflict?: Conflict;
  /** @internal */ @state() deleted?: User;
  /** @internal */ @state() deleteTasks: TaskDisposal = 'transfer';
  /** @internal */ @state() deleteError?: unknown;
  /** @internal A resend is in flight: a second click sends nothing. */
  @state() resending = false;
  /** @internal The outcome of the last "resend verification link". */
  @state() verificationNote?: { tone: 'success' | 'danger'; text: string };
  /** @internal A delete is in flight: a second click sends nothing. */
  @state() deleting = false;
  /** @internal */ @state() announcement = '';
  /** @internal */ @state() passwordVisible = false;
  /** @internal The profile just created chooses its own password with the verification link. */
  @state() invited = false;
  /** @internal The add field of the allowed-IPs list. */ @state() ipDraft = '';
  /** @internal The early check of step 1 is in flight. */ @state() checking = false;
  /** @internal The early check asked last (the details sent, as JSON) and its answer: the error, or undefined when accepted. */
  earlyCheck?: { key: string; answer: Promise<unknown> };
  /** @internal The viewer as loaded when a profile was created: until `/me` reloads, its seat count leaves that profile out. */
  createdWith?: unknown;

  /** Bumped on every edit: a create retried without edits reuses its idempotency key. */
  revision = 0;
  /** @internal The idempotency key of the last create sent, and the revision it was for. */
  createKey?: { key: string; revision: number };
  /** @internal The problems shown next to fields in this render. */
  problems: Problems = new Map();
  /** @internal True while a render commits to the DOM: a focused field it removes loses focus then, not by the viewer's doing. */
  committing = false;
  #loadedKey?: string;
  #loadedClient?: unknown;
  #loadAbort?: AbortController;
  #leaveResolve?: (leave: boolean) => void;

  /** True while the form holds changes that are not saved. */
  get hasUnsavedChanges(): boolean {
    if (this.step === 'done' || this.deleted) return false;
    // An address typed into the add field is one too: Next and Save add it.
    if (this.ipDraft.trim()) return true;
    if (!this.isCreate) return Boolean(this.user && !isEmptyPatch(changedPatch(this.values, this.user)));
    return JSON.stringify(this.values) !== JSON.stringify(emptyValues());
  }

  /**
   * Asks before leaving when there are unsaved changes: fires `roster-before-leave`, then (unless a
   * listener cancelled it) shows "Discard unsaved changes?". Resolves true when the host may navigate.
   */
  async confirmLeave(): Promise<boolean> {
    if (!this.hasUnsavedChanges) return true;
    if (!this.dispatchEvent(new BeforeLeaveEvent(this.isCreate ? undefined : this.user))) return false;
    this.#leaveResolve?.(false);
    await this.updateComplete;
    this.#dialog('leave')?.showModal();
    return new Promise((resolve) => (this.#leaveResolve = resolve));
  }

  /** Drops every unsaved change: the form shows the profile as loaded (after a conflict, the newer one), or empty. */
  discardChanges(): void {
    // With a conflict shown, the profile to go back to is the newer one: a save from there is no conflict.
    if (this.conflict) this.user = this.conflict.theirs;
    this.values = this.user && !this.isCreate ? valuesFromUser(this.user) : emptyValues();
    this.ipDraft = '';
    this.touched = new Set();
    this.revealed = new Set();
    this.serverProblems = new Map();
    this.formError = this.saveError = this.conflict = this.failedSave = this.earlyCheck = undefined;
    this.checking = false;
    if (this.isCreate) this.step = 'details';
  }

  /** @internal The signed-in viewer (`GET /me`). */
  get me() {
    return this.viewer.me;
  }

  /** @internal The catalog in effect. */
  get t() {
    return this.localize.t;
  }

  /** @internal The locale's formats. */
  get l10n() {
    return this.localize;
  }

  /** @internal */ get viewerState() {
    return this.viewer.state;
  }

  /** @internal The plan has no seat left for another profile (one just created counts before `/me` reloads). */
  get planFull(): boolean {
    const account = this.me?.account;
    if (!account) return false;
    const uncounted = this.createdWith === this.me ? 1 : 0;
    return account.singleProfile || account.seatsUsed + uncounted >= account.plan.seatLimit;
  }

  /** @internal */ get canWrite(): boolean {
    return this.viewer.can('users:write');
  }

  /** @internal */ get isCreate(): boolean {
    return this.mode === 'create' || !this.userId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#handleBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#handleBeforeUnload);
    this.#loadAbort?.abort();
    this.#loadedKey = undefined;
  }

  protected override update(changed: PropertyValues<this>): void {
    this.committing = true;
    try {
      super.update(changed);
    } finally {
      this.committing = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = this.isCreate ? 'create' : `edit:${this.userId}`;
    if (key !== this.#loadedKey || (this.client !== this.#loadedClient && !this.isCreate)) {
      this.#loadedKey = key;
      this.#loadedClient = this.client;
      this.#loadAbort?.abort();
      this.user = this.deleted = this.loadError = undefined;
      this.discardChanges();
      this.step = 'details';
      if (!this.isCreate) void this.load();
    }
    if (!changed.size) return;
    const states = {
      loading: !this.viewer.me || (!this.isCreate && !this.user && !this.loadError),
      saving: this.saving,
      checking: this.checking,
      dirty: this.hasUnsavedChanges,
      conflict: Boolean(this.conflict),
    };
    for (const [name, on] of Object.entries(states)) this.setCustomState(name, on);
  }

  /** @internal Loads the profile being edited (again). */
  async load(): Promise<void> {
    const { client, userId } = this;
    if (!client || !userId) return;
    this.#loadAbort?.abort();
    const abort = (this.#loadAbort = new AbortController());
    this.loadError = undefined;
    try {
      const user = await client.users.get(userId, { signal: abort.signal });
      if (abort !== this.#loadAbort) return;
      this.user = user;
      this.values = valuesFromUser(user);
    } catch (error) {
      if (!isAbortError(error) && abort === this.#loadAbort) this.loadError = error;
    }
  }

  /**
   * Another element of this client saved the profile (the panel's Access tab, say): its version is
   * the one to build on, with the viewer's unsaved edits kept on top, so the next save is no conflict.
   */
  protected override handleChange(change: RosterChange) {
    const { user } = this;
    if (change.type !== 'user-updated' || change.userId !== user?.id || this.isCreate || this.saving || this.conflict
      || change.user.version <= user.version) return;
    this.values = reapply(change.user, changedPatch(this.values, user), this.values);
    this.user = change.user;
  }

  readonly #handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    // Older engines show the prompt only when returnValue is set.
    event.returnValue = '';
  };

  #dialog(name: 'delete' | 'leave') {
    return this.renderRoot.querySelector<HTMLDialogElement>(`#${name}-dialog`);
  }

  /** @internal */ closeRequest() {
    this.dispatchEvent(new EditorCloseRequestEvent(this.isCreate ? undefined : (this.user ?? this.deleted)));
  }

  /** @internal The create flow's Cancel: asks first when something was typed. */
  async cancel() {
    if (await this.confirmLeave()) {
      this.discardChanges();
      this.closeRequest();
    }
  }

  /** @internal */ settleLeave(leave: boolean) {
    const resolve = this.#leaveResolve;
    this.#leaveResolve = undefined;
    this.#dialog('leave')?.close();
    if (leave) this.discardChanges();
    resolve?.(leave);
  }

  /** @internal */ openDeleteDialog() {
    this.deleteTasks = 'transfer';
    this.deleteError = undefined;
    this.#dialog('delete')?.showModal();
  }

  /** @internal */ closeDeleteDialog() {
    this.#dialog('delete')?.close();
  }

  /** @internal After a create: an empty form for the next colleague. */
  startOver() {
    this.user = undefined;
    this.discardChanges();
    void focusAfterUpdate(this, '#f-firstName');
  }

  protected override render() {
    this.problems = shownProblems(this);
    return renderEditor(this);
  }
}
