/**
 * The small helpers every field uses: ids, `aria-invalid` / `aria-describedby` wiring, and the
 * localised error line. Fields read the element; `host.problems` holds the problems shown now.
 */
import { html, nothing } from 'lit';
import type { RosterUserEditor } from './user-editor.js';

/** The DOM id of a field key (`allowedIps.2` → `f-allowedIps-2`). */
export const idOf = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** `aria-describedby` for a field: its hint ids plus its error when it has one. */
export const describedBy = (host: RosterUserEditor, field: string, ...hints: (string | false | undefined)[]) =>
  [...hints, host.problems.has(field) && `${idOf(field)}-error`].filter(Boolean).join(' ') || nothing;

export const invalid = (host: RosterUserEditor, field: string) => String(host.problems.has(field));

/** The error line under a field, localised (unknown codes read as a generic line); a host-bits problem offers its fix. */
export function fieldError(host: RosterUserEditor, field: string, onFix?: (value: string) => void) {
  const problem = host.problems.get(field);
  if (!problem) return nothing;
  const { errors, editor } = host.t;
  const { code, suggestion } = problem;
  return html`<p class="field-error" id="${idOf(field)}-error" part="field-error">
    <span>${Object.hasOwn(errors, code) ? errors[code as keyof typeof errors] : errors.invalid_value}</span>
    ${suggestion && onFix
      ? html`<button type="button" class="button small" part="suggestion-button" @click=${() => onFix(suggestion)}>
          ${editor.useSuggestion(suggestion)}
        </button>`
      : nothing}
  </p>`;
}
