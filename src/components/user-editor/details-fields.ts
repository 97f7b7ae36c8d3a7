/**
 * The details fields: names, email (read-only when editing), welcome mail, phone, password (per
 * account mode), notifications and allowed IPs. Inputs carry `data-field`; the element's form
 * listens for `input` and `focusout` once for all of them.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Notifications } from '../../sdk/index.js';
import { normalizePhone } from '../../sdk/rules.js';
import { withValue } from '../shared/bidi.js';
import { describedBy, fieldError, idOf, invalid, readOnlyField } from './field-view.js';
import { renderIpList } from './ip-list.js';
import { passwordInput, strengthLine } from './password-input.js';
import { notificationsText } from './review.js';
import type { Catalog } from '../localize/en.js';
import type { EditorForm } from './form-controller.js';

/** A field: its label for `#f-{field}`, then the control, hints and error. */
const field = (name: string, label: unknown, content: unknown) =>
  html`<div class="field" part="field"><label class="label" for=${idOf(name)}>${label}</label>${content}</div>`;

/** A hint under a field, `#f-{field}-hint`. */
const hint = (name: string, text: unknown) => html`<p class="hint" id="${idOf(name)}-hint" part="hint">${text}</p>`;

/** A checkbox with its label (welcome email, notifications). */
const checkbox = (name: string, checked: boolean, label: string) => html`<label class="check" part="choice">
  <input type="checkbox" data-field=${name} .checked=${live(checked)} /><span>${label}</span>
</label>`;

function nameField(form: EditorForm, t: Catalog, name: 'firstName' | 'lastName') {
  return field(
    name,
    t.editor[name],
    html`<input class="input" part="input" id=${idOf(name)} data-field=${name} dir="auto"
      autocomplete="off" spellcheck="false" required maxlength="400" .value=${live(form.values[name])}
      ?readonly=${form.readOnly} aria-readonly=${form.readOnly || nothing}
      aria-invalid=${invalid(form, name)} aria-describedby=${describedBy(form, name)} />
    ${fieldError(form, t, name)}`,
  );
}

function emailField(form: EditorForm, t: Catalog) {
  const { values, user } = form;
  const strings = t.editor;
  const id = idOf('email');
  if (user) {
    return field(
      'email',
      strings.email,
      html`<input class="input" part="input" id=${id} type="email" dir="ltr" readonly .value=${user.email}
        aria-describedby="${id}-hint" />
      ${hint('email', strings.emailReadOnly)}`,
    );
  }
  const domain = form.me!.account.emailDomain;
  return field(
    'email',
    strings.email,
    html`<input class="input" part="input" id=${id} data-field="email" type="email" dir="ltr"
      autocomplete="off" spellcheck="false" required placeholder=${domain ? `@${domain}` : nothing} .value=${live(values.email)}
      ?readonly=${form.readOnly} aria-readonly=${form.readOnly || nothing}
      aria-invalid=${invalid(form, 'email')} aria-describedby=${describedBy(form, 'email', `${id}-hint`)} />
    ${hint('email', domain ? strings.emailDomainHint(domain) : strings.emailHint)}
    ${fieldError(form, t, 'email')}
    ${checkbox('sendWelcomeEmail', values.sendWelcomeEmail, strings.sendWelcomeEmail)}`,
  );
}

function phoneField(form: EditorForm, t: Catalog) {
  const { values } = form;
  const strings = t.editor;
  const id = idOf('phone');
  const typed = values.phone.trim();
  const normalized = typed && normalizePhone(typed);
  return field(
    'phone',
    html`${strings.phone} <span class="muted">${strings.optional}</span>`,
    html`<input class="input" part="input"
      id=${id} data-field="phone" type="tel" dir="ltr" autocomplete="off" .value=${live(values.phone)}
      ?readonly=${form.readOnly} aria-readonly=${form.readOnly || nothing}
      aria-invalid=${invalid(form, 'phone')} aria-describedby=${describedBy(form, 'phone', `${id}-hint`)} />
    ${hint('phone', normalized && normalized !== typed ? withValue(strings.phoneSavedAs, normalized) : strings.phoneHint)}
    ${fieldError(form, t, 'phone')}`,
  );
}

/** The password input with its hint, strength and error: a new profile's, or a new one for a profile edited. */
function passwordInputs(form: EditorForm, t: Catalog, hintText: string) {
  const id = idOf('password');
  return html`${passwordInput({
    id,
    field: 'password',
    value: form.values.password,
    visible: form.passwordVisible,
    required: !form.user,
    t,
    invalid: form.problems.has('password'),
    describedBy: [`${id}-hint`, ...(form.problems.has('password') ? [`${id}-error`] : [])],
    onToggle: () => (form.passwordVisible = !form.passwordVisible),
  })}
    ${hint('password', hintText)}
    ${strengthLine(id, form.values.password, t)}
    ${fieldError(form, t, 'password')}`;
}

function passwordField(form: EditorForm, t: Catalog) {
  const { values, user } = form;
  const strings = t.editor;
  // Who may not write sets no password either.
  if (form.readOnly) return nothing;
  if (form.me!.account.passwordMode === 'shared') {
    return html`<p class="notice password-shared" part="note">${strings.passwordShared}</p>`;
  }
  if (user) return field('password', strings.newPassword, passwordInputs(form, t, strings.passwordKeepHint));
  // A new profile: the person sets their own at verification, unless the owner sets one now.
  const id = idOf('passwordNow');
  return html`<fieldset class="group" part="group">
    <legend class="label">${strings.password}</legend>
    ${[false, true].map(
      (now) => html`<label class="check" part="choice">
      <input type="radio" name="passwordNow" value=${now} data-field="passwordNow" .checked=${live(values.passwordNow === now)}
        aria-describedby="${id}-${now}-hint" />
      <span class="role-text">
        <span>${now ? strings.passwordNow : strings.passwordInvite}</span>
        <span class="hint" id="${id}-${now}-hint" part="hint">${now ? strings.passwordNowHint : strings.passwordInviteHint}</span>
      </span>
    </label>`,
    )}
    ${
      values.passwordNow
        ? html`<div class="field indent">
          <label class="label" for=${idOf('password')}>${strings.password}</label>
          ${passwordInputs(form, t, strings.passwordHint)}
        </div>`
        : nothing
    }
  </fieldset>`;
}

function notificationsField(form: EditorForm, t: Catalog) {
  const { values } = form;
  const strings = t.editor;
  if (form.readOnly) return readOnlyField(strings.notifications, notificationsText(t, values.notifications));
  return html`<fieldset class="group" part="group">
    <legend class="label">${strings.notifications}</legend>
    ${(Object.keys(strings.notificationOptions) as (keyof Notifications)[]).map((key) =>
      checkbox(`notifications.${key}`, values.notifications[key], strings.notificationOptions[key]),
    )}
  </fieldset>`;
}

/** The details section: every field of step 1 (and of the edit form's first part). */
export function renderDetails(form: EditorForm, t: Catalog) {
  return html`<div class="grid two">${nameField(form, t, 'firstName')}${nameField(form, t, 'lastName')}</div>
    ${emailField(form, t)}
    ${phoneField(form, t)}
    ${passwordField(form, t)}
    ${notificationsField(form, t)}
    ${renderIpList(form, t)}`;
}
