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
import { CREDIT_LIMIT_MAX } from '../../sdk/schemas.js';
import { emailDomain, normalizePhone, parseAllowedIp, passwordProblem } from '../../sdk/rules.js';

/** What the form holds, as the person typed it. `password` never leaves the element except in the request. */
export interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  /** Create, per-user passwords: the owner sets one now; false = the person chooses it at verification. */
  passwordNow: boolean;
  role: Role;
  /** Specialists only: false = no limit. */
  creditLimited: boolean;
  creditLimit: string;
  allowedIps: string[];
  notifications: Notifications;
  access: Access;
  sendWelcomeEmail: boolean;
}

/** A problem shown next to a field: the code (a `t.errors` key), for host bits the range meant, for a limit its value. */
export interface FieldProblem {
  code: string;
  suggestion?: string;
  limit?: number;
}

/** Field key (`firstName`, `allowedIps.2`, `access`) → its problem. */
export type Problems = Map<string, FieldProblem>;

export type Step = 'details' | 'access' | 'review';
export const STEPS: readonly Step[] = ['details', 'access', 'review'];

/** Field keys in the order they appear, for focusing the first invalid one. */
const FIELD_ORDER = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'password',
  'allowedIps',
  'role',
  'creditLimit',
  'access',
];

/** The first field with a problem, in the order the form shows them. */
export function firstField(problems: Problems): string | undefined {
  const fields = [...problems.keys()];
  return FIELD_ORDER.map((head) => fields.find((field) => field.split('.')[0] === head)).find(Boolean) ?? fields[0];
}

export function emptyValues(): FormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    password: '',
    passwordNow: false,
    role: 'specialist',
    creditLimited: false,
    creditLimit: '',
    allowedIps: [],
    notifications: { taskUpdates: true, reportReady: true, creditsLow: true },
    access: { tools: [], tasks: [] },
    sendWelcomeEmail: true,
  };
}

/** The profile as the form shows it; numbers are written as `lang` writes them ("1,000", "1.000"). */
export function valuesFromUser(user: User, lang: string): FormValues {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone ?? '',
    password: '',
    passwordNow: false,
    role: user.role,
    creditLimited: user.creditLimit !== null,
    creditLimit: user.creditLimit === null ? '' : formatWholeNumber(user.creditLimit, lang),
    allowedIps: [...user.allowedIps],
    notifications: { ...user.notifications },
    access: { tools: [...user.access.tools], tasks: user.access.tasks.map((ref) => ({ ...ref })) },
    sendWelcomeEmail: false,
  };
}

/** The step a field is on in the create flow. */
export const stepOf = (field: string): Step => (/^(role|creditLimit|access)\b/.test(field) ? 'access' : 'details');

/** The form's key for a field path the server or the schema reports (`access.tasks.0` → `access`, `allowedIps.2` stays). */
export function fieldKey(path: string): string {
  const [head, index] = path.split('.');
  return head === 'allowedIps' && index !== undefined ? `${head}.${index}` : head || 'form';
}

/** A whole number as the field shows it in `lang` ("1,000", "1.000"): what `parseWholeNumber` reads back. */
export const formatWholeNumber = (value: number, lang: string): string => new Intl.NumberFormat(lang).format(value);

/**
 * A whole number as a person writes it in `lang`: digits (the locale's own too), grouped or not
 * with its separator ("1,000" in English, "1.000" in German, "1 000" in French). NaN for anything
 * else: a decimal part, a sign, a group in the wrong place ("12.5" in German), letters.
 */
