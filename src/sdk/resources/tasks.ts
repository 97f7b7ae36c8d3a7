import type { Changes } from '../changes.js';
import { type Http, type RequestOptions, newIdempotencyKey } from '../http.js';
import { PageSchema, TaskSchema, type Page, type Task, type TaskCreate } from '../schemas.js';
import type { CreateOptions } from './users.js';

/** Query of `tasks.list`. */
export interface TaskListQuery {
  toolId?: string;
  ownerId?: string;
  /** Only tasks created by other profiles ("Show shared"). */
  shared?: boolean;
  limit?: number;
  cursor?: string;
}

/** `client.tasks`: tasks across tools. */
export interface TasksResource {
  /** One page of the tasks the viewer can see. */
  list(query?: TaskListQuery, options?: RequestOptions): Promise<Page<Task>>;
  /** Creates a task in a tool, charging the tool's credit cost to the viewer. Emits `task-created`. */
  create(input: TaskCreate, options?: CreateOptions): Promise<Task>;
}

const TaskPageSchema = PageSchema(TaskSchema);

/** Builds `client.tasks` over the transport; creates report to `changes`. */
export function tasksResource(http: Http, changes: Changes): TasksResource {
  return {
    list: (query = {}, { signal } = {}) =>
      http.request({ method: 'GET', path: 'tasks', query, signal }, TaskPageSchema),

    async create(input, { signal, idempotencyKey = newIdempotencyKey() } = {}) {
      const task = await http.request(
        { method: 'POST', path: 'tasks', json: input, headers: { 'idempotency-key': idempotencyKey }, signal },
        TaskSchema,
      );
      changes.emit({ type: 'task-created', userId: task.ownerId, task });
      return task;
    },
  };
}
