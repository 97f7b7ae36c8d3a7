/**
 * The HTTP contract (v1) as a route table. Each handler follows SPEC's order: authentication
 * (done before dispatch), permission, account-level refusals, then fields. Handlers are
 * synchronous, so a write and its idempotency record can never interleave with another request.
 */
import { EVENT_TYPES, ROLES, USER_SORTS, USER_STATUSES } from '../sdk/schemas.js';
import type { FieldError } from '../sdk/rules.js';
import type { Account, Me, RosterEvent, Task, User, UserSort, UserStats } from '../sdk/schemas.js';
import { type CursorPosition, type Cursors, empty, fieldError, fieldProblem, json, problem, randomToken } from './http.js';
import { serverPasswordProblem } from './passwords.js';
import {
  can,
  canSeeTask,
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
import { type Store, fold } from '../mock/store.js';

export interface Services {
  store: Store;
  /** The base URL's path, e.g. `/api/roster/v1`. */
  basePath: string;
  now: () => Date;
  cursors: Cursors;
}

export interface Context {
  services: Services;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The signed-in profile; public routes act for no one and must not read it. */
  viewer: User;
  /** The parsed JSON body: undefined when empty, `INVALID_JSON` when unreadable. */
  body: unknown;
}

export const INVALID_JSON = Symbol('invalid JSON');

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  handler: (context: Context) => Response;
  /** Replays answers for a repeated `Idempotency-Key`. */
  idempotent?: boolean;
  /** Needs no bearer token (the verification link). */
  public?: boolean;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

// ---- Small helpers ----------------------------------------------------------------------------

const stamp = (services: Services) => services.now().toISOString();
const etag = (user: User) => ({ etag: `"${user.version}"` });
const invalidJson = () => problem('validation_failed', { detail: 'The request body is not valid JSON.' });

/** A profile the viewer may read: anyone with `users:read`, and everyone their own. */
function readableUser(context: Context): User | Response {
  const { viewer, params, services } = context;
  if (params.id !== viewer.id && !can(viewer, 'users:read')) return problem('forbidden');
  return services.store.users.get(params.id!) ?? problem('not_found');
}

/** `If-Match` is optional; when given it must name the stored version (or `*`). */
function versionConflict(request: Request, user: User): Response | null {
  const header = request.headers.get('if-match');
  if (header === null) return null;
  const matches = header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === `"${user.version}"`;
  });
  return matches ? null : problem('version_conflict', { detail: `The profile is at version ${user.version}.` });
}

interface PageQuery {
  limit: number;
  after: CursorPosition | null;
}

/** Reads `limit` and `cursor`; the cursor must have been issued for this very query. */
function readPage(context: Context, queryKey: string, errors: FieldError[]): PageQuery {
  const params = context.url.searchParams;
  let limit = DEFAULT_LIMIT;
  const limitText = params.get('limit');
  if (limitText !== null) {
    limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) errors.push(fieldError('limit', 'invalid_value', `Use a whole number from 1 to ${MAX_LIMIT}.`));
  }
  const cursorText = params.get('cursor');
  let after: CursorPosition | null = null;
  if (cursorText !== null && cursorText !== '') {
    after = context.services.cursors.decode(queryKey, cursorText);
    if (!after) errors.push(fieldError('cursor', 'invalid_value', 'This cursor is not valid for this list.'));
  }
  return { limit, after };
}

