/**
 * The editor's interruptions: the delete confirmation and the unsaved-changes question (native
 * modal `<dialog>`s: focus stays inside, Escape cancels), and the version-conflict comparison.
 */
import { html, nothing } from 'lit';
import type { Access, Notifications, Role, User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { withName } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import type { ConflictField, ConflictRow } from './form-state.js';
import { accessText, creditLimitText, notificationsText } from './review.js';

export type TaskDisposal = 'transfer' | 'delete';

export interface DeleteDialogView {
  t: Catalog;
  user: User;
  /** The owner's name, who receives transferred tasks. */
  ownerName: string;
  tasks: TaskDisposal;
  busy: boolean;
  error?: unknown;
  onChoice(tasks: TaskDisposal): void;
  onConfirm(): void;
  onCancel(): void;
  onClose(): void;
}

export function renderDeleteDialog(view: DeleteDialogView) {
  const { t, user, tasks, busy } = view;
  const d = t.editor.delete;
  const option = (value: TaskDisposal, label: string, hint: string) => html`<label class="role-option" part="delete-option">
    <input type="radio" name="delete-tasks" value=${value} .checked=${tasks === value} ?autofocus=${tasks === value}
      aria-describedby="delete-${value}-hint" @change=${() => view.onChoice(value)} />
    <span class="role-text"><span class="role-name">${label}</span><span class="hint" id="delete-${value}-hint">${hint}</span></span>
  </label>`;
  return html`<dialog class="dialog" id="delete-dialog" part="delete-dialog" aria-labelledby="delete-title" aria-describedby="delete-text"
    @close=${view.onClose}>
    <h2 class="dialog-title" id="delete-title">${withName(d.title, `${user.firstName} ${user.lastName}`)}</h2>
    <p id="delete-text">${d.text}</p>
    <fieldset class="group" ?disabled=${busy}>
      <legend class="label">${d.choice}</legend>
      ${option('transfer', d.transfer, d.transferHint(view.ownerName))}
      ${option('delete', d.deleteTasks, d.deleteTasksHint)}
    </fieldset>
    ${view.error ? renderError({ error: view.error, t, inline: true, onRetry: view.onConfirm }) : nothing}
    <div class="dialog-actions">
      <button type="button" class="button" part="cancel-button" @click=${view.onCancel}>${t.common.cancel}</button>
      <button type="button" class="button danger" part="confirm-delete-button" ?disabled=${busy} aria-describedby="delete-title"
        @click=${view.onConfirm}>${busy ? d.deleting : d.confirm}</button>
    </div>
  </dialog>`;
}

export interface LeaveDialogView {
  t: Catalog;
  onStay(): void;
  onDiscard(): void;
}

export function renderLeaveDialog({ t, onStay, onDiscard }: LeaveDialogView) {
  return html`<dialog class="dialog" id="leave-dialog" part="leave-dialog" aria-labelledby="leave-title" aria-describedby="leave-text"
    @close=${onStay}>
    <h2 class="dialog-title" id="leave-title">${t.editor.leave.title}</h2>
    <p id="leave-text">${t.editor.leave.text}</p>
    <div class="dialog-actions">
      <button type="button" class="button" part="stay-button" autofocus @click=${onStay}>${t.editor.leave.stay}</button>
      <button type="button" class="button danger" part="discard-button" @click=${onDiscard}>${t.editor.leave.discard}</button>
    </div>
  </dialog>`;
}

const LABELS: Record<ConflictField, (t: Catalog) => string> = {
  firstName: (t) => t.editor.firstName,
  lastName: (t) => t.editor.lastName,
  phone: (t) => t.editor.phone,
  role: (t) => t.editor.role,
  creditLimit: (t) => t.editor.creditLimit,
  allowedIps: (t) => t.editor.allowedIps,
  notifications: (t) => t.editor.notifications,
  access: (t) => t.editor.access,
};

function valueText(t: Catalog, field: ConflictField, value: unknown, role: Role): string {
  switch (field) {
    case 'phone': return (value as string | null) || t.editor.review.noPhone;
    case 'role': return t.roles[value as Role].name;
    case 'creditLimit': return creditLimitText(t, value as number | null);
    case 'allowedIps': return (value as string[]).length ? (value as string[]).join(', ') : t.editor.review.anyIp;
    case 'notifications': return notificationsText(t, value as Notifications);
    case 'access': return accessText(t, role, value as Access);
    default: return String(value);
  }
}

export interface ConflictView {
  t: Catalog;
  theirs: User;
  rows: ConflictRow[];
  /** The role the form would save, for describing its access. */
  role: Role;
  busy: boolean;
  onReload(): void;
  onReapply(): void;
}

/** What changed on the server, field by field next to this form's changes, and the two ways on. */
export function renderConflict({ t, theirs, rows, role, busy, onReload, onReapply }: ConflictView) {
  const c = t.editor.conflict;
  return html`<section class="conflict notice" data-tone="warning" part="conflict" role="alert" aria-labelledby="conflict-title">
    <div>
      <h3 class="conflict-title" id="conflict-title">${c.title}</h3>
      <p>${c.text}</p>
      <table class="conflict-table" part="conflict-table">
        <caption class="visually-hidden">${c.caption}</caption>
        <thead><tr><th scope="col">${c.field}</th><th scope="col">${c.theirs}</th><th scope="col">${c.yours}</th></tr></thead>
        <tbody>
          ${rows.map((row) => html`<tr data-field=${row.field}>
            <th scope="row">${LABELS[row.field](t)}</th>
            <td dir="auto" class="theirs">${valueText(t, row.field, row.theirs, theirs.role)}</td>
            <td dir="auto" class="yours">${'yours' in row ? valueText(t, row.field, row.yours, role) : html`<span class="muted">${c.notChanged}</span>`}</td>
          </tr>`)}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="button" part="reload-button" ?disabled=${busy} @click=${onReload}>${c.reload}</button>
        <button type="button" class="button primary" part="reapply-button" ?disabled=${busy} @click=${onReapply}>${c.reapply}</button>
      </div>
    </div>
  </section>`;
}
