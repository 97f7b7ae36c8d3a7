/**
 * The Roster HTTP contract (v1) as zod/mini schemas: the source of every SDK type.
 * Response schemas validate what the server sends; input schemas (`UserCreateSchema`,
 * `UserPatchSchema`, `TaskCreateSchema`) carry the rules a form can check before a request.
 */
import * as z from 'zod/mini';
import {
  type FieldError,
  type FieldErrorCode,
  emailSyntaxProblem,
  isE164,
  nameProblem,
  normalizePhone,
  parseAllowedIp,
  passwordProblem,
  taskNameProblem,
} from './rules.js';

/**
 * A check that a value of the answer passes `test`. For these three rules, a plain check costs far
 * fewer bytes than zod's string and number formats; `jsonSchema`, its JSON Schema meaning where the
 * OpenAPI document (scripts/openapi-document.ts) cannot tell it otherwise, spares the SDK zod's
 * metadata registry.
 */
const must = <T>(test: (value: T) => boolean, jsonSchema?: object) =>
  Object.assign(
    (ctx: z.core.ParsePayload<T>) => {
      // `continue`, as zod's own checks do: the rules of the object around still run.
      if (!test(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, continue: true });
    },
    { jsonSchema },
  );

const id = z.string().check(must((value) => value !== ''));
// RFC 3339 date-time; a plain pattern costs far fewer bytes than zod's ISO parser.
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;
const timestamp = z.string().check(must((value) => RFC3339.test(value), { pattern: RFC3339.source }));
const integer = z.number().check(must(Number.isSafeInteger));
const credits = integer;

/**
 * One of `values`. A check costs far fewer bytes than `z.enum`, and raises the issue z.enum raises
 * (`invalid_value` with the values, without `continue`: the rules of the object around stop too).
 */
const oneOf = <const T extends readonly string[]>(values: T) =>
  z.unknown().check((ctx) => {
    if (!values.includes(ctx.value as string))
      ctx.issues.push({ code: 'invalid_value', values: [...values], input: ctx.value });
  }) as unknown as z.ZodMiniType<T[number], T[number]>;

export const ROLES = ['owner', 'manager', 'specialist', 'guest'] as const;
export const ASSIGNABLE_ROLES = ['manager', 'specialist', 'guest'] as const;
export const USER_STATUSES = ['pending', 'active'] as const;
export const USER_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'creditsSpent', '-creditsSpent'] as const;
export const EVENT_TYPES = ['task_created', 'task_updated', 'report_downloaded', 'signed_in'] as const;
export const PERMISSIONS = ['users:read', 'users:write'] as const;
/** v1.1: what an audit entry records. */
export const AUDIT_ACTIONS = [
  'user.created',
  'user.updated',
  'user.deleted',
  'user.verified',
  'verification.sent',
  'access.changed',
  'account.password_changed',
] as const;

export const RoleSchema = oneOf(ROLES);
export const AssignableRoleSchema = oneOf(ASSIGNABLE_ROLES);
export const UserStatusSchema = oneOf(USER_STATUSES);
export const EventTypeSchema = oneOf(EVENT_TYPES);

export const ToolSchema = z.object({ id, name: z.string(), taskCost: credits });

export const AccountSchema = z.object({
  id,
  name: z.string(),
  plan: z.object({ name: z.string(), seatLimit: integer }),
  seatsUsed: integer,
  emailDomain: z.nullable(z.string()),
  singleProfile: z.boolean(),
  passwordMode: oneOf(['shared', 'per-user']),
  credits: z.object({ balance: credits }),
  tools: z.array(ToolSchema),
  /** v1.1: the account's language for mails and the verification page (BCP 47). */
  locale: z.optional(z.string()),
});

export const NotificationsSchema = z.object({
  taskUpdates: z.boolean(),
  reportReady: z.boolean(),
  creditsLow: z.boolean(),
});

export const TaskRefSchema = z.object({ toolId: id, taskId: id });
export const AccessSchema = z.object({ tools: z.array(id), tasks: z.array(TaskRefSchema) });

