import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Access, FieldError, Role, RosterChange, RosterClient, Task, User } from '../../sdk/index.js';
import { BeforeUserUpdateEvent, GrantsChangedEvent, RosterChangeEvent } from '../events.js';
import { RosterElement } from '../shared/base-element.js';
import { renderError } from '../shared/error-view.js';
import { isAbortError } from '../shared/errors.js';
import { ViewerController } from '../viewer.js';
import { renderLoading, renderSaveBar, renderTaskSection, renderTools, type ViewContext } from './access-grants-view.js';
import { styles } from './access-grants.styles.js';
import { TaskCombobox } from './task-combobox.js';
import { TaskDirectory } from './task-directory.js';

const NO_ACCESS: Access = { tools: [], tasks: [] };

const accessKey = (access: Access) => JSON.stringify([[...access.tools].sort(), access.tasks.map((ref) => ref.taskId).sort()]);
const sameAccess = (a: Access, b: Access) => accessKey(a) === accessKey(b);

/**
 * @summary Which tools and tasks a profile may use (seed: "Access to tools", "Access to tasks").
 * @tag roster-access-grants
 *
 * Two modes:
 * - **Form control** (no `user-id`): the host sets `value` and `role`, listens to `roster-change`
 *   and saves the grants with the rest of the profile (this is how `<roster-user-editor>` uses it).
 * - **Standalone** (`user-id` set): the element loads that user (`GET /users/{id}`), owns `value`,
 *   and a "Save access" button sends `PATCH /users/{id}` with `{ access }` and the version it loaded
 *   (`If-Match`). A 412 shows that the profile changed elsewhere and offers to reload; nothing is
 *   overwritten silently.
 *
 * Role-aware: for a manager (or the owner) the controls give way to a sentence saying the role has
 * every tool and task (the stored grants stay in `value`, unused); a guest keeps at least one task
 * and is told that a grant means view and download only. Without `users:write` (SPEC rule 14), or
 * with `readonly`, the grants are shown without controls.
 *
 * @fires {RosterChangeEvent<Access>} roster-change - The viewer changed the grants. `detail: { value }`.
 * @fires {BeforeUserUpdateEvent} roster-before-user-update - Standalone, before saving. Cancelable.
 * @fires {GrantsChangedEvent} roster-grants-changed - Standalone, the grants were saved. `detail: { user, access }`.
 *
 * @csspart tools - The tool choices. @csspart tool - One tool (checkbox, name, cost).
 * @csspart all-tools-button - "All tools". @csspart no-tools-button - "No tools".
 * @csspart tasks - The task section. @csspart tool-select - The tool picker of the search.
 * @csspart combobox - The task search. @csspart search - Its input. @csspart popup - Its popup.
 * @csspart listbox - The search results. @csspart option - One result. @csspart popup-status - Searching / no matches.
 * @csspart task-group - Granted tasks of one tool. @csspart task - One granted task (also `missing-task`).
 * @csspart missing-task - A granted task that no longer exists, on top of `task`.
 * @csspart no-tasks - The "No tasks granted yet." line, in place of the granted tasks.
 * @csspart remove-button - Removes a granted task. @csspart badge - A badge (also `missing-badge`).
 * @csspart missing-badge - "This task no longer exists", on a `missing-task`; on top of `badge`.
 * @csspart note - The role sentence (manager, owner, guest). @csspart field-error - A field's error.
 * @csspart grants - The whole control. @csspart loading - The loading placeholder.
 * @csspart actions - Standalone: the save bar. @csspart save-button - "Save access". @csspart discard-button - "Discard changes".
 * @csspart conflict - Standalone: the notice after a 412. @csspart reload-button - Its "Reload".
 * @csspart error - An error block. @csspart retry-button - Its "Try again".
 *
 * @cssprop [--roster-access-grants-listbox-height=16rem] - Maximum height of the search results.
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The viewer or (standalone) the user is loading.
 * @cssstate dirty - Standalone: unsaved changes.
 * @cssstate saving - Standalone: the save is in flight.
 * @cssstate readonly - Shown without controls.
 */
export class RosterAccessGrants extends RosterElement {
  static override styles = styles;

  private readonly viewer = new ViewerController(this);
  private readonly combobox = new TaskCombobox(this, {
    isGranted: (taskId) => this.value.tasks.some((ref) => ref.taskId === taskId),
    onToggle: (task) => this.toggleTask(task),
    onTasks: (tasks) => this.directory?.remember(tasks),
  });

