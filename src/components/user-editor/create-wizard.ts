/**
 * The create flow: details → role and access → review, then the confirmation. A full plan says so
 * before anything is typed.
 */
import { html, nothing } from 'lit';
import type { Catalog } from '../localize/en.js';
import { renderDetails } from './details-fields.js';
import { renderLeaveDialog } from './dialogs.js';
import type { EditorForm } from './form-controller.js';
import { STEPS, type Step } from './form-state.js';
import { liveRegion, renderForm } from './form-shell.js';
import { renderCreated, renderReview } from './review.js';
import { renderRoleAccess } from './role-access.js';

const header = (t: Catalog) => html`<header class="header" part="header">
  <h2 class="title" id="editor-title">${t.editor.createTitle}</h2>
</header>`;

function renderSteps(t: Catalog, current: number) {
  return html`<ol class="steps" part="steps" aria-label=${t.editor.stepsLabel}>
    ${STEPS.map(
      (
        step,
        index,
      ) => html`<li class="step" data-state=${index < current ? 'done' : index === current ? 'current' : 'next'}
      aria-current=${index === current ? 'step' : nothing}>
      <span class="step-number" aria-hidden="true">${index + 1}</span><span>${t.editor.steps[step]}</span>
    </li>`,
    )}
  </ol>`;
}

function renderStep(form: EditorForm, t: Catalog, step: Step, index: number) {
  const strings = t.editor;
  return html`<p class="hint step-count" part="hint">${strings.stepOf(index + 1, STEPS.length)}</p>
    <h3 class="step-title" id="step-title" tabindex="-1">${strings.steps[step]}</h3>
    ${step === 'details' ? renderDetails(form, t) : step === 'access' ? renderRoleAccess(form, t) : renderReview(form, t)}`;
}

function renderActions(form: EditorForm, t: Catalog, index: number) {
  const strings = t.editor;
  return html`${
    index
      ? html`<button type="button" class="button" part="button" @click=${() => form.goTo(STEPS[index - 1]!)}>${t.common.back}</button>`
      : html`<button type="button" class="button" part="button" @click=${() => void form.cancel()}>${t.common.cancel}</button>`
  }
    <button type="submit" class="button primary" part="button button-primary" aria-disabled=${String(form.saving)}>
      ${index < 2 ? strings.next : form.saving ? strings.creating : strings.create}
    </button>`;
}

function renderPlanFull(form: EditorForm, t: Catalog) {
  return html`<section class="editor" aria-labelledby="editor-title">
    ${header(t)}
    <p class="notice plan-full" data-tone="warning" part="alert">
      ${form.me!.account.singleProfile ? t.errors.single_profile_account : t.errors.seat_limit_reached}
    </p>
    <div class="actions" part="actions">
      <button type="button" class="button" part="button" @click=${() => form.closeRequest()}>${t.common.close}</button>
    </div>
    ${liveRegion(form)}
  </section>`;
}

export function renderWizard(form: EditorForm, t: Catalog) {
  const done = form.step === 'done' && form.user;
  // A full plan says so before anything is typed (a form already filled stays, and the server's refusal shows on it).
  if (!done && form.planFull && form.host.canWrite && !form.hasUnsavedChanges) return renderPlanFull(form, t);
  const step = form.step as Step;
  const index = STEPS.indexOf(step);
  return html`<section class="editor" aria-labelledby="editor-title">
    ${header(t)}
    ${done ? renderCreated(form, t, done) : html`${renderSteps(t, index)}${renderForm(form, t, renderStep(form, t, step, index), renderActions(form, t, index))}`}
    ${renderLeaveDialog(form, t)}
    ${liveRegion(form)}
  </section>`;
}
