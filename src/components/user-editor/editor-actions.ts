/**
 * The editor's writes: create, update (with the version conflict), resend verification and
 * delete. Each one fires its cancelable intent first, guards against double sends, and maps
 * failures back onto the form. A failed save keeps the form as typed (the password too) and
 * keeps the request, so that "Try again" sends exactly that; the password leaves the form once
 * a save succeeded.
 */
import { type RosterClient, type User, type UserCreate, type UserPatch, isRosterError, parseAllowedIp } from '../../sdk/index.js';
import { newIdempotencyKey } from '../../sdk/http.js';
import {
  BeforeUserCreateEvent, BeforeUserDeleteEvent, BeforeUserUpdateEvent, UserCreatedEvent, UserDeletedEvent, UserUpdatedEvent,
  VerificationSentEvent,
} from '../events.js';
import { errorMessage, isAbortError, isTransient } from '../shared/errors.js';
import { addIps, focusAfterUpdate, goTo, localProblems, problemsOf, revealProblems } from './form-input.js';
import {
  type Problems, STEPS, type Step, changedPatch, conflictRows, createInput, fieldKey, firstField, isEmptyPatch, reapply, stepOf, valuesFromUser,
} from './form-state.js';
import type { RosterUserEditor } from './user-editor.js';

/** Codes whose field is plain even when a server leaves `errors[]` out. */
const CODE_FIELDS: Record<string, string> = {
  invalid_email: 'email', email_role_address: 'email', email_freemail: 'email', email_domain_mismatch: 'email', email_taken: 'email',
  password_not_allowed: 'password', password_too_short: 'password', password_too_weak: 'password',
  credit_limit_not_allowed: 'creditLimit', invalid_credit_limit: 'creditLimit', guest_requires_task: 'access',
  owner_immutable: 'role', invalid_phone: 'phone',
};

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

/** Problems the server reports for the whole account, not a field: shown as a form-level alert. */
const ACCOUNT_CODES = ['seat_limit_reached', 'single_profile_account'];
const isAccountRefusal = (error: unknown) => isRosterError(error) && ACCOUNT_CODES.includes(error.code);

/**
 * The fields of step 1 the early check sends: the email, and each other detail that is filled and
 * valid here. Never the password: it leaves the element once, with the create.
 */
function detailsToCheck(host: RosterUserEditor): Partial<UserCreate> | undefined {
  const local = [...localProblems(host).keys()].map((key) => key.split('.')[0]);
  const input = createInput(host.values, host.me!.account);
  if (!input.email || local.includes('email')) return undefined;
  const fields = (['email', 'firstName', 'lastName', 'phone', 'allowedIps'] as const).filter((field) => {
    const value = input[field];
    return value != null && value.length > 0 && !local.includes(field);
  });
  return Object.fromEntries(fields.map((field) => [field, input[field]]));
}

/**
 * Asks the server whether step 1 would be accepted (`users.validate`), so that a role address, a
 * taken email or a full plan shows here and not after the last step. The answer is applied only
 * while the details are still those sent; a failure to ask (network, 5xx) refuses nothing, as the
 * create checks again. Resolves whether a refusal stands, or `stale`.
 */
export async function checkDetails(host: RosterUserEditor): Promise<boolean | 'stale'> {
  const { client } = host;
  const body = client && host.me && host.canWrite ? detailsToCheck(host) : undefined;
  if (!body) return false;
  const key = JSON.stringify(body);
  let check = host.earlyCheck;
  if (check?.key !== key) {
    const answer = client!.users.validate(body).then(() => undefined, (error: unknown) => error);
    const current = (check = host.earlyCheck = { key, answer });
    host.checking = true;
    void answer.then(() => {
      if (host.earlyCheck !== current) return;
      host.earlyCheck = undefined;
      host.checking = false;
    });
  }
  const error = await check.answer;
  const details = host.me && detailsToCheck(host);
  if (host.step !== 'details' || !details || JSON.stringify(details) !== key) return 'stale';
  const problems = fieldProblems(host, error);
  // Only what is typed is judged: a refusal shows beside the field and never changes its value.
  if (problems.size) host.serverProblems = new Map([...host.serverProblems, ...problems]);
  if (isAccountRefusal(error)) host.formError = error;
  else if (isAccountRefusal(host.formError)) host.formError = undefined;
  return problems.size > 0 || isAccountRefusal(error);
}

/** Next on step 1: on to role and access once the server accepts the details (or cannot be asked). */
async function nextAfterCheck(host: RosterUserEditor): Promise<void> {
  const refused = await checkDetails(host);
  if (host.step !== 'details') return;
  // The details changed while the server answered: ask about these.
  if (refused === 'stale' && detailsToCheck(host)) return nextAfterCheck(host);
  const problems = problemsOf(host, 'details');
  if (problems.size) void revealProblems(host, problems);
  else if (refused) void focusAfterUpdate(host, '[part~="alert"]');
  else goTo(host, 'access');
}