export function parseWholeNumber(text: string, lang: string): number {
  const format = new Intl.NumberFormat(lang);
  // Digits of the locale's numbering system (Arabic-Indic, say) read as the Latin ones; a typed
  // space or apostrophe stands for the no-break space or the typographic apostrophe a locale groups with.
  const digits = new Map([...Array(10).keys()].map((digit) => [format.format(digit), String(digit)]));
  const plainText = (value: string) =>
    [...value.trim()]
      .map((char) => digits.get(char) ?? char)
      .join('')
      .replace(/[\s\u00a0\u202f]/g, ' ')
      .replace(/’/g, "'");
  const group = plainText(format.formatToParts(1e6).find((part) => part.type === 'group')?.value ?? ',');
  const typed = plainText(text);
  const groups = typed.split(group);
  const value = Number(groups.join(''));
  if (!/^\d+$/.test(groups.join(''))) return Number.NaN;
  // Groups of three after the first ("1,000,000"), or as the locale groups ("1,00,000" in India): never anywhere.
  const grouped =
    groups.length === 1 ||
    (/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((part) => /^\d{3}$/.test(part))) ||
    typed === plainText(format.format(value));
  return grouped ? value : Number.NaN;
}

/** The credit limit the form means: null (none), a number, or NaN when the text is not one. */
export function creditLimitOf(values: FormValues, lang: string): number | null {
  if (values.role !== 'specialist' || !values.creditLimited) return null;
  return parseWholeNumber(values.creditLimit, lang);
}

/** The highest credit limit this form sets: the contract's, or 100 times the account's balance when that is lower. */
export const creditLimitCap = (account: Account) => Math.min(CREDIT_LIMIT_MAX, account.credits.balance * 100);

/** A phone as it will be stored: E.164 when readable, '' for none, else the text as typed (refused). */
export function phoneOf(values: FormValues): string {
  const text = values.phone.trim();
  return text && (normalizePhone(text) ?? text);
}

/** An entry in canonical form when it parses; as typed (trimmed) when not, so its error can be shown. */
export function canonicalIp(entry: string): string {
  const result = parseAllowedIp(entry);
  return result.ok ? result.value : entry.trim();
}

/** The non-blank IP entries, canonical where they parse (the schema refuses the rest). */
export const canonicalIps = (entries: string[]) => entries.filter((entry) => entry.trim()).map(canonicalIp);

const accessKey = (access: Access) =>
  JSON.stringify([[...access.tools].sort(), access.tasks.map((ref) => `${ref.toolId}/${ref.taskId}`).sort()]);

const sameAccess = (a: Access, b: Access) => accessKey(a) === accessKey(b);

/** What a create and an update send alike. */
const common = (values: FormValues) => ({
  firstName: values.firstName.trim(),
  lastName: values.lastName.trim(),
  allowedIps: canonicalIps(values.allowedIps),
  notifications: { ...values.notifications },
});

export function createInput(values: FormValues, account: Account, lang: string): UserCreate {
  return {
    ...common(values),
    email: values.email.trim().toLowerCase(),
    role: values.role as AssignableRole,
    ...(phoneOf(values) && { phone: phoneOf(values) }),
    // Without a password the verification link asks the person for one (contract v1.1).
    ...(account.passwordMode === 'per-user' && values.passwordNow && { password: values.password }),
    ...(values.role === 'specialist' && { creditLimit: creditLimitOf(values, lang) }),
    access: values.role === 'manager' ? { tools: [], tasks: [] } : values.access,
    sendWelcomeEmail: values.sendWelcomeEmail,
  };
}

/** Every editable field as a patch: what local validation checks in edit mode. */
function fullPatch(values: FormValues, baseline: User, lang: string): UserPatch {
  return {
    ...common(values),
    phone: phoneOf(values) || null,
    ...(values.password && { password: values.password }),
    ...(baseline.role !== 'owner' && { role: values.role as AssignableRole }),
    creditLimit: creditLimitOf(values, lang),
    access: values.access,
  };
}

/** Only what differs from `baseline`: the body of the `PATCH`. Empty when nothing changed. */
export function changedPatch(values: FormValues, baseline: User, lang: string): UserPatch {
  const { notifications, access, ...fields } = fullPatch(values, baseline, lang);
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    const before = baseline[field as keyof User];
    if (typeof value === 'object' ? JSON.stringify(value) !== JSON.stringify(before) : value !== before)
      patch[field] = value;
  }
  const changed = Object.entries(notifications!).filter(
    ([key, on]) => baseline.notifications[key as keyof Notifications] !== on,
  );
  if (changed.length) patch.notifications = Object.fromEntries(changed);
  // A guest's task rule holds on the merged profile: send the access the server will check.
  if (!sameAccess(access!, baseline.access) || patch.role === 'guest') patch.access = access;
  return patch;
}

