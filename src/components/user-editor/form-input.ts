/**
 * The form's input side: one `input` and one `focusout` listener for every field (each input
 * names its field in `data-field`), the allowed-IPs list operations, and which problems a step holds.
 */
import { idOf } from './field-view.js';
import type { EditorForm } from './form-controller.js';
import { type Problems, type Step, canonicalIp, firstField, splitIpList, stepOf } from './form-state.js';

export function handleInput(form: EditorForm, event: Event): void {
  const {
    dataset: { field = '' },
    value,
    checked,
  } = event.target as HTMLInputElement;
  const [head, sub] = field.split('.');
  if (head === 'notifications') form.set({ notifications: { ...form.values.notifications, [sub!]: checked } });
  else if (head === 'sendWelcomeEmail') form.set({ sendWelcomeEmail: checked });
  else if (head === 'creditLimited') form.set({ creditLimited: value === 'true' }, ['creditLimit']);
  // Leaving the password to the person drops one typed: it is never sent, so it is not kept either.
  else if (head === 'passwordNow') form.set({ passwordNow: value === 'true', password: '' }, ['password']);
  else if (head === 'allowedIps') replaceIp(form, Number(sub), value, false);
  else if (head) form.set({ [head]: value });
}

/**
 * Leaving a field shows its problems from then on; leaving an IP entry canonicalises it (or drops
 * it when blank). Returns the field the viewer left.
 */
export function handleFocusOut(form: EditorForm, event: FocusEvent): string | undefined {
  const field = (event.target as HTMLElement).dataset?.field;
  // A field a render removes (the step moved on) loses focus during that render: the viewer did not leave it.
  if (!field || form.committing) return undefined;
  const [head, index] = field.split('.') as [string, string?];
  if (head !== 'allowedIps') {
    if (!form.touched.has(head)) form.touched = new Set(form.touched).add(head);
    return head;
  }
  const entry = form.values.allowedIps[Number(index)];
  if (entry === undefined) return head;
  if (!entry.trim()) removeIp(form, Number(index));
  else if (canonicalIp(entry) !== entry) replaceIp(form, Number(index), entry);
  return head;
}

/** Adds one or more entries (a pasted list splits on commas, spaces and new lines), canonical where valid. */
export function addIps(form: EditorForm, text: string): void {
  const entries = splitIpList(text).map(canonicalIp);
  if (!entries.length) return;
  form.set({ allowedIps: [...form.values.allowedIps, ...entries] });
  form.ipDraft = '';
}

/** "Add it": the viewer's current IP joins the list; focus goes to its entry, as the button is gone once it is covered. */
export function addClientIp(form: EditorForm, ip: string): void {
  form.set({ allowedIps: [...form.values.allowedIps, ip] });
  form.announcement = form.host.t.editor.clientIpAdded(ip);
  void form.focusAfterUpdate(`#${idOf(`allowedIps.${form.values.allowedIps.length - 1}`)}`);
}

export function removeIp(form: EditorForm, index: number): void {
  form.set({ allowedIps: form.values.allowedIps.filter((_, i) => i !== index) });
  // Focus stays in the list: on the entry that took this place, the one before, or the add field.
  void form.focusAfterUpdate(`#f-allowedIps-${index}, #f-allowedIps-${index - 1}, #f-allowedIps-new`);
}

export function replaceIp(form: EditorForm, index: number, value: string, canonicalise = true): void {
  const allowedIps = [...form.values.allowedIps];
  allowedIps[index] = canonicalise ? canonicalIp(value) : value;
  form.set({ allowedIps }, [`allowedIps.${index}`]);
}

/** Every problem, local or the server's, of the fields on one step. */
export function problemsOf(form: EditorForm, step: Step): Problems {
  return new Map([...form.serverProblems, ...form.localProblems()].filter(([field]) => stepOf(field) === step));
}

/** Shows every problem of the step shown (or of the edit form) and focuses the first field with one. */
export async function revealProblems(form: EditorForm, problems: Problems): Promise<void> {
  form.revealed = new Set(form.revealed).add(form.isCreate ? form.step : 'edit');
  const first = firstField(problems);
  if (first) await form.focusAfterUpdate(first === 'role' ? '[data-field="role"]:checked, #f-role' : `#${idOf(first)}`);
}