  /** The grants, `{ tools: toolId[], tasks: { toolId, taskId }[] }`. Standalone, loaded from the user. */
  @property({ attribute: false }) value: Access = NO_ACCESS;
  /** The profile's role (`manager`, `specialist`, `guest`). Standalone, defaults to the loaded user's. */
  @property({ attribute: 'user-role' }) override role: Role | null = null;
  /** Turns on standalone mode: the id of the user to load and save. */
  @property({ attribute: 'user-id' }) userId?: string;
  /** Shows the controls, disabled. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Shows the grants without controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Field errors to show next to the controls (from a 422 the host got): fields `access.tools…`, `access.tasks…`. */
  @property({ attribute: false }) fieldErrors: readonly FieldError[] = [];

  @state() private user?: User;
  @state() private loadError?: unknown;
  @state() private saving = false;
  @state() private saveError?: unknown;
  @state() private conflict = false;
  @state() private guestBlocked = false;
  @state() private announcement = '';

  private directory?: TaskDirectory;
  private watchedClient?: RosterClient;
  private unwatch: (() => void)[] = [];
  private loadedKey?: string;
  private loadedClient?: RosterClient;
  private loadAbort?: AbortController;

  /** Standalone: whether `value` differs from the saved grants. */
  get dirty(): boolean {
    return Boolean(this.user && !sameAccess(this.value, this.user.access));
  }

