import type { Changes } from '../changes.js';
import { NotFoundError } from '../errors.js';
import { type Http, type RequestOptions, ifMatch, iterateItems, newIdempotencyKey, segment } from '../http.js';
import {
  EventSchema,
  PageSchema,
  UserPatchSchema,
  UserSchema,
  UserStatsSchema,
  type EventType,
  type Page,
  type Role,
  type RosterEvent,
  type User,
  type UserCreate,
  type UserPatch,
  type UserSort,
  type UserStats,
  type UserStatus,
} from '../schemas.js';

/** Query of `users.list` and `users.iterate`. */
export interface UserListQuery {
  /** Searches first name, last name and email. */
  q?: string;
  role?: Role;
  status?: UserStatus;
  sort?: UserSort;
  /** Page size, 1–200; the server's default is 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Query of `users.events` and `users.iterateEvents`. */
export interface EventQuery {
  type?: EventType;
  /** Earliest time, inclusive (RFC 3339 or a Date). */
  from?: string | Date;
  /** Latest time (RFC 3339 or a Date). */
  to?: string | Date;
  limit?: number;
  cursor?: string;
}

/** Options of a create: the idempotency key, generated when not given and kept across retries. */
export interface CreateOptions extends RequestOptions {
  /** Reuse one key to repeat a create safely, e.g. after a network error; the server creates at most one. */
  idempotencyKey?: string;
}

/** Options of a user update. */
export interface UpdateOptions extends RequestOptions {
  /** The `version` the change is based on; sent as `If-Match`, a newer one on the server gives `VersionConflictError`. */
  version?: number;
}

/** Options of a user delete. */
export interface DeleteOptions extends UpdateOptions {
  /** What happens to the user's tasks: given to the owner (`transfer`) or deleted. */
  tasks?: 'transfer' | 'delete';
}

/** `client.users`: the account's profiles. */
export interface UsersResource {
  /** One page of users matching `query`. */
  list(query?: UserListQuery, options?: RequestOptions): Promise<Page<User>>;
  /** Every user matching `query`, page after page. */
  iterate(query?: UserListQuery, options?: RequestOptions): AsyncGenerator<User, void, undefined>;
  /** One user. Asked again, it sends the ETag last seen for the user and, unchanged (304), answers that copy. */
  get(id: string, options?: RequestOptions): Promise<User>;
  /** Creates a profile, `pending` until its owner verifies the address. Emits `user-created`. */
  create(input: UserCreate, options?: CreateOptions): Promise<User>;
  /**
   * Checks the fields given as a create would, creating and sending nothing: resolves when they
   * would be accepted, else throws the error the create would get (field errors included).
   */
  validate(input: Partial<UserCreate>, options?: RequestOptions): Promise<void>;
  /** Changes a profile (never its email). Emits `user-updated`. */
  update(id: string, patch: UserPatch, options?: UpdateOptions): Promise<User>;
  /** Deletes a profile. Emits `user-deleted`. */
  delete(id: string, options?: DeleteOptions): Promise<void>;
  /** Sends the verification link again to a pending profile. Emits `verification-sent`. */
  resendVerification(id: string, options?: RequestOptions): Promise<void>;
  /** Credit and task figures of a user. */
  stats(id: string, options?: RequestOptions): Promise<UserStats>;
  /** One page of what a user did, newest first. */
  events(id: string, query?: EventQuery, options?: RequestOptions): Promise<Page<RosterEvent>>;
  /** Every event of a user matching `query`, page after page. */
  iterateEvents(id: string, query?: EventQuery, options?: RequestOptions): AsyncGenerator<RosterEvent, void, undefined>;
}

const UserPageSchema = PageSchema(UserSchema);
const EventPageSchema = PageSchema(EventSchema);

/**
 * Whether `user` holds every field of `patch` (as the server normalises it), so that a version
 * one above the caller's is their own change. A field the profile does not show (a password is
 * write-only) cannot be checked: a patch with one is never taken as applied, and its 412 stands.
 */
function isApplied(patch: UserPatch, user: User): boolean {
  const parsed = UserPatchSchema.safeParse(patch);
  if (!parsed.success) return false;
  const { notifications = {}, ...fields } = parsed.data;
  const holds = (changed: object, current: object) =>
    Object.entries(changed).every(
      ([key, value]) =>
        value === undefined ||
        (Object.hasOwn(current, key) && JSON.stringify(value) === JSON.stringify(current[key as keyof typeof current])),
    );
  return holds(fields, user) && holds(notifications, user.notifications);
}

/** Builds `client.users` over the transport; writes report to `changes`. */
export function usersResource(http: Http, changes: Changes): UsersResource {
  const users: UsersResource = {
    list: (query = {}, { signal } = {}) =>
      http.request({ method: 'GET', path: 'users', query, signal }, UserPageSchema),

    iterate: (query = {}, options) => iterateItems(users.list, query, options),

    get: async (id, { signal } = {}) =>
      http.request({ method: 'GET', path: `users/${segment(id)}`, signal, revalidate: true }, UserSchema),

    async create(input, { signal, idempotencyKey = newIdempotencyKey() } = {}) {
      const user = await http.request(
        { method: 'POST', path: 'users', json: input, headers: { 'idempotency-key': idempotencyKey }, signal },
        UserSchema,
      );
      changes.emit({ type: 'user-created', userId: user.id, user });
      return user;
    },

    validate: (input, { signal } = {}) =>
      http.request({ method: 'POST', path: 'users/validate', json: input, signal, safe: true }),

    async update(id, patch, { signal, version } = {}) {
      const recoverConflict = async () => {
        const current = await users.get(id, { signal });
        return version !== undefined && current.version === version + 1 && isApplied(patch, current)
          ? current
          : undefined;
      };
      const user = await http.request(
        {
          method: 'PATCH',
          path: `users/${segment(id)}`,
          json: patch,
          headers: ifMatch(version),
          signal,
          recoverConflict,
          revalidate: true,
        },
        UserSchema,
      );
      changes.emit({ type: 'user-updated', userId: user.id, user });
      return user;
    },

    async delete(id, { signal, version, tasks } = {}) {
      try {
        await http.request({
          method: 'DELETE',
          path: `users/${segment(id)}`,
          query: { tasks },
          headers: ifMatch(version),
          signal,
        });
      } catch (error) {
        // Already gone (perhaps by an earlier attempt whose answer was lost): views should drop it all the same.
        if (error instanceof NotFoundError) changes.emit({ type: 'user-deleted', userId: id });
        throw error;
      }
      changes.emit({ type: 'user-deleted', userId: id });
    },

    async resendVerification(id, { signal } = {}) {
      await http.request({ method: 'POST', path: `users/${segment(id)}/verification`, signal });
      changes.emit({ type: 'verification-sent', userId: id });
    },

    stats: async (id, { signal } = {}) =>
      http.request({ method: 'GET', path: `users/${segment(id)}/stats`, signal }, UserStatsSchema),

    events: async (id, query = {}, { signal } = {}) =>
      http.request({ method: 'GET', path: `users/${segment(id)}/events`, query, signal }, EventPageSchema),

    iterateEvents: (id, query = {}, options) => iterateItems((q, o) => users.events(id, q, o), query, options),
  };
  return users;
}