/**
 * v1.1 item limits of a profile's lists (422 `too_many_items`). A leading `maxLength` refuses an
 * oversized list before any of its items is parsed, so no per-item rule ever walks one.
 */
export const ITEM_LIMITS = { allowedIps: 100, 'access.tools': 1_000, 'access.tasks': 10_000 } as const;
/** The highest credit limit a profile takes (`credit_limit_too_high` above it). */
export const CREDIT_LIMIT_MAX = 1_000_000_000;

/** The message of `too_many_items`, the server's wording. */
export const tooManyItemsMessage = (max: number) => `Use at most ${max.toLocaleString('en')} items.`;

/**
 * A list's item limit. It is named like zod's own `max_length` check, which zod runs before it
 * parses any item (an oversized list is refused without being walked), at a fraction of the bytes
 * of `z.maxLength`.
 */
const atMost = (maximum: number) =>
  ({
    _zod: {
      def: { check: 'max_length', maximum, when: () => true },
      check: (ctx: z.core.ParsePayload<unknown[]>) => {
        if (ctx.value.length > maximum) {
          ctx.issues.push({
            code: 'custom',
            message: tooManyItemsMessage(maximum),
            input: ctx.value,
            params: { code: 'too_many_items' },
          });
        }
      },
      onattach: [],
    },
  }) as unknown as z.core.$ZodCheck<unknown[]>;

const accessInput = z.object({
  tools: z.array(id).check(atMost(ITEM_LIMITS['access.tools'])),
  tasks: z.array(TaskRefSchema).check(atMost(ITEM_LIMITS['access.tasks'])),
});

export const UserSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.nullable(z.string()),
  role: RoleSchema,
  status: UserStatusSchema,
  verifiedAt: z.nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: integer,
  creditLimit: z.nullable(credits),
  creditsSpent: credits,
  allowedIps: z.array(z.string()),
  notifications: NotificationsSchema,
  access: AccessSchema,
});

export const MeSchema = z.object({
  user: UserSchema,
  account: AccountSchema,
  permissions: z.array(z.string()),
});

export const UserStatsSchema = z.object({
  role: RoleSchema,
  creditLimit: z.nullable(credits),
  createdAt: timestamp,
  creditsAvailable: credits,
  creditsSpent: credits,
  tasksOwned: integer,
  lastActiveAt: z.nullable(timestamp),
});

export const EventSchema = z.object({
  id,
  at: timestamp,
  type: z.string(),
  description: z.string(),
  cost: credits,
  toolId: z.nullable(z.string()),
  taskId: z.nullable(z.string()),
  /** v1.1: the task's name when the event happened, for descriptions in the viewer's language. */
  taskName: z.optional(z.nullable(z.string())),
});

export const TaskSchema = z.object({ id, toolId: id, name: z.string(), ownerId: id, createdAt: timestamp });

/**
 * v1.1: one administrative change. `changes` lists each field's old and new value: grants one per
 * tool or task added (`from` null) or removed (`to` null), a task as `{ toolId, taskId }`, a password
 * as `{ field: 'password', from: null, to: null }` (never its value). A target is null for a change
 * of the account itself.
 */
export const AuditEntrySchema = z.object({
  id,
  at: timestamp,
  actor: z.object({ id, name: z.string() }),
  // A string, not the enum: a server may record actions this version does not know, and views show them as sent.
  action: z.string(),
  targetId: z.nullable(z.string()),
  targetName: z.nullable(z.string()),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});

export const PageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()), total: integer });

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: integer,
  code: z.string(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), code: z.string(), message: z.string() }))),
});

// ---- Input rules -------------------------------------------------------------------------

