/**
 * What the editor's templates read from the element, and the small helpers every field uses:
 * ids, `aria-invalid` / `aria-describedby` wiring, and the localised error line.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account, User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import type { LocalizeController } from '../localize/localize-controller.js';
import type { FieldProblem, FormValues } from './form-state.js';

export interface EditorView {
  t: Catalog;
  localize: LocalizeController;
  values: FormValues;
  account: Account;
  /** The profile being edited; undefined while creating. */
  user?: User;
  /** The problem shown next to a field, if any (local ones only once the field was left or the step sent). */
  problem(field: string): FieldProblem | undefined;
  passwordVisible: boolean;
  /** The password was cleared after a send: say it must be typed again. */
  passwordCleared: boolean;
  togglePassword(): void;
  ipDraft: string;
  setIpDraft(text: string): void;
  addIps(text: string): void;
  removeIp(index: number): void;
  replaceIp(index: number, value: string): void;
}

/** The DOM id of a field key (`allowedIps.2` → `f-allowedIps-2`). */
export const idOf = (field: string) => `f-${field.replace(/\./g, '-')}`;

/** `aria-describedby` for a field: its hint ids plus its error when it has one. */
export function describedBy(view: EditorView, field: string, ...hints: (string | false | undefined)[]) {
  const ids = hints.filter(Boolean) as string[];
  if (view.problem(field)) ids.push(`${idOf(field)}-error`);
  return ids.length ? ids.join(' ') : nothing;
}

export const invalid = (view: EditorView, field: string) => (view.problem(field) ? 'true' : 'false');

/** The message for a problem code, localised (unknown codes fall back to a generic line). */
export function problemMessage(t: Catalog, code: string): string {
  const messages = t.errors as Record<string, string>;
  return Object.hasOwn(messages, code) ? messages[code]! : messages.invalid_value!;
}

/** The error line under a field; a host-bits problem offers its fix as a button. */
export function fieldError(view: EditorView, field: string, onFix?: (value: string) => void): TemplateResult | typeof nothing {
  const problem = view.problem(field);
  if (!problem) return nothing;
  return html`<p class="field-error" id="${idOf(field)}-error" part="field-error">
    <span>${problemMessage(view.t, problem.code)}</span>
    ${problem.suggestion && onFix
      ? html`<button type="button" class="button small" part="suggestion-button" @click=${() => onFix(problem.suggestion!)}>
          ${view.t.editor.useSuggestion(problem.suggestion)}
        </button>`
      : nothing}
  </p>`;
}
