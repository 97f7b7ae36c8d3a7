import { type Http, type RequestOptions, segment } from '../http.js';
import { PageSchema, TaskSchema, type Page, type Task } from '../schemas.js';

/** Query of `tools.tasks`. */
export interface ToolTasksQuery {
  /** Searches task names. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** `client.tools`: the host product's tools. */
export interface ToolsResource {
  /** One page of a tool's tasks that the viewer can see. */
  tasks(toolId: string, query?: ToolTasksQuery, options?: RequestOptions): Promise<Page<Task>>;
}

const TaskPageSchema = PageSchema(TaskSchema);

/** Builds `client.tools` over the transport. */
export function toolsResource(http: Http): ToolsResource {
  return {
    tasks: async (toolId, query = {}, { signal } = {}) =>
      http.request({ method: 'GET', path: `tools/${segment(toolId)}/tasks`, query, signal }, TaskPageSchema),
  };
}
