/**
 * The editor's form model, without Lit: values as typed, the inputs they become (`UserCreate`,
 * a minimal `UserPatch`), local validation through the SDK's schemas, and the mapping of
 * server field errors back to the form's fields.
 */
import {
  type Access,
  type Account,
  type AssignableRole,
  type Notifications,
  type Role,
  type User,
  type UserCreate,
  type UserPatch,
  UserCreateSchema,
  UserPatchSchema,
  fieldErrorsFrom,
} from '../../sdk/index.js';
import { emailDomain, normalizePhone, parseAllowedIp, passwordProblem } from '../../sdk/rules.js';

/** What the form holds, as the person typed it. `password` never leaves the element except in the request. */
export interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  role: Role;
  /** Specialists only: false = no limit. */
  creditLimited: boolean;
  creditLimit: string;
  allowedIps: string[];
  notifications: Notifications;
  access: Access;
  sendWelcomeEmail: boolean;
}

/** A problem shown next to a field: the code (a `t.errors` key) and, for host bits, the range meant. */
export interface FieldProblem {
  code: string;
  suggestion?: string;
}

/** Field key (`firstName`, `allowedIps.2`, `access`) → its problem. */
export type Problems = Map<string, FieldProblem>;

export type Step = 'details' | 'access' | 'review';
export const STEPS: readonly Step[] = ['details', 'access', 'review'];

/** Field keys in the order they appear, for focusing the first invalid one. */
export const FIELD_ORDER = ['firstName', 'lastName', 'email', 'phone', 'password', 'allowedIps', 'role', 'creditLimit', 'access'];

/** The first field with a problem, in the order the form shows them. */
export function firstField(problems: Problems): string | undefined {
  const fields = [...problems.keys()];
  return FIELD_ORDER.map((head) => fields.find((field) => field === head || field.startsWith(`${head}.`))).find(Boolean) ?? fields[0];
}

const ACCESS_STEP_FIELDS = new Set(['role', 'creditLimit', 'access']);

/** Problems the server reports for the whole account, not a field: shown as a form-level alert. */
export const ACCOUNT_CODES = new Set(['seat_limit_reached', 'single_profile_account']);

export const DEFAULT_NOTIFICATIONS: Notifications = { taskUpdates: true, reportReady: true, creditsLow: true };

export function emptyValues(): FormValues {
  return {
    firstName: '', lastName: '', email: '', phone: '', password: '', role: 'specialist',
    creditLimited: false, creditLimit: '', allowedIps: [], notifications: { ...DEFAULT_NOTIFICATIONS },
    access: { tools: [], tasks: [] }, sendWelcomeEmail: true,
  };
}

export function valuesFromUser(user: User): FormValues {
  return {
    firstName: user.firstName, lastName: user.lastName, email: user.email, phone: user.phone ?? '', password: '',
    role: user.role, creditLimited: user.creditLimit !== null, creditLimit: user.creditLimit === null ? '' : String(user.creditLimit),
    allowedIps: [...user.allowedIps], notifications: { ...user.notifications },
    access: { tools: [...user.access.tools], tasks: user.access.tasks.map((ref) => ({ ...ref })) }, sendWelcomeEmail: false,
  };
}

/** The step a field is on in the create flow. */
export const stepOf = (field: string): Step => (ACCESS_STEP_FIELDS.has(field.split('.')[0]!) ? 'access' : 'details');

/** The form's key for a field path the server or the schema reports (`access.tasks.0` → `access`). */
export function fieldKey(path: string): string {
  const [head, index] = path.split('.');
  if (head === 'allowedIps' && index !== undefined) return `allowedIps.${index}`;
  if (head === 'notifications') return 'notifications';
  if (head === 'access') return 'access';
  return head || 'form';
}