/** The form's submit: the next step of the create flow while this one is valid, else a save. */
export function submit(host: RosterUserEditor, event: SubmitEvent): void {
  event.preventDefault();
  // An address typed into the add field counts as added: it is never dropped silently.
  addIps(host, host.ipDraft);
  const step = host.step as Step;
  if (host.isCreate && step !== 'review') {
    const problems = problemsOf(host, step);
    if (problems.size) void revealProblems(host, problems);
    else if (step === 'details') void nextAfterCheck(host);
    else goTo(host, STEPS[STEPS.indexOf(step) + 1]!);
  } else {
    void save(host);
  }
}

/** Sends the form: creates in the create flow, else saves what changed with the version loaded. */
export async function save(host: RosterUserEditor): Promise<void> {
  const { client, me, isCreate, user: base } = host;
  if (!me || !client || host.saving) return;
  host.formError = host.saveError = host.failedSave = undefined;
  const problems = localProblems(host);
  if (problems.size) {
    if (isCreate) {
      host.revealed = new Set(host.revealed).add('details').add('access');
      host.step = stepOf(firstField(problems)!);
    }
    return revealProblems(host, problems);
  }
  const body = isCreate ? createInput(host.values, me.account) : changedPatch(host.values, base!);
  if (isEmptyPatch(body)) {
    // Only spaces or formatting differ: show the values as stored.
    host.values = valuesFromUser(base!);
    host.announcement = host.t.editor.noChanges;
    return;
  }
  // A create sent again without edits sends the same key, so the server makes one profile at most.
  if (isCreate && host.createKey?.revision !== host.revision) host.createKey = { key: newIdempotencyKey(), revision: host.revision };
  await send(host, { base: isCreate ? undefined : base, body, idempotencyKey: host.createKey?.key, revision: host.revision });
}

/**
 * "Try again": the save that failed, sent again exactly as it was. A lost create gets its first
 * answer back (same key and body), and a password is never dropped from the repeat.
 */
export async function retrySave(host: RosterUserEditor): Promise<void> {
  const request = host.failedSave;
  await (request ? send(host, request) : save(host));
}

async function send(host: RosterUserEditor, request: SentSave): Promise<void> {
  const { client } = host;
  const { base, body, idempotencyKey } = request;
  if (!client || host.saving) return;
  const { password: _password, ...detail } = body;
  if (!host.dispatchEvent(base ? new BeforeUserUpdateEvent(base, detail) : new BeforeUserCreateEvent(detail as UserCreate))) return;
  host.formError = host.saveError = host.failedSave = undefined;
  host.saving = true;
  try {
    const user = await (base
      ? client.users.update(base.id, body, { version: base.version })
      : client.users.create(body as UserCreate, { idempotencyKey }));
    host.createKey = undefined;
    saved(host, user, request);
  } catch (error) {
    if (base && isRosterError(error, 'version_conflict')) await showConflict(host, client, base, detail);
    else fail(host, error, request);
  } finally {
    host.saving = false;
  }
}

function saved(host: RosterUserEditor, user: User, request?: SentSave) {
  const { base, body } = request ?? {};
  const created = Boolean(request && !base);
  // Edits made after the request was sent are not in it: they stay, as unsaved changes over the saved profile.
  const later = base && request!.revision !== host.revision ? reapply(user, changedPatch(host.values, base), host.values) : undefined;
  host.user = user;
  host.discardChanges();
  // The password just saved leaves the form; one typed since is a change of its own.
  if (later) host.values = { ...later, password: later.password === body!.password ? '' : later.password };
  if (created) {
    // The confirmation says where the person sets their password when the owner set none.
    host.invited = host.me?.account.passwordMode === 'per-user' && !('password' in body!);
    // Until `/me` reloads, its seat count leaves this profile out.
    host.createdWith = host.me;
    goTo(host, 'done');
  } else {
    host.announcement = host.t.editor.saved;
  }
  host.dispatchEvent(created ? new UserCreatedEvent(user) : new UserUpdatedEvent(user));
}

/** Loads the profile as it is now and shows it next to this form's changes. */
async function showConflict(host: RosterUserEditor, client: RosterClient, base: User, patch: UserPatch) {
  try {
    const theirs = await client.users.get(base.id);
    // An earlier send whose answer was lost already saved this form: a retry is not a conflict.
    if (isEmptyPatch(changedPatch(host.values, theirs))) return saved(host, theirs);
    host.conflict = { theirs, rows: conflictRows(base, theirs, patch) };
    void focusAfterUpdate(host, '[part~="reload-button"]');
  } catch (error) {
    if (!isAbortError(error)) host.saveError = error;
  }
}

