/**
 * The account password's form (account-password.ts): loaded on demand, the first time the section
 * shows for the owner of a shared-password account, with the password input it shares with the editor.
 */
import { html, nothing } from 'lit';
import { addEnglish } from '../localize/catalogs.js';
import type { Catalog } from '../localize/en.js';
import { passwordInput as passwordInputStrings } from '../localize/en-password-input.js';
import { errorMessage } from '../shared/errors.js';
import { passwordInput, strengthLine } from '../user-editor/password-input.js';
import { type AccountPasswordController, ID } from './account-password.js';

// The password input's English strings arrive with it.
addEnglish({ editor: passwordInputStrings });

export function renderForm(c: AccountPasswordController, email: string, t: Catalog) {
  const strings = t.panel.accountPassword;
  const problem = c.problem(email);
  const messages = t.errors as Record<string, string>;
  return html`<form class="account-password-form" novalidate aria-labelledby="${ID}-title"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void c.save(email);
    }}>
    ${c.error ? html`<div class="notice" data-tone="danger" role="alert" part="alert" id="${ID}-alert" tabindex="-1">${errorMessage(c.error, t)}</div>` : nothing}
    <div class="field" part="field">
      <label class="label" for=${ID}>${strings.label}</label>
      ${passwordInput({
        id: ID,
        value: c.value,
        visible: c.visible,
        required: true,
        invalid: Boolean(problem),
        t,
        describedBy: [`${ID}-hint`, ...(problem ? [`${ID}-error`] : [])],
        onToggle: () => c.toggle(),
        onInput: (value) => c.input(value),
      })}
      <p class="hint" id="${ID}-hint" part="hint">${strings.hint}</p>
      ${strengthLine(ID, c.value, t)}
      ${problem ? html`<p class="field-error" id="${ID}-error" part="field-error">${messages[problem] ?? messages.invalid_value}</p>` : nothing}
    </div>
    <div class="account-password-actions">
      <button type="button" class="button" part="button" @click=${() => c.cancel()}>${t.common.cancel}</button>
      <button type="submit" class="button primary" part="button button-primary" aria-disabled=${String(c.saving)}>${c.saving ? strings.saving : strings.save}</button>
    </div>
  </form>`;
}