function oneOf<T extends string>(context: Context, name: string, allowed: readonly T[], errors: FieldError[]): T | undefined {
  const value = context.url.searchParams.get(name);
  if (value === null || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  errors.push(fieldError(name, 'invalid_value', `Use one of: ${allowed.join(', ')}.`));
  return undefined;
}

/** Pages through a small, already ordered list by the position of the last item returned. */
function pageOf<T extends { id: string }>(
  items: T[], keyOf: (item: T) => string | number, descending: boolean, page: PageQuery,
): { items: T[]; next: CursorPosition | null } {
  const after = page.after;
  const sign = descending ? -1 : 1;
  const order = (item: T, key: string | number, id: string) => {
    const own = keyOf(item);
    return sign * (own < key ? -1 : own > key ? 1 : item.id < id ? -1 : item.id > id ? 1 : 0);
  };
  const start = after ? items.findIndex((item) => order(item, after[0], after[1]) > 0) : 0;
  const slice = start === -1 ? [] : items.slice(start, start + page.limit);
  const more = start !== -1 && start + page.limit < items.length;
  const last = slice[slice.length - 1];
  return { items: slice, next: more && last ? [keyOf(last), last.id] : null };
}

function sortBy<T extends { id: string }>(items: T[], keyOf: (item: T) => string | number, descending: boolean): T[] {
  const sign = descending ? -1 : 1;
  return items.sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

function pageBody<T>(context: Context, queryKey: string, items: T[], total: number, next: CursorPosition | null) {
  return json({ items, nextCursor: next ? context.services.cursors.encode(queryKey, next) : null, total });
}

function accountOf(services: Services): Account {
  const { account, users } = services.store;
  return {
    id: account.id,
    name: account.name,
    plan: { name: account.planName, seatLimit: account.seatLimit },
    seatsUsed: users.size,
    emailDomain: account.emailDomain,
    singleProfile: isSingleProfileAccount(services.store),
    passwordMode: account.passwordMode,
    credits: { balance: account.balance },
    tools: account.tools.map((tool) => ({ ...tool })),
  };
}

/** Sends the verification link; with `welcome`, as the welcome mail that carries it. */
export function sendVerification(services: Services, user: User, welcome: boolean): void {
  const { store, basePath } = services;
  const token = randomToken();
  store.verificationTokens.set(token, user.id);
  const link = `${basePath}/verify/${token}`;
  const account = store.account.name;
  store.outbox.push({
    to: user.email,
    subject: welcome ? `Welcome to ${account}: please confirm your email address` : `Confirm your email address for ${account}`,
    link,
    text: `${welcome ? `Hello ${user.firstName}, ${store.owner().firstName} added you to ${account}.` : `Hello ${user.firstName},`}\n`
      + `Confirm your email address to sign in: ${link}`,
    kind: welcome ? 'welcome' : 'verification',
    userId: user.id,
    sentAt: stamp(services),
  });
}

// ---- Profiles ---------------------------------------------------------------------------------

function getMe(context: Context): Response {
  const me: Me = { user: context.viewer, account: accountOf(context.services), permissions: permissionsOf(context.viewer.role) };
  return json(me);
}

function listUsers(context: Context): Response {
  if (!can(context.viewer, 'users:read')) return problem('forbidden');
  const errors: FieldError[] = [];
  const q = context.url.searchParams.get('q')?.trim() || undefined;
  const role = oneOf(context, 'role', ROLES, errors);
  const status = oneOf(context, 'status', USER_STATUSES, errors);
  const sort: UserSort = oneOf(context, 'sort', USER_SORTS, errors) ?? 'name';
  const queryKey = JSON.stringify(['users', q ?? '', role ?? '', status ?? '', sort]);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  const result = context.services.store.pageUsers({ q, role, status, sort, ...page });
  return pageBody(context, queryKey, result.items, result.total, result.next);
}

function createUser(context: Context): Response {
  const { services, viewer, body } = context;
  const { store } = services;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  if (isSingleProfileAccount(store)) {
    return problem('single_profile_account', { detail: "The owner's address is a free-mail or role address, so this account has one profile." });
  }
  if (store.users.size >= store.account.seatLimit) {
    return problem('seat_limit_reached', { detail: `The plan has ${store.account.seatLimit} seats, pending profiles included.` });
  }
  if (body === INVALID_JSON) return invalidJson();
  const { errors, input } = validateUserCreate(body, store);
  if (!input) return fieldProblem(errors);

  const at = stamp(services);
  const user: User = {
    id: store.nextId('usr'),
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
  store.addUser(user);
  // The verification link always goes out; `sendWelcomeEmail` (the form's unticked box) makes it the welcome mail.
  sendVerification(services, user, input.sendWelcomeEmail ?? false);
  return json(user, 201, { ...etag(user), location: `${services.basePath}/users/${user.id}` });
}

function getUser(context: Context): Response {
  const user = readableUser(context);
  return user instanceof Response ? user : json(user, 200, etag(user));
}

function updateUser(context: Context): Response {
  const { services, viewer, params, body, request } = context;
  const { store } = services;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const current = store.users.get(params.id!);
  if (!current) return problem('not_found');
  const conflict = versionConflict(request, current);
  if (conflict) return conflict;
  if (body === INVALID_JSON) return invalidJson();
  if (current.role === 'owner' && typeof body === 'object' && body !== null && 'role' in body) {
    return problem('owner_immutable', { errors: [fieldError('role', 'owner_immutable')] });
  }
  const { errors, input } = validateUserPatch(body, current, store);
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
  store.replaceUser(next);
  return json(next, 200, etag(next));
}

function deleteUser(context: Context): Response {
  const { services, viewer, params, request, url } = context;
  const { store } = services;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const user = store.users.get(params.id!);
  if (!user) return problem('not_found');
  if (user.role === 'owner') return problem('owner_immutable', { detail: 'The owner cannot be deleted.' });
  const conflict = versionConflict(request, user);
  if (conflict) return conflict;
  const mode = url.searchParams.get('tasks') ?? 'transfer';
  if (mode !== 'transfer' && mode !== 'delete') {
    return fieldProblem([fieldError('tasks', 'invalid_value', 'Use transfer or delete.')]);
  }

  const owner = store.owner();
  const removed = new Set<string>();
  for (const task of [...store.tasks.values()]) {
    if (task.ownerId !== user.id) continue;
    if (mode === 'transfer') store.tasks.set(task.id, { ...task, ownerId: owner.id });
    else {
      store.tasks.delete(task.id);
      removed.add(task.id);
    }
  }
  store.removeUser(user.id);
  if (removed.size) {
    // Grants of deleted tasks go with them.
    for (const other of [...store.users.values()]) {
      if (!other.access.tasks.some((ref) => removed.has(ref.taskId))) continue;
      const tasks = other.access.tasks.filter((ref) => !removed.has(ref.taskId));
      store.replaceUser({ ...other, access: { ...other.access, tasks }, version: other.version + 1, updatedAt: stamp(services) });
    }
  }
  return empty(204);
}

function resendVerification(context: Context): Response {
  const { services, viewer, params } = context;
  if (!can(viewer, 'users:write')) return problem('forbidden');
  const user = services.store.users.get(params.id!);
  if (!user) return problem('not_found');
  if (user.status !== 'pending') return problem('already_verified');
  sendVerification(services, user, false);
  return empty(202);
}

function userStats(context: Context): Response {
  const user = readableUser(context);
  if (user instanceof Response) return user;
  const { store } = context.services;
  let tasksOwned = 0;
  for (const task of store.tasks.values()) if (task.ownerId === user.id) tasksOwned += 1;
  const events = store.eventsOf(user.id);
  const lastActiveAt = events.reduce<string | null>((latest, event) => (latest === null || event.at > latest ? event.at : latest), null);
  const stats: UserStats = {
    role: user.role,
    creditLimit: user.creditLimit,
    createdAt: user.createdAt,
    creditsAvailable: creditsAvailable(user, store.account.balance),
    creditsSpent: user.creditsSpent,
    tasksOwned,
    lastActiveAt,
  };
  return json(stats);
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

function userEvents(context: Context): Response {
  const user = readableUser(context);
  if (user instanceof Response) return user;
  const errors: FieldError[] = [];
  const type = oneOf(context, 'type', EVENT_TYPES, errors);
  const from = readInstant(context, 'from', errors);
  const to = readInstant(context, 'to', errors);
  const queryKey = JSON.stringify(['events', user.id, type ?? '', from ?? '', to ?? '']);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  // `from` is inclusive, `to` exclusive, so consecutive ranges never count an event twice.
  const matching = context.services.store.eventsOf(user.id).filter((event) =>
    (!type || event.type === type) && (!from || event.at >= from) && (!to || event.at < to));
  const ordered = sortBy(matching, (event: RosterEvent) => event.at, true);
  const result = pageOf(ordered, (event) => event.at, true, page);
  return pageBody(context, queryKey, result.items, ordered.length, result.next);
}

// ---- Tasks ------------------------------------------------------------------------------------

function toolTasks(context: Context): Response {
  const { services, viewer, params, url } = context;
  const tool = services.store.account.tools.find((candidate) => candidate.id === params.toolId);
  if (!tool) return problem('not_found');
  const errors: FieldError[] = [];
  const q = url.searchParams.get('q')?.trim() || '';
  const queryKey = JSON.stringify(['tool-tasks', tool.id, q]);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  const terms = fold(q).split(/\s+/).filter(Boolean);
  const visible = [...services.store.tasks.values()].filter((task) =>
    task.toolId === tool.id && canSeeTask(viewer, task) && terms.every((term) => fold(task.name).includes(term)));
  const keyOf = (task: Task) => fold(task.name);
  const ordered = sortBy(visible, keyOf, false);
  const result = pageOf(ordered, keyOf, false, page);
  return pageBody(context, queryKey, result.items, ordered.length, result.next);
}

function listTasks(context: Context): Response {
  const { services, viewer, url } = context;
  const errors: FieldError[] = [];
  const toolId = url.searchParams.get('toolId') || undefined;
  const ownerId = url.searchParams.get('ownerId') || undefined;
  const shared = oneOf(context, 'shared', ['true', 'false'] as const, errors);
  const queryKey = JSON.stringify(['tasks', toolId ?? '', ownerId ?? '', shared ?? '']);
  const page = readPage(context, queryKey, errors);
  if (errors.length) return fieldProblem(errors);
  // `shared=true`: tasks other profiles created; `shared=false`: the viewer's own; absent: both.
  const visible = [...services.store.tasks.values()].filter((task) =>
    canSeeTask(viewer, task)
    && (!toolId || task.toolId === toolId)
    && (!ownerId || task.ownerId === ownerId)
    && (shared === undefined || (shared === 'true') === (task.ownerId !== viewer.id)));
  const ordered = sortBy(visible, (task) => task.createdAt, true);
  const result = pageOf(ordered, (task) => task.createdAt, true, page);
  return pageBody(context, queryKey, result.items, ordered.length, result.next);
}

function createTask(context: Context): Response {
  const { services, viewer, body } = context;
  const { store } = services;
  if (body === INVALID_JSON) return invalidJson();
  const toolId = typeof body === 'object' && body !== null && typeof (body as { toolId?: unknown }).toolId === 'string'
    ? (body as { toolId: string }).toolId
    : undefined;
  if (!mayCreateTaskIn(viewer, toolId)) return problem('forbidden');
  const { errors, input, tool } = validateTaskCreate(body, store);
  if (tool) {
    const refusal = chargeProblem(viewer, tool.taskCost, store.account.balance);
    if (refusal) return problem(refusal, { detail: `The task costs ${tool.taskCost} credits.` });
  }
  if (errors.length || !input || !tool) return fieldProblem(errors);

  const at = stamp(services);
  const task: Task = { id: store.nextId('tsk'), toolId: tool.id, name: input.name, ownerId: viewer.id, createdAt: at };
  store.tasks.set(task.id, task);
  // Spending changes no editable field, so the profile's version (its ETag) stays.
  store.replaceUser({ ...viewer, creditsSpent: viewer.creditsSpent + tool.taskCost });
  store.account.balance -= tool.taskCost;
  store.addEvent(viewer.id, {
    id: store.nextId('evt'),
    at,
    type: 'task_created',
    description: `Created the task “${task.name}” in ${tool.name}`,
    cost: tool.taskCost,
    toolId: tool.id,
    taskId: task.id,
  });
  return json(task, 201, { location: `${services.basePath}/tasks/${task.id}` });
}

// ---- Account ----------------------------------------------------------------------------------

function setAccountPassword(context: Context): Response {
  const { services, viewer, body } = context;
  const { account } = services.store;
  if (viewer.role !== 'owner') return problem('forbidden');
  if (account.passwordMode !== 'shared') {
    return problem('forbidden', { detail: 'This account uses per-user passwords; there is no account password to set.' });
  }
  if (body === INVALID_JSON) return invalidJson();
  const password = typeof body === 'object' && body !== null ? (body as { password?: unknown }).password : undefined;
  if (typeof password !== 'string') return fieldProblem([fieldError('password', password === undefined ? 'required' : 'invalid_type')]);
  const weakness = serverPasswordProblem(password, viewer.email);
  if (weakness) return fieldProblem([fieldError('password', weakness)]);
  account.passwordSetAt = stamp(services);
  return empty(204);
}

// ---- Verification link ------------------------------------------------------------------------

function verify(context: Context): Response {
  const { services, params, request } = context;
  const { store } = services;
  const user = store.users.get(store.verificationTokens.get(params.token!) ?? '');
  if (!user) return problem('not_found', { detail: 'This verification link is not valid.' });
  let current = user;
  if (user.status === 'pending') {
    const at = stamp(services);
    current = { ...user, status: 'active', verifiedAt: at, updatedAt: at, version: user.version + 1 };
    store.replaceUser(current);
  }
  const wantsHtml = /text\/html/.test(request.headers.get('accept') ?? '') && !/application\/json/.test(request.headers.get('accept') ?? '');
  if (!wantsHtml) return json({ verified: true, userId: current.id, email: current.email, status: current.status });
  const page = '<!doctype html><meta charset="utf-8"><title>Email confirmed</title>'
    + '<p>Your email address is confirmed. You can sign in now.</p>';
  return new Response(page, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export const ROUTES: Route[] = [
  { method: 'GET', path: '/me', handler: getMe },
  { method: 'GET', path: '/users', handler: listUsers },
  { method: 'POST', path: '/users', handler: createUser, idempotent: true },
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
  { method: 'GET', path: '/verify/:token', handler: verify, public: true },
];
