import { Task, TaskStatus, initialState } from '@lit/task';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { RosterChange, RosterClient } from '../../sdk/index.js';
import { RosterElement } from '../shared/base-element.js';
import { renderError } from '../shared/error-view.js';
import { ViewerController } from '../viewer.js';
import { renderWizard } from './create-wizard.js';
import { renderEditForm } from './edit-form.js';
import { EditorForm } from './form-controller.js';
import { loading } from './form-shell.js';
import { styles } from './user-editor.styles.js';
import { addEnglish } from '../localize/catalogs.js';
import { editor, roles } from '../localize/en-editor.js';
import { formActions } from '../localize/en-form-actions.js';

// Its English strings arrive with its code, before the element is defined.
addEnglish({ editor, roles, common: formActions });

/** Which profile a form is for: the create flow, or one profile of one client. */
const target = (mode: string | undefined, userId: string | undefined, client: unknown) =>
  mode === 'create' || !userId ? 'create' : [userId, client];
const sameTarget = (a: ReturnType<typeof target>, b: ReturnType<typeof target>) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1]);

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
 * The `<roster-access-grants>` of the access step passes its parts on under the same names.
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
 * @csspart header - Title, email and verification status with its resend action.
 * @csspart steps - The create flow's step list.
 * @csspart hint - A field's help text, the step count, the password's strength (`data-strength`), why deleting is unavailable.
 * @csspart badge - A badge: the status ("Active" or "Pending", with a dot), the owner's role.
 * @csspart form - The form.
 * @csspart group - A group of fields (notifications, password choice, roles, credit limit, access, allowed IPs), or the delete area under the form.
 * @csspart field - A field: label, control, hint and error.
 * @csspart input - A text input.
 * @csspart choice - A checkbox or radio with its label: a role, a notification, a credit-limit or password choice, what happens to the tasks of a deleted user.
 * @csspart field-error - A field's message, with "Use …" when an allowed IP has host bits set.
 * @csspart item - One allowed-IP entry.
 * @csspart note - Information: where the verification link goes or how a resend went, the owner's locked role, why a manager has every tool, the account's shared password, the viewer's current IP, no permission to change the profile.
 * @csspart alert - A problem: a refused form, a failed send, a version conflict, a full plan, an IP list that leaves the viewer out, users who would lose their only task.
 * @csspart table - The conflict's field-by-field comparison: saved now against yours.
 * @csspart review - A review list of labels and values (the last create step, the confirmation).
 * @csspart actions - A row of buttons: under the form, in a dialog, on the confirmation.
 * @csspart button - Every button: Next, Back, Cancel, Save, Discard changes, Resend link, Delete user, Change…, Add, Reload, Done…
 * @csspart button-primary - The main action: Next, Create, Save, Re-apply my changes, Done; on top of `button`.
 * @csspart button-danger - Delete (in the delete dialog) and Discard (in the unsaved-changes dialog), on top of `button`.
 * @csspart button-icon - An icon button (remove an allowed IP, show or hide the password), on top of `button`.
 * @csspart dialog - The delete confirmation or the unsaved-changes question.
 * @csspart skeleton - The placeholder while the viewer or the profile loads.
 * @csspart state - A block in place of the form: the confirmation after creating, the message after deleting, a failure.
 *
 * @cssprop [--roster-user-editor-max-width=44rem] - Widest the form grows.
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The viewer or the profile is loading.
 * @cssstate saving - A write is in flight.
 * @cssstate checking - The server is checking the details of step 1.
 * @cssstate dirty - There are unsaved changes.
 * @cssstate conflict - A version conflict waits for a choice.
 */
export class RosterUserEditor extends RosterElement {
  static override styles = styles;

  protected readonly viewer = new ViewerController(this);
  /** @internal The form: values, problems, step and the state of every write. */
  readonly form = new EditorForm(this);
  /** The profile being edited, loaded again when the user, the client or the mode changes. */
  private readonly profile = new Task(this, {
    args: () => (this.isCreate ? [undefined, undefined] : [this.client, this.userId]) as [RosterClient?, string?],
    task: ([client, userId], { signal }) => (client && userId ? client.users.get(userId, { signal }) : initialState),
    onComplete: (user) => this.form.loaded(user),
  });

