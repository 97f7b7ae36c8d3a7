/**
 * Role and access: the roles as a radio group with one line each, the credit limit (specialists
 * only, with the account's balance), and tool and task grants through `<roster-access-grants>`.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ASSIGNABLE_ROLES, type Access, type RosterClient } from '../../sdk/index.js';
import { type EditorView, describedBy, fieldError, idOf, invalid } from './field-view.js';

export interface RoleAccessView extends EditorView {
  client?: RosterClient;
  onAccessChange(access: Access): void;
}

function roleField(view: RoleAccessView) {
  const { t, values, user } = view;
  if (user?.role === 'owner') {
    return html`<div class="field" part="field">
      <p class="label">${t.editor.role}</p>
      <p><span class="badge" part="badge" data-tone="accent">${t.roles.owner.name}</span></p>
      <p class="notice" part="owner-locked">${t.editor.ownerLocked}</p>
    </div>`;
  }
  const id = idOf('role');
  return html`<fieldset class="group roles" part="group roles" id=${id} aria-describedby=${describedBy(view, 'role')}>
    <legend class="label">${t.editor.role}</legend>
    ${ASSIGNABLE_ROLES.map((role) => html`<label class="role-option" part="role-option">
      <input type="radio" name="role" value=${role} data-field="role" .checked=${live(values.role === role)}
        aria-describedby="${id}-${role}-text" />
      <span class="role-text">
        <span class="role-name">${t.roles[role].name}</span>
        <span class="hint" id="${id}-${role}-text">${t.roles[role].description}</span>
      </span>
    </label>`)}
    ${fieldError(view, 'role')}
  </fieldset>`;
}

function creditLimitField(view: RoleAccessView) {
  const { t, values, account, localize } = view;
  if (values.role !== 'specialist') return fieldError(view, 'creditLimit');
  const id = idOf('creditLimit');
  const balance = t.editor.balance(t.common.credits(account.credits.balance));
  return html`<fieldset class="group" part="group credit-limit" aria-describedby="${id}-balance">
    <legend class="label">${t.editor.creditLimit}</legend>
    <p class="hint numeric" id="${id}-balance">${balance}</p>
    <label class="check" part="check">
      <input type="radio" name="creditLimited" value="false" data-field="creditLimited" .checked=${live(!values.creditLimited)} />
      <span>${t.editor.creditLimitNone}</span>
    </label>
    <label class="check" part="check">
      <input type="radio" name="creditLimited" value="true" data-field="creditLimited" .checked=${live(values.creditLimited)} />
      <span>${t.editor.creditLimitSet}</span>
    </label>
    ${values.creditLimited
      ? html`<div class="field indent">
          <label class="label" for=${id}>${t.editor.creditLimitAmount}</label>
          <input class="input numeric narrow" part="input" id=${id} data-field="creditLimit" inputmode="numeric" autocomplete="off"
            .value=${live(values.creditLimit)} placeholder=${localize.number(Math.min(100, account.credits.balance))}
            aria-invalid=${invalid(view, 'creditLimit')} aria-describedby=${describedBy(view, 'creditLimit', `${id}-balance`)} />
        </div>`
      : nothing}
    ${fieldError(view, 'creditLimit')}
  </fieldset>`;
}

function accessField(view: RoleAccessView) {
  const { t, values } = view;
  const id = idOf('access');
  if (values.role === 'owner' || values.role === 'manager') {
    return html`<div class="field" part="field">
      <p class="label">${t.editor.access}</p>
      <p class="notice" part="manager-access">${values.role === 'owner' ? t.roles.owner.description : t.editor.managerAccess}</p>
    </div>`;
  }
  return html`<div class="group access" part="group access" role="group" id=${id} tabindex="-1"
    aria-labelledby="${id}-label" aria-describedby=${describedBy(view, 'access', values.role === 'guest' && `${id}-hint`)}>
    <p class="label" id="${id}-label">${t.editor.access}</p>
    ${values.role === 'guest' ? html`<p class="hint" id="${id}-hint">${t.editor.guestAccess}</p>` : nothing}
    <roster-access-grants part="access-grants" .client=${view.client} .role=${values.role} .value=${values.access}
      @roster-change=${(event: CustomEvent<{ value: Access }>) => {
        event.stopPropagation();
        view.onAccessChange(event.detail.value);
      }}></roster-access-grants>
    ${fieldError(view, 'access')}
  </div>`;
}

export function renderRoleAccess(view: RoleAccessView) {
  return html`${roleField(view)}${creditLimitField(view)}${accessField(view)}`;
}