export const isEmptyPatch = (patch: UserPatch) => Object.keys(patch).length === 0;

/** Every local problem of the form, by field key; `baseline` is the profile being edited, absent when creating. */
export function validate(values: FormValues, account: Account, lang: string, baseline?: User): Problems {
  const problems: Problems = new Map();
  const add = (field: string, code: string, suggestion?: string) => {
    if (!problems.has(field)) problems.set(field, { code, suggestion });
  };
  const result = baseline
    ? UserPatchSchema.safeParse(fullPatch(values, baseline, lang))
    : UserCreateSchema.safeParse(createInput(values, account, lang));
  if (!result.success) {
    for (const error of fieldErrorsFrom(result.error)) add(fieldKey(error.field), error.code);
  }
  // The schema checks the joined list; each entry is reported at its index in the form.
  values.allowedIps.forEach((entry, index) => {
    const field = `allowedIps.${index}`;
    const parsed = parseAllowedIp(entry);
    problems.delete(field);
    if (!parsed.ok) add(field, parsed.code, parsed.suggestion);
    else if (canonicalIps(values.allowedIps.slice(0, index)).includes(parsed.value)) add(field, 'duplicate_ip');
  });
  const limit = creditLimitOf(values, lang);
  const cap = creditLimitCap(account);
  if (Number.isNaN(limit)) {
    problems.set('creditLimit', { code: values.creditLimit.trim() ? 'invalid_credit_limit' : 'required' });
  } else if (baseline && limit === baseline.creditLimit) {
    // A limit left as stored was accepted once: it never blocks saving the other fields.
    problems.delete('creditLimit');
  } else if (limit !== null && limit > cap) {
    problems.set(
      'creditLimit',
      cap < CREDIT_LIMIT_MAX ? { code: 'credit_limit_above_balance', limit: cap } : { code: 'credit_limit_too_high' },
    );
  }
  if (!baseline && account.emailDomain && emailDomain(values.email.trim().toLowerCase()) !== account.emailDomain) {
    add('email', 'email_domain_mismatch');
  }
  if (account.passwordMode === 'per-user' && (baseline ? values.password : values.passwordNow)) {
    const problem = values.password
      ? passwordProblem(values.password, baseline?.email ?? values.email.trim())
      : 'required';
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
  return (length >= 16 && distinct >= 10) || (classes >= 3 && distinct >= 9) ? 'strong' : 'fair';
}

/** Splits pasted text into entries: commas, semicolons, spaces and line breaks separate them. */
export const splitIpList = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The fields a conflict can show, in form order. */
const CONFLICT_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'role',
  'creditLimit',
  'allowedIps',
  'notifications',
  'access',
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
    const changedThere =
      field === 'access'
        ? !sameAccess(base.access, theirs.access)
        : JSON.stringify(base[field]) !== JSON.stringify(theirs[field]);
    const mine =
      field in patch
        ? field === 'notifications'
          ? { ...theirs.notifications, ...patch.notifications }
          : patch[field]
        : undefined;
    if (changedThere || mine !== undefined)
      rows.push({ field, theirs: theirs[field], ...(mine !== undefined && { yours: mine }) });
  }
  return rows;
}

/** The form's values with this form's changes re-applied over the newer profile. */
export function reapply(theirs: User, patch: UserPatch, values: FormValues, lang: string): FormValues {
  // A password typed while the comparison was shown goes along too.
  const next = { ...valuesFromUser(theirs, lang), password: values.password };
  for (const field of CONFLICT_FIELDS) if (field in patch) Object.assign(next, { [field]: values[field] });
  if ('creditLimit' in patch) next.creditLimited = values.creditLimited;
  // Only the switches this form turned: the others keep the newer profile's setting.
  next.notifications = { ...theirs.notifications, ...patch.notifications };
  return next;
}