  /** The profile to edit; none (or `mode="create"`) creates a new one. */
  @property({ attribute: 'user-id' }) userId?: string;
  /** `create` forces the create flow even with a `user-id`. */
  @property({ reflect: true }) mode?: 'create' | 'edit';
  /**
   * The viewer's own IP address as the host's server sees it. Given, the allowed IPs offer to add it
   * and warn when the list leaves it out, so no one is locked out by mistake.
   */
  @property({ attribute: 'client-ip' }) clientIp?: string;

  /** True while the form holds changes that are not saved. */
  get hasUnsavedChanges(): boolean {
    return this.form.hasUnsavedChanges;
  }

  /**
   * Asks before leaving when there are unsaved changes: fires `roster-before-leave`, then (unless a
   * listener cancelled it) shows "Discard unsaved changes?". Resolves true when the host may navigate.
   */
  confirmLeave(): Promise<boolean> {
    return this.form.confirmLeave();
  }

  /** Drops every unsaved change: the form shows the profile as loaded (after a conflict, the newer one), or empty. */
  discardChanges(): void {
    this.form.discardChanges();
  }

  /** @internal The signed-in viewer (`GET /me`). */
  get me() {
    return this.viewer.me;
  }

  /** @internal */ get t() {
    return this.localize.t;
  }

  /** @internal The resolved language: numbers are read and written in it. */
  get language() {
    return this.localize.lang;
  }

  /** @internal */ get canWrite(): boolean {
    return this.viewer.can('users:write');
  }

  /** @internal */ get isCreate(): boolean {
    return this.mode === 'create' || !this.userId;
  }

  // Read-outs of the form, for tests that watch it.
  /** @internal */ get values() {
    return this.form.values;
  }
  /** @internal */ get step() {
    return this.form.step;
  }
  /** @internal */ get user() {
    return this.form.user;
  }
  /** @internal */ get deleted() {
    return this.form.deleted;
  }
  /** @internal */ get saving() {
    return this.form.saving;
  }
  /** @internal */ get checking() {
    return this.form.checking;
  }
  /** @internal */ get conflict() {
    return this.form.conflict;
  }
  /** @internal */ get formError() {
    return this.form.formError;
  }
  /** @internal */ get saveError() {
    return this.form.saveError;
  }
  /** @internal */ get serverProblems() {
    return this.form.serverProblems;
  }

  /** @internal */ reloadProfile(): void {
    void this.profile.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#handleBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#handleBeforeUnload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = (name: 'mode' | 'userId' | 'client') => (changed.has(name) ? changed.get(name) : this[name]);
    // Another profile, or the same one through another client, or the create flow: the form starts over.
    if (
      !sameTarget(
        target(before('mode') as string, before('userId') as string, before('client')),
        target(this.mode, this.userId, this.client),
      )
    ) {
      this.form.reset();
    }
    // The states are read on every update: the profile's load ends with an update that changed no property.
    const { form } = this;
    const states = {
      loading: !this.me || (!this.isCreate && !form.user && this.profile.status !== TaskStatus.ERROR),
      saving: form.saving,
      checking: form.checking,
      dirty: form.hasUnsavedChanges,
      conflict: Boolean(form.conflict),
    };
    for (const [name, on] of Object.entries(states)) this.setCustomState(name, on);
  }

  /**
   * Another element of this client saved the profile (the panel's Access tab, say): its version is
   * the one to build on, with the viewer's unsaved edits kept on top, so the next save is no conflict.
   */
  protected override handleChange(change: RosterChange) {
    const { user, saving, conflict } = this.form;
    if (
      change.type !== 'user-updated' ||
      change.userId !== user?.id ||
      this.isCreate ||
      saving ||
      conflict ||
      change.user.version <= user.version
    )
      return;
    this.form.rebase(change.user);
  }

  readonly #handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    // Older engines show the prompt only when returnValue is set.
    event.returnValue = '';
  };

  protected override render() {
    const { form, t } = this;
    const viewer = this.viewer.state;
    if (!this.me)
      return viewer.error ? renderError({ error: viewer.error, t, onRetry: () => void viewer.refresh() }) : loading(t);
    if (this.isCreate) return renderWizard(form, t);
    if (this.profile.status === TaskStatus.ERROR)
      return renderError({ error: this.profile.error, t, onRetry: () => this.reloadProfile() });
    if (!form.user && !form.deleted) return loading(t);
    return renderEditForm(form, t, (value) => this.localize.date(value));
  }
}
