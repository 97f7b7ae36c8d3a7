/**
 * The editor's writes: create, update (with the version conflict), resend verification and
 * delete. Each one fires its cancelable intent first, guards against double sends, clears the
 * password from the form before the request is awaited, and maps failures back onto the form.
 */
import { type RosterClient, type User, type UserPatch, isRosterError, parseAllowedIp } from '../../sdk/index.js';
import {
  BeforeUserCreateEvent, BeforeUserDeleteEvent, BeforeUserUpdateEvent, UserCreatedEvent, UserDeletedEvent, UserUpdatedEvent,
  VerificationSentEvent,
} from '../events.js';
import { errorMessage, isAbortError, isTransient } from '../shared/errors.js';
import {
  ACCOUNT_CODES, type Problems, firstField, changedPatch, conflictRows, createInput, fieldKey, isEmptyPatch, reapply, stepOf,
} from './form-state.js';
import type { RosterUserEditor } from './user-editor.js';

/** Codes whose field is plain even when a server leaves `errors[]` out. */
const CODE_FIELDS: Record<string, string> = {
  invalid_email: 'email', email_role_address: 'email', email_freemail: 'email', email_domain_mismatch: 'email', email_taken: 'email',
  password_not_allowed: 'password', password_too_short: 'password', password_too_weak: 'password',
  credit_limit_not_allowed: 'creditLimit', invalid_credit_limit: 'creditLimit', guest_requires_task: 'access',
  owner_immutable: 'role', invalid_phone: 'phone',
};

