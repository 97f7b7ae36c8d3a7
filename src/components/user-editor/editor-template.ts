/** The editor's page: header and verification, the create steps or the edit form, delete, dialogs. */
import { html, nothing } from 'lit';
import { withName } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import { errorMessage } from '../shared/errors.js';
import { renderDetails } from './details-fields.js';
import { renderConflict, renderDeleteDialog, renderLeaveDialog } from './dialogs.js';
import { STEPS, type Step } from './form-state.js';
import { renderCreated, renderReview } from './review.js';
import { type RoleAccessView, renderRoleAccess } from './role-access.js';
import type { RosterUserEditor } from './user-editor.js';

const fullName = (user: { firstName: string; lastName: string }) => `${user.firstName} ${user.lastName}`;

function renderVerification(host: RosterUserEditor) {
  const { t, user } = host;
  if (!user) return nothing;
  const v = t.editor.verification;
  if (user.status === 'active') {
    return html`<p class="verification" part="verification">
      <span class="badge" part="badge status-badge" data-tone="success" data-dot>${t.common.status.active}</span>
      ${user.verifiedAt ? html`<span class="muted">${v.verifiedOn(host.localizeDate(user.verifiedAt))}</span>` : nothing}
    </p>`;
  }
  return html`<div class="verification" part="verification">
    <span class="badge" part="badge status-badge" data-tone="warning" data-dot>${t.common.status.pending}</span>
    <span class="muted">${v.pending}</span>
    ${host.canWrite
      ? html`<button type="button" class="button small" part="resend-button" aria-disabled=${host.resending ? 'true' : 'false'}
          @click=${() => void host.actions.resendVerification()}>${host.resending ? v.resending : v.resend}</button>`
      : nothing}
    ${host.verificationNote
      ? html`<p class="notice" part="verification-note" data-tone=${host.verificationNote.tone}>${host.verificationNote.text}</p>`
      : nothing}
  </div>`;
}

function renderHeader(host: RosterUserEditor) {
  const { t, user } = host;
  if (host.isCreate) {
    return html`<header class="header" part="header"><h2 class="title" id="editor-title">${t.editor.createTitle}</h2></header>`;
  }
  return html`<header class="header" part="header">
    <h2 class="title" id="editor-title">${withName(t.editor.editTitle, fullName(user!))}</h2>
    <p class="muted" dir="ltr">${user!.email}</p>
    ${renderVerification(host)}
  </header>`;
}

function renderSteps(host: RosterUserEditor) {
  const { t } = host;
  const current = STEPS.indexOf(host.step as Step);
  return html`<ol class="steps" part="steps" aria-label=${t.editor.stepsLabel}>
    ${STEPS.map((step, index) => html`<li class="step" data-state=${index < current ? 'done' : index === current ? 'current' : 'next'}
      aria-current=${index === current ? 'step' : nothing}>
      <span class="step-number" aria-hidden="true">${index + 1}</span><span>${t.editor.steps[step]}</span>
    </li>`)}
  </ol>`;
}

function renderCreateStep(host: RosterUserEditor, view: RoleAccessView) {
  const { t } = host;
  const step = host.step as Step;
  const body = step === 'details' ? renderDetails(view) : step === 'access' ? renderRoleAccess(view)
    : renderReview({ t, values: host.values, account: host.me!.account, goTo: (s) => host.goTo(s) });
  return html`<p class="hint step-count">${t.editor.stepOf(STEPS.indexOf(step) + 1, STEPS.length)}</p>
    <h3 class="step-title" id="step-title" tabindex="-1">${t.editor.steps[step]}</h3>
    ${body}`;
}

function renderEditFields(host: RosterUserEditor, view: RoleAccessView) {
  const { t } = host;
  return html`<h3 class="section-title">${t.editor.details}</h3>
    ${renderDetails(view)}
    <h3 class="section-title">${t.editor.steps.access}</h3>
    ${renderRoleAccess(view)}`;
}

function renderActions(host: RosterUserEditor) {
  const { t } = host;
  if (!host.isCreate) {
    return html`<div class="actions" part="actions">
      <button type="button" class="button" part="discard-button" ?disabled=${!host.hasUnsavedChanges || host.saving}
        @click=${() => host.discardChanges()}>${t.editor.discard}</button>
      <button type="submit" class="button primary" part="submit-button" aria-disabled=${host.saving ? 'true' : 'false'}>
        ${host.saving ? t.editor.saving : t.editor.save}
      </button>
    </div>`;
  }
  const index = STEPS.indexOf(host.step as Step);
  const last = host.step === 'review';
  return html`<div class="actions" part="actions">
    ${index === 0
      ? html`<button type="button" class="button" part="cancel-button" @click=${() => void host.cancel()}>${t.common.cancel}</button>`
      : html`<button type="button" class="button" part="back-button" @click=${() => host.goTo(STEPS[index - 1]!)}>${t.common.back}</button>`}
    <button type="submit" class="button primary" part="submit-button" aria-disabled=${host.saving ? 'true' : 'false'}>
      ${last ? (host.saving ? t.editor.creating : t.editor.create) : t.editor.next}
    </button>
  </div>`;
}

