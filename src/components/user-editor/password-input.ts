/**
 * A new password as every Roster form takes it: the input with its show/hide toggle, and the
 * strength line under it. The editor's password field and the panel's account password share it,
 * so both hint and behave alike. The value is bound as a property only: never an attribute.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Catalog } from '../localize/en.js';
import { passwordStrength } from './form-state.js';

// In a module of their own, so that a form that loads this one on demand can style it up front.
export { passwordStyles } from './password-input.styles.js';

const eye = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z"/><circle cx="8" cy="8" r="2"/></svg>`;
const eyeOff = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M2 2l12 12M6.6 3.7A6.7 6.7 0 0 1 8 3.5c4.1 0 6.5 4.5 6.5 4.5a11 11 0 0 1-1.9 2.4M4.2 4.9A11 11 0 0 0 1.5 8s2.4 4.5 6.5 4.5a6.4 6.4 0 0 0 2.6-.6"/></svg>`;

export interface PasswordInputOptions {
  id: string;
  value: string;
  visible: boolean;
  required: boolean;
  invalid: boolean;
  /** Ids of the hints and error; the strength line's id is added while it shows. */
  describedBy: string[];
  t: Catalog;
  onToggle(): void;
  /** `data-field` for forms that listen once for all inputs. */
  field?: string;
  onInput?(value: string): void;
}

/** The input and its toggle; `aria-describedby` names the strength line while it shows. */
export function passwordInput(options: PasswordInputOptions) {
  const { id, value, visible, t } = options;
  const strings = t.editor;
  const describedBy = [...options.describedBy, ...(passwordStrength(value) ? [`${id}-strength`] : [])].join(' ');
  return html`<div class="password-row">
    <input class="input" part="input" id=${id} data-field=${options.field ?? nothing} type=${visible ? 'text' : 'password'}
      autocomplete="new-password" spellcheck="false" ?required=${options.required} .value=${live(value)}
      aria-invalid=${String(options.invalid)} aria-describedby=${describedBy || nothing}
      @input=${options.onInput ? (event: Event) => options.onInput!((event.target as HTMLInputElement).value) : nothing} />
    <button type="button" class="button icon" part="button button-icon" aria-pressed=${String(visible)} aria-controls=${id}
      aria-label=${strings.passwordShow} title=${visible ? strings.passwordHide : strings.passwordShow}
      @click=${options.onToggle}>${visible ? eyeOff : eye}</button>
  </div>`;
}

/** How strong the password looks (`#{id}-strength`), once something is typed. */
export function strengthLine(id: string, value: string, t: Catalog) {
  const strength = passwordStrength(value);
  return strength
    ? html`<p class="strength" id="${id}-strength" data-strength=${strength} part="hint">
        <span class="meter" aria-hidden="true"><span></span></span>${t.editor.strength[strength]}
      </p>`
    : nothing;
}
