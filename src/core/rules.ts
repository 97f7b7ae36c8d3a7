/**
 * The rules only the server can check: email uniqueness and policy, passwords per account mode,
 * role-dependent fields on the merged profile, grants that must name real tools and tasks,
 * credits and task visibility. Field syntax comes from the SDK's schemas (one rule, one place).
 */
import {
  AccessSchema,
  ITEM_LIMITS,
  type Access,
  type Task,
  TaskCreateSchema,
  type TaskRef,
  type User,
  UserCreateSchema,
  UserPatchSchema,
  fieldErrorsFrom,
  tooManyItemsMessage,
} from '../sdk/schemas.js';
import { type FieldError, type FieldErrorCode, emailDomain } from '../sdk/rules.js';
import { personKey, isFreeMailAddress, isPersonalCompanyAddress, isRoleAddress, isValidEmailAddress } from './email.js';
import { fieldError } from './http.js';
import { serverPasswordProblem } from './passwords.js';
import type { AccountState, AccountTx } from './storage.js';

type Schema = typeof UserCreateSchema | typeof UserPatchSchema | typeof TaskCreateSchema;
type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field errors without duplicates (the schemas and the merged-profile rules may both see one). */
class FieldErrors {
  readonly list: FieldError[] = [];
  // A Set, not a scan of the list: a body with thousands of bad items must stay linear.
  private readonly seen = new Set<string>();
  add(field: string, code: FieldErrorCode | FieldError['code'], message?: string): void {
    const key = `${field}\n${code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const known = fieldError(field, code as FieldErrorCode);
    this.list.push(message ? { ...known, message } : known);
  }
  has(field: string): boolean {
    return this.list.some((error) => error.field === field || error.field.startsWith(`${field}.`));
  }
  replace(field: string, code: FieldErrorCode): void {
    for (let i = this.list.length - 1; i >= 0; i--) {
      if (this.list[i]!.field === field) this.seen.delete(`${field}\n${this.list.splice(i, 1)[0]!.code}`);
    }
    this.add(field, code);
  }
}

/** v1.1 item limits (the SDK's), checked before any other rule so no rule ever walks an oversized list. */
function oversizedLists(body: unknown): FieldError[] {
  if (!isObject(body)) return [];
  const lists: Record<keyof typeof ITEM_LIMITS, unknown> = {
    allowedIps: body.allowedIps,
    'access.tools': isObject(body.access) ? body.access.tools : undefined,
    'access.tasks': isObject(body.access) ? body.access.tasks : undefined,
  };
  return (Object.keys(ITEM_LIMITS) as (keyof typeof ITEM_LIMITS)[])
    .filter((field) => Array.isArray(lists[field]) && (lists[field] as unknown[]).length > ITEM_LIMITS[field])
    .map((field) => fieldError(field, 'too_many_items', tooManyItemsMessage(ITEM_LIMITS[field])));
}

function parse<S extends Schema>(schema: S, body: unknown) {
  const errors = new FieldErrors();
  const result = schema.safeParse(body);
  if (!result.success) {
    for (const error of fieldErrorsFrom(result.error, body)) errors.add(error.field, error.code, error.message);
  }
  return { data: result.success ? (result.data as S['_zod']['output']) : undefined, errors };
}

export const permissionsOf = (role: User['role']): string[] =>
  role === 'owner' ? ['users:read', 'users:write'] : role === 'manager' ? ['users:read'] : [];

export const can = (viewer: User, permission: 'users:read' | 'users:write') =>
  permissionsOf(viewer.role).includes(permission);

/** SPEC rule 5: an owner with a free-mail or role address keeps a single-profile account. */
export const isSingleProfileAccount = (owner: User) => !isPersonalCompanyAddress(owner.email);

/** SPEC rules 2–4: one code per address, the first of these that applies. */
export async function emailProblem(
  email: string,
  account: AccountState,
  tx: AccountTx,
): Promise<FieldErrorCode | null> {
  if (!isValidEmailAddress(email)) return 'invalid_email';
  if (isRoleAddress(email)) return 'email_role_address';
  if (isFreeMailAddress(email)) return 'email_freemail';
  const domain = account.emailDomain;
  if (domain && emailDomain(email) !== domain) return 'email_domain_mismatch';
  // Taken also by the same address with another `+tag`, or without one (contract v1.1).
  if (await tx.emailTaken(personKey(email))) return 'email_taken';
  return null;
}

/** SPEC rule 8: shared mode takes no profile password; per-user mode requires one on creation. */
function checkPassword(
  errors: FieldErrors,
  body: Body,
  account: AccountState,
  email: string | undefined,
  required: boolean,
) {
  const given = body.password !== undefined;
  if (account.passwordMode === 'shared') {
    if (given) errors.replace('password', 'password_not_allowed');
    return;
  }
  if (!given) {
    if (required) errors.add('password', 'required');
    return;
  }
  if (typeof body.password !== 'string' || errors.has('password')) return;
  const problem = serverPasswordProblem(body.password, email);
  if (problem) errors.add('password', problem);
}

/** SPEC rules 9 and 10 on the profile as it would be stored. */
function checkRoleFields(errors: FieldErrors, profile: { role?: string; creditLimit: unknown; access?: Access }) {
  if (profile.role && profile.role !== 'specialist' && profile.creditLimit != null)
    errors.add('creditLimit', 'credit_limit_not_allowed');
  if (profile.role === 'guest' && profile.access && profile.access.tasks.length === 0)
    errors.add('access.tasks', 'guest_requires_task');
}

/** Grants must name tools of the account and existing tasks of that tool. */
async function checkGrants(errors: FieldErrors, access: Access | undefined, account: AccountState, tx: AccountTx) {
  if (!access) return;
  const tools = new Set(account.tools.map((tool) => tool.id));
  access.tools.forEach((toolId, index) => {
    if (!tools.has(toolId)) errors.add(`access.tools.${index}`, 'unknown_tool');
  });
  if (!access.tasks.length) return;
  const tasks = await tx.tasksById([...new Set(access.tasks.map((ref) => ref.taskId))]);
  access.tasks.forEach((ref, index) => {
    if (tasks.get(ref.taskId)?.toolId !== ref.toolId) errors.add(`access.tasks.${index}`, 'unknown_task');
  });
}

const validAccess = (value: unknown): Access | undefined => {
  const result = AccessSchema.safeParse(value);
  return result.success ? result.data : undefined;
};

const validRole = (value: unknown) =>
  value === 'manager' || value === 'specialist' || value === 'guest' ? value : undefined;

export type UserCreateInput = NonNullable<ReturnType<typeof parse<typeof UserCreateSchema>>['data']>;
export type UserPatchInput = NonNullable<ReturnType<typeof parse<typeof UserPatchSchema>>['data']>;

/**
 * The rules of a new profile. With `partial` (v1.1 early checks), only the fields given are
 * judged: a field left out is not `required` yet.
 */
export async function validateUserCreate(
  body: unknown,
  account: AccountState,
  tx: AccountTx,
  { partial = false } = {},
): Promise<{ errors: FieldError[]; input?: UserCreateInput }> {
  const oversized = oversizedLists(body);
  if (oversized.length) return { errors: oversized };
  const { data, errors } = parse(UserCreateSchema, body);
  const raw = isObject(body) ? body : {};
  const email = typeof raw.email === 'string' ? raw.email.trim().toLowerCase() : undefined;
  if (email !== undefined && !errors.has('email')) {
    const problem = await emailProblem(email, account, tx);
    if (problem) errors.add('email', problem);
  }
  // v1.1: without a password in per-user mode, the person chooses one at verification.
  checkPassword(errors, raw, account, email, false);
  const access = raw.access === undefined ? (partial ? undefined : { tools: [], tasks: [] }) : validAccess(raw.access);
  checkRoleFields(errors, { role: validRole(raw.role), creditLimit: raw.creditLimit, access });
  await checkGrants(errors, access, account, tx);
  if (partial) return { errors: errors.list.filter((error) => error.field.split('.')[0]! in raw) };
  return errors.list.length || !data ? { errors: errors.list } : { errors: [], input: data };
}

export async function validateUserPatch(
  body: unknown,
  current: User,
  account: AccountState,
  tx: AccountTx,
): Promise<{ errors: FieldError[]; input?: UserPatchInput }> {
  const oversized = oversizedLists(body);
  if (oversized.length) return { errors: oversized };
  const { data, errors } = parse(UserPatchSchema, body);
  const raw = isObject(body) ? body : {};
  checkPassword(errors, raw, account, current.email, false);
  const access = raw.access === undefined ? current.access : validAccess(raw.access);
  checkRoleFields(errors, {
    role: raw.role === undefined ? current.role : validRole(raw.role),
    creditLimit: raw.creditLimit === undefined ? current.creditLimit : raw.creditLimit,
    access,
  });
  if (raw.access !== undefined) await checkGrants(errors, access, account, tx);
  return errors.list.length || !data ? { errors: errors.list } : { errors: [], input: data };
}

export function validateTaskCreate(body: unknown, account: AccountState) {
  const { data, errors } = parse(TaskCreateSchema, body);
  const toolId = isObject(body) && typeof body.toolId === 'string' ? body.toolId : undefined;
  const tool = account.tools.find((candidate) => candidate.id === toolId);
  if (toolId !== undefined && !tool) errors.add('toolId', 'unknown_tool');
  return { errors: errors.list, input: data, tool };
}

const unique = <T>(items: T[], key: (item: T) => string) => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
};

export const normalizeAccess = (access: Access): Access => ({
  tools: unique(access.tools, (id) => id),
  tasks: unique(access.tasks, (ref) => ref.taskId).map(({ toolId, taskId }) => ({ toolId, taskId })),
});

// ---- Tasks and credits (SPEC rules 9 and 14) -----------------------------------------------

// The granted task ids per grant list: a list filter asks once per task, so a scan of up to
// 10,000 grants each time would make listing quadratic.
const grantedIds = new WeakMap<readonly TaskRef[], Set<string>>();

/** Owner and managers see every task; a specialist their own and the granted ones; a guest the granted ones. */
export function canSeeTask(viewer: Pick<User, 'id' | 'role' | 'access'>, task: Task): boolean {
  if (viewer.role === 'owner' || viewer.role === 'manager') return true;
  if (viewer.role === 'specialist' && task.ownerId === viewer.id) return true;
  let ids = grantedIds.get(viewer.access.tasks);
  if (!ids) grantedIds.set(viewer.access.tasks, (ids = new Set(viewer.access.tasks.map((ref) => ref.taskId))));
  return ids.has(task.id);
}

/** Guests create nothing; a specialist creates tasks only in the tools granted. */
export function mayCreateTaskIn(viewer: User, toolId: string | undefined): boolean {
  if (viewer.role === 'guest') return false;
  if (viewer.role === 'specialist') return toolId === undefined || viewer.access.tools.includes(toolId);
  return true;
}

export function chargeProblem(
  user: User,
  cost: number,
  balance: number,
): 'credit_limit_reached' | 'insufficient_credits' | null {
  if (user.role === 'specialist' && user.creditLimit !== null && cost > user.creditLimit - user.creditsSpent)
    return 'credit_limit_reached';
  if (cost > balance) return 'insufficient_credits';
  return null;
}

/** `min(limit − spent, balance)` for a specialist with a limit, else the balance. */
export function creditsAvailable(user: User, balance: number): number {
  if (user.role !== 'specialist' || user.creditLimit === null) return balance;
  return Math.max(0, Math.min(user.creditLimit - user.creditsSpent, balance));
}
