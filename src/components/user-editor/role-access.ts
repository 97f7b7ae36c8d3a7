/**
 * Role and access: the roles as a radio group with one line each, the credit limit (specialists
 * only, with the account's balance), and tool and task grants through `<roster-access-grants>`.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ASSIGNABLE_ROLES, type Access } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { EXPORT_PARTS } from '../parts.js';
import { describedBy, fieldError, idOf, invalid, readOnlyField } from './field-view.js';
import { creditLimitOf, formatWholeNumber } from './form-state.js';
import { creditLimitText } from './review.js';
import type { EditorForm } from './form-controller.js';

function roleField(form: EditorForm, t: Catalog) {
  const { values } = form;
  const strings = t.editor;
  if (form.user?.role === 'owner') {
    return html`<div class="field" part="field">
      <p class="label">${strings.role}</p>
      <p><span class="badge" part="badge" data-tone="accent">${t.roles.owner.name}</span></p>
      <p class="notice" part="note">${strings.ownerLocked}</p>
    </div>`;
  }
  if (form.readOnly) return readOnlyField(strings.role, t.roles[values.role].name);
  const id = idOf('role');
  return html`<fieldset class="group roles" part="group" id=${id} aria-describedby=${describedBy(form, 'role')}>
    <legend class="label">${strings.role}</legend>
    ${ASSIGNABLE_ROLES.map(
      (role) => html`<label class="role-option" part="choice">
      <input type="radio" name="role" value=${role} data-field="role" .checked=${live(values.role === role)}
        aria-describedby="${id}-${role}-text" />
      <span class="role-text">
        <span class="role-name">${t.roles[role].name}</span>
        <span class="hint" id="${id}-${role}-text" part="hint">${t.roles[role].description}</span>
      </span>
    </label>`,
    )}
    ${fieldError(form, t, 'role')}
  </fieldset>`;
}

function creditLimitField(form: EditorForm, t: Catalog) {
  const { values } = form;
  const strings = t.editor;
  if (values.role !== 'specialist') return fieldError(form, t, 'creditLimit');
  if (form.readOnly)
    return readOnlyField(strings.creditLimit, creditLimitText(t, creditLimitOf(values, form.host.language)));
  const { balance } = form.me!.account.credits;
  const id = idOf('creditLimit');
  return html`<fieldset class="group" part="group" aria-describedby="${id}-balance">
    <legend class="label">${strings.creditLimit}</legend>
    <p class="hint numeric" id="${id}-balance" part="hint">${strings.balance(t.common.credits(balance))}</p>
    ${[false, true].map(
      (limited) => html`<label class="check" part="choice">
      <input type="radio" name="creditLimited" value=${limited} data-field="creditLimited" .checked=${live(values.creditLimited === limited)} />
      <span>${limited ? strings.creditLimitSet : strings.creditLimitNone}</span>
    </label>`,
    )}
    ${
      values.creditLimited
        ? html`<div class="field indent">
          <label class="label" for=${id}>${strings.creditLimitAmount}</label>
          <input class="input numeric narrow" part="input" id=${id} data-field="creditLimit" inputmode="numeric" autocomplete="off"
            .value=${live(values.creditLimit)} placeholder=${formatWholeNumber(Math.min(100, balance), form.host.language)}
            aria-invalid=${invalid(form, 'creditLimit')} aria-describedby=${describedBy(form, 'creditLimit', `${id}-balance`)} />
        </div>`
        : nothing
    }
    ${fieldError(form, t, 'creditLimit')}
  </fieldset>`;
}

function accessField(form: EditorForm, t: Catalog) {
  const { role, access } = form.values;
  const strings = t.editor;
  const id = idOf('access');
  if (role === 'owner' || role === 'manager') {
    return html`<div class="field" part="field">
      <p class="label">${strings.access}</p>
      <p class="notice" part="note">${role === 'owner' ? t.roles.owner.description : strings.managerAccess}</p>
    </div>`;
  }
  const guest = role === 'guest';
  return html`<div class="group access" part="group" role="group" id=${id} tabindex="-1"
    aria-labelledby="${id}-label" aria-describedby=${describedBy(form, 'access', guest && `${id}-hint`)}>
    <p class="label" id="${id}-label">${strings.access}</p>
    ${guest ? html`<p class="hint" id="${id}-hint" part="hint">${strings.guestAccess}</p>` : nothing}
    <roster-access-grants exportparts=${EXPORT_PARTS} ?readonly=${form.readOnly} .client=${form.host.client} .role=${role} .value=${access}
      @roster-change=${(event: CustomEvent<{ value: Access }>) => {
        event.stopPropagation();
        form.set({ access: event.detail.value });
      }}></roster-access-grants>
    ${fieldError(form, t, 'access')}
  </div>`;
}

export function renderRoleAccess(form: EditorForm, t: Catalog) {
  return html`${roleField(form, t)}${creditLimitField(form, t)}${accessField(form, t)}`;
}
