import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  type Access,
  type FieldError,
  type Role,
  type RosterChange,
  type RosterClient,
  type Task,
  type User,
  isRosterError,
} from '../../sdk/index.js';
import { BeforeUserUpdateEvent, GrantsChangedEvent, RosterChangeEvent } from '../events.js';
import { RosterElement } from '../shared/base-element.js';
import { isolateText } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import { isAbortError } from '../shared/errors.js';
import { LookupController } from '../shared/client-lookup.js';
import { TaskDirectory } from '../shared/task-directory.js';
import { ViewerController } from '../viewer.js';
import { styles } from './access-grants.styles.js';
import { TaskCombobox } from './task-combobox.js';
import { addEnglish } from '../localize/catalogs.js';
import { grants } from '../localize/en-grants.js';

// Its English strings arrive with its code, before the element is defined.
addEnglish({ grants });

const NO_ACCESS: Access = { tools: [], tasks: [] };

const accessKey = (access: Access) =>
  JSON.stringify([[...access.tools].sort(), access.tasks.map((ref) => ref.taskId).sort()]);

/** `theirs` with the viewer's changes from `base` to `mine` on top: what one removed stays out, what one added goes in. */
function rebase<T>(base: T[], mine: T[], theirs: T[], key: (item: T) => unknown = (item) => item): T[] {
  const had = new Set(base.map(key));
  const kept = new Set(mine.map(key));
  const present = new Set(theirs.map(key));
  return [
    ...theirs.filter((item) => !had.has(key(item)) || kept.has(key(item))),
    ...mine.filter((item) => !had.has(key(item)) && !present.has(key(item))),
  ];
}

const removeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z" fill="currentColor"/></svg>`;

