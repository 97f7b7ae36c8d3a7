import { createChanges, type ChangeListener } from './changes.js';
import { createHttp, type HttpOptions, type RequestOptions } from './http.js';
import { accountResource, type AccountResource } from './resources/account.js';
import { auditResource, type AuditResource } from './resources/audit.js';
import { tasksResource, type TasksResource } from './resources/tasks.js';
import { toolsResource, type ToolsResource } from './resources/tools.js';
import { usersResource, type UsersResource } from './resources/users.js';
import { MeSchema, type Me } from './schemas.js';

/** Options of {@link createRosterClient}: base URL, token, headers, `fetch`, timeout and retry policy. */
export type ClientOptions = HttpOptions;

/** A Roster API client: one per page or script, shared by every element. */
export interface RosterClient {
  /** The base URL, as given. */
  readonly baseUrl: string;
  /** The viewer: their profile, the account and their permissions (`users:read`, `users:write`). */
  me(options?: RequestOptions): Promise<Me>;
  readonly users: UsersResource;
  readonly tools: ToolsResource;
  readonly tasks: TasksResource;
  readonly account: AccountResource;
  /** The audit log (v1.1): every administrative change, newest first. */
  readonly audit: AuditResource;
  /**
   * Calls `listener` after every successful write made through this client, so that every view
   * of the same user can update without reloading everything. Returns the unsubscribe function.
   */
  onChange(listener: ChangeListener): () => void;
  /** Counters since the client was created: `retries` made by the retry policy. */
  readonly stats: { readonly retries: number };
}

/**
 * Creates a client for the Roster HTTP API.
 *
 * ```ts
 * const client = createRosterClient({ baseUrl: '/api/roster/v1', getToken: () => session.token });
 * const { items } = await client.users.list({ q: 'anna', sort: 'name' });
 * ```
 *
 * Every answer is checked against the contract (`ResponseShapeError` otherwise), every failure is
 * thrown as a `RosterError` subclass, and requests that are safe to repeat are retried.
 */
export function createRosterClient(options: ClientOptions): RosterClient {
  const http = createHttp(options);
  const changes = createChanges();
  return {
    baseUrl: options.baseUrl,
    me: async ({ signal } = {}) => http.request({ method: 'GET', path: 'me', signal }, MeSchema),
    users: usersResource(http, changes),
    tools: toolsResource(http),
    tasks: tasksResource(http, changes),
    account: accountResource(http, changes),
    audit: auditResource(http),
    onChange: (listener) => changes.subscribe(listener),
    stats: http.stats,
  };
}
