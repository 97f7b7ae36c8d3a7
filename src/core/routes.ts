/**
 * The HTTP contract (v1, v1.1) as a route table, over the storage interface. Each handler follows
 * SPEC's order: authentication (done before dispatch, and before the body is read), permission,
 * account-level refusals, then fields. A handler runs inside one transaction of the viewer's
 * account; writes of one account run one at a time, so counting rules see a stable state.
 */
import { EVENT_TYPES, ROLES, USER_SORTS, USER_STATUSES } from '../sdk/schemas.js';
import type { FieldError } from '../sdk/rules.js';
import type { Account, Me, RosterEvent, Task, Tool, User, UserSort, UserStats } from '../sdk/schemas.js';
import { AUDIT_ACTIONS, type AuditAction, auditChanges, recordAudit } from './audit.js';
import { type Cursors, empty, fieldError, fieldProblem, json, problem } from './http.js';
import { serverPasswordProblem } from './passwords.js';
import {
  can,
  chargeProblem,
  creditsAvailable,
  isSingleProfileAccount,
  mayCreateTaskIn,
  normalizeAccess,
  permissionsOf,
  validateTaskCreate,
  validateUserCreate,
  validateUserPatch,
} from './rules.js';
import type { AccountState, AccountTx, CursorPosition, PageRequest } from './storage.js';
import { type Verification, sendVerification } from './verification.js';

/** What the routes need besides the storage: the clock, cursor signing, password hashing. */
export interface Services {
  /** The base URL's path, e.g. `/api/roster/v1`. */
  basePath: string;
  now: () => Date;
  cursors: Cursors;
  passwords: PasswordHasher;
  /** The origin mailed links start with. */
  publicOrigin?: string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface Context {
  services: Services;
  tx: AccountTx;
  account: AccountState;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The signed-in profile; public routes act for no one and get null. */
  viewer: User;
  /** The parsed body: undefined when empty, `INVALID_JSON` when unreadable. */
  body: unknown;
}

export const INVALID_JSON = Symbol('invalid JSON');

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  handler: (context: Context) => Promise<Response>;
  /** Replays answers for a repeated `Idempotency-Key`. */
  idempotent?: boolean;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

// ---- Small helpers ----------------------------------------------------------------------------

const stamp = (services: Services) => services.now().toISOString();
const etag = (user: User) => ({ etag: `"${user.version}"` });
const invalidJson = () => problem('validation_failed', { detail: 'The request body is not valid JSON.' });
const fullName = (user: Pick<User, 'firstName' | 'lastName'>) => `${user.firstName} ${user.lastName}`;

/** A profile the viewer may read: anyone with `users:read`, and everyone their own. */
async function readableUser(context: Context): Promise<User | Response> {
  const { viewer, params, tx } = context;
  if (params.id !== viewer.id && !can(viewer, 'users:read')) return problem('forbidden');
  return (await tx.user(params.id!)) ?? problem('not_found');
}

/**
 * `If-Match` is optional; when given it must name the stored version (or `*`). It compares
 * strongly (RFC 9110 §13.1.1): a weak validator never matches.
 */
function versionConflict(request: Request, user: User): Response | null {
  const header = request.headers.get('if-match');
  if (header === null) return null;
  const matches = header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === `"${user.version}"`;
  });
  return matches ? null : problem('version_conflict', { detail: `The profile is at version ${user.version}.` });
}

/** Reads `limit` and `cursor`; the cursor must have been issued for this very query. */
function readPage(context: Context, queryKey: string, errors: FieldError[]): PageRequest {
  const params = context.url.searchParams;
  let limit = DEFAULT_LIMIT;
  const limitText = params.get('limit');
  if (limitText !== null) {
    limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT))
      errors.push(fieldError('limit', 'invalid_value', `Use a whole number from 1 to ${MAX_LIMIT}.`));
  }
  const cursorText = params.get('cursor');
  let after: CursorPosition | null = null;
  if (cursorText !== null && cursorText !== '') {
    after = context.services.cursors.decode(queryKey, cursorText);
    if (!after) errors.push(fieldError('cursor', 'invalid_value', 'This cursor is not valid for this list.'));
  }
  return { limit, after };
}

function oneOf<T extends string>(
  context: Context,
  name: string,
  allowed: readonly T[],
  errors: FieldError[],
): T | undefined {
  const value = context.url.searchParams.get(name);
  if (value === null || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  errors.push(fieldError(name, 'invalid_value', `Use one of: ${allowed.join(', ')}.`));
  return undefined;
}

function readInstant(context: Context, name: string, errors: FieldError[]): string | undefined {
  const value = context.url.searchParams.get(name);
  if (value === null || value === '') return undefined;
  const time = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    errors.push(fieldError(name, 'invalid_value', 'Use an RFC 3339 date or date-time.'));
    return undefined;
  }
  return new Date(time).toISOString();
}

