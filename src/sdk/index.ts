export * from './schemas.js';
export * from './rules.js';
export { createRosterClient } from './client.js';
export type { ClientOptions, RosterClient } from './client.js';
export type { RequestOptions, RetryOptions } from './http.js';
export type { ChangeListener, RosterChange } from './changes.js';
export type {
  CreateOptions,
  DeleteOptions,
  EventQuery,
  UpdateOptions,
  UserListQuery,
  UsersResource,
} from './resources/users.js';
export type { ToolTasksQuery, ToolsResource } from './resources/tools.js';
export type { TaskListQuery, TasksResource } from './resources/tasks.js';
export type { AccountResource } from './resources/account.js';
export type { AuditQuery, AuditResource } from './resources/audit.js';
export {
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  RosterError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  VersionConflictError,
  isRosterError,
} from './errors.js';
export type { RosterErrorCode, RosterErrorCodes, RosterErrorInit } from './errors.js';