/** Conflict: put this form's changes over the server's profile and save them with its version. */
export async function reapplyMine(host: RosterUserEditor): Promise<void> {
  if (!host.conflict) return;
  const { theirs } = host.conflict;
  // The changes as the form holds them now: edits made while the comparison was shown count too.
  host.values = reapply(theirs, changedPatch(host.values, host.user!), host.values);
  host.user = theirs;
  host.conflict = undefined;
  await save(host);
}

/** Sends the verification link again; a second click while the first is in flight sends nothing. */
export async function resendVerification(host: RosterUserEditor): Promise<void> {
  const { user, client } = host;
  if (!user || !client || host.resending) return;
  host.resending = true;
  host.verificationNote = undefined;
  host.announcement = '';
  // The note is shown beside the button and spoken through the live region; focus stays on the button.
  const note = (tone: 'success' | 'danger', text: string) => {
    host.verificationNote = { tone, text };
    host.announcement = text;
  };
  try {
    await client.users.resendVerification(user.id);
    note('success', host.t.editor.verification.resent(user.email));
    host.dispatchEvent(new VerificationSentEvent(user));
  } catch (error) {
    if (isAbortError(error)) return;
    note('danger', errorMessage(error, host.t));
    if (isRosterError(error, 'already_verified')) void host.load();
  } finally {
    host.resending = false;
  }
}

export async function deleteUser(host: RosterUserEditor): Promise<void> {
  const { user, client, deleteTasks: tasks } = host;
  if (!user || !client || host.deleting) return;
  if (!host.dispatchEvent(new BeforeUserDeleteEvent(user, tasks))) {
    host.closeDeleteDialog();
    return;
  }
  host.deleting = true;
  host.deleteError = undefined;
  try {
    await client.users.delete(user.id, { tasks }).catch((error: unknown) => {
      // Already gone (an earlier attempt whose answer was lost, or another tab): what the viewer asked for.
      if (!isRosterError(error, 'not_found')) throw error;
    });
    host.closeDeleteDialog();
    host.deleted = user;
    host.announcement = host.t.editor.delete.deleted(`${user.firstName} ${user.lastName}`);
    host.dispatchEvent(new UserDeletedEvent(user, tasks));
  } catch (error) {
    if (isAbortError(error)) return;
    host.deleteError = error;
    // Deleting the tasks would strand guests: transferring them is the way on, one more click away.
    if (isGuestsNeedTasks(error)) host.deleteTasks = 'transfer';
  } finally {
    host.deleting = false;
  }
}

/** The server's refusal to delete tasks that are some guests' only ones (409 `guests_need_tasks`). */
export const isGuestsNeedTasks = (error: unknown) => isRosterError(error, 'guests_need_tasks');

/** Shows why a save failed; the form keeps what was typed, and a transient failure keeps the request for "Try again". */
function fail(host: RosterUserEditor, error: unknown, request: SentSave) {
  if (isAbortError(error)) return;
  const problems = fieldProblems(host, error);
  if (problems.size) {
    host.serverProblems = problems;
    if (host.isCreate) host.step = stepOf(firstField(problems)!);
    void revealProblems(host, problems);
  } else if (isTransient(error)) {
    host.saveError = error;
    host.failedSave = request;
  } else {
    host.formError = error;
    void focusAfterUpdate(host, '[part~="alert"]');
  }
}

/** The server's field errors, by form field; account-level refusals stay out (they are the form's). */
function fieldProblems(host: RosterUserEditor, error: unknown): Problems {
  const problems: Problems = new Map();
  if (!isRosterError(error)) return problems;
  const { values, isCreate } = host;
  const field = CODE_FIELDS[error.code];
  const listed = error.fieldErrors.length ? error.fieldErrors : field ? [{ field, code: error.code }] : [];
  // The server numbers allowed IPs within the list sent, which leaves out blank entries.
  const sentIps = values.allowedIps.flatMap((entry, index) => (entry.trim() ? [index] : []));
  for (const { field, code } of listed) {
    let [key, index] = fieldKey(field).split('.') as [string, string?];
    if (index) {
      index = String(sentIps[Number(index)] ?? index);
      key = `allowedIps.${index}`;
    }
    if (key === 'creditLimit' && values.role !== 'specialist') key = 'role';
    if (ACCOUNT_CODES.includes(code) || key === 'form' || (key === 'email' && !isCreate) || problems.has(key)) continue;
    const entry = index ? parseAllowedIp(values.allowedIps[Number(index)] ?? '') : undefined;
    problems.set(key, { code, suggestion: entry && !entry.ok ? entry.suggestion : undefined });
  }
  return problems;
}
