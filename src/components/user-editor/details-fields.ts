/**
 * The details fields: names, email (read-only when editing), welcome mail, phone, password (per
 * account mode), notifications and allowed IPs. Inputs carry `data-field`; the element's form
 * listens for `input` and `focusout` once for all of them.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Notifications } from '../../sdk/index.js';
import { normalizePhone } from '../../sdk/rules.js';
import { describedBy, fieldError, idOf, invalid } from './field-view.js';
import { passwordStrength } from './form-state.js';
import { renderIpList } from './ip-list.js';
import type { RosterUserEditor } from './user-editor.js';

const eye = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z"/><circle cx="8" cy="8" r="2"/></svg>`;
const eyeOff = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><path d="M2 2l12 12M6.6 3.7A6.7 6.7 0 0 1 8 3.5c4.1 0 6.5 4.5 6.5 4.5a11 11 0 0 1-1.9 2.4M4.2 4.9A11 11 0 0 0 1.5 8s2.4 4.5 6.5 4.5a6.4 6.4 0 0 0 2.6-.6"/></svg>`;

/** A field: its label for `#f-{field}`, then the control, hints and error. */
const field = (name: string, label: unknown, content: unknown) =>
  html`<div class="field" part="field"><label class="label" for=${idOf(name)}>${label}</label>${content}</div>`;

/** A hint under a field, `#f-{field}-hint`. */
const hint = (name: string, text: string) => html`<p class="hint" id="${idOf(name)}-hint">${text}</p>`;

/** A checkbox with its label (welcome email, notifications). */
const checkbox = (name: string, checked: boolean, label: string) => html`<label class="check" part="check">
  <input type="checkbox" data-field=${name} .checked=${live(checked)} /><span>${label}</span>
</label>`;

function nameField(host: RosterUserEditor, name: 'firstName' | 'lastName') {
  return field(name, host.t.editor[name], html`<input class="input" part="input" id=${idOf(name)} data-field=${name} dir="auto"
      autocomplete="off" spellcheck="false" required maxlength="400" .value=${live(host.values[name])}
      aria-invalid=${invalid(host, name)} aria-describedby=${describedBy(host, name)} />
    ${fieldError(host, name)}`);
}

function emailField(host: RosterUserEditor) {
  const { values, user } = host;
  const strings = host.t.editor;
  const id = idOf('email');
  if (user) {
    return field('email', strings.email, html`<input class="input" part="input" id=${id} type="email" dir="ltr" readonly .value=${user.email}
        aria-describedby="${id}-hint" />
      ${hint('email', strings.emailReadOnly)}`);
  }
  const domain = host.me!.account.emailDomain;
  return field('email', strings.email, html`<input class="input" part="input" id=${id} data-field="email" type="email" dir="ltr"
      autocomplete="off" spellcheck="false" required placeholder=${domain ? `@${domain}` : nothing} .value=${live(values.email)}
      aria-invalid=${invalid(host, 'email')} aria-describedby=${describedBy(host, 'email', `${id}-hint`)} />
    ${hint('email', domain ? strings.emailDomainHint(domain) : strings.emailHint)}
    ${fieldError(host, 'email')}
    ${checkbox('sendWelcomeEmail', values.sendWelcomeEmail, strings.sendWelcomeEmail)}`);
}

function phoneField(host: RosterUserEditor) {
  const { values } = host;
  const strings = host.t.editor;
  const id = idOf('phone');
  const typed = values.phone.trim();
  const normalized = typed && normalizePhone(typed);
  return field('phone', html`${strings.phone} <span class="muted">${strings.optional}</span>`, html`<input class="input" part="input"
      id=${id} data-field="phone" type="tel" dir="ltr" autocomplete="off" .value=${live(values.phone)}
      aria-invalid=${invalid(host, 'phone')} aria-describedby=${describedBy(host, 'phone', `${id}-hint`)} />
    ${hint('phone', normalized && normalized !== typed ? strings.phoneSavedAs(normalized) : strings.phoneHint)}
    ${fieldError(host, 'phone')}`);
}

function passwordField(host: RosterUserEditor) {
  const { values, user, passwordVisible } = host;
  const strings = host.t.editor;
  if (host.me!.account.passwordMode === 'shared') {
    return html`<p class="notice" part="password-shared">${strings.passwordShared}</p>`;
  }
  const id = idOf('password');
  const strength = passwordStrength(values.password);
  return field('password', user ? strings.newPassword : strings.password, html`<div class="password-row">
      <input class="input" part="input" id=${id} data-field="password" type=${passwordVisible ? 'text' : 'password'}
        autocomplete="new-password" spellcheck="false" ?required=${!user} .value=${live(values.password)}
        aria-invalid=${invalid(host, 'password')}
        aria-describedby=${describedBy(host, 'password', `${id}-hint`, strength && `${id}-strength`)} />
      <button type="button" class="button icon" part="password-toggle" aria-pressed=${String(passwordVisible)} aria-controls=${id}
        aria-label=${strings.passwordShow} title=${passwordVisible ? strings.passwordHide : strings.passwordShow}
        @click=${() => (host.passwordVisible = !host.passwordVisible)}>${passwordVisible ? eyeOff : eye}</button>
    </div>
    ${hint('password', user ? strings.passwordKeepHint : strings.passwordHint)}
    ${strength
      ? html`<p class="strength" id="${id}-strength" data-strength=${strength} part="password-strength">
          <span class="meter" aria-hidden="true"><span></span></span>${strings.strength[strength]}
        </p>`
      : nothing}
    ${fieldError(host, 'password')}`);
}

function notificationsField(host: RosterUserEditor) {
  const { values } = host;
  const strings = host.t.editor;
  return html`<fieldset class="group" part="group">
    <legend class="label">${strings.notifications}</legend>
    ${(Object.keys(strings.notificationOptions) as (keyof Notifications)[]).map((key) =>
      checkbox(`notifications.${key}`, values.notifications[key], strings.notificationOptions[key]))}
  </fieldset>`;
}

/** The details section: every field of step 1 (and of the edit form's first part). */
export function renderDetails(host: RosterUserEditor) {
  return html`<div class="grid two">${nameField(host, 'firstName')}${nameField(host, 'lastName')}</div>
    ${emailField(host)}
    ${phoneField(host)}
    ${passwordField(host)}
    ${notificationsField(host)}
    ${renderIpList(host)}`;
}
