/**
 * The editor's form as a reactive controller: the values as typed, which fields were left and which
 * steps sent, the problems shown, the step, and the state of a save, a resend and a delete. Built on
 * the pure `form-state.ts`; it knows its element only through `EditorHost`, and every render helper
 * and action takes this object, never the element.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Me, RosterClient, User, UserCreate, UserPatch } from '../../sdk/index.js';
import { BeforeLeaveEvent, EditorCloseRequestEvent } from '../events.js';
import type { Catalog } from '../localize/en.js';
import {
  type ConflictRow,
  type FormValues,
  type Problems,
  type Step,
  changedPatch,
  emptyValues,
  formatWholeNumber,
  isEmptyPatch,
  parseWholeNumber,
  reapply,
  stepOf,
  validate,
  valuesFromUser,
} from './form-state.js';

/** What the form needs from its element. */
export interface EditorHost extends ReactiveControllerHost, EventTarget {
  readonly client?: RosterClient;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The signed-in viewer (`GET /me`), once loaded. */
  readonly me?: Me;
  readonly canWrite: boolean;
  /** The create flow (else the profile given is edited). */
  readonly isCreate: boolean;
  /** The viewer's own IP, as the host's server sees it. */
  readonly clientIp?: string;
  /** The catalog in effect, and the language numbers are read and written in. */
  readonly t: Catalog;
  readonly language: string;
  /** Loads the profile being edited again. */
  reloadProfile(): void;
}

/** A version conflict waiting for the viewer's choice. */
export interface Conflict {
  theirs: User;
  rows: ConflictRow[];
}

export type TaskDisposal = 'transfer' | 'delete';

/** A save as sent: "Try again" repeats it as it was, password and idempotency key included. */
export interface SentSave {
  /** The profile a patch is based on (its id and version); absent for a create. */
  base?: User;
  body: UserCreate | UserPatch;
  /** A create's key: the server answers a repeat with the first answer and creates nothing new. */
  idempotencyKey?: string;
  /** The form's revision when sent: edits made after it are not in `body`. */
  revision: number;
}

/** Like `@state()` on an element: assigning the field re-renders the host. */
function tracked(proto: EditorForm, name: string) {
  const slot = Symbol(name);
  Object.defineProperty(proto, name, {
    get(this: Record<symbol, unknown>) {
      return this[slot];
    },
    set(this: EditorForm & Record<symbol, unknown>, value: unknown) {
      if (this[slot] === value) return;
      this[slot] = value;
      // Initial values are set before the element is there to tell.
      this.host?.requestUpdate();
    },
  });
}

export class EditorForm implements ReactiveController {
  @tracked values: FormValues = emptyValues();
  @tracked step: Step | 'done' = 'details';
  /** The profile as last loaded or saved (edit), or the one just created (done). */
  @tracked user?: User;
  /** Fields left at least once: their local problems are shown. */
  @tracked touched = new Set<string>();
  /** Steps (or `edit`) sent once: all their problems are shown. */
  @tracked revealed = new Set<string>();
  @tracked serverProblems: Problems = new Map();
  /** A refusal of the whole form (seat limit, single profile, forbidden). */
  @tracked formError?: unknown;
  /** A failed send worth retrying (network, 5xx, timeout), and the request that failed: "Try again" sends it as it was. */
  @tracked saveError?: unknown;
  failedSave?: SentSave;
  /** A write is in flight: a second send waits. */
  @tracked saving = false;
  @tracked conflict?: Conflict;
  @tracked deleted?: User;
  @tracked deleteTasks: TaskDisposal = 'transfer';
  @tracked deleteError?: unknown;
  /** A delete or a resend is in flight: a second click sends nothing. */
  @tracked deleting = false;
  @tracked resending = false;
  /** The outcome of the last "resend verification link"; `email` when its sentence names the address (shown left to right). */
  @tracked verificationNote?: { tone: 'success' | 'danger'; text: string; email?: string };
  @tracked announcement = '';
  @tracked passwordVisible = false;
  /** The profile just created chooses its own password with the verification link. */
  @tracked invited = false;
  /** The add field of the allowed-IPs list. */
  @tracked ipDraft = '';
  /** The early check of step 1 is in flight; the check asked last (the details sent, as JSON) and its answer. */
  @tracked checking = false;
  earlyCheck?: { key: string; answer: Promise<unknown> };
  /** The viewer as loaded when a profile was created: until `/me` reloads, its seat count leaves that profile out. */
  createdWith?: unknown;
  /** Bumped on every edit: a create retried without edits reuses its idempotency key. */
  revision = 0;
  /** The idempotency key of the last create sent, and the revision it was for. */
  createKey?: { key: string; revision: number };
  /** The problems shown next to fields in this render. */
  problems: Problems = new Map();
  /** True while a render commits to the DOM: a focused field it removes loses focus then, not by the viewer's doing. */
  committing = false;
  #leaveResolve?: (leave: boolean) => void;
  /** The language the form's numbers were last written in. */
  #language?: string;

  constructor(readonly host: EditorHost) {
    host.addController(this);
  }

  get me() {
    return this.host.me;
  }

  get isCreate() {
    return this.host.isCreate;
  }

  /** The viewer may not write: fields show their values, not controls. */
  get readOnly() {
    return !this.host.canWrite;
  }

  /** The plan has no seat left for another profile (one just created counts before `/me` reloads). */
  get planFull(): boolean {
    const account = this.me?.account;
    if (!account) return false;
    const uncounted = this.createdWith === this.me ? 1 : 0;
    return account.singleProfile || account.seatsUsed + uncounted >= account.plan.seatLimit;
  }