/** The credit limit the form means: null (none), a number, or undefined when the text is not one. */
export function creditLimitOf(values: FormValues): number | null | undefined {
  if (values.role !== 'specialist' || !values.creditLimited) return null;
  const text = values.creditLimit.trim();
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

/** A phone as it will be stored: E.164 when readable, '' for none, else the text as typed (refused). */
export function phoneOf(values: FormValues): string {
  const text = values.phone.trim();
  return text === '' ? '' : (normalizePhone(text) ?? text);
}

/** The IP entries in canonical form where they parse (the schema refuses the rest). */
export const canonicalIps = (entries: string[]) =>
  entries.map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const result = parseAllowedIp(entry);
    return result.ok ? result.value : entry;
  });

const accessKey = (access: Access) =>
  JSON.stringify([[...access.tools].sort(), access.tasks.map((ref) => `${ref.toolId}/${ref.taskId}`).sort()]);

export const sameAccess = (a: Access, b: Access) => accessKey(a) === accessKey(b);

export function createInput(values: FormValues, account: Account): UserCreate {
  const limit = creditLimitOf(values);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim().toLowerCase(),
    role: values.role as AssignableRole,
    ...(phoneOf(values) && { phone: phoneOf(values) }),
    ...(account.passwordMode === 'per-user' && { password: values.password }),
    ...(values.role === 'specialist' && { creditLimit: limit === undefined ? Number.NaN : limit }),
    allowedIps: canonicalIps(values.allowedIps),
    notifications: { ...values.notifications },
    access: values.role === 'manager' ? { tools: [], tasks: [] } : values.access,
    sendWelcomeEmail: values.sendWelcomeEmail,
  };
}

/** Every editable field as a patch: what local validation checks in edit mode. */
function fullPatch(values: FormValues, baseline: User): UserPatch {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    phone: phoneOf(values) || null,
    ...(values.password && { password: values.password }),
    ...(baseline.role !== 'owner' && { role: values.role as AssignableRole }),
    creditLimit: creditLimitOf(values) === undefined ? Number.NaN : creditLimitOf(values),
    allowedIps: canonicalIps(values.allowedIps),
    notifications: { ...values.notifications },
    access: values.access,
  };
}

/** Only what differs from `baseline`: the body of the `PATCH`. Empty when nothing changed. */
export function changedPatch(values: FormValues, baseline: User): UserPatch {
  const full = fullPatch(values, baseline);
  const patch: UserPatch = {};
  if (full.firstName !== baseline.firstName) patch.firstName = full.firstName;
  if (full.lastName !== baseline.lastName) patch.lastName = full.lastName;
  if (full.phone !== baseline.phone) patch.phone = full.phone;
  if (full.password) patch.password = full.password;
  if (full.role !== undefined && full.role !== baseline.role) patch.role = full.role;
  if (full.creditLimit !== baseline.creditLimit) patch.creditLimit = full.creditLimit;
  if (JSON.stringify(full.allowedIps) !== JSON.stringify(baseline.allowedIps)) patch.allowedIps = full.allowedIps;
  const notifications = Object.fromEntries(Object.entries(full.notifications!).filter(
    ([key, on]) => baseline.notifications[key as keyof Notifications] !== on));
  if (Object.keys(notifications).length) patch.notifications = notifications;
  if (!sameAccess(full.access!, baseline.access)) patch.access = full.access;
  // A guest's task rule and a specialist's limit hold on the merged profile: send what the server will check.
  if (patch.role === 'guest' && !patch.access) patch.access = full.access;
  return patch;
}

export const isEmptyPatch = (patch: UserPatch) => Object.keys(patch).length === 0;

export interface ValidationContext {
  account: Account;
  /** The profile being edited; absent when creating. */
  baseline?: User;
}