const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class EditorActions {
  private idempotency?: { key: string; revision: number };
  private resendInFlight = false;
  private deleteInFlight = false;

  constructor(private readonly host: RosterUserEditor) {}

  /** Sends the form: creates in the create flow, else saves what changed. */
  async save(): Promise<void> {
    const host = this.host;
    const account = host.me?.account;
    const client = host.client;
    if (!account || !client || host.saving) return;
    host.formError = host.saveError = undefined;
    const problems = host.input.localProblems();
    if (problems.size) {
      if (host.isCreate) {
        host.revealed = new Set(host.revealed).add('details').add('access');
        host.step = stepOf(firstField(problems)!);
      }
      await host.input.revealProblems(host.isCreate ? host.step : 'edit', problems);
      return;
    }
    if (host.isCreate) await this.create(client);
    else await this.update(client);
  }

  private async create(client: RosterClient) {
    const host = this.host;
    const input = createInput(host.values, host.me!.account);
    const { password, ...detail } = input;
    if (!host.dispatchEvent(new BeforeUserCreateEvent(detail))) return;
    const sentPassword = this.clearPassword(password);
    if (this.idempotency?.revision !== host.revision) this.idempotency = { key: newKey(), revision: host.revision };
    host.saving = true;
    try {
      const user = await client.users.create(input, { idempotencyKey: this.idempotency.key });
      this.idempotency = undefined;
      host.user = user;
      host.discardChanges();
      host.goTo('done');
      host.dispatchEvent(new UserCreatedEvent(user));
    } catch (error) {
      this.fail(error, sentPassword);
    } finally {
      host.saving = false;
    }
  }

  private async update(client: RosterClient) {
    const host = this.host;
    const base = host.user!;
    const patch = changedPatch(host.values, base);
    if (isEmptyPatch(patch)) {
      host.announcement = host.t.editor.noChanges;
      return;
    }
    const { password, ...detail } = patch;
    if (!host.dispatchEvent(new BeforeUserUpdateEvent(base, detail))) return;
    const sentPassword = this.clearPassword(password);
    host.saving = true;
    try {
      const user = await client.users.update(base.id, patch, { version: base.version });
      host.user = user;
      host.discardChanges();
      host.announcement = host.t.editor.saved;
      host.dispatchEvent(new UserUpdatedEvent(user));
    } catch (error) {
      if (isRosterError(error) && error.name === 'VersionConflictError') await this.showConflict(client, base, detail);
      else this.fail(error, sentPassword);
    } finally {
      host.saving = false;
    }
  }

  /** Loads the profile as it is now and shows it next to this form's changes. */
  private async showConflict(client: RosterClient, base: User, patch: UserPatch) {
    const host = this.host;
    try {
      const theirs = await client.users.get(base.id);
      host.conflict = { theirs, patch, rows: conflictRows(base, theirs, patch) };
      void host.focusAfterUpdate('[part~="reload-button"]');
    } catch (error) {
      if (!isAbortError(error)) host.saveError = error;
    }
  }

  /** Conflict: take the server's profile and drop this form's changes. */
  reloadTheirs(): void {
    const host = this.host;
    const theirs = host.conflict?.theirs;
    if (!theirs) return;
    host.user = theirs;
    host.discardChanges();
  }

  /** Conflict: put this form's changes over the server's profile and save them with its version. */
  async reapplyMine(): Promise<void> {
    const host = this.host;
    const conflict = host.conflict;
    if (!conflict) return;
    host.values = reapply(conflict.theirs, conflict.patch, host.values);
    host.user = conflict.theirs;
    host.conflict = undefined;
    await this.save();
  }

  /** Sends the verification link again; a second click while the first is in flight sends nothing. */
  async resendVerification(): Promise<void> {
    const host = this.host;
    const user = host.user;
    const client = host.client;
    if (!user || !client || this.resendInFlight) return;
    this.resendInFlight = true;
    host.resending = true;
    host.verificationNote = undefined;
    try {
      await client.users.resendVerification(user.id);
      host.verificationNote = { tone: 'success', text: host.t.editor.verification.resent(user.email) };
      host.dispatchEvent(new VerificationSentEvent(user));
    } catch (error) {
      if (isAbortError(error)) return;
      host.verificationNote = { tone: 'danger', text: errorMessage(error, host.t) };
      if (isRosterError(error) && error.code === 'already_verified') void host.load();
    } finally {
      this.resendInFlight = false;
      host.resending = false;
    }
  }

  async delete(): Promise<void> {
    const host = this.host;
    const user = host.user;
    const client = host.client;
    if (!user || !client || this.deleteInFlight) return;
    const tasks = host.deleteTasks;
    if (!host.dispatchEvent(new BeforeUserDeleteEvent(user, tasks))) {
      host.closeDeleteDialog();
      return;
    }
    this.deleteInFlight = true;
    host.deleting = true;
    host.deleteError = undefined;
    try {
      await client.users.delete(user.id, { tasks }).catch((error: unknown) => {
        // Already gone (an earlier attempt whose answer was lost, or another tab): what the viewer asked for.
        if (!(isRosterError(error) && error.name === 'NotFoundError')) throw error;
      });
      host.closeDeleteDialog();
      host.deleted = user;
      host.announcement = host.t.editor.delete.deleted(`${user.firstName} ${user.lastName}`);
      host.dispatchEvent(new UserDeletedEvent(user, tasks));
    } catch (error) {
      if (!isAbortError(error)) host.deleteError = error;
    } finally {
      this.deleteInFlight = false;
      host.deleting = false;
    }
  }

  /** Removes the password from the form (state and, on the next render, the DOM); true when one was sent. */
  private clearPassword(password: string | undefined): boolean {
    const host = this.host;
    if (host.values.password) host.values = { ...host.values, password: '' };
    return Boolean(password);
  }

  private fail(error: unknown, sentPassword: boolean) {
    const host = this.host;
    if (isAbortError(error)) return;
    if (sentPassword) host.passwordCleared = true;
    const problems = this.fieldProblems(error);
    if (problems.size) {
      host.serverProblems = problems;
      if (host.isCreate) host.step = stepOf(firstField(problems)!);
      void host.input.revealProblems(host.isCreate ? host.step : 'edit', problems);
    } else if (isTransient(error)) {
      host.saveError = error;
    } else {
      host.formError = error;
      void host.focusAfterUpdate('[part~="alert"]');
    }
  }

  /** The server's field errors, by form field; account-level refusals stay out (they are the form's). */
  private fieldProblems(error: unknown): Problems {
    const host = this.host;
    const problems: Problems = new Map();
    if (!isRosterError(error)) return problems;
    const listed = error.fieldErrors.length ? error.fieldErrors : CODE_FIELDS[error.code] ? [{ field: CODE_FIELDS[error.code]!, code: error.code }] : [];
    // The server numbers allowed IPs within the list sent, which leaves out blank entries.
    const sentIps = host.values.allowedIps.flatMap((entry, index) => (entry.trim() ? [index] : []));
    for (const { field, code } of listed) {
      if (ACCOUNT_CODES.has(code)) continue;
      let key = fieldKey(field);
      if (key.startsWith('allowedIps.')) key = `allowedIps.${sentIps[Number(key.split('.')[1])] ?? key.split('.')[1]}`;
      if (key === 'creditLimit' && host.values.role !== 'specialist') key = 'role';
      if (key === 'form' || (key === 'email' && !host.isCreate)) continue;
      const entry = key.startsWith('allowedIps.') ? parseAllowedIp(host.values.allowedIps[Number(key.split('.')[1])] ?? '') : undefined;
      if (!problems.has(key)) problems.set(key, { code, suggestion: entry && !entry.ok ? entry.suggestion : undefined });
    }
    return problems;
  }
}
