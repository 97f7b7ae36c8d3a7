/**
 * The form's input side: one `input` and one `focusout` listener for every field (each input
 * names its field in `data-field`), the allowed-IPs list operations, and which problems show.
 */
import { parseAllowedIp } from '../../sdk/index.js';
import { type FormValues, type Problems, type Step, fieldKey, firstField, splitIpList, stepOf, validate } from './form-state.js';
import type { RosterUserEditor } from './user-editor.js';

/** An entry in canonical form when it parses; as typed (trimmed) when not, so its error can be shown. */
const canonical = (entry: string) => {
  const result = parseAllowedIp(entry);
  return result.ok ? result.value : entry.trim();
};

const within = (key: string, fields: string[]) => fields.some((field) => key === field || key.startsWith(`${field}.`));

export class FormInput {
  constructor(private readonly host: RosterUserEditor) {}

  /** Sets values from an edit, forgetting the server's verdict on the fields edited. */
  setValues(patch: Partial<FormValues>, fields: string[] = Object.keys(patch)): void {
    const host = this.host;
    host.values = { ...host.values, ...patch };
    host.revision += 1;
    // A limit refused for a role is shown on the role: a new role answers it too.
    const edited = fields.includes('role') ? [...fields, 'creditLimit'] : fields;
    if ([...host.serverProblems.keys()].some((key) => within(key, edited))) {
      host.serverProblems = new Map([...host.serverProblems].filter(([key]) => !within(key, edited)));
    }
  }

  readonly handleInput = (event: Event): void => {
    const host = this.host;
    const target = event.target as HTMLInputElement;
    const field = target.dataset.field;
    if (!field) return;
    const [head, sub] = field.split('.');
    if (head === 'notifications') this.setValues({ notifications: { ...host.values.notifications, [sub!]: target.checked } }, ['notifications']);
    else if (head === 'sendWelcomeEmail') this.setValues({ sendWelcomeEmail: target.checked });
    else if (head === 'creditLimited') this.setValues({ creditLimited: target.value === 'true' }, ['creditLimit']);
    else if (head === 'allowedIps') this.replaceIp(Number(sub), target.value, false);
    else this.setValues({ [head!]: target.value } as Partial<FormValues>);
    if (head === 'password') host.passwordCleared = false;
  };

  /** Leaving a field shows its problems from then on; leaving an IP entry canonicalises it (or drops it when blank). */
  readonly handleFocusOut = (event: FocusEvent): void => {
    const host = this.host;
    const field = (event.target as HTMLElement).dataset?.field;
    if (!field) return;
    if (field.startsWith('allowedIps.')) {
      const index = Number(field.split('.')[1]);
      const entry = host.values.allowedIps[index];
      if (entry !== undefined && !entry.trim()) this.removeIp(index);
      else if (entry !== undefined && canonical(entry) !== entry) this.replaceIp(index, entry);
      return;
    }
    const key = fieldKey(field);
    if (!host.touched.has(key)) host.touched = new Set(host.touched).add(key);
  };

  /** Adds one or more entries (a pasted list splits on commas, spaces and new lines), canonical where valid. */
  addIps(text: string): void {
    const entries = splitIpList(text).map(canonical);
    if (!entries.length) return;
    this.setValues({ allowedIps: [...this.host.values.allowedIps, ...entries] }, ['allowedIps']);
    this.host.ipDraft = '';
  }

  removeIp(index: number): void {
    const host = this.host;
    this.setValues({ allowedIps: host.values.allowedIps.filter((_, i) => i !== index) }, ['allowedIps']);
    // Focus stays in the list: on the entry that took this place, the one before, or the add field.
    void host.updateComplete.then(() =>
      host.renderRoot.querySelector<HTMLElement>(`#f-allowedIps-${index}, #f-allowedIps-${index - 1}, #f-allowedIps-new`)?.focus());
  }

  replaceIp(index: number, value: string, canonicalise = true): void {
    const allowedIps = [...this.host.values.allowedIps];
    allowedIps[index] = canonicalise ? canonical(value) : value;
    this.setValues({ allowedIps }, [`allowedIps.${index}`]);
  }

  /** Local problems of the form as it is now. */
  localProblems(): Problems {
    const host = this.host;
    const account = host.me?.account;
    return account ? validate(host.values, { account, baseline: host.isCreate ? undefined : host.user }) : new Map();
  }

  /** The problems shown: the server's, and local ones of fields left or of steps sent once. */
  shownProblems(): Problems {
    const host = this.host;
    const shown: Problems = new Map(host.serverProblems);
    for (const [field, problem] of this.localProblems()) {
      const visible = field.startsWith('allowedIps.') || host.touched.has(field) || host.revealed.has(host.isCreate ? stepOf(field) : 'edit');
      if (visible && !shown.has(field)) shown.set(field, problem);
    }
    return shown;
  }

  /** Every problem, local or the server's, of the fields on one step. */
  problemsOf(step: Step): Problems {
    const all = new Map([...this.host.serverProblems, ...this.localProblems()]);
    return new Map([...all].filter(([field]) => stepOf(field) === step));
  }

  /** Shows every problem of `scope` (a step or `edit`) and focuses the first field with one. */
  async revealProblems(scope: string, problems: Problems): Promise<void> {
    const host = this.host;
    host.revealed = new Set(host.revealed).add(scope);
    const first = firstField(problems);
    await host.updateComplete;
    if (!first) return;
    const selector = first === 'role' ? '[data-field="role"]:checked, #f-role' : `#f-${first.replace(/\./g, '-')}`;
    host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
