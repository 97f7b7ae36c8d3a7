/**
 * The editor's writes: create, update (with the version conflict), resend verification and
 * delete. Each one fires its cancelable intent first, guards against double sends, and maps
 * failures back onto the form. A failed save keeps the form as typed (the password too) and
 * keeps the request, so that "Try again" sends exactly that; the password leaves the form once
 * a save succeeded.
 */
import {
  type RosterClient,
  type User,
  type UserCreate,
  type UserPatch,
  isRosterError,
  parseAllowedIp,
} from '../../sdk/index.js';
import { newIdempotencyKey } from '../../sdk/http.js';
import {
  BeforeUserCreateEvent,
  BeforeUserDeleteEvent,
  BeforeUserUpdateEvent,
  UserCreatedEvent,
  UserDeletedEvent,
  UserUpdatedEvent,
  VerificationSentEvent,
} from '../events.js';
import { errorMessage, isAbortError, isTransient } from '../shared/errors.js';
import type { EditorForm, SentSave } from './form-controller.js';
import { addIps, problemsOf, revealProblems } from './form-input.js';
import {
  type Problems,
  STEPS,
  type Step,
  conflictRows,
  createInput,
  fieldKey,
  firstField,
  isEmptyPatch,
  reapply,
  stepOf,
  valuesFromUser,
} from './form-state.js';

/** Codes whose field is plain even when a server leaves `errors[]` out. */
const CODE_FIELDS: Record<string, string> = {
  invalid_email: 'email',
  email_role_address: 'email',
  email_freemail: 'email',
  email_domain_mismatch: 'email',
  email_taken: 'email',
  password_not_allowed: 'password',
  password_too_short: 'password',
  password_too_weak: 'password',
  credit_limit_not_allowed: 'creditLimit',
  invalid_credit_limit: 'creditLimit',
  credit_limit_too_high: 'creditLimit',
  guest_requires_task: 'access',
  owner_immutable: 'role',
  invalid_phone: 'phone',
};

/** Problems the server reports for the whole account, not a field: shown as a form-level alert. */
const ACCOUNT_CODES = ['seat_limit_reached', 'single_profile_account'];
const isAccountRefusal = (error: unknown) => isRosterError(error) && ACCOUNT_CODES.includes(error.code);

/**
 * The fields of step 1 the early check sends: the email, and each other detail that is filled and
 * valid here. Never the password: it leaves the element once, with the create.
 */