/** English default texts for field codes; the elements show localised ones by code. */
export const FIELD_MESSAGES: Record<FieldErrorCode, string> = {
  required: 'This field is required.',
  too_long: 'This is too long.',
  name_needs_letter: 'A name needs at least one letter.',
  control_characters: 'Line breaks and control characters are not allowed.',
  invalid_type: 'This value has the wrong type.',
  invalid_value: 'This value is not allowed.',
  invalid_email: 'This is not a valid email address.',
  email_role_address: 'Use a personal address, not a role or team address.',
  email_freemail: 'Use a company address, not a free-mail one.',
  email_domain_mismatch: "Use an address at the account's email domain.",
  email_taken: 'A profile with this email already exists.',
  email_immutable: 'The email cannot be changed.',
  invalid_phone: 'Enter the number with its country code, e.g. +49 30 1234567.',
  password_not_allowed: 'This account uses one shared password; profiles take none.',
  password_too_short: 'Use at least 12 characters.',
  password_too_long: 'Use at most 128 characters.',
  password_too_weak: 'This password is too easy to guess.',
  credit_limit_not_allowed: 'Only specialists have a credit limit.',
  invalid_credit_limit: 'Enter a whole number of credits, 0 or more.',
  credit_limit_too_high: 'Use at most 1,000,000,000 credits.',
  guest_requires_task: 'A guest needs access to at least one task.',
  invalid_ip: 'Not an IPv4 or IPv6 address or range.',
  ip_host_bits_set: 'This range has host bits set.',
  duplicate_ip: 'This address is listed twice.',
  unknown_tool: 'This tool does not exist.',
  unknown_task: 'This task does not exist.',
  owner_immutable: "The owner's role cannot change.",
  too_many_items: 'This list has too many items.',
};

/** Raises the field error `code` at `path` below the checked value, with its English message. */
function issue(ctx: z.core.ParsePayload, code: FieldErrorCode, path: PropertyKey[] = [], suggestion?: string) {
  const message = suggestion ? `${FIELD_MESSAGES[code]} Did you mean ${suggestion}?` : FIELD_MESSAGES[code];
  // `continue`: the other rules still run, so that a form learns every problem at once.
  ctx.issues.push({ code: 'custom', message, input: ctx.value, path, params: { code }, continue: true });
}

/**
 * A field rule: `normalize` rewrites the value (the parsed data holds the result), then `problem`
 * names the rule it breaks, if any.
 */
const rule =
  <T>(problem: (value: T) => FieldErrorCode | null, normalize = (value: T) => value) =>
  (ctx: z.core.ParsePayload<T>) => {
    ctx.value = normalize(ctx.value);
    const code = problem(ctx.value);
    if (code) issue(ctx, code);
  };

const trim = (value: string) => value.trim();

const personName = z.string().check(rule(nameProblem, trim));

const email = z.string().check(rule(emailSyntaxProblem, (value) => value.trim().toLowerCase()));

/** Optional phone: empty means none; otherwise normalised to E.164. */
const phone = z.nullable(
  z.string().check(
    rule(
      (value) => (value === '' || isE164(value) ? null : 'invalid_phone'),
      (value) => normalizePhone(value) ?? value.trim(),
    ),
  ),
);

const password = z.string().check(rule(passwordProblem));

const creditLimit = z.nullable(
  z
    .number()
    .check(
      rule((value) =>
        value > CREDIT_LIMIT_MAX
          ? 'credit_limit_too_high'
          : Number.isSafeInteger(value) && value >= 0
            ? null
            : 'invalid_credit_limit',
      ),
    ),
);

/** Allowed IPs, each canonicalised (SPEC rule 11); an entry listed twice is refused. */
const allowedIps = z.array(z.string()).check(atMost(ITEM_LIMITS.allowedIps), (ctx) => {
  const canonical: string[] = [];
  // A Set, not a scan of the list so far: the check stays linear in the list's length.
  const seen = new Set<string>();
  ctx.value.forEach((entry, index) => {
    const result = parseAllowedIp(entry);
    if (!result.ok) issue(ctx, result.code, [index], result.suggestion);
    else if (seen.has(result.value)) issue(ctx, 'duplicate_ip', [index]);
    else seen.add(result.value);
    canonical.push(result.ok ? result.value : entry);
  });
  ctx.value = canonical;
});

