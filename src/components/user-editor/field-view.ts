/**
 * The small helpers every field uses: ids, `aria-invalid` / `aria-describedby` wiring, and the
 * localised error line. `form.problems` holds the problems shown now.
 */
import { html, nothing } from 'lit';
import type { Catalog } from '../localize/en.js';
import type { EditorForm } from './form-controller.js';

/** The DOM id of a field key (`allowedIps.2` → `f-allowedIps-2`). */
export const idOf = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** `aria-describedby` for a field: its hint ids plus its error when it has one. */
export const describedBy = (form: EditorForm, field: string, ...hints: (string | false | undefined)[]) =>
  [...hints, form.problems.has(field) && `${idOf(field)}-error`].filter(Boolean).join(' ') || nothing;

/** A value the viewer cannot change: text under its label, never a control that looks editable. */
export const readOnlyField = (label: unknown, value: unknown, dir?: 'ltr' | 'auto') =>
  html`<div class="field" part="field"><p class="label">${label}</p><p class="value" dir=${dir ?? nothing}>${value}</p></div>`;

export const invalid = (form: EditorForm, field: string) => String(form.problems.has(field));

/** The error line under a field, localised (unknown codes read as a generic line); a host-bits problem offers its fix. */
export function fieldError(form: EditorForm, t: Catalog, field: string, onFix?: (value: string) => void) {
  const problem = form.problems.get(field);
  if (!problem) return nothing;
  const { errors, editor } = t;
  const { code, suggestion, limit } = problem;
  const message =
    code === 'credit_limit_above_balance'
      ? editor.creditLimitAboveBalance(t.common.credits(limit!))
      : Object.hasOwn(errors, code)
        ? errors[code as keyof typeof errors]
        : errors.invalid_value;
  return html`<p class="field-error" id="${idOf(field)}-error" part="field-error">
    <span>${message}</span>
    ${
      suggestion && onFix
        ? html`<button type="button" class="button small" part="button" @click=${() => onFix(suggestion)}>
          ${editor.useSuggestion(suggestion)}
        </button>`
        : nothing
    }
  </p>`;
}
