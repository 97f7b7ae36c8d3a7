/**
 * Editing a profile: its header with the verification status and the resend action, the details
 * and the role and access in one form saved at once, and the delete action with its dialog.
 */
import { html, nothing } from 'lit';
import type { User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { withName, withValue } from '../shared/bidi.js';
import { renderState } from '../shared/state-view.js';
import { renderDetails } from './details-fields.js';
import { renderDeleteDialog, renderLeaveDialog } from './dialogs.js';
import { resendVerification } from './editor-actions.js';
import type { EditorForm } from './form-controller.js';
import { liveRegion, renderForm } from './form-shell.js';
import { statusBadge } from './review.js';
import { renderRoleAccess } from './role-access.js';

/** Formats a date in the viewer's language. */
type DateFormat = (value: string) => string;

function renderVerification(form: EditorForm, t: Catalog, user: User, date: DateFormat) {
  const strings = t.editor.verification;
  if (user.status === 'active') {
    return html`<p class="verification">
      ${statusBadge(t, 'active')}
      ${user.verifiedAt ? html`<span class="muted">${strings.verifiedOn(date(user.verifiedAt))}</span>` : nothing}
    </p>`;
  }
  const note = form.verificationNote;
  return html`<div class="verification">
    ${statusBadge(t, 'pending')}
    <span class="muted">${strings.pending}</span>
    ${
      form.host.canWrite
        ? html`<button type="button" class="button small" part="button" aria-disabled=${String(form.resending)}
          @click=${() => void resendVerification(form)}>${form.resending ? strings.resending : strings.resend}</button>`
        : nothing
    }
    ${note ? html`<p class="notice" part="note" data-tone=${note.tone}>${note.email ? withValue(strings.resent, note.email) : note.text}</p>` : nothing}
  </div>`;
}

function renderActions(form: EditorForm, t: Catalog) {
  const strings = t.editor;
  return html`<button type="button" class="button" part="button" ?disabled=${!form.hasUnsavedChanges || form.saving}
      @click=${() => form.discardChanges()}>${strings.discard}</button>
    <button type="submit" class="button primary" part="button button-primary" aria-disabled=${String(form.saving)}>
      ${form.saving ? strings.saving : strings.save}
    </button>`;
}

function renderDeleteZone(form: EditorForm, t: Catalog, user: User) {
  if (!form.host.canWrite) return nothing;
  const owner = user.role === 'owner';
  const open = () => {
    form.deleteTasks = 'transfer';
    form.deleteError = undefined;
    form.dialog('delete')?.showModal();
  };
  return html`<div class="danger-zone" part="group">
    <button type="button" class="button" part="button" aria-disabled=${String(owner)}
      aria-describedby=${owner ? 'owner-delete-reason' : nothing} @click=${() => !owner && open()}>
      ${t.editor.delete.button}
    </button>
    ${owner ? html`<p class="hint" id="owner-delete-reason" part="hint">${t.editor.ownerLocked}</p>` : nothing}
  </div>
  ${owner ? nothing : renderDeleteDialog(form, t, user)}`;
}

/** The edit form of `form.user`, or what is left once it was deleted. */
export function renderEditForm(form: EditorForm, t: Catalog, date: DateFormat) {
  const strings = t.editor;
  if (form.deleted) return html`${renderState(withName(strings.delete.deleted, form.deleted))}${liveRegion(form)}`;
  const user = form.user!;
  const fields = html`<h3 class="section-title">${strings.details}</h3>
    ${renderDetails(form, t)}
    <h3 class="section-title">${strings.steps.access}</h3>
    ${renderRoleAccess(form, t)}`;
  return html`<section class="editor" aria-labelledby="editor-title">
    <header class="header" part="header">
      <h2 class="title" id="editor-title">${withName(strings.editTitle, user)}</h2>
      <p class="muted" dir="ltr">${user.email}</p>${renderVerification(form, t, user, date)}
    </header>
    ${renderForm(form, t, fields, renderActions(form, t))}
    ${renderDeleteZone(form, t, user)}
    ${renderLeaveDialog(form, t)}
    ${liveRegion(form)}
  </section>`;
}
