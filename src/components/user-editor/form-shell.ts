/** What the create wizard and the edit form share: the loading placeholder, the live region and the form around the fields. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../localize/en.js';
import { renderError } from '../shared/error-view.js';
import { errorMessage } from '../shared/errors.js';
import { renderConflict } from './dialogs.js';
import { checkDetails, retrySave, submit } from './editor-actions.js';
import type { EditorForm } from './form-controller.js';
import { handleFocusOut, handleInput } from './form-input.js';

export const loading = (t: Catalog) => html`<div class="loading" part="skeleton" aria-busy="true">
  <span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${t.common.loading}</span>
</div>`;

/** Announcements (saved, deleted, an IP added), spoken without moving focus. */
export const liveRegion = (form: EditorForm) =>
  html`<div class="visually-hidden" role="status" aria-live="polite">${form.announcement}</div>`;

/** The form: who may not write, a refusal of the whole form, a conflict, the fields, a failed send and the buttons. */
export function renderForm(form: EditorForm, t: Catalog, fields: TemplateResult, actions: TemplateResult) {
  const readOnly = !form.host.canWrite;
  return html`<form class="form" part="form" novalidate aria-labelledby="editor-title" @submit=${(event: SubmitEvent) => submit(form, event)}
    @input=${(event: Event) => handleInput(form, event)} @focusout=${(event: FocusEvent) => {
      if (handleFocusOut(form, event) === 'email' && form.isCreate) void checkDetails(form);
    }}>
    ${readOnly ? html`<p class="notice" part="note">${t.editor.noPermission}</p>` : nothing}
    ${
      form.formError
        ? html`<div class="notice" data-tone="danger" role="alert" part="alert" tabindex="-1">${errorMessage(form.formError, t)}</div>`
        : nothing
    }
    ${form.conflict ? renderConflict(form, t) : nothing}
    <fieldset class="plain" ?disabled=${readOnly}>${fields}</fieldset>
    ${form.saveError ? renderError({ error: form.saveError, t, inline: true, onRetry: () => void retrySave(form) }) : nothing}
    ${readOnly ? nothing : html`<div class="actions" part="actions">${actions}</div>`}
  </form>`;
}
