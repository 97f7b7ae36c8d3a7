/** The editor's page: header and verification, the create steps or the edit form, delete, dialogs. */
import { html, nothing } from 'lit';
import { withName } from '../shared/bidi.js';
import { renderError } from '../shared/error-view.js';
import { renderState } from '../shared/state-view.js';
import { errorMessage } from '../shared/errors.js';
import { renderDetails } from './details-fields.js';
import { renderConflict, renderDeleteDialog, renderLeaveDialog } from './dialogs.js';
import { checkDetails, resendVerification, retrySave, submit } from './editor-actions.js';
import { goTo, handleFocusOut, handleInput } from './form-input.js';
import { STEPS, type Step } from './form-state.js';
import { renderCreated, renderReview, statusBadge } from './review.js';
import { renderRoleAccess } from './role-access.js';
import type { RosterUserEditor } from './user-editor.js';

const loading = (host: RosterUserEditor) => html`<div class="loading" part="loading" aria-busy="true">
  <span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${host.t.common.loading}</span>
</div>`;

function renderVerification(host: RosterUserEditor) {
  const { t, user } = host;
  const strings = t.editor.verification;
  if (user!.status === 'active') {
    return html`<p class="verification" part="verification">
      ${statusBadge(t, 'active')}
      ${user!.verifiedAt ? html`<span class="muted">${strings.verifiedOn(host.l10n.date(user!.verifiedAt))}</span>` : nothing}
    </p>`;
  }
  return html`<div class="verification" part="verification">
    ${statusBadge(t, 'pending')}
    <span class="muted">${strings.pending}</span>
    ${host.canWrite
      ? html`<button type="button" class="button small" part="resend-button" aria-disabled=${String(host.resending)}
          @click=${() => void resendVerification(host)}>${host.resending ? strings.resending : strings.resend}</button>`
      : nothing}
    ${host.verificationNote
      ? html`<p class="notice" part="verification-note" data-tone=${host.verificationNote.tone}>${host.verificationNote.text}</p>`
      : nothing}
  </div>`;
}

function renderHeader(host: RosterUserEditor) {
  const { user } = host;
  const strings = host.t.editor;
  return html`<header class="header" part="header">
    <h2 class="title" id="editor-title">${host.isCreate ? strings.createTitle : withName(strings.editTitle, user!)}</h2>
    ${host.isCreate ? nothing : html`<p class="muted" dir="ltr">${user!.email}</p>${renderVerification(host)}`}
  </header>`;
}

function renderSteps(host: RosterUserEditor, current: number) {
  const strings = host.t.editor;
  return html`<ol class="steps" part="steps" aria-label=${strings.stepsLabel}>
    ${STEPS.map((step, index) => html`<li class="step" data-state=${index < current ? 'done' : index === current ? 'current' : 'next'}
      aria-current=${index === current ? 'step' : nothing}>
      <span class="step-number" aria-hidden="true">${index + 1}</span><span>${strings.steps[step]}</span>
    </li>`)}
  </ol>`;
}

function renderFields(host: RosterUserEditor, index: number) {
  const { step } = host;
  const strings = host.t.editor;
  if (!host.isCreate) {
    return html`<h3 class="section-title">${strings.details}</h3>
      ${renderDetails(host)}
      <h3 class="section-title">${strings.steps.access}</h3>
      ${renderRoleAccess(host)}`;
  }
  return html`<p class="hint step-count">${strings.stepOf(index + 1, STEPS.length)}</p>
    <h3 class="step-title" id="step-title" tabindex="-1">${strings.steps[step as Step]}</h3>
    ${step === 'details' ? renderDetails(host) : step === 'access' ? renderRoleAccess(host) : renderReview(host)}`;
}

function renderActions(host: RosterUserEditor, index: number) {
  const { t, saving, isCreate } = host;
  const strings = t.editor;
  return html`<div class="actions" part="actions">
    ${!isCreate
      ? html`<button type="button" class="button" part="discard-button" ?disabled=${!host.hasUnsavedChanges || saving}
          @click=${() => host.discardChanges()}>${strings.discard}</button>`
      : index
        ? html`<button type="button" class="button" part="back-button" @click=${() => goTo(host, STEPS[index - 1]!)}>${t.common.back}</button>`
        : html`<button type="button" class="button" part="cancel-button" @click=${() => void host.cancel()}>${t.common.cancel}</button>`}
    <button type="submit" class="button primary" part="submit-button" aria-disabled=${String(saving)}>
      ${!isCreate ? (saving ? strings.saving : strings.save) : index < 2 ? strings.next : saving ? strings.creating : strings.create}
    </button>
  </div>`;
}