function pageBody<T>(
  context: Context,
  queryKey: string,
  page: { items: T[]; total: number; next: CursorPosition | null },
) {
  const nextCursor = page.next ? context.services.cursors.encode(queryKey, page.next) : null;
  return json({ items: page.items, nextCursor, total: page.total });
}

async function accountOf(context: Context): Promise<Account> {
  const { account, tx } = context;
  return {
    id: account.id,
    name: account.name,
    plan: { name: account.planName, seatLimit: account.seatLimit },
    seatsUsed: await tx.countUsers(),
    emailDomain: account.emailDomain,
    singleProfile: isSingleProfileAccount(await tx.owner()),
    passwordMode: account.passwordMode,
    credits: { balance: account.balance },
    tools: account.tools.map((tool) => ({ ...tool })),
    locale: account.locale,
  } as Account;
}

/** The account-level refusals of a new profile (SPEC order: before any field). */
async function seatProblem(context: Context): Promise<Response | null> {
  const { tx, account } = context;
  if (isSingleProfileAccount(await tx.owner())) {
    return problem('single_profile_account', {
      detail: "The owner's address is a free-mail or role address, so this account has one profile.",
    });
  }
  if ((await tx.countUsers()) >= account.seatLimit) {
    return problem('seat_limit_reached', {
      detail: `The plan has ${account.seatLimit} seats, pending profiles included.`,
    });
  }
  return null;
}

const audit = (
  context: Context,
  action: AuditAction,
  target: Pick<User, 'id' | 'firstName' | 'lastName'> | null,
  changes: ReturnType<typeof auditChanges> = [],
) => recordAudit(context.tx, { at: stamp(context.services), actor: context.viewer, action, target, changes });

// ---- Profiles ---------------------------------------------------------------------------------

async function getMe(context: Context): Promise<Response> {
  const me: Me = {
    user: context.viewer,
    account: await accountOf(context),
    permissions: permissionsOf(context.viewer.role),
  };
  return json(me);
}

async function listUsers(context: Context): Promise<Response> {
  if (!can(context.viewer, 'users:read')) return problem('forbidden');
  const errors: FieldError[] = [];
  const q = context.url.searchParams.get('q')?.trim() || undefined;
  const role = oneOf(context, 'role', ROLES, errors);
  const status = oneOf(context, 'status', USER_STATUSES, errors);
  const sort: UserSort = oneOf(context, 'sort', USER_SORTS, errors) ?? 'name';
  const queryKey = JSON.stringify(['users', q ?? '', role ?? '', status ?? '', sort]);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  return pageBody(context, queryKey, await context.tx.pageUsers({ q, role, status, sort, ...page }));
}

async function createUser(context: Context): Promise<Response> {
  const { services, viewer, body, tx, account } = context;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const refusal = await seatProblem(context);
  if (refusal) return refusal;
  if (body === INVALID_JSON) return invalidJson();
  const { errors, input } = await validateUserCreate(body, account, tx);
  if (!input) return fieldProblem(errors);

  const at = stamp(services);
  const user: User = {
    id: await tx.newId('usr'),
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone || null,
    role: input.role,
    status: 'pending',
    verifiedAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    creditLimit: input.creditLimit ?? null,
    creditsSpent: 0,
    allowedIps: input.allowedIps ?? [],
    notifications: { taskUpdates: true, reportReady: true, creditsLow: true, ...input.notifications },
    access: normalizeAccess(input.access ?? { tools: [], tasks: [] }),
  };
  const passwordHash = input.password === undefined ? null : await services.passwords.hash(input.password);
  await tx.insertUser(user, { passwordHash });
  await audit(context, 'user.created', user, auditChanges(null, user));
  // The verification link always goes out; `sendWelcomeEmail` (the form's unticked box) makes it the welcome mail.
  await sendVerification(verificationOf(context), user, input.sendWelcomeEmail ?? false);
  await audit(context, 'verification.sent', user);
  return json(user, 201, { ...etag(user), location: `${services.basePath}/users/${user.id}` });
}