  /** Whether the grants satisfy the role's rules (a guest needs a task); shows the message when not. */
  checkValidity(): boolean {
    const valid = this.effectiveRole !== 'guest' || this.value.tasks.length > 0;
    this.guestBlocked = !valid;
    return valid;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.unwatch.splice(0)) stop();
    this.watchedClient = undefined;
    // A loaded user (and the viewer's unsaved changes) survive a move in the page; a load in flight starts over.
    if (!this.user) this.loadedKey = undefined;
    this.loadAbort?.abort();
  }

  protected override willUpdate(): void {
    this.value ??= NO_ACCESS;
    const client = this.client;
    if (client !== this.watchedClient) {
      for (const stop of this.unwatch) stop();
      this.watchedClient = client;
      this.directory = client ? TaskDirectory.for(client) : undefined;
      this.unwatch = client ? [this.directory!.subscribe(() => this.requestUpdate()), client.onChange((c) => this.handleChange(c))] : [];
    }
    const key = this.userId && client ? this.userId : undefined;
    if (key !== this.loadedKey || (key && client !== this.loadedClient)) {
      this.loadedKey = key;
      this.loadedClient = client;
      void this.load();
    }
    if (!this.combobox.toolId && this.tools.length) this.combobox.setTool(this.tools[0].id);
    if (this.showsControls) this.directory?.resolve(this.value.tasks);
    this.setCustomState('loading', this.isLoading);
    this.setCustomState('dirty', this.dirty);
    this.setCustomState('saving', this.saving);
    this.setCustomState('readonly', this.isReadonly);
  }

  private get tools() {
    return this.viewer.me?.account.tools ?? [];
  }

  private get effectiveRole(): Role | null {
    return this.role ?? this.user?.role ?? null;
  }

  private get isLoading(): boolean {
    const viewer = this.viewer.state;
    return !this.client || (!viewer.me && !viewer.error) || Boolean(this.userId && !this.user && !this.loadError);
  }

  private get isReadonly(): boolean {
    return this.readonly || (this.viewer.me !== undefined && !this.viewer.can('users:write'));
  }

  private get showsControls(): boolean {
    const role = this.effectiveRole;
    return role !== 'manager' && role !== 'owner';
  }


  private async load() {
    this.loadAbort?.abort();
    const { client, userId } = this;
    this.user = this.loadError = this.saveError = undefined;
    this.conflict = this.guestBlocked = false;
    if (!client || !userId) return;
    const abort = (this.loadAbort = new AbortController());
    try {
      const user = await client.users.get(userId, { signal: abort.signal });
      if (abort !== this.loadAbort) return;
      this.user = user;
      this.value = user.access;
    } catch (error) {
      if (!isAbortError(error) && abort === this.loadAbort) this.loadError = error;
    }
  }

  private handleChange(change: RosterChange) {
    // Another element of this client saved the user: follow it unless the viewer has unsaved changes here.
    if (change.type !== 'user-updated' || change.userId !== this.user?.id || this.saving || this.dirty) return;
    this.user = change.user;
    this.value = change.user.access;
  }

  private commit(next: Access, announcement = '') {
    this.value = next;
    this.guestBlocked = false;
    this.saveError = undefined;
    this.announcement = announcement;
    this.dispatchEvent(new RosterChangeEvent<Access>(next));
  }

  private setTool(toolId: string, on: boolean) {
    const tools = this.value.tools.filter((id) => id !== toolId);
    this.commit({ ...this.value, tools: on ? [...tools, toolId] : tools });
  }

  private setAllTools(on: boolean) {
    this.commit({ ...this.value, tools: on ? this.tools.map((tool) => tool.id) : [] });
  }

  private toggleTask(task: Task) {
    if (this.value.tasks.some((ref) => ref.taskId === task.id)) return this.removeTask(task.id);
    const tasks = [...this.value.tasks, { toolId: task.toolId, taskId: task.id }];
    this.commit({ ...this.value, tasks }, this.localize.t.grants.added(task.name));
  }

  /** Revokes a task, unless it is a guest's last one (then says why not). */
  private removeTask(taskId: string, refocus = false) {
    if (this.effectiveRole === 'guest' && this.value.tasks.length <= 1) {
      this.guestBlocked = true;
      return;
    }
    const index = this.value.tasks.findIndex((ref) => ref.taskId === taskId);
    const name = this.directory?.get(taskId)?.name ?? taskId;
    this.commit({ ...this.value, tasks: this.value.tasks.filter((ref) => ref.taskId !== taskId) }, this.localize.t.grants.removed(name));
    if (refocus) void this.focusAfterRemoval(index);
  }

  /** Keeps keyboard focus in the list: on the next remove button, else the previous, else the search. */
  private async focusAfterRemoval(index: number) {
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="remove-button"]')];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#task-search'))?.focus();
  }

  private async save() {
    const { client, user } = this;
    if (!client || !user || this.saving || !this.checkValidity()) return;
    const access = this.value;
    if (!this.dispatchEvent(new BeforeUserUpdateEvent(user, { access }))) return;
    this.saving = true;
    this.saveError = undefined;
    this.conflict = false;
    this.announcement = '';
    try {
      const saved = await client.users.update(user.id, { access }, { version: user.version });
      this.user = saved;
      this.value = saved.access;
      this.announcement = this.localize.t.grants.saved;
      this.dispatchEvent(new GrantsChangedEvent(saved));
    } catch (error) {
      if (isAbortError(error)) return;
      if ((error as { name?: string }).name === 'VersionConflictError') this.conflict = true;
      else this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  private discard() {
    if (!this.user) return;
    this.commit(this.user.access);
  }

  private get allFieldErrors(): readonly FieldError[] {
    return [...this.fieldErrors, ...((this.saveError as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors ?? [])];
  }

  protected override render() {
    const t = this.localize.t;
    const g = t.grants;
    const viewer = this.viewer.state;
    if (viewer.error) return renderError({ error: viewer.error, t, onRetry: () => void this.viewer.refresh() });
    if (this.loadError) return renderError({ error: this.loadError, t, onRetry: () => void this.load() });
    if (this.isLoading) return renderLoading(t);
    const role = this.effectiveRole;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
    if (!this.showsControls) {
      return html`<p class="notice note" part="note">${role === 'owner' ? g.ownerNote : g.managerNote}</p>${live}`;
    }
    const readonly = this.isReadonly;
    const ctx: ViewContext = {
      t, value: this.value, tools: this.tools, readonly, disabled: this.disabled, fieldErrors: this.allFieldErrors,
      taskOf: (ref) => this.directory?.get(ref.taskId),
    };
    return html`<div class="grants" part="grants" role="group" aria-label=${g.label}>
        ${role === 'guest' ? html`<p class="notice note" part="note">${g.guestNote}</p>` : nothing}
        ${readonly && !this.readonly ? html`<p class="hint">${g.readOnly}</p>` : nothing}
        ${renderTools(ctx, (id, on) => this.setTool(id, on), (on) => this.setAllTools(on))}
        ${renderTaskSection(ctx, {
          picker: readonly ? nothing : this.combobox.render(t, { tools: this.tools, disabled: this.disabled, describedBy: 'tasks-hint' }),
          guestBlocked: this.guestBlocked, namesError: this.directory?.error,
          onRetryNames: () => this.directory?.retry(), onRemove: (ref) => this.removeTask(ref.taskId, true),
        })}
        ${this.userId && !readonly
          ? renderSaveBar({
              t, conflict: this.conflict, error: this.allFieldErrors.length ? undefined : this.saveError, dirty: this.dirty,
              saving: this.saving, disabled: this.disabled,
              onReload: () => void this.load(), onDiscard: () => this.discard(), onSave: () => void this.save(),
            })
          : nothing}
      </div>${live}`;
  }
}
