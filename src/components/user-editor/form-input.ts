/**
 * The form's input side: one `input` and one `focusout` listener for every field (each input
 * names its field in `data-field`), the allowed-IPs list operations, which problems show, and
 * where focus goes.
 */
import { idOf } from './field-view.js';
import { type FormValues, type Problems, type Step, canonicalIp, firstField, splitIpList, stepOf, validate } from './form-state.js';
import type { RosterUserEditor } from './user-editor.js';

const within = (key: string, fields: string[]) => fields.includes(key.split('.')[0]!) || fields.includes(key);

/** Focuses the first element matching `selector` once rendered. */
export async function focusAfterUpdate(host: RosterUserEditor, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/** Shows a step of the create flow and moves focus to its heading. */
export function goTo(host: RosterUserEditor, step: Step | 'done'): void {
  host.step = step;
  void focusAfterUpdate(host, '#step-title');
}

/** Sets values from an edit, forgetting the server's verdict on the fields edited. */
export function setValues(host: RosterUserEditor, patch: Partial<FormValues>, fields = Object.keys(patch)): void {
  host.values = { ...host.values, ...patch };
  host.revision += 1;
  // A limit refused for a role is shown on the role: a new role answers it too.
  if (fields.includes('role')) fields.push('creditLimit');
  if ([...host.serverProblems.keys()].some((key) => within(key, fields))) {
    host.serverProblems = new Map([...host.serverProblems].filter(([key]) => !within(key, fields)));
  }
}

export function handleInput(host: RosterUserEditor, event: Event): void {
  const { dataset: { field = '' }, value, checked } = event.target as HTMLInputElement;
  const [head, sub] = field.split('.');
  if (head === 'notifications') setValues(host, { notifications: { ...host.values.notifications, [sub!]: checked } });
  else if (head === 'sendWelcomeEmail') setValues(host, { sendWelcomeEmail: checked });
  else if (head === 'creditLimited') setValues(host, { creditLimited: value === 'true' }, ['creditLimit']);
  // Leaving the password to the person drops one typed: it is never sent, so it is not kept either.
  else if (head === 'passwordNow') setValues(host, { passwordNow: value === 'true', password: '' }, ['password']);
  else if (head === 'allowedIps') replaceIp(host, Number(sub), value, false);
  else if (head) setValues(host, { [head]: value });
}

/**
 * Leaving a field shows its problems from then on; leaving an IP entry canonicalises it (or drops
 * it when blank). Returns the field the viewer left.
 */
export function handleFocusOut(host: RosterUserEditor, event: FocusEvent): string | undefined {
  const field = (event.target as HTMLElement).dataset?.field;
  // A field a render removes (the step moved on) loses focus during that render: the viewer did not leave it.
  if (!field || host.committing) return undefined;
  const [head, index] = field.split('.') as [string, string?];
  if (head !== 'allowedIps') {
    if (!host.touched.has(head)) host.touched = new Set(host.touched).add(head);
    return head;
  }
  const entry = host.values.allowedIps[Number(index)];
  if (entry === undefined) return head;
  if (!entry.trim()) removeIp(host, Number(index));
  else if (canonicalIp(entry) !== entry) replaceIp(host, Number(index), entry);
  return head;
}

/** Adds one or more entries (a pasted list splits on commas, spaces and new lines), canonical where valid. */
export function addIps(host: RosterUserEditor, text: string): void {
  const entries = splitIpList(text).map(canonicalIp);
  if (!entries.length) return;
  setValues(host, { allowedIps: [...host.values.allowedIps, ...entries] });
  host.ipDraft = '';
}

/** "Add it": the viewer's current IP joins the list; focus goes to its entry, as the button is gone once it is covered. */
export function addClientIp(host: RosterUserEditor, ip: string): void {
  setValues(host, { allowedIps: [...host.values.allowedIps, ip] });
  host.announcement = host.t.editor.clientIpAdded(ip);
  void focusAfterUpdate(host, `#${idOf(`allowedIps.${host.values.allowedIps.length - 1}`)}`);
}

export function removeIp(host: RosterUserEditor, index: number): void {
  setValues(host, { allowedIps: host.values.allowedIps.filter((_, i) => i !== index) });
  // Focus stays in the list: on the entry that took this place, the one before, or the add field.
  void focusAfterUpdate(host, `#f-allowedIps-${index}, #f-allowedIps-${index - 1}, #f-allowedIps-new`);
}

export function replaceIp(host: RosterUserEditor, index: number, value: string, canonicalise = true): void {
  const allowedIps = [...host.values.allowedIps];
  allowedIps[index] = canonicalise ? canonicalIp(value) : value;
  setValues(host, { allowedIps }, [`allowedIps.${index}`]);
}

/** Local problems of the form as it is now. */
export function localProblems(host: RosterUserEditor): Problems {
  const account = host.me?.account;
  return account ? validate(host.values, account, host.isCreate ? undefined : host.user) : new Map();
}

/** The problems shown: the server's, and local ones of fields left or of steps sent once. */
export function shownProblems(host: RosterUserEditor): Problems {
  const shown: Problems = new Map(host.serverProblems);
  for (const [field, problem] of localProblems(host)) {
    const visible = field.startsWith('allowedIps.') || host.touched.has(field) || host.revealed.has(host.isCreate ? stepOf(field) : 'edit');
    if (visible && !shown.has(field)) shown.set(field, problem);
  }
  return shown;
}

/** Every problem, local or the server's, of the fields on one step. */
export function problemsOf(host: RosterUserEditor, step: Step): Problems {
  return new Map([...host.serverProblems, ...localProblems(host)].filter(([field]) => stepOf(field) === step));
}

/** Shows every problem of the step shown (or of the edit form) and focuses the first field with one. */
export async function revealProblems(host: RosterUserEditor, problems: Problems): Promise<void> {
  host.revealed = new Set(host.revealed).add(host.isCreate ? host.step : 'edit');
  const first = firstField(problems);
  if (first) await focusAfterUpdate(host, first === 'role' ? '[data-field="role"]:checked, #f-role' : `#${idOf(first)}`);
}
