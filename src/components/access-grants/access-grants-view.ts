/** Templates of `<roster-access-grants>`: tool choices and granted tasks. State and behaviour live in the element. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Access, FieldError, Task, TaskRef, Tool } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { renderError } from '../shared/error-view.js';

export interface ViewContext {
  t: Catalog;
  value: Access;
  tools: readonly Tool[];
  /** Only show what is granted, without controls. */
  readonly: boolean;
  disabled: boolean;
  fieldErrors: readonly FieldError[];
  /** The task of a ref: `null` no longer exists, `undefined` still loading. */
  taskOf: (ref: TaskRef) => Task | null | undefined;
}

const removeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z" fill="currentColor"/></svg>`;

/** The message of a field error, in the element's language when the code is known. */
export function fieldMessage(error: FieldError, t: Catalog): string {
  return (t.errors as Record<string, string>)[error.code] ?? error.message;
}

/** Errors of exactly `field`, as text next to the control. */
export function renderFieldErrors(errors: readonly FieldError[], field: string, t: Catalog, id?: string): TemplateResult | typeof nothing {
  const matching = errors.filter((error) => error.field === field);
  if (matching.length === 0) return nothing;
  return html`<p class="field-error" part="field-error" id=${id ?? nothing} role="alert">${matching.map((e) => fieldMessage(e, t)).join(' ')}</p>`;
}

/** The tool name of an id, or "Unknown tool (id)". */
export function toolName(toolId: string, ctx: Pick<ViewContext, 't' | 'tools'>): string {
  return ctx.tools.find((tool) => tool.id === toolId)?.name ?? ctx.t.grants.unknownTool(toolId);
}

/** The tools fieldset: a checkbox per account tool (or, read-only, the list of granted tools). */
export function renderTools(ctx: ViewContext, onToggle: (toolId: string, on: boolean) => void, onAll: (on: boolean) => void): TemplateResult {
  const { t, value, tools } = ctx;
  const g = t.grants;
  const toolErrors = ctx.fieldErrors.filter((error) => error.field.startsWith('access.tools'));
  const errors = toolErrors.length ? renderFieldErrors(toolErrors.map((e) => ({ ...e, field: 'tools' })), 'tools', t, 'tools-error') : nothing;
  if (ctx.readonly) {
    const granted = value.tools.map((id) => toolName(id, ctx));
    return html`<div class="section" part="tools" role="group" aria-labelledby="tools-title">
      <p class="section-title" id="tools-title">${g.toolsTitle}</p>
      ${granted.length
        ? html`<ul class="readonly-list">${granted.map((name) => html`<li dir="auto">${name}</li>`)}</ul>`
        : html`<p class="muted">${g.noToolsGranted}</p>`}
    </div>`;
  }
  const unknown = value.tools.filter((id) => !tools.some((tool) => tool.id === id));
  return html`<fieldset class="section" part="tools" aria-describedby="tools-hint">
    <legend class="section-title">${g.toolsTitle}</legend>
    <p class="hint" id="tools-hint">${g.toolsHint}</p>
    ${tools.length === 0
      ? html`<p class="muted">${g.accountHasNoTools}</p>`
      : html`<div class="bulk">
          <button type="button" class="button small" part="all-tools-button" ?disabled=${ctx.disabled} @click=${() => onAll(true)}>${g.allTools}</button>
          <button type="button" class="button small" part="no-tools-button" ?disabled=${ctx.disabled} @click=${() => onAll(false)}>${g.noTools}</button>
        </div>`}
    <ul class="tool-list">
      ${[...tools.map((tool) => ({ id: tool.id, name: tool.name, cost: tool.taskCost as number | undefined })), ...unknown.map((id) => ({ id, name: g.unknownTool(id), cost: undefined }))]
        .map(({ id, name, cost }) => html`<li>
          <label class="tool" part="tool">
            <input type="checkbox" class="checkbox" data-tool-id=${id} .checked=${value.tools.includes(id)} ?disabled=${ctx.disabled}
              aria-invalid=${toolErrors.length ? 'true' : 'false'} aria-errormessage=${toolErrors.length ? 'tools-error' : nothing}
              @change=${(event: Event) => onToggle(id, (event.target as HTMLInputElement).checked)} />
            <span class="tool-name" dir="auto">${name}</span>
            ${cost === undefined ? nothing : html`<span class="tool-cost muted numeric">${g.perTask(t.common.credits(cost))}</span>`}
          </label>
        </li>`)}
    </ul>
    ${errors}
  </fieldset>`;
}

export interface TaskSectionParts {
  /** The tool picker and search (nothing when read-only). */
  picker: unknown;
  /** The viewer tried to remove a guest's last task. */
  guestBlocked: boolean;
  /** Why the names of granted tasks could not be loaded. */
  namesError?: unknown;
  onRetryNames: () => void;
  onRemove: (ref: TaskRef) => void;
}