function detailsToCheck(form: EditorForm): Partial<UserCreate> | undefined {
  const local = [...form.localProblems().keys()].map((key) => key.split('.')[0]);
  const input = createInput(form.values, form.me!.account, form.host.language);
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
export async function checkDetails(form: EditorForm): Promise<boolean | 'stale'> {
  const { client } = form.host;
  const body = client && form.me && form.host.canWrite ? detailsToCheck(form) : undefined;
  if (!body) return false;
  const key = JSON.stringify(body);
  let check = form.earlyCheck;
  if (check?.key !== key) {
    const answer = client!.users.validate(body).then(
      () => undefined,
      (error: unknown) => error,
    );
    const current = (check = form.earlyCheck = { key, answer });
    form.checking = true;
    void answer.then(() => {
      if (form.earlyCheck !== current) return;
      form.earlyCheck = undefined;
      form.checking = false;
    });
  }
  const error = await check.answer;
  const details = form.me && detailsToCheck(form);
  if (form.step !== 'details' || !details || JSON.stringify(details) !== key) return 'stale';
  const problems = fieldProblems(form, error);
  // Only what is typed is judged: a refusal shows beside the field and never changes its value.
  if (problems.size) form.serverProblems = new Map([...form.serverProblems, ...problems]);
  if (isAccountRefusal(error)) form.formError = error;
  else if (isAccountRefusal(form.formError)) form.formError = undefined;
  return problems.size > 0 || isAccountRefusal(error);
}

/** Next on step 1: on to role and access once the server accepts the details (or cannot be asked). */
async function nextAfterCheck(form: EditorForm): Promise<void> {
  const refused = await checkDetails(form);
  if (form.step !== 'details') return;
  // The details changed while the server answered: ask about these.
  if (refused === 'stale' && detailsToCheck(form)) return nextAfterCheck(form);
  const problems = problemsOf(form, 'details');
  if (problems.size) void revealProblems(form, problems);
  else if (refused) void form.focusAfterUpdate('[part~="alert"][tabindex="-1"]');
  else form.goTo('access');
}

/** The form's submit: the next step of the create flow while this one is valid, else a save. */
export function submit(form: EditorForm, event: SubmitEvent): void {
  event.preventDefault();
  // An address typed into the add field counts as added: it is never dropped silently.
  addIps(form, form.ipDraft);
  const step = form.step as Step;
  if (form.isCreate && step !== 'review') {
    const problems = problemsOf(form, step);
    if (problems.size) void revealProblems(form, problems);
    else if (step === 'details') void nextAfterCheck(form);
    else form.goTo(STEPS[STEPS.indexOf(step) + 1]!);
  } else {
    void save(form);
  }
}

/** Sends the form: creates in the create flow, else saves what changed with the version loaded. */
export async function save(form: EditorForm): Promise<void> {
  const { me, isCreate, user: base } = form;
  const { client } = form.host;
  if (!me || !client || form.saving) return;
  form.formError = form.saveError = form.failedSave = undefined;
  const problems = form.localProblems();
  if (problems.size) {
    if (isCreate) {
      form.revealed = new Set(form.revealed).add('details').add('access');
      form.step = stepOf(firstField(problems)!);
    }
    return revealProblems(form, problems);
  }
  const body = isCreate ? createInput(form.values, me.account, form.host.language) : form.changes(form.values, base!);
  if (isEmptyPatch(body)) {
    // Only spaces or formatting differ: show the values as stored.
    form.values = valuesFromUser(base!, form.host.language);
    form.announcement = form.host.t.editor.noChanges;
    return;
  }
  // A create sent again without edits sends the same key, so the server makes one profile at most.
  if (isCreate && form.createKey?.revision !== form.revision)
    form.createKey = { key: newIdempotencyKey(), revision: form.revision };
  await send(form, {
    base: isCreate ? undefined : base,
    body,
    idempotencyKey: form.createKey?.key,
    revision: form.revision,
  });
}

/**
 * "Try again": the save that failed, sent again exactly as it was. A lost create gets its first
 * answer back (same key and body), and a password is never dropped from the repeat.
 */
export async function retrySave(form: EditorForm): Promise<void> {
  const request = form.failedSave;
  await (request ? send(form, request) : save(form));
}

async function send(form: EditorForm, request: SentSave): Promise<void> {
  const { client } = form.host;
  const { base, body, idempotencyKey } = request;
  if (!client || form.saving) return;
  const { password: _password, ...detail } = body;
  if (
    !form.host.dispatchEvent(
      base ? new BeforeUserUpdateEvent(base, detail) : new BeforeUserCreateEvent(detail as UserCreate),
    )
  )
    return;
  form.formError = form.saveError = form.failedSave = undefined;
  form.saving = true;
  try {
    const user = await (base
      ? client.users.update(base.id, body, { version: base.version })
      : client.users.create(body as UserCreate, { idempotencyKey }));
    form.createKey = undefined;
    saved(form, user, request);
  } catch (error) {
    if (base && isRosterError(error, 'version_conflict')) await showConflict(form, client, base, detail);
    else fail(form, error, request);
  } finally {
    form.saving = false;
  }
}

function saved(form: EditorForm, user: User, request?: SentSave) {
  const { base, body } = request ?? {};
  const created = Boolean(request && !base);
  // Edits made after the request was sent are not in it: they stay, as unsaved changes over the saved profile.
  const later =
    base && request!.revision !== form.revision
      ? reapply(user, form.changes(form.values, base), form.values, form.host.language)
      : undefined;
  form.user = user;
  form.discardChanges();
  // The password just saved leaves the form; one typed since is a change of its own.
  if (later) form.values = { ...later, password: later.password === body!.password ? '' : later.password };
  if (created) {
    // The confirmation says where the person sets their password when the owner set none.
    form.invited = form.me?.account.passwordMode === 'per-user' && !('password' in body!);
    // Until `/me` reloads, its seat count leaves this profile out.
    form.createdWith = form.me;
    form.goTo('done');
  } else {
    form.announcement = form.host.t.editor.saved;
  }
  form.host.dispatchEvent(created ? new UserCreatedEvent(user) : new UserUpdatedEvent(user));
}

/** Loads the profile as it is now and shows it next to this form's changes. */
async function showConflict(form: EditorForm, client: RosterClient, base: User, patch: UserPatch) {
  try {
    const theirs = await client.users.get(base.id);
    // An earlier send whose answer was lost already saved this form: a retry is not a conflict.
    if (isEmptyPatch(form.changes(form.values, theirs))) return saved(form, theirs);
    form.conflict = { theirs, rows: conflictRows(base, theirs, patch) };
    void form.focusAfterUpdate('.conflict [part~="button"]');
  } catch (error) {
    if (!isAbortError(error)) form.saveError = error;
  }
}

/** Conflict: put this form's changes over the server's profile and save them with its version. */
export async function reapplyMine(form: EditorForm): Promise<void> {
  if (!form.conflict) return;
  const { theirs } = form.conflict;
  // The changes as the form holds them now: edits made while the comparison was shown count too.
  form.values = reapply(theirs, form.changes(), form.values, form.host.language);
  form.user = theirs;
  form.conflict = undefined;
  await save(form);
}

/** Sends the verification link again; a second click while the first is in flight sends nothing. */
export async function resendVerification(form: EditorForm): Promise<void> {
  const { user } = form;
  const { client } = form.host;
  if (!user || !client || form.resending) return;
  form.resending = true;
  form.verificationNote = undefined;
  form.announcement = '';
  // The note is shown beside the button and spoken through the live region (unless a host, the
  // panel, announced it already); focus stays on the button.
  const note = (tone: 'success' | 'danger', text: string, email?: string, announce = true) => {
    form.verificationNote = { tone, text, email };
    if (announce) form.announcement = text;
  };
  try {
    await client.users.resendVerification(user.id);
    const sent = new VerificationSentEvent(user);
    form.host.dispatchEvent(sent);
    note('success', form.host.t.editor.verification.resent(user.email), user.email, !sent.announced);
  } catch (error) {
    if (isAbortError(error)) return;
    note('danger', errorMessage(error, form.host.t));
    if (isRosterError(error, 'already_verified')) form.host.reloadProfile();
  } finally {
    form.resending = false;
  }
}

export async function deleteUser(form: EditorForm): Promise<void> {
  const { user, deleteTasks: tasks } = form;
  const { client } = form.host;
  if (!user || !client || form.deleting) return;
  if (!form.host.dispatchEvent(new BeforeUserDeleteEvent(user, tasks))) {
    form.dialog('delete')?.close();
    return;
  }
  form.deleting = true;
  form.deleteError = undefined;
  try {
    await client.users.delete(user.id, { tasks }).catch((error: unknown) => {
      // Already gone (an earlier attempt whose answer was lost, or another tab): what the viewer asked for.
      if (!isRosterError(error, 'not_found')) throw error;
    });
    form.dialog('delete')?.close();
    form.deleted = user;
    form.announcement = form.host.t.editor.delete.deleted(`${user.firstName} ${user.lastName}`);
    form.host.dispatchEvent(new UserDeletedEvent(user, tasks));
  } catch (error) {
    if (isAbortError(error)) return;
    form.deleteError = error;
    // Deleting the tasks would strand guests: transferring them is the way on, one more click away.
    if (isGuestsNeedTasks(error)) form.deleteTasks = 'transfer';
  } finally {
    form.deleting = false;
  }
}

/** The server's refusal to delete tasks that are some guests' only ones (409 `guests_need_tasks`). */
export const isGuestsNeedTasks = (error: unknown) => isRosterError(error, 'guests_need_tasks');

/** Shows why a save failed; the form keeps what was typed, and a transient failure keeps the request for "Try again". */
function fail(form: EditorForm, error: unknown, request: SentSave) {
  if (isAbortError(error)) return;
  const problems = fieldProblems(form, error);
  if (problems.size) {
    form.serverProblems = problems;
    if (form.isCreate) form.step = stepOf(firstField(problems)!);
    void revealProblems(form, problems);
  } else if (isTransient(error)) {
    form.saveError = error;
    form.failedSave = request;
  } else {
    form.formError = error;
    void form.focusAfterUpdate('[part~="alert"][tabindex="-1"]');
  }
}

/** The server's field errors, by form field; account-level refusals stay out (they are the form's). */
function fieldProblems(form: EditorForm, error: unknown): Problems {
  const problems: Problems = new Map();
  if (!isRosterError(error)) return problems;
  const { values, isCreate } = form;
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
