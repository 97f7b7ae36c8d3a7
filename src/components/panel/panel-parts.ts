/** The part names the panel re-exports from its children, one list per child. */

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
  'password-strength', 'password-shared', 'password-choice', 'client-ip', 'add-client-ip-button', 'roles', 'credit-limit', 'access', 'owner-locked', 'manager-access',
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
export const AUDIT_PARTS = exported('audit', [
  'filters', 'filter', 'export-button', 'export', 'export-progress', 'cancel-button', 'table', 'header', 'row', 'skeleton-row',
  'cell', 'badge', 'footer', 'state', 'error', 'retry-button',
]);
export const SHARED_PARTS = exported('shared', [
  'toolbar', 'filter', 'count', 'table', 'row', 'owner', 'more-button', 'state', 'error', 'retry-button',
]);
