/** The panel's templates and the part names it re-exports, kept apart so the element holds navigation only. */
import { html, nothing, type TemplateResult } from 'lit';
import type { User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';

/** `exportparts` value exposing each of `parts` as `<prefix>__<part>`. */
const exported = (prefix: string, parts: string[]) => parts.map((part) => `${part}:${prefix}__${part}`).join(', ');

export const LIST_PARTS = exported('list', [
  'toolbar', 'search', 'filter', 'seats', 'new-user-button', 'grid', 'header', 'header-cell', 'sort-button', 'row',
  'active-row', 'selected-row', 'skeleton-row', 'cell', 'name-cell', 'avatar', 'badge', 'role-badge', 'status-badge', 'resend-button',
  'footer', 'state', 'error', 'retry-button',
]);
export const EDITOR_PARTS = exported('editor', [
  'header', 'steps', 'form', 'field', 'input', 'field-error', 'group', 'role-option', 'allowed-ips', 'ip-entry', 'access-grants',
  'actions', 'submit-button', 'alert', 'conflict', 'review', 'created', 'resend-button', 'delete-button', 'delete-dialog',
  'leave-dialog', 'verification', 'badge', 'status-badge', 'verification-note', 'check', 'suggestion-button', 'password-toggle',
  'password-strength', 'password-retype', 'password-shared', 'roles', 'credit-limit', 'access', 'owner-locked', 'manager-access',
  'remove-ip-button', 'add-ip-button', 'cancel-button', 'back-button', 'discard-button', 'conflict-table', 'reload-button',
  'reapply-button', 'change-button', 'another-button', 'done-button', 'danger-zone', 'delete-option', 'confirm-delete-button',
  'stay-button', 'loading', 'state', 'error', 'retry-button',
]);
export const GRANTS_PARTS = exported('grants', [
  'tools', 'tool', 'all-tools-button', 'no-tools-button', 'tasks', 'tool-select', 'combobox', 'search', 'popup', 'listbox',
  'option', 'popup-status', 'task-group', 'task', 'missing-task', 'remove-button', 'badge', 'missing-badge', 'note',
  'field-error', 'actions', 'save-button', 'error', 'no-tasks', 'grants', 'loading', 'discard-button', 'conflict', 'reload-button',
  'retry-button',
]);
export const STATS_PARTS = exported('stats', [
  'tabs', 'tab', 'selected-tab', 'panel', 'figures', 'figure', 'badge', 'budget', 'meter', 'meter-fill', 'limit-notice', 'chart',
  'chart-bar', 'chart-summary', 'filters', 'filter', 'export-button', 'export-progress', 'cancel-button', 'table', 'header',
  'row', 'skeleton-row', 'cell', 'footer', 'total', 'state', 'error', 'retry-button', 'limit-badge', 'export',
]);

const ROLE_TONES: Record<User['role'], string> = { owner: 'accent', manager: 'success', specialist: 'neutral', guest: 'warning' };

const backIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" class="flip-rtl"><path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const closeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="m4 4 8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;
const plusIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25z" fill="currentColor"/></svg>`;

export interface DetailHeaderOptions {
  t: Catalog;
  /** The open user; none while creating one. */
  user?: User;
  /** The viewer sees only their own profile: nothing to go back to. */
  ownProfile: boolean;
  onBack: () => void;
}

/** Back (narrow) or close (wide), the open user's initials, name, email, role and status. */
export function renderDetailHeader({ t, user, ownProfile, onBack }: DetailHeaderOptions): TemplateResult {
  const name = user ? `${user.firstName} ${user.lastName}` : t.panel.newUserTitle;
  const initials = user ? `${[...user.firstName][0] ?? ''}${[...user.lastName][0] ?? ''}`.toLocaleUpperCase() : plusIcon;
  return html`<header class="detail-header" part="detail-header">
    ${ownProfile ? nothing : html`<button type="button" class="button ghost small back-button" part="back-button" @click=${onBack}>
      ${backIcon}${t.panel.back}</button>`}
    <div class="identity">
      <span class="avatar" part="avatar" aria-hidden="true">${initials}</span>
      <div class="identity-text">
        <h2 class="detail-title" tabindex="-1" dir="auto">${name}</h2>
        <p class="detail-subtitle" dir="auto">${user ? user.email : t.panel.newUserText}</p>
      </div>
      ${ownProfile ? nothing : html`<button type="button" class="button ghost icon close-button" part="close-button"
        aria-label=${t.panel.close} title=${t.panel.close} @click=${onBack}>${closeIcon}</button>`}
    </div>
    ${user ? html`<div class="badges">
      <span class="badge" data-tone=${ROLE_TONES[user.role]}>${t.roles[user.role].name}</span>
      <span class="badge" data-tone=${user.status === 'active' ? 'success' : 'warning'} data-dot>${t.common.status[user.status]}</span>
    </div>` : nothing}
    ${ownProfile ? html`<p class="hint own-profile">${t.panel.ownProfileText}</p>` : nothing}
  </header>`;
}