function renderForm(host: RosterUserEditor, view: RoleAccessView) {
  const { t } = host;
  const readOnly = !host.canWrite;
  return html`<form class="form" part="form" novalidate aria-labelledby="editor-title"
    @submit=${host.handleSubmit} @input=${host.input.handleInput} @focusout=${host.input.handleFocusOut}>
    ${readOnly ? html`<p class="notice" part="alert">${t.editor.noPermission}</p>` : nothing}
    ${host.formError
      ? html`<div class="notice" data-tone="danger" role="alert" part="alert" tabindex="-1">${errorMessage(host.formError, t)}</div>`
      : nothing}
    ${host.conflict
      ? renderConflict({
          t, theirs: host.conflict.theirs, rows: host.conflict.rows, role: host.values.role, busy: host.saving,
          onReload: () => host.actions.reloadTheirs(), onReapply: () => void host.actions.reapplyMine(),
        })
      : nothing}
    <fieldset class="plain" ?disabled=${readOnly}>
      ${host.isCreate ? renderCreateStep(host, view) : renderEditFields(host, view)}
    </fieldset>
    ${host.saveError ? renderError({ error: host.saveError, t, inline: true, onRetry: () => void host.actions.save() }) : nothing}
    ${readOnly ? nothing : renderActions(host)}
  </form>`;
}

function renderDeleteZone(host: RosterUserEditor) {
  const { t, user } = host;
  if (!user || !host.canWrite) return nothing;
  const owner = user.role === 'owner';
  return html`<div class="danger-zone" part="danger-zone">
    <button type="button" class="button" part="delete-button" aria-disabled=${owner ? 'true' : 'false'}
      aria-describedby=${owner ? 'owner-delete-reason' : nothing} @click=${() => !owner && host.openDeleteDialog()}>
      ${t.editor.delete.button}
    </button>
    ${owner ? html`<p class="hint" id="owner-delete-reason">${t.editor.ownerLocked}</p>` : nothing}
  </div>
  ${owner ? nothing : renderDeleteDialog({
    t, user, tasks: host.deleteTasks, busy: host.deleting, error: host.deleteError,
    ownerName: host.me?.user.role === 'owner' ? fullName(host.me.user) : t.roles.owner.name,
    onChoice: (tasks) => (host.deleteTasks = tasks), onConfirm: () => void host.actions.delete(),
    onCancel: () => host.closeDeleteDialog(), onClose: () => (host.deleteError = undefined),
  })}`;
}

export function renderEditor(host: RosterUserEditor, view: () => RoleAccessView) {
  const { t } = host;
  const live = html`<div class="visually-hidden" role="status" aria-live="polite">${host.announcement}</div>`;
  const viewer = host.viewerState;
  if (!host.me) {
    return viewer.error
      ? renderError({ error: viewer.error, t, onRetry: () => void viewer.refresh() })
      : html`<div class="loading" part="loading" aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span>
          <span class="visually-hidden">${t.common.loading}</span></div>`;
  }
  if (!host.isCreate) {
    if (host.loadError) return renderError({ error: host.loadError, t, onRetry: () => void host.load() });
    if (host.deleted) {
      return html`<div class="state" part="state"><p class="state-title">${withName(t.editor.delete.deleted, fullName(host.deleted))}</p></div>${live}`;
    }
    if (!host.user) {
      return html`<div class="loading" part="loading" aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span>
        <span class="visually-hidden">${t.common.loading}</span></div>`;
    }
  }
  const done = host.isCreate && host.step === 'done' && host.user;
  return html`<section class="editor" aria-labelledby="editor-title">
    ${renderHeader(host)}
    ${host.isCreate && !done ? renderSteps(host) : nothing}
    ${done
      ? renderCreated({ t, user: host.user!, onAnother: () => host.startOver(), onDone: () => host.closeRequest() })
      : renderForm(host, view())}
    ${host.isCreate ? nothing : renderDeleteZone(host)}
    ${renderLeaveDialog({ t, onStay: () => host.settleLeave(false), onDiscard: () => host.settleLeave(true) })}
    ${live}
  </section>`;
}