/** Every local problem of the form, by field key. */
export function validate(values: FormValues, { account, baseline }: ValidationContext): Problems {
  const problems: Problems = new Map();
  const add = (field: string, code: string, suggestion?: string) => {
    if (!problems.has(field)) problems.set(field, { code, suggestion });
  };
  const result = baseline
    ? UserPatchSchema.safeParse(fullPatch(values, baseline))
    : UserCreateSchema.safeParse(createInput(values, account));
  if (!result.success) {
    for (const error of fieldErrorsFrom(result.error)) add(fieldKey(error.field), error.code);
  }
  // The schema checks the joined list; each entry is reported at its index in the form.
  values.allowedIps.forEach((entry, index) => {
    const parsed = parseAllowedIp(entry);
    problems.delete(`allowedIps.${index}`);
    if (!parsed.ok) add(`allowedIps.${index}`, parsed.code, parsed.suggestion);
    else if (canonicalIps(values.allowedIps.slice(0, index)).includes(parsed.value)) add(`allowedIps.${index}`, 'duplicate_ip');
  });
  if (values.role === 'specialist' && creditLimitOf(values) === undefined) {
    problems.set('creditLimit', { code: values.creditLimit.trim() ? 'invalid_credit_limit' : 'required' });
  }
  if (!baseline) {
    const email = values.email.trim().toLowerCase();
    if (account.emailDomain && !problems.has('email') && emailDomain(email) !== account.emailDomain) add('email', 'email_domain_mismatch');
  }
  if (account.passwordMode === 'per-user' && (values.password || !baseline)) {
    const problem = values.password ? passwordProblem(values.password, baseline?.email ?? values.email.trim()) : 'required';
    problems.delete('password');
    if (problem) add('password', problem);
  }
  return problems;
}

/** How strong a password looks, for the hint only: length and variety, never a rule. */
export function passwordStrength(password: string): 'weak' | 'fair' | 'strong' | undefined {
  if (!password) return undefined;
  const length = [...password].length;
  const distinct = new Set(password.toLowerCase()).size;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(password)).length;
  if (length < 12 || distinct < 6) return 'weak';
  if (length >= 16 && distinct >= 10) return 'strong';
  return classes >= 3 && distinct >= 9 ? 'strong' : 'fair';
}

/** Splits pasted text into entries: commas, semicolons, spaces and line breaks separate them. */
export const splitIpList = (text: string) => text.split(/[\s,;]+/).map((entry) => entry.trim()).filter(Boolean);

/** The fields a conflict can show, in form order. */
export const CONFLICT_FIELDS = [
  'firstName', 'lastName', 'phone', 'role', 'creditLimit', 'allowedIps', 'notifications', 'access',
] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

export interface ConflictRow {
  field: ConflictField;
  /** The value saved on the server now. */
  theirs: unknown;
  /** The value this form wanted to save; undefined when the form did not change the field. */
  yours?: unknown;
}

/** Field by field: what changed on the server since `base`, and what this form changed. */
export function conflictRows(base: User, theirs: User, patch: UserPatch): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const field of CONFLICT_FIELDS) {
    const changedThere = field === 'access' ? !sameAccess(base.access, theirs.access) : JSON.stringify(base[field]) !== JSON.stringify(theirs[field]);
    const mine = field in patch ? (field === 'notifications' ? { ...theirs.notifications, ...patch.notifications } : patch[field]) : undefined;
    if (changedThere || mine !== undefined) rows.push({ field, theirs: theirs[field], ...(mine !== undefined && { yours: mine }) });
  }
  return rows;
}

/** The form's values with this form's changes re-applied over the newer profile. */
export function reapply(theirs: User, patch: UserPatch, values: FormValues): FormValues {
  const next = valuesFromUser(theirs);
  if ('firstName' in patch) next.firstName = values.firstName;
  if ('lastName' in patch) next.lastName = values.lastName;
  if ('phone' in patch) next.phone = values.phone;
  if ('role' in patch) next.role = values.role;
  if ('creditLimit' in patch) Object.assign(next, { creditLimited: values.creditLimited, creditLimit: values.creditLimit });
  if ('allowedIps' in patch) next.allowedIps = [...values.allowedIps];
  if (patch.notifications) next.notifications = { ...next.notifications, ...patch.notifications };
  if ('access' in patch) next.access = values.access;
  return next;
}