const notificationsInput = z.object({
  taskUpdates: z.optional(z.boolean()),
  reportReady: z.optional(z.boolean()),
  creditsLow: z.optional(z.boolean()),
});

/**
 * The rules between fields: only a specialist has a credit limit, a guest needs a task. A create
 * without `access` grants none; a patch without it keeps the access the user has.
 */
const roleRules =
  (creating: boolean) =>
  (ctx: z.core.ParsePayload<{ role?: string; creditLimit?: number | null; access?: { tasks: unknown[] } }>) => {
    const { role, creditLimit, access } = ctx.value;
    if (role && role !== 'specialist' && creditLimit != null) issue(ctx, 'credit_limit_not_allowed', ['creditLimit']);
    if (role === 'guest' && (access ? access.tasks.length === 0 : creating))
      issue(ctx, 'guest_requires_task', ['access', 'tasks']);
  };

export const UserCreateSchema = z
  .object({
    firstName: personName,
    lastName: personName,
    email,
    role: AssignableRoleSchema,
    phone: z.optional(phone),
    password: z.optional(password),
    creditLimit: z.optional(creditLimit),
    allowedIps: z.optional(allowedIps),
    notifications: z.optional(notificationsInput),
    access: z.optional(accessInput),
    sendWelcomeEmail: z.optional(z.boolean()),
  })
  .check(roleRules(true));

export const UserPatchSchema = z
  .strictObject({
    firstName: z.optional(personName),
    lastName: z.optional(personName),
    phone: z.optional(phone),
    password: z.optional(password),
    role: z.optional(AssignableRoleSchema),
    creditLimit: z.optional(creditLimit),
    allowedIps: z.optional(allowedIps),
    notifications: z.optional(notificationsInput),
    access: z.optional(accessInput),
  })
  .check(roleRules(false));

export const TaskCreateSchema = z.object({ toolId: id, name: z.string().check(rule(taskNameProblem, trim)) });

/**
 * Turns zod issues into the contract's field errors (`{ field, code, message }`). Pass the parsed
 * `input` too, so that a field left out is reported as `required` rather than as a wrong value.
 */
export function fieldErrorsFrom(error: z.core.$ZodError, input?: unknown): FieldError[] {
  const valueAt = (path: PropertyKey[]) =>
    path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | null)?.[key], input);
  return error.issues.map((problem) => {
    let field = problem.path.join('.');
    // The rules above carry their own code and message.
    const own = (problem as { params?: { code?: FieldErrorCode } }).params?.code;
    if (own) return { field, code: own, message: problem.message };
    let code: FieldErrorCode = problem.code === 'invalid_type' ? 'invalid_type' : 'invalid_value';
    if (problem.code === 'unrecognized_keys') {
      const email = problem.keys.includes('email');
      field = email ? 'email' : problem.keys.join();
      if (email) code = 'email_immutable';
    } else if (input !== undefined && valueAt(problem.path) === undefined) {
      code = 'required';
    }
    return { field, code, message: FIELD_MESSAGES[code] };
  });
}

export type Role = z.infer<typeof RoleSchema>;
export type AssignableRole = z.infer<typeof AssignableRoleSchema>;
export type UserStatus = z.infer<typeof UserStatusSchema>;
export type UserSort = (typeof USER_SORTS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type Tool = z.infer<typeof ToolSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type Notifications = z.infer<typeof NotificationsSchema>;
export type TaskRef = z.infer<typeof TaskRefSchema>;
export type Access = z.infer<typeof AccessSchema>;
export type User = z.infer<typeof UserSchema>;
export type Me = z.infer<typeof MeSchema>;
export type UserStats = z.infer<typeof UserStatsSchema>;
export type RosterEvent = z.infer<typeof EventSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditChange = AuditEntry['changes'][number];
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };
export type Problem = z.infer<typeof ProblemSchema>;
export type UserCreate = z.input<typeof UserCreateSchema>;
export type UserPatch = z.input<typeof UserPatchSchema>;
export type TaskCreate = z.input<typeof TaskCreateSchema>;