/** v1.1 early checks: the answer a create with these fields would get, without creating anything. */
async function validateNewUser(context: Context): Promise<Response> {
  const { viewer, body, tx, account } = context;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const refusal = await seatProblem(context);
  if (refusal) return refusal;
  if (body === INVALID_JSON) return invalidJson();
  const { errors } = await validateUserCreate(body, account, tx, { partial: true });
  return errors.length ? fieldProblem(errors) : empty(204);
}

async function getUser(context: Context): Promise<Response> {
  const user = await readableUser(context);
  if (user instanceof Response) return user;
  const tag = `"${user.version}"`;
  const unchanged = context.request.headers
    .get('if-none-match')
    ?.split(',')
    .some((value) => value.trim() === tag || value.trim() === '*');
  return unchanged ? new Response(null, { status: 304, headers: etag(user) }) : json(user, 200, etag(user));
}

async function updateUser(context: Context): Promise<Response> {
  const { services, viewer, params, body, request, tx, account } = context;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const current = await tx.user(params.id!);
  if (!current) return problem('not_found');
  const conflict = versionConflict(request, current);
  if (conflict) return conflict;
  if (body === INVALID_JSON) return invalidJson();
  if (current.role === 'owner' && typeof body === 'object' && body !== null && 'role' in body) {
    return problem('owner_immutable', { errors: [fieldError('role', 'owner_immutable')] });
  }
  const { errors, input } = await validateUserPatch(body, current, account, tx);
  if (!input) return fieldProblem(errors);

  const next: User = {
    ...current,
    ...(input.firstName !== undefined && { firstName: input.firstName }),
    ...(input.lastName !== undefined && { lastName: input.lastName }),
    ...(input.phone !== undefined && { phone: input.phone || null }),
    ...(input.role !== undefined && { role: input.role }),
    ...(input.creditLimit !== undefined && { creditLimit: input.creditLimit }),
    ...(input.allowedIps !== undefined && { allowedIps: input.allowedIps }),
    ...(input.access !== undefined && { access: normalizeAccess(input.access) }),
    notifications: { ...current.notifications, ...input.notifications },
    version: current.version + 1,
    updatedAt: stamp(services),
  };
  // A PATCH that changes nothing is no new version (a password counts as a change, though unseen).
  const unchanged = (user: User) => JSON.stringify({ ...user, version: 0, updatedAt: '' });
  if (input.password === undefined && unchanged(next) === unchanged(current)) return json(current, 200, etag(current));
  await tx.updateUser(next);
  if (input.password !== undefined)
    await tx.setUserSecrets(next.id, { passwordHash: await services.passwords.hash(input.password) });
  const changes = auditChanges(current, next, input.password !== undefined);
  const accessChanges = changes.filter((change) => change.field.startsWith('access.'));
  const otherChanges = changes.filter((change) => !change.field.startsWith('access.'));
  if (otherChanges.length) await audit(context, 'user.updated', next, otherChanges);
  if (accessChanges.length) await audit(context, 'access.changed', next, accessChanges);
  return json(next, 200, etag(next));
}

async function deleteUser(context: Context): Promise<Response> {
  const { services, viewer, params, request, url, tx } = context;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const user = await tx.user(params.id!);
  if (!user) return problem('not_found');
  if (user.role === 'owner') return problem('owner_immutable', { detail: 'The owner cannot be deleted.' });
  const conflict = versionConflict(request, user);
  if (conflict) return conflict;
  const mode = url.searchParams.get('tasks') ?? 'transfer';
  if (mode !== 'transfer' && mode !== 'delete') {
    return fieldProblem([fieldError('tasks', 'invalid_value', 'Use transfer or delete.')]);
  }

  if (mode === 'transfer') {
    await tx.transferTasks(user.id, (await tx.owner()).id);
  } else {
    const owned = await tx.tasksOwnedBy(user.id);
    const granted = await tx.usersGrantedAny(owned);
    const removed = new Set(owned);
    // SPEC rule 10 holds after a delete too: a guest whose only tasks go with it would have none.
    const stranded = granted.filter(
      (other) =>
        other.role === 'guest' && other.id !== user.id && other.access.tasks.every((ref) => removed.has(ref.taskId)),
    );
    if (stranded.length) {
      const names = stranded.map(fullName).join(', ');
      return problem('guests_need_tasks', {
        detail: `Deleting these tasks would leave ${names} with no task. Transfer the tasks to the owner instead, or grant them other tasks first.`,
        errors: stranded.map((guest) =>
          fieldError(`guests.${guest.id}`, 'guest_requires_task', `${fullName(guest)} would have no task left.`),
        ),
      });
    }
    await tx.deleteTasksOf(user.id);
    // Grants of deleted tasks go with them.
    for (const other of granted) {
      if (other.id === user.id) continue;
      const tasks = other.access.tasks.filter((ref) => !removed.has(ref.taskId));
      await tx.updateUser({
        ...other,
        access: { ...other.access, tasks },
        version: other.version + 1,
        updatedAt: stamp(services),
      });
    }
  }
  await tx.deleteUser(user.id);
  await audit(context, 'user.deleted', user, [{ field: 'tasks', from: null, to: mode }]);
  return empty(204);
}