  /** What changed from the profile loaded (edit). */
  changes(values = this.values, base = this.user!) {
    return changedPatch(values, base, this.host.language);
  }

  /** True while the form holds changes that are not saved. */
  get hasUnsavedChanges(): boolean {
    if (this.step === 'done' || this.deleted) return false;
    // An address typed into the add field is one too: Next and Save add it.
    if (this.ipDraft.trim()) return true;
    if (!this.isCreate) return Boolean(this.user && !isEmptyPatch(this.changes()));
    return JSON.stringify(this.values) !== JSON.stringify(emptyValues());
  }

  hostUpdate(): void {
    const language = this.host.language;
    if (this.#language && language !== this.#language) this.#rewriteNumbers(this.#language);
    this.#language = language;
    this.committing = true;
    this.problems = this.shownProblems();
  }

  hostUpdated(): void {
    this.committing = false;
  }

  /**
   * The language changed while the form was open: a credit limit written in the previous one is
   * written again in this one, so that it keeps meaning the same number ("1,000" in English is
   * "1.000" in German, where "1,000" would read as one). Text that is not a number stays as typed.
   */
  #rewriteNumbers(previous: string) {
    const text = this.values.creditLimit;
    const limit = parseWholeNumber(text, previous);
    if (text.trim() && Number.isFinite(limit))
      this.values = { ...this.values, creditLimit: formatWholeNumber(limit, this.host.language) };
  }

  /** Local problems of the form as it is now. */
  localProblems(): Problems {
    const account = this.me?.account;
    return account
      ? validate(this.values, account, this.host.language, this.isCreate ? undefined : this.user)
      : new Map();
  }

  /** The problems shown: the server's, and local ones of fields left or of steps sent once. */
  shownProblems(): Problems {
    const shown: Problems = new Map(this.serverProblems);
    for (const [field, problem] of this.localProblems()) {
      const visible =
        field.startsWith('allowedIps.') ||
        this.touched.has(field) ||
        this.revealed.has(this.isCreate ? stepOf(field) : 'edit');
      if (visible && !shown.has(field)) shown.set(field, problem);
    }
    return shown;
  }

  /** Sets values from an edit, forgetting the server's verdict on the fields edited. */
  set(patch: Partial<FormValues>, fields = Object.keys(patch)): void {
    const within = (key: string) => fields.includes(key.split('.')[0]!) || fields.includes(key);
    this.values = { ...this.values, ...patch };
    this.revision += 1;
    // A limit refused for a role is shown on the role: a new role answers it too.
    if (fields.includes('role')) fields.push('creditLimit');
    if ([...this.serverProblems.keys()].some(within)) {
      this.serverProblems = new Map([...this.serverProblems].filter(([key]) => !within(key)));
    }
  }

  /** The profile loaded (or saved): the form shows it. */
  loaded(user: User): void {
    this.user = user;
    this.values = valuesFromUser(user, this.host.language);
  }

  /** Another element saved the profile: build on its version, with the unsaved edits kept on top. */
  rebase(user: User): void {
    this.values = reapply(user, this.changes(), this.values, this.host.language);
    this.user = user;
  }

  /** Another profile (or the create flow) is shown: nothing of the last one stays. */
  reset(): void {
    this.user = this.deleted = undefined;
    this.discardChanges();
    this.step = 'details';
  }

  /** Drops every unsaved change: the form shows the profile as loaded (after a conflict, the newer one), or empty. */
  discardChanges(): void {
    // With a conflict shown, the profile to go back to is the newer one: a save from there is no conflict.
    if (this.conflict) this.user = this.conflict.theirs;
    this.values = this.user && !this.isCreate ? valuesFromUser(this.user, this.host.language) : emptyValues();
    this.ipDraft = '';
    this.touched = new Set();
    this.revealed = new Set();
    this.serverProblems = new Map();
    this.formError = this.saveError = this.conflict = this.failedSave = this.earlyCheck = undefined;
    this.checking = false;
    if (this.isCreate) this.step = 'details';
  }

  /** Focuses the first element matching `selector` once rendered. */
  async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Shows a step of the create flow and moves focus to its heading. */
  goTo(step: Step | 'done'): void {
    this.step = step;
    void this.focusAfterUpdate('#step-title');
  }

  dialog(name: 'delete' | 'leave') {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(`#${name}-dialog`);
  }

  /**
   * Asks before leaving when there are unsaved changes: fires `roster-before-leave`, then (unless a
   * listener cancelled it) shows "Discard unsaved changes?". Resolves true when the host may navigate.
   */
  async confirmLeave(): Promise<boolean> {
    if (!this.hasUnsavedChanges) return true;
    if (!this.host.dispatchEvent(new BeforeLeaveEvent(this.isCreate ? undefined : this.user))) return false;
    this.#leaveResolve?.(false);
    await this.host.updateComplete;
    this.dialog('leave')?.showModal();
    return new Promise((resolve) => (this.#leaveResolve = resolve));
  }

  settleLeave(leave: boolean): void {
    const resolve = this.#leaveResolve;
    this.#leaveResolve = undefined;
    this.dialog('leave')?.close();
    if (leave) this.discardChanges();
    resolve?.(leave);
  }

  closeRequest(): void {
    this.host.dispatchEvent(new EditorCloseRequestEvent(this.isCreate ? undefined : (this.user ?? this.deleted)));
  }

  /** The create flow's Cancel: asks first when something was typed. */
  async cancel(): Promise<void> {
    if (await this.confirmLeave()) {
      this.discardChanges();
      this.closeRequest();
    }
  }

  /** After a create: an empty form for the next colleague. */
  startOver(): void {
    this.user = undefined;
    this.discardChanges();
    void this.focusAfterUpdate('#f-firstName');
  }
}