function renderForm(host: RosterUserEditor, index: number) {
  const { t } = host;
  const readOnly = !host.canWrite;
  return html`<form class="form" part="form" novalidate aria-labelledby="editor-title" @submit=${(event: SubmitEvent) => submit(host, event)}
    @input=${(event: Event) => handleInput(host, event)} @focusout=${(event: FocusEvent) => {
      if (handleFocusOut(host, event) === 'email' && host.isCreate) void checkDetails(host);
    }}>
    ${readOnly ? html`<p class="notice" part="alert">${t.editor.noPermission}</p>` : nothing}
    ${host.formError
      ? html`<div class="notice" data-tone="danger" role="alert" part="alert" tabindex="-1">${errorMessage(host.formError, t)}</div>`
      : nothing}
    ${host.conflict ? renderConflict(host) : nothing}
    <fieldset class="plain" ?disabled=${readOnly}>${renderFields(host, index)}</fieldset>
    ${host.saveError ? renderError({ error: host.saveError, t, inline: true, onRetry: () => void retrySave(host) }) : nothing}
    ${readOnly ? nothing : renderActions(host, index)}
  </form>`;
}

function renderDeleteZone(host: RosterUserEditor) {
  const { t, user } = host;
  if (!host.canWrite) return nothing;
  const owner = user!.role === 'owner';
  return html`<div class="danger-zone" part="danger-zone">
    <button type="button" class="button" part="delete-button" aria-disabled=${String(owner)}
      aria-describedby=${owner ? 'owner-delete-reason' : nothing} @click=${() => !owner && host.openDeleteDialog()}>
      ${t.editor.delete.button}
    </button>
    ${owner ? html`<p class="hint" id="owner-delete-reason">${t.editor.ownerLocked}</p>` : nothing}
  </div>
  ${owner ? nothing : renderDeleteDialog(host, user!)}`;
}

function renderPlanFull(host: RosterUserEditor, live: unknown) {
  const { t } = host;
  return html`<section class="editor" aria-labelledby="editor-title">
    ${renderHeader(host)}
    <p class="notice plan-full" data-tone="warning" part="alert">
      ${host.me!.account.singleProfile ? t.errors.single_profile_account : t.errors.seat_limit_reached}
    </p>
    <div class="actions" part="actions">
      <button type="button" class="button" part="cancel-button" @click=${() => host.closeRequest()}>${t.common.close}</button>
    </div>
    ${live}
  </section>`;
}

export function renderEditor(host: RosterUserEditor) {
  const { t, isCreate, user } = host;
  const live = html`<div class="visually-hidden" role="status" aria-live="polite">${host.announcement}</div>`;
  const viewer = host.viewerState;
  if (!host.me) return viewer.error ? renderError({ error: viewer.error, t, onRetry: () => void viewer.refresh() }) : loading(host);
  if (!isCreate) {
    if (host.loadError) return renderError({ error: host.loadError, t, onRetry: () => void host.load() });
    if (host.deleted) {
      return html`${renderState(withName(t.editor.delete.deleted, host.deleted))}${live}`;
    }
    if (!user) return loading(host);
  }
  const done = isCreate && host.step === 'done' && user;
  // A full plan says so before anything is typed (a form already filled stays, and the server's refusal shows on it).
  if (isCreate && !done && host.planFull && host.canWrite && !host.hasUnsavedChanges) return renderPlanFull(host, live);
  const index = STEPS.indexOf(host.step as Step);
  return html`<section class="editor" aria-labelledby="editor-title">
    ${renderHeader(host)}
    ${isCreate && !done ? renderSteps(host, index) : nothing}
    ${done ? renderCreated(host, done) : renderForm(host, index)}
    ${isCreate ? nothing : renderDeleteZone(host)}
    ${renderLeaveDialog(host)}
    ${live}
  </section>`;
}