async function resendVerification(context: Context): Promise<Response> {
  const { viewer, params, tx } = context;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const user = await tx.user(params.id!);
  if (!user) return problem('not_found');
  if (user.status !== 'pending') return problem('already_verified');
  await sendVerification(verificationOf(context), user, false);
  await audit(context, 'verification.sent', user);
  return empty(202);
}

async function userStats(context: Context): Promise<Response> {
  const user = await readableUser(context);
  if (user instanceof Response) return user;
  const { tx, account } = context;
  const stats: UserStats = {
    role: user.role,
    creditLimit: user.creditLimit,
    createdAt: user.createdAt,
    creditsAvailable: creditsAvailable(user, account.balance),
    creditsSpent: user.creditsSpent,
    tasksOwned: await tx.countTasksOwned(user.id),
    lastActiveAt: await tx.lastActiveAt(user.id),
  };
  return json(stats);
}

async function userEvents(context: Context): Promise<Response> {
  const user = await readableUser(context);
  if (user instanceof Response) return user;
  const errors: FieldError[] = [];
  const type = oneOf(context, 'type', EVENT_TYPES, errors);
  const from = readInstant(context, 'from', errors);
  const to = readInstant(context, 'to', errors);
  const queryKey = JSON.stringify(['events', user.id, type ?? '', from ?? '', to ?? '']);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  // `from` is inclusive, `to` exclusive, so consecutive ranges never count an event twice.
  return pageBody(context, queryKey, await context.tx.pageEvents(user.id, { type, from, to }, page));
}

// ---- Tasks ------------------------------------------------------------------------------------

async function toolTasks(context: Context): Promise<Response> {
  const { viewer, params, url, account } = context;
  const tool = account.tools.find((candidate) => candidate.id === params.toolId);
  if (!tool) return problem('not_found');
  const errors: FieldError[] = [];
  const q = url.searchParams.get('q')?.trim() || '';
  const queryKey = JSON.stringify(['tool-tasks', tool.id, q]);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  return pageBody(
    context,
    queryKey,
    await context.tx.pageTasks({ toolId: tool.id, q, visibleTo: viewer, order: 'name' }, page),
  );
}

async function listTasks(context: Context): Promise<Response> {
  const { viewer, url } = context;
  const errors: FieldError[] = [];
  const toolId = url.searchParams.get('toolId') || undefined;
  const ownerId = url.searchParams.get('ownerId') || undefined;
  const shared = oneOf(context, 'shared', ['true', 'false'] as const, errors);
  const queryKey = JSON.stringify(['tasks', toolId ?? '', ownerId ?? '', shared ?? '']);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  // `shared=true`: tasks other profiles created; `shared=false`: the viewer's own; absent: both.
  const filter = {
    toolId,
    ownerId,
    visibleTo: viewer,
    shared: shared === undefined ? undefined : { viewerId: viewer.id, shared: shared === 'true' },
    order: 'createdAt' as const,
  };
  return pageBody(context, queryKey, await context.tx.pageTasks(filter, page));
}

/** Charges `cost` to `user` against their limit and the balance, and records the event. */
export async function charge(
  tx: AccountTx,
  account: AccountState,
  user: User,
  event: Omit<RosterEvent, 'id'> & { taskName?: string | null },
): Promise<RosterEvent | Response> {
  const refusal = chargeProblem(user, event.cost, account.balance);
  if (refusal) return problem(refusal, { detail: `This costs ${event.cost} credits.` });
  const stored = { id: await tx.newId('evt'), taskName: null, ...event } as RosterEvent;
  if (event.cost !== 0) {
    // Spending changes no editable field, so the profile's version (its ETag) stays.
    await tx.updateUser({ ...user, creditsSpent: user.creditsSpent + event.cost });
    await tx.updateAccount({ balance: account.balance - event.cost });
  }
  await tx.insertEvent(user.id, stored);
  return stored;
}