/** The task section: search, task errors and the granted tasks. */
export function renderTaskSection(ctx: ViewContext, parts: TaskSectionParts): TemplateResult {
  const { t } = ctx;
  const g = t.grants;
  return html`<div class="section" part="tasks" role="group" aria-labelledby="tasks-title">
    <p class="section-title" id="tasks-title">${g.tasksTitle}</p>
    ${ctx.readonly ? nothing : html`<p class="hint" id="tasks-hint">${g.tasksHint}</p>`}
    ${parts.picker}
    ${parts.guestBlocked
      ? html`<p class="field-error" part="field-error" role="alert">${g.guestNeedsTask}</p>`
      : renderFieldErrors(ctx.fieldErrors, 'access.tasks', t)}
    ${parts.namesError ? renderError({ error: parts.namesError, t, inline: true, onRetry: parts.onRetryNames }) : nothing}
    <p class="subsection-title">${g.grantedTitle}</p>
    ${renderGrantedTasks(ctx, parts.onRemove)}
  </div>`;
}

/** The granted tasks, grouped by tool in the account's order, each with a remove button. */
export function renderGrantedTasks(ctx: ViewContext, onRemove: (ref: TaskRef) => void): TemplateResult {
  const { t, value } = ctx;
  const g = t.grants;
  if (value.tasks.length === 0) return html`<p class="muted" part="no-tasks">${g.noTasksGranted}</p>`;
  const order = [...ctx.tools.map((tool) => tool.id), ...value.tasks.map((ref) => ref.toolId)];
  const toolIds = [...new Set(order)].filter((toolId) => value.tasks.some((ref) => ref.toolId === toolId));
  return html`${toolIds.map((toolId, group) => html`<div class="task-group" part="task-group">
    <p class="group-title" id="task-group-${group}" dir="auto">${toolName(toolId, ctx)}</p>
    <ul class="task-list" aria-labelledby="task-group-${group}">
      ${value.tasks.map((ref, index) => (ref.toolId === toolId ? renderTask(ref, index, ctx, onRemove) : nothing))}
    </ul>
  </div>`)}`;
}

function renderTask(ref: TaskRef, index: number, ctx: ViewContext, onRemove: (ref: TaskRef) => void): TemplateResult {
  const { t } = ctx;
  const g = t.grants;
  const task = ctx.taskOf(ref);
  const label = task ? task.name : task === null ? `${g.taskMissing} (${ref.taskId})` : ref.taskId;
  const name = task
    ? html`<span class="task-name" dir="auto">${task.name}</span>`
    : task === null
      ? html`<span class="task-name"><span class="badge" part="badge missing-badge" data-tone="danger">${g.taskMissing}</span>
          <span class="muted task-id">${ref.taskId}</span></span>`
      : html`<span class="task-name" aria-busy="true"><span class="skeleton" aria-hidden="true"></span><span class="visually-hidden">${g.taskLoading}</span></span>`;
  return html`<li class="task" part="task${task === null ? ' missing-task' : ''}" data-task-id=${ref.taskId}>
    ${name}
    ${ctx.readonly
      ? nothing
      : html`<button type="button" class="button small ghost icon" part="remove-button" data-task-id=${ref.taskId}
          aria-label=${g.removeLabel(label)} title=${g.remove} ?disabled=${ctx.disabled} @click=${() => onRemove(ref)}>${removeIcon}</button>`}
    ${renderFieldErrors(ctx.fieldErrors, `access.tasks.${index}`, t)}
  </li>`;
}

export interface SaveBarContext {
  t: Catalog;
  conflict: boolean;
  /** A failed save not shown next to a field. */
  error?: unknown;
  dirty: boolean;
  saving: boolean;
  disabled: boolean;
  onReload: () => void;
  onDiscard: () => void;
  onSave: () => void;
}

/** Standalone: the conflict notice, the save error and the save / discard buttons. */
export function renderSaveBar(ctx: SaveBarContext): TemplateResult {
  const { t } = ctx;
  const g = t.grants;
  return html`${ctx.conflict
      ? html`<div class="notice" data-tone="warning" part="conflict" role="alert">
          <span>${g.conflict}</span>
          <button type="button" class="button small" part="reload-button" @click=${ctx.onReload}>${g.reload}</button>
        </div>`
      : nothing}
    ${ctx.error ? renderError({ error: ctx.error, t, inline: true }) : nothing}
    <div class="actions" part="actions">
      ${ctx.dirty ? html`<button type="button" class="button ghost" part="discard-button" ?disabled=${ctx.saving} @click=${ctx.onDiscard}>${g.discard}</button>` : nothing}
      <button type="button" class="button primary" part="save-button" ?disabled=${ctx.disabled || ctx.saving || !ctx.dirty || ctx.conflict}
        @click=${ctx.onSave}>${ctx.saving ? g.saving : g.save}</button>
    </div>`;
}

export function renderLoading(t: Catalog): TemplateResult {
  return html`<div class="loading" part="loading" aria-busy="true">
    <span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${t.common.loading}</span>
  </div>`;
}
