/** Builds the OpenAPI 3.1 document of the HTTP contract from the SDK's zod schemas. */
import * as z from 'zod/mini';
import {
  AUDIT_ACTIONS,
  AccountSchema,
  AuditEntrySchema,
  EventSchema,
  MeSchema,
  PageSchema,
  ProblemSchema,
  TaskCreateSchema,
  TaskSchema,
  USER_SORTS,
  UserCreateSchema,
  UserPatchSchema,
  UserSchema,
  UserStatsSchema,
} from '../src/sdk/schemas.js';

/** The JSON Schema meaning of the ids and integers of the schemas, which are one schema each. */
const hints = new Map<unknown, object>([
  [TaskSchema.shape.id, { minLength: 1 }],
  [UserSchema.shape.version, { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }],
]);
/**
 * The JSON Schema meaning of the SDK's own checks: an id or integer by the schema, a list's item limit
 * by its `max_length` check, a choice by the values it names when it refuses a value, and whatever a
 * check carries as `jsonSchema` (see `must` in the schemas).
 */
const ownChecks = ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: object }) => {
  Object.assign(jsonSchema, hints.get(zodSchema));
  for (const check of zodSchema._zod.def.checks ?? []) {
    const { def, check: run } = check._zod as {
      def: { check: string; maximum?: number };
      check?: { jsonSchema?: object };
    };
    Object.assign(jsonSchema, run?.jsonSchema, def.check === 'max_length' && { maxItems: def.maximum });
  }
  if (zodSchema._zod.def.type === 'unknown' && zodSchema._zod.def.checks) {
    const refused = z.safeParse(zodSchema, undefined).error?.issues[0];
    if (refused?.code === 'invalid_value') Object.assign(jsonSchema, { type: 'string', enum: refused.values });
  }
};
const schema = (s: z.ZodMiniType, io: 'input' | 'output' = 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    override: ownChecks,
  }) as Record<string, unknown>;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: object) => ({ content: { 'application/json': { schema: s } } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const errors = {
  401: problem('No valid token, or a pending profile'),
  403: problem('Not permitted'),
  429: problem('Rate limited; see Retry-After'),
};
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const query = (name: string, s: object, description?: string) => ({
  name,
  in: 'query',
  required: false,
  schema: s,
  ...(description && { description }),
});
const header = (name: string, description: string) => ({
  name,
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description,
});
const paging = [
  query('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
  query('cursor', { type: 'string' }, 'Opaque; from nextCursor'),
];

export function buildOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roster API',
      version: '1.1.0',
      description: 'Team profiles, roles, credit budgets and access grants. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/api/roster/v1' }],
    security: [{ bearer: [] }],
    paths: {
      '/me': {
        get: {
          summary: 'The viewer, their account and permissions',
          responses: { 200: { description: 'OK', ...json(ref('Me')) }, ...errors },
        },
      },
      '/users': {
        get: {
          summary: 'List profiles',
          parameters: [
            ...paging,
            query('q', { type: 'string' }, 'Search in names and email'),
            query('role', { enum: ['owner', 'manager', 'specialist', 'guest'] }),
            query('status', { enum: ['pending', 'active'] }),
            query('sort', { enum: [...USER_SORTS] }),
          ],
          responses: {
            200: { description: 'A page', ...json(ref('UserPage')) },
            422: problem('Invalid query'),
            ...errors,
          },
        },
        post: {
          summary: 'Create a profile (pending until verified)',
          parameters: [header('Idempotency-Key', 'Repeats with the same key and body replay the first answer')],
          requestBody: { required: true, ...json(ref('UserCreate')) },
          responses: {
            201: { description: 'Created', ...json(ref('User')) },
            409: problem('email_taken, seat_limit_reached, single_profile_account'),
            422: problem('Field rules'),
            ...errors,
          },
        },
      },
      '/users/validate': {
        post: {
          summary: 'Early checks: the answer a create with these fields would get, creating nothing (v1.1)',
          requestBody: { required: true, ...json({ type: 'object', description: 'A partial UserCreate' }) },
          responses: {
            204: { description: 'The fields given would be accepted' },
            409: problem('email_taken, seat_limit_reached, single_profile_account'),
            422: problem('Field rules'),
            ...errors,
          },
        },
      },
      '/users/{id}': {
        parameters: [path('id')],
        get: {
          summary: 'One profile',
          parameters: [header('If-None-Match', 'The ETag last seen; 304 when unchanged (v1.1)')],
          responses: {
            200: { description: 'OK; ETag is "<version>"', ...json(ref('User')) },
            304: { description: 'Not modified' },
            404: problem('Not found'),
            ...errors,
          },
        },
        patch: {
          summary: 'Change a profile',
          parameters: [header('If-Match', '"<version>"; a stale one gets 412')],
          requestBody: { required: true, ...json(ref('UserPatch')) },
          responses: {
            200: { description: 'Changed', ...json(ref('User')) },
            409: problem('owner_immutable'),
            412: problem('version_conflict'),
            422: problem('Field rules'),
            ...errors,
          },
        },
        delete: {
          summary: 'Delete a profile',
          parameters: [
            query('tasks', { enum: ['transfer', 'delete'], default: 'transfer' }),
            header('If-Match', '"<version>"'),
          ],
          responses: {
            204: { description: 'Deleted' },
            409: problem('owner_immutable, guests_need_tasks'),
            412: problem('version_conflict'),
            ...errors,
          },
        },
      },
      '/users/{id}/verification': {
        parameters: [path('id')],
        post: {
          summary: 'Resend the verification link',
          responses: { 202: { description: 'Sent' }, 409: problem('already_verified'), ...errors },
        },
      },
      '/users/{id}/stats': {
        parameters: [path('id')],
        get: {
          summary: 'Budget and spending',
          responses: { 200: { description: 'OK', ...json(ref('UserStats')) }, ...errors },
        },
      },
      '/users/{id}/events': {
        parameters: [path('id')],
        get: {
          summary: 'Event history',
          parameters: [
            ...paging,
            query('type', { type: 'string' }),
            query('from', { type: 'string', format: 'date-time' }),
            query('to', { type: 'string', format: 'date-time' }),
          ],
          responses: { 200: { description: 'A page', ...json(ref('EventPage')) }, ...errors },
        },
      },
      '/tools/{toolId}/tasks': {
        parameters: [path('toolId')],
        get: {
          summary: "A tool's tasks",
          parameters: [...paging, query('q', { type: 'string' })],
          responses: { 200: { description: 'A page', ...json(ref('TaskPage')) }, ...errors },
        },
      },
      '/tasks': {
        get: {
          summary: 'Tasks the viewer may see',
          parameters: [
            ...paging,
            query('toolId', { type: 'string' }),
            query('ownerId', { type: 'string' }),
            query('shared', { type: 'boolean' }, 'Only tasks created by other profiles'),
          ],
          responses: { 200: { description: 'A page', ...json(ref('TaskPage')) }, ...errors },
        },
        post: {
          summary: "Create a task; charges the tool's cost to the viewer",
          parameters: [header('Idempotency-Key', 'As for users')],
          requestBody: { required: true, ...json(ref('TaskCreate')) },
          responses: {
            201: { description: 'Created', ...json(ref('Task')) },
            409: problem('credit_limit_reached, insufficient_credits'),
            ...errors,
          },
        },
      },
      '/audit': {
        get: {
          summary: 'Who changed what on whom, newest first (v1.1; users:read)',
          parameters: [
            ...paging,
            query('actorId', { type: 'string' }),
            query('targetId', { type: 'string' }),
            query('action', { enum: [...AUDIT_ACTIONS] }),
            query('from', { type: 'string', format: 'date-time' }),
            query('to', { type: 'string', format: 'date-time' }),
          ],
          responses: {
            200: { description: 'A page', ...json(ref('AuditPage')) },
            422: problem('Invalid query'),
            ...errors,
          },
        },
      },
      '/verify/{token}': {
        parameters: [path('token')],
        get: {
          summary: 'The verification page (HTML, or JSON for a JSON Accept); changes nothing (v1.1)',
          security: [],
          responses: {
            200: { description: 'The page' },
            404: problem('Unknown link'),
            410: problem('link_used, link_expired'),
          },
        },
        post: {
          summary: 'Verify; `{ password }` when the create carried none (form-encoded or JSON; v1.1)',
          security: [],
          responses: {
            200: { description: 'Verified' },
            404: problem('Unknown link'),
            410: problem('link_used, link_expired'),
            422: problem('password rules'),
          },
        },
      },
      '/account/password': {
        put: {
          summary: 'Set the shared account password (owner, shared mode)',
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['password'],
              properties: { password: { type: 'string', minLength: 12, maxLength: 128, writeOnly: true } },
            }),
          },
          responses: {
            204: { description: 'Set' },
            422: problem('password_too_weak, password_not_allowed'),
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Account: schema(AccountSchema),
        User: schema(UserSchema),
        Me: schema(MeSchema),
        UserStats: schema(UserStatsSchema),
        Event: schema(EventSchema),
        Task: schema(TaskSchema),
        Problem: schema(ProblemSchema),
        AuditEntry: schema(AuditEntrySchema),
        AuditPage: schema(PageSchema(AuditEntrySchema)),
        UserPage: schema(PageSchema(UserSchema)),
        EventPage: schema(PageSchema(EventSchema)),
        TaskPage: schema(PageSchema(TaskSchema)),
        UserCreate: schema(UserCreateSchema, 'input'),
        UserPatch: schema(UserPatchSchema, 'input'),
        TaskCreate: schema(TaskCreateSchema, 'input'),
      },
    },
  };
}