async function createTask(context: Context): Promise<Response> {
  const { services, viewer, body, tx, account } = context;
  if (body === INVALID_JSON) return invalidJson();
  const toolId =
    typeof body === 'object' && body !== null && typeof (body as { toolId?: unknown }).toolId === 'string'
      ? (body as { toolId: string }).toolId
      : undefined;
  if (!mayCreateTaskIn(viewer, toolId)) return problem('forbidden');
  const { errors, input, tool } = validateTaskCreate(body, account);
  if (tool) {
    const refusal = chargeProblem(viewer, tool.taskCost, account.balance);
    if (refusal) return problem(refusal, { detail: `The task costs ${tool.taskCost} credits.` });
  }
  if (errors.length || !input || !tool) return fieldProblem(errors);

  const at = stamp(services);
  const task: Task = {
    id: await tx.newId('tsk'),
    toolId: tool.id,
    name: input.name,
    ownerId: viewer.id,
    createdAt: at,
  };
  await tx.insertTask(task);
  await charge(tx, account, viewer, {
    at,
    type: 'task_created',
    description: taskDescription(task.name, tool),
    cost: tool.taskCost,
    toolId: tool.id,
    taskId: task.id,
    taskName: task.name,
  });
  return json(task, 201, { location: `${services.basePath}/tasks/${task.id}` });
}

export const taskDescription = (name: string, tool: Tool) => `Created the task “${name}” in ${tool.name}`;

// ---- Account ----------------------------------------------------------------------------------

async function setAccountPassword(context: Context): Promise<Response> {
  const { services, viewer, body, tx, account } = context;
  if (viewer.role !== 'owner') return problem('forbidden');
  if (account.passwordMode !== 'shared') {
    return problem('forbidden', {
      detail: 'This account uses per-user passwords; there is no account password to set.',
    });
  }
  if (body === INVALID_JSON) return invalidJson();
  const password = typeof body === 'object' && body !== null ? (body as { password?: unknown }).password : undefined;
  if (typeof password !== 'string')
    return fieldProblem([fieldError('password', password === undefined ? 'required' : 'invalid_type')]);
  const weakness = serverPasswordProblem(password, viewer.email);
  if (weakness) return fieldProblem([fieldError('password', weakness)]);
  await tx.setAccountPasswordHash(await services.passwords.hash(password));
  await tx.updateAccount({ passwordSetAt: stamp(services) });
  await audit(context, 'account.password_changed', null, [{ field: 'password', from: null, to: null }]);
  return empty(204);
}

// ---- Audit log --------------------------------------------------------------------------------

async function listAudit(context: Context): Promise<Response> {
  if (!can(context.viewer, 'users:read')) return problem('forbidden');
  const errors: FieldError[] = [];
  const params = context.url.searchParams;
  const actorId = params.get('actorId') || undefined;
  const targetId = params.get('targetId') || undefined;
  const action = oneOf(context, 'action', AUDIT_ACTIONS, errors);
  const from = readInstant(context, 'from', errors);
  const to = readInstant(context, 'to', errors);
  const queryKey = JSON.stringify(['audit', actorId ?? '', targetId ?? '', action ?? '', from ?? '', to ?? '']);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  return pageBody(context, queryKey, await context.tx.pageAudit({ actorId, targetId, action, from, to }, page));
}

// ---- Verification -----------------------------------------------------------------------------

const verificationOf = (context: Context): Verification => ({
  tx: context.tx,
  account: context.account,
  basePath: context.services.basePath,
  publicOrigin: context.services.publicOrigin,
  now: context.services.now,
  acceptLanguage: context.request.headers.get('accept-language'),
  owner: () => context.tx.owner(),
});

export const ROUTES: Route[] = [
  { method: 'GET', path: '/me', handler: getMe },
  { method: 'GET', path: '/users', handler: listUsers },
  { method: 'POST', path: '/users', handler: createUser, idempotent: true },
  { method: 'POST', path: '/users/validate', handler: validateNewUser },
  { method: 'GET', path: '/users/:id', handler: getUser },
  { method: 'PATCH', path: '/users/:id', handler: updateUser },
  { method: 'DELETE', path: '/users/:id', handler: deleteUser },
  { method: 'POST', path: '/users/:id/verification', handler: resendVerification },
  { method: 'GET', path: '/users/:id/stats', handler: userStats },
  { method: 'GET', path: '/users/:id/events', handler: userEvents },
  { method: 'GET', path: '/tools/:toolId/tasks', handler: toolTasks },
  { method: 'GET', path: '/tasks', handler: listTasks },
  { method: 'POST', path: '/tasks', handler: createTask, idempotent: true },
  { method: 'PUT', path: '/account/password', handler: setAccountPassword },
  { method: 'GET', path: '/audit', handler: listAudit },
];
