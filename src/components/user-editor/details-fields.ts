/**
 * The details fields: names, email (read-only when editing), welcome mail, phone, password (per
 * account mode), notifications and allowed IPs. Inputs carry `data-field`; the element's form
 * listens for `input` and `focusout` once for all of them.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Notifications } from '../../sdk/index.js';
import { normalizePhone } from '../../sdk/rules.js';
import { type EditorView, describedBy, fieldError, idOf, invalid } from './field-view.js';
import { passwordStrength } from './form-state.js';
import { renderIpList } from './ip-list.js';

const eye = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z"/><circle cx="8" cy="8" r="2"/></svg>`;
const eyeOff = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M2 2l12 12M6.6 3.7A6.7 6.7 0 0 1 8 3.5c4.1 0 6.5 4.5 6.5 4.5a11 11 0 0 1-1.9 2.4M4.2 4.9A11 11 0 0 0 1.5 8s2.4 4.5 6.5 4.5a6.4 6.4 0 0 0 2.6-.6"/></svg>`;

function nameField(view: EditorView, field: 'firstName' | 'lastName') {
  const id = idOf(field);
  return html`<div class="field" part="field">
    <label class="label" for=${id}>${view.t.editor[field]}</label>
    <input class="input" part="input" id=${id} data-field=${field} dir="auto" autocomplete="off" spellcheck="false"
      required maxlength="400" .value=${live(view.values[field])}
      aria-invalid=${invalid(view, field)} aria-describedby=${describedBy(view, field)} />
    ${fieldError(view, field)}
  </div>`;
}

function emailField(view: EditorView) {
  const { t, values, account, user } = view;
  const id = idOf('email');
  if (user) {
    return html`<div class="field" part="field">
      <label class="label" for=${id}>${t.editor.email}</label>
      <input class="input" part="input" id=${id} type="email" dir="ltr" readonly .value=${user.email} aria-describedby="${id}-hint" />
      <p class="hint" id="${id}-hint">${t.editor.emailReadOnly}</p>
    </div>`;
  }
  const domain = account.emailDomain;
  return html`<div class="field" part="field">
    <label class="label" for=${id}>${t.editor.email}</label>
    <input class="input" part="input" id=${id} data-field="email" type="email" dir="ltr" autocomplete="off" spellcheck="false"
      required placeholder=${domain ? `@${domain}` : nothing} .value=${live(values.email)}
      aria-invalid=${invalid(view, 'email')} aria-describedby=${describedBy(view, 'email', `${id}-hint`)} />
    <p class="hint" id="${id}-hint">${domain ? t.editor.emailDomainHint(domain) : t.editor.emailHint}</p>
    ${fieldError(view, 'email')}
    <label class="check" part="check">
      <input type="checkbox" data-field="sendWelcomeEmail" .checked=${live(values.sendWelcomeEmail)} />
      <span>${t.editor.sendWelcomeEmail}</span>
    </label>
  </div>`;
}

function phoneField(view: EditorView) {
  const { t, values } = view;
  const id = idOf('phone');
  const normalized = values.phone.trim() ? normalizePhone(values.phone) : null;
  return html`<div class="field" part="field">
    <label class="label" for=${id}>${t.editor.phone} <span class="muted">${t.editor.optional}</span></label>
    <input class="input" part="input" id=${id} data-field="phone" type="tel" dir="ltr" autocomplete="off" .value=${live(values.phone)}
      aria-invalid=${invalid(view, 'phone')} aria-describedby=${describedBy(view, 'phone', `${id}-hint`)} />
    <p class="hint" id="${id}-hint">${normalized && normalized !== values.phone.trim() ? t.editor.phoneSavedAs(normalized) : t.editor.phoneHint}</p>
    ${fieldError(view, 'phone')}
  </div>`;
}

function passwordField(view: EditorView) {
  const { t, values, account, user } = view;
  if (account.passwordMode === 'shared') {
    return html`<p class="notice" part="password-shared">${t.editor.passwordShared}</p>`;
  }
  const id = idOf('password');
  const strength = passwordStrength(values.password);
  return html`<div class="field" part="field">
    <label class="label" for=${id}>${user ? t.editor.newPassword : t.editor.password}</label>
    <div class="password-row">
      <input class="input" part="input" id=${id} data-field="password" type=${view.passwordVisible ? 'text' : 'password'}
        autocomplete="new-password" spellcheck="false" ?required=${!user} .value=${live(values.password)}
        aria-invalid=${invalid(view, 'password')}
        aria-describedby=${describedBy(view, 'password', `${id}-hint`, strength && `${id}-strength`, view.passwordCleared && `${id}-retype`)} />
      <button type="button" class="button icon" part="password-toggle" aria-pressed=${view.passwordVisible ? 'true' : 'false'}
        aria-controls=${id} aria-label=${t.editor.passwordShow} title=${view.passwordVisible ? t.editor.passwordHide : t.editor.passwordShow}
        @click=${view.togglePassword}>${view.passwordVisible ? eyeOff : eye}</button>
    </div>
    <p class="hint" id="${id}-hint">${user ? t.editor.passwordKeepHint : t.editor.passwordHint}</p>
    ${strength
      ? html`<p class="strength" id="${id}-strength" data-strength=${strength} part="password-strength">
          <span class="meter" aria-hidden="true"><span></span></span>${t.editor.strength[strength]}
        </p>`
      : nothing}
    ${view.passwordCleared ? html`<p class="hint" id="${id}-retype" part="password-retype">${t.editor.passwordRetype}</p>` : nothing}
    ${fieldError(view, 'password')}
  </div>`;
}

const NOTIFICATION_KEYS: (keyof Notifications)[] = ['taskUpdates', 'reportReady', 'creditsLow'];

function notificationsField(view: EditorView) {
  const { t, values } = view;
  return html`<fieldset class="group" part="group">
    <legend class="label">${t.editor.notifications}</legend>
    ${NOTIFICATION_KEYS.map((key) => html`<label class="check" part="check">
      <input type="checkbox" data-field="notifications.${key}" .checked=${live(values.notifications[key])} />
      <span>${t.editor.notificationOptions[key]}</span>
    </label>`)}
  </fieldset>`;
}

/** The details section: every field of step 1 (and of the edit form's first part). */
export function renderDetails(view: EditorView) {
  return html`<div class="grid two">${nameField(view, 'firstName')}${nameField(view, 'lastName')}</div>
    ${emailField(view)}
    ${phoneField(view)}
    ${passwordField(view)}
    ${notificationsField(view)}
    ${renderIpList(view)}`;
}