/**
 * @summary Which tools and tasks a profile may use (seed: "Access to tools", "Access to tasks").
 * @tag roster-access-grants
 *
 * Two modes:
 * - **Form control** (no `user-id`): the host sets `value` and `role`, listens to `roster-change`
 *   and saves the grants with the rest of the profile (this is how `<roster-user-editor>` uses it).
 * - **Standalone** (`user-id` set): the element loads that user (`GET /users/{id}`), owns `value`,
 *   and a "Save access" button sends `PATCH /users/{id}` with `{ access }` and the version it loaded
 *   (`If-Match`). A 412 shows that the profile changed elsewhere and offers to reload: the newer
 *   grants with the viewer's changes on top, unsaved until saved again; nothing is overwritten silently.
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
 * @csspart group - A section: the tools, the tasks, the granted tasks of one tool.
 * @csspart hint - A section's help text, or why the grants are read-only.
 * @csspart choice - One tool: checkbox, name and cost per task.
 * @csspart button - Every button: "All tools", "No tools", remove a task, "Save access", "Discard changes", "Reload", "Try again".
 * @csspart button-primary - "Save access", on top of `button`.
 * @csspart button-icon - Removes a granted task (an icon), on top of `button`.
 * @csspart field - The tool picker or the task search, with its label.
 * @csspart filter - The tool picker of the task search.
 * @csspart search - The task search input (a combobox).
 * @csspart listbox - The search's popup.
 * @csspart option - One result in it.
 * @csspart state - "Searching…" or "No matches" in the popup; "No tasks granted yet."; a failure in place of the control.
 * @csspart item - One granted task.
 * @csspart badge - "This task no longer exists", on a granted task that was deleted.
 * @csspart note - The role sentence (manager, owner, guest).
 * @csspart field-error - A field's error.
 * @csspart skeleton - The placeholder while the grants load.
 * @csspart actions - Standalone: the save bar.
 * @csspart alert - A problem: the notice after a 412 (with "Reload"), a failure (on top of `state` when it replaces the control).
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

  readonly #viewer = new ViewerController(this);
  readonly #tasks = new LookupController(this, TaskDirectory);
  readonly #combobox = new TaskCombobox(this, {
    isGranted: (taskId) => this.value.tasks.some((ref) => ref.taskId === taskId),
    onToggle: (task) => this.#toggleTask(task),
    onTasks: (tasks) => this.#tasks.value?.remember(tasks),
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

  #loadedKey?: string;
  #loadedClient?: RosterClient;
  #loadAbort?: AbortController;

  /** Standalone: whether `value` differs from the saved grants. */
  get dirty(): boolean {
    return Boolean(this.user && accessKey(this.value) !== accessKey(this.user.access));
  }

  /** Whether the grants satisfy the role's rules (a guest needs a task); shows the message when not. */
  checkValidity(): boolean {
    this.guestBlocked = this.#role === 'guest' && !this.value.tasks.length;
    return !this.guestBlocked;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A loaded user (and the viewer's unsaved changes) survive a move in the page; a load in flight starts over.
    if (!this.user) this.#loadedKey = undefined;
    this.#loadAbort?.abort();
  }

  protected override willUpdate(): void {
    this.value ??= NO_ACCESS;
    const client = this.client;
    const key = this.userId && client ? this.userId : undefined;
    if (key !== this.#loadedKey || (key && client !== this.#loadedClient)) {
      this.#loadedKey = key;
      this.#loadedClient = client;
      void this.#load();
    }
    const tools = this.#tools;
    if (!this.#combobox.toolId && tools.length) this.#combobox.setTool(tools[0].id);
    if (this.#showsControls) void this.#tasks.value?.resolve(this.value.tasks);
    this.setCustomState('loading', this.#isLoading);
    this.setCustomState('dirty', this.dirty);
    this.setCustomState('saving', this.saving);
    this.setCustomState('readonly', this.#isReadonly);
  }

  get #tools() {
    return this.#viewer.me?.account.tools ?? [];
  }

  get #role(): Role | null {
    return this.role ?? this.user?.role ?? null;
  }

  get #isLoading(): boolean {
    const viewer = this.#viewer.state;
    return !this.client || (!viewer.me && !viewer.error) || Boolean(this.userId && !this.user && !this.loadError);
  }

  get #isReadonly(): boolean {
    return this.readonly || (this.#viewer.me !== undefined && !this.#viewer.can('users:write'));
  }

  get #showsControls(): boolean {
    return this.#role !== 'manager' && this.#role !== 'owner';
  }

  get #allFieldErrors(): readonly FieldError[] {
    return [
      ...this.fieldErrors,
      ...((this.saveError as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors ?? []),
    ];
  }

  /** Loads the user; after a conflict (`keep`), with the viewer's unsaved changes on top of the newer grants. */
  async #load(keep?: boolean) {
    this.#loadAbort?.abort();
    const { client, userId, user: base, value: mine } = this;
    this.user = this.loadError = this.saveError = undefined;
    this.conflict = this.guestBlocked = false;
    if (!client || !userId) return;
    // Aborted when a newer load starts or the element leaves the page: then its answer (or failure) is stale.
    const { signal } = (this.#loadAbort = new AbortController());
    try {
      const user = await client.users.get(userId, { signal });
      if (signal.aborted) return;
      const theirs = user.access;
      this.user = user;
      this.value =
        keep && base
          ? {
              tools: rebase(base.access.tools, mine.tools, theirs.tools),
              tasks: rebase(base.access.tasks, mine.tasks, theirs.tasks, (ref) => ref.taskId),
            }
          : theirs;
    } catch (error) {
      if (!signal.aborted && !isAbortError(error)) this.loadError = error;
    }
  }

  protected override handleChange(change: RosterChange) {
    // Another element of this client saved the user: follow it unless the viewer has unsaved changes here.
    if (change.type !== 'user-updated' || change.userId !== this.user?.id || this.saving || this.dirty) return;
    this.user = change.user;
    this.value = change.user.access;
  }

  #commit(change: Partial<Access>, announcement = '') {
    const next = { ...this.value, ...change };
    this.value = next;
    this.guestBlocked = false;
    this.saveError = undefined;
    this.announcement = announcement;
    this.dispatchEvent(new RosterChangeEvent<Access>(next));
  }

  #toggleTask(task: Task) {
    if (this.value.tasks.some((ref) => ref.taskId === task.id)) return this.#removeTask(task.id);
    this.#commit(
      { tasks: [...this.value.tasks, { toolId: task.toolId, taskId: task.id }] },
      this.localize.t.grants.added(task.name),
    );
  }

  /** Revokes a task, unless it is a guest's last one (then says why not). */
  #removeTask(taskId: string, refocus = false) {
    const tasks = this.value.tasks;
    if (this.#role === 'guest' && tasks.length <= 1) {
      this.guestBlocked = true;
      return;
    }
    const name = this.#tasks.value?.get(taskId)?.name ?? taskId;
    this.#commit({ tasks: tasks.filter((ref) => ref.taskId !== taskId) }, this.localize.t.grants.removed(name));
    if (refocus) void this.#focusAfterRemoval(tasks.findIndex((ref) => ref.taskId === taskId));
  }

  /** Keeps keyboard focus in the list: on the next remove button, else the previous, else the search. */
  async #focusAfterRemoval(index: number) {
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.task > [part~="button"]')];
    (
      buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#task-search')
    )?.focus();
  }

  async #save() {
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
      if (isRosterError(error, 'version_conflict')) this.conflict = true;
      else this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  /** The messages of the field errors whose field `matches` accepts, in the element's language when the code is known. */
  #errorText(matches: (field: string) => boolean): string {
    const messages = this.localize.t.errors as Record<string, string>;
    return this.#allFieldErrors
      .filter((error) => matches(error.field))
      .map((error) => messages[error.code] ?? error.message)
      .join(' ');
  }

  #alert(text: string, id?: string) {
    return text
      ? html`<p class="field-error" part="field-error" id=${id ?? nothing} role="alert">${text}</p>`
      : nothing;
  }

  #toolName(toolId: string): string {
    return this.#tools.find((tool) => tool.id === toolId)?.name ?? this.localize.t.grants.unknownTool(toolId);
  }

  protected override render() {
    const t = this.localize.t;
    const g = t.grants;
    const viewer = this.#viewer.state;
    if (viewer.error) return renderError({ error: viewer.error, t, onRetry: () => void this.#viewer.refresh() });
    if (this.loadError) return renderError({ error: this.loadError, t, onRetry: () => void this.#load() });
    if (this.#isLoading) {
      return html`<div class="loading" part="skeleton" aria-busy="true">
        <span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${t.common.loading}</span>
      </div>`;
    }
    const role = this.#role;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
    if (!this.#showsControls)
      return html`<p class="notice note" part="note">${role === 'owner' ? g.ownerNote : g.managerNote}</p>${live}`;
    const readonly = this.#isReadonly;
    const directory = this.#tasks.value;
    return html`<div class="grants" role="group" aria-label=${g.label}>
        ${role === 'guest' ? html`<p class="notice note" part="note">${g.guestNote}</p>` : nothing}
        ${readonly && !this.readonly ? html`<p class="hint" part="hint">${g.readOnly}</p>` : nothing}
        ${readonly ? this.#renderGrantedTools() : this.#renderToolChoices()}
        <div class="section" part="group" role="group" aria-labelledby="tasks-title">
          <p class="section-title" id="tasks-title">${g.tasksTitle}</p>
          ${
            readonly
              ? nothing
              : html`<p class="hint" id="tasks-hint" part="hint">${g.tasksHint}</p>
            ${this.#combobox.render(t, { tools: this.#tools, disabled: this.disabled, describedBy: 'tasks-hint' })}`
          }
          ${this.#alert(this.guestBlocked ? g.guestNeedsTask : this.#errorText((field) => field === 'access.tasks'))}
          ${directory?.error ? renderError({ error: directory.error, t, inline: true, onRetry: () => directory.retry() }) : nothing}
          <p class="subsection-title">${g.grantedTitle}</p>
          ${this.#renderGrantedTasks(readonly)}
        </div>
        ${this.userId && !readonly ? this.#renderSaveBar() : nothing}
      </div>${live}`;
  }

  /** Read-only: the list of granted tools. */
  #renderGrantedTools() {
    const g = this.localize.t.grants;
    const granted = this.value.tools;
    return html`<div class="section" part="group" role="group" aria-labelledby="tools-title">
      <p class="section-title" id="tools-title">${g.toolsTitle}</p>
      ${
        granted.length
          ? html`<ul class="readonly-list">${granted.map((id) => html`<li dir="auto">${this.#toolName(id)}</li>`)}</ul>`
          : html`<p class="muted">${g.noToolsGranted}</p>`
      }
    </div>`;
  }

  /** A checkbox per account tool, and one per granted tool the account no longer has. */
  #renderToolChoices() {
    const t = this.localize.t;
    const g = t.grants;
    const { value, disabled } = this;
    const tools = this.#tools;
    const unknown = value.tools
      .filter((id) => !tools.some((tool) => tool.id === id))
      .map((id) => ({ id, name: g.unknownTool(id), taskCost: undefined }));
    const errors = this.#errorText((field) => field.startsWith('access.tools'));
    return html`<fieldset class="section" part="group" aria-describedby="tools-hint">
      <legend class="section-title">${g.toolsTitle}</legend>
      <p class="hint" id="tools-hint" part="hint">${g.toolsHint}</p>
      ${
        tools.length
          ? html`<div class="bulk">${[true, false].map(
              (all) => html`<button type="button" class="button small"
            part="button" ?disabled=${disabled}
            @click=${() => this.#commit({ tools: all ? tools.map((tool) => tool.id) : [] })}>${all ? g.allTools : g.noTools}</button>`,
            )}</div>`
          : html`<p class="muted">${g.accountHasNoTools}</p>`
      }
      <ul class="tool-list">
        ${[...tools, ...unknown].map(
          ({ id, name, taskCost }) => html`<li>
          <label class="tool" part="choice">
            <input type="checkbox" class="checkbox" data-tool-id=${id} .checked=${value.tools.includes(id)} ?disabled=${disabled}
              aria-invalid=${errors ? 'true' : 'false'} aria-errormessage=${errors ? 'tools-error' : nothing}
              @change=${(event: Event) => this.#setTool(id, (event.target as HTMLInputElement).checked)} />
            <span class="tool-name" dir="auto">${name}</span>
            ${taskCost === undefined ? nothing : html`<span class="tool-cost muted numeric">${g.perTask(t.common.credits(taskCost))}</span>`}
          </label>
        </li>`,
        )}
      </ul>
      ${this.#alert(errors, 'tools-error')}
    </fieldset>`;
  }

  #setTool(toolId: string, on: boolean) {
    const tools = this.value.tools.filter((id) => id !== toolId);
    this.#commit({ tools: on ? [...tools, toolId] : tools });
  }

  /** The granted tasks, grouped by tool in the account's order, each with a remove button. */
  #renderGrantedTasks(readonly: boolean) {
    const g = this.localize.t.grants;
    const value = this.value;
    if (!value.tasks.length) return html`<p class="muted" part="state">${g.noTasksGranted}</p>`;
    const toolIds = [
      ...new Set([...this.#tools.map((tool) => tool.id), ...value.tasks.map((ref) => ref.toolId)]),
    ].filter((toolId) => value.tasks.some((ref) => ref.toolId === toolId));
    return toolIds.map(
      (toolId, group) => html`<div class="task-group" part="group">
      <p class="group-title" id="task-group-${group}" dir="auto">${this.#toolName(toolId)}</p>
      <ul class="task-list" aria-labelledby="task-group-${group}">
        ${value.tasks.map(({ toolId: taskToolId, taskId }, index) => {
          if (taskToolId !== toolId) return nothing;
          // `null`: the task no longer exists; `undefined`: its name is still loading.
          const task = this.#tasks.value?.get(taskId);
          const label = task ? task.name : task === null ? `${g.taskMissing} (${taskId})` : taskId;
          return html`<li class="task${task === null ? ' missing' : ''}" part="item" data-task-id=${taskId}>
            ${
              task
                ? html`<span class="task-name" dir="auto">${task.name}</span>`
                : task === null
                  ? html`<span class="task-name"><span class="badge" part="badge" data-tone="danger">${g.taskMissing}</span>
                    <span class="muted task-id">${taskId}</span></span>`
                  : html`<span class="task-name" aria-busy="true"><span class="skeleton" aria-hidden="true"></span><span class="visually-hidden">${g.taskLoading}</span></span>`
            }
            ${
              readonly
                ? nothing
                : html`<button type="button" class="button small ghost icon" part="button button-icon" data-task-id=${taskId}
                  aria-label=${g.removeLabel(isolateText(label))} title=${g.remove} ?disabled=${this.disabled} @click=${() => this.#removeTask(taskId, true)}>${removeIcon}</button>`
            }
            ${this.#alert(this.#errorText((field) => field === `access.tasks.${index}`))}
          </li>`;
        })}
      </ul>
    </div>`,
    );
  }

  /** Standalone: the conflict notice, the save error and the save / discard buttons. */
  #renderSaveBar() {
    const t = this.localize.t;
    const g = t.grants;
    const { conflict, saving } = this;
    const dirty = this.dirty;
    const error = this.#allFieldErrors.length ? undefined : this.saveError;
    return html`${
      conflict
        ? html`<div class="notice conflict" data-tone="warning" part="alert" role="alert">
            <span>${g.conflict}</span>
            <button type="button" class="button small" part="button" @click=${() => void this.#load(true)}>${g.reload}</button>
          </div>`
        : nothing
    }
      ${error ? renderError({ error, t, inline: true }) : nothing}
      <div class="actions" part="actions">
        ${
          dirty
            ? html`<button type="button" class="button ghost" part="button" ?disabled=${saving}
              @click=${() => this.user && this.#commit(this.user.access)}>${g.discard}</button>`
            : nothing
        }
        <button type="button" class="button primary" part="button button-primary" ?disabled=${this.disabled || saving || !dirty || conflict}
          @click=${() => void this.#save()}>${saving ? g.saving : g.save}</button>
      </div>`;
  }
}
