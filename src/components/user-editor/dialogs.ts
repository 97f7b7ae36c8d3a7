/**
 * The editor's interruptions: the delete confirmation and the unsaved-changes question (native
 * modal `<dialog>`s: focus stays inside, Escape cancels), and the version-conflict comparison.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Access, Notifications, RosterError, Role, User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { withName } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import { deleteUser, isGuestsNeedTasks, reapplyMine } from './editor-actions.js';
import type { ConflictField } from './form-state.js';
import { accessText, creditLimitText, notificationsText } from './review.js';
import type { EditorForm, TaskDisposal } from './form-controller.js';

export function renderDeleteDialog(form: EditorForm, t: Catalog, user: User) {
  const { deleteTasks, deleting } = form;
  const strings = t.editor.delete;
  const me = form.me!.user;
  const option = (
    value: TaskDisposal,
    label: string,
    hint: string | TemplateResult,
  ) => html`<label class="role-option" part="choice">
    <input type="radio" name="delete-tasks" value=${value} .checked=${deleteTasks === value} ?autofocus=${deleteTasks === value}
      aria-describedby="delete-${value}-hint" @change=${() => (form.deleteTasks = value)} />
    <span class="role-text"><span class="role-name">${label}</span><span class="hint" id="delete-${value}-hint" part="hint">${hint}</span></span>
  </label>`;
  const confirm = () => void deleteUser(form);
  return html`<dialog class="dialog" id="delete-dialog" part="dialog" aria-labelledby="delete-title" aria-describedby="delete-text"
    @close=${() => (form.deleteError = undefined)}>
    <h2 class="dialog-title" id="delete-title">${withName(strings.title, user)}</h2>
    <p id="delete-text">${strings.text}</p>
    <fieldset class="group" ?disabled=${deleting}>
      <legend class="label">${strings.choice}</legend>
      ${option('transfer', strings.transfer, me.role === 'owner' ? withName(strings.transferHint, me) : strings.transferHint(t.roles.owner.name))}
      ${option('delete', strings.deleteTasks, strings.deleteTasksHint)}
    </fieldset>
    ${form.deleteError ? deleteProblem(form, t, confirm) : nothing}
    <div class="dialog-actions" part="actions">
      <button type="button" class="button" part="button" @click=${() => form.dialog('delete')?.close()}>${t.common.cancel}</button>
      <button type="button" class="button danger" part="button button-danger" ?disabled=${deleting} aria-describedby="delete-title"
        @click=${confirm}>${deleting ? strings.deleting : strings.confirm}</button>
    </div>
  </dialog>`;
}

/**
 * Why the delete failed. A refusal to strand guests is explained in the viewer's language (the
 * server's detail is English), with the transfer already chosen; other failures offer a retry.
 */
function deleteProblem(form: EditorForm, t: Catalog, retry: () => void) {
  const { deleteError: error } = form;
  if (!isGuestsNeedTasks(error)) return renderError({ error, t, inline: true, onRetry: retry });
  // One field error per guest, `guests.{id}`.
  const guests = (error as RosterError).fieldErrors.filter((fieldError) =>
    fieldError.field.startsWith('guests.'),
  ).length;
  return html`<div class="notice" data-tone="warning" part="alert" id="delete-guests" role="alert">
    <span>${t.editor.delete.guestsNeedTasks(guests)}</span>
  </div>`;
}

export function renderLeaveDialog(form: EditorForm, t: Catalog) {
  const strings = t.editor.leave;
  const stay = () => form.settleLeave(false);
  return html`<dialog class="dialog" id="leave-dialog" part="dialog" aria-labelledby="leave-title" aria-describedby="leave-text"
    @close=${stay}>
    <h2 class="dialog-title" id="leave-title">${strings.title}</h2>
    <p id="leave-text">${strings.text}</p>
    <div class="dialog-actions" part="actions">
      <button type="button" class="button" part="button" autofocus @click=${stay}>${strings.stay}</button>
      <button type="button" class="button danger" part="button button-danger" @click=${() => form.settleLeave(true)}>${strings.discard}</button>
    </div>
  </dialog>`;
}

function valueText(t: Catalog, field: ConflictField, value: unknown, role: Role): string {
  switch (field) {
    case 'phone':
      return (value as string | null) || t.editor.review.noPhone;
    case 'role':
      return t.roles[value as Role].name;
    case 'creditLimit':
      return creditLimitText(t, value as number | null);
    case 'allowedIps':
      return (value as string[]).join(', ') || t.editor.review.anyIp;
    case 'notifications':
      return notificationsText(t, value as Notifications);
    case 'access':
      return accessText(t, role, value as Access);
    default:
      return String(value);
  }
}

/** What changed on the server, field by field next to this form's changes, and the two ways on. */
export function renderConflict(form: EditorForm, t: Catalog) {
  const { saving } = form;
  const { theirs, rows } = form.conflict!;
  const strings = t.editor.conflict;
  return html`<section class="conflict notice" data-tone="warning" part="alert" role="alert" aria-labelledby="conflict-title">
    <div>
      <h3 class="conflict-title" id="conflict-title">${strings.title}</h3>
      <p>${strings.text}</p>
      <table class="conflict-table" part="table">
        <caption class="visually-hidden">${strings.caption}</caption>
        <thead><tr><th scope="col">${strings.field}</th><th scope="col">${strings.theirs}</th><th scope="col">${strings.yours}</th></tr></thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr data-field=${row.field}>
            <th scope="row">${t.editor[row.field]}</th>
            <td dir="auto" class="theirs">${valueText(t, row.field, row.theirs, theirs.role)}</td>
            <td dir="auto" class="yours">${'yours' in row ? valueText(t, row.field, row.yours, form.values.role) : html`<span class="muted">${strings.notChanged}</span>`}</td>
          </tr>`,
          )}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="button" part="button" ?disabled=${saving} @click=${() => form.discardChanges()}>${strings.reload}</button>
        <button type="button" class="button primary" part="button button-primary" ?disabled=${saving}
          @click=${() => void reapplyMine(form)}>${strings.reapply}</button>
      </div>
    </div>
  </section>`;
}
