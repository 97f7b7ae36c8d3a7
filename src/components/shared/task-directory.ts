/**
 * Tasks by id, one directory per SDK client (so per viewer), shared by every element of that client:
 * the granted tasks of `<roster-access-grants>` and the tasks of `<roster-user-stats>` events.
 *
 * Grants and events hold only `{ toolId, taskId }` and the contract has no "get task by id", so a
 * lookup pages through the tool's tasks (`GET /tools/{toolId}/tasks`, 200 a page) and stops as soon
 * as every wanted id of that tool was seen. Every task seen is remembered, so the next lookup of the
 * tool goes on from the page where the last one stopped instead of reading the same pages again. An
 * id not seen on a walk from the first page to the last no longer exists (or is invisible to the
 * viewer): it resolves to `null`. Tasks the search listbox shows and tasks the client creates are
 * remembered too, so they never cost a lookup.
 */
import { type RosterClient, type Task, isRosterError } from '../../sdk/index.js';
import { ClientLookup } from './client-lookup.js';

const LOOKUP_PAGE_SIZE = 200;

/** The directory of a client: `TaskDirectory.for(client)`; subscribe to hear of tasks that arrive and of failed lookups. */
export class TaskDirectory extends ClientLookup {
  /** The failure of the last lookup, until `retry()`. */
  error?: unknown;
  readonly #client: RosterClient;
  readonly #known = new Map<string, Task | null>();
  /** Ids to look up, by tool. */
  readonly #wanted = new Map<string, Set<string>>();
  /** By tool, the lookups in flight: they settle once every id wanted of the tool was looked up. */
  readonly #running = new Map<string, Promise<void>>();
  /** By tool, the cursor of the page after the last one read (none: the next lookup starts over). */
  readonly #next = new Map<string, string | undefined>();

  private constructor(client: RosterClient) {
    super();
    this.#client = client;
    client.onChange((change) => {
      if (change.type === 'task-created') this.remember([change.task]);
    });
  }

  /** The task; `null` when it no longer exists; `undefined` while unknown. */
  get(taskId: string): Task | null | undefined {
    return this.#known.get(taskId);
  }

  /** Records tasks the element saw elsewhere (search results). */
  remember(tasks: readonly Task[]): void {
    if (!tasks.length) return;
    for (const task of tasks) this.#known.set(task.id, task);
    this.notify();
  }

  /**
   * Starts lookups for the refs (grants, events) whose task is not known yet; a ref without both
   * ids (an event of no task) is skipped. Settles when they were looked up: then `get` tells the task,
   * `null`, or still `undefined` when a lookup failed.
   */
  resolve(refs: readonly { toolId: string | null; taskId: string | null }[]): Promise<unknown> {
    // Rows and grants ask on every render: tasks already known cost no lookup and no promise to wait on.
    const unknownTools = new Set<string>();
    for (const { toolId, taskId } of refs) {
      if (!toolId || !taskId || this.#known.has(taskId)) continue;
      let ids = this.#wanted.get(toolId);
      if (!ids) this.#wanted.set(toolId, (ids = new Set()));
      ids.add(taskId);
      unknownTools.add(toolId);
    }
    const running = this.#running;
    if (!this.error) {
      for (const toolId of this.#wanted.keys())
        if (!running.has(toolId))
          running.set(
            toolId,
            Promise.resolve().then(() => this.#lookUp(toolId)),
          );
    }
    return unknownTools.size ? Promise.all([...unknownTools].map((toolId) => running.get(toolId))) : Promise.resolve();
  }

  /** Tries the failed lookups again. */
  retry(): void {
    this.error = undefined;
    void this.resolve([]);
    this.notify();
  }

  /** Pages through the tool's tasks until every id wanted of it was seen, also the ids wanted meanwhile. */
  async #lookUp(toolId: string): Promise<void> {
    const known = this.#known;
    const missing = () => [...this.#wanted.get(toolId)!].filter((id) => !known.has(id));
    while (!this.error && missing().length) {
      let cursor = this.#next.get(toolId);
      // Only ids wanted when a walk starts from the first page can be declared gone: later ones may sit on pages already passed.
      const searched = cursor ? [] : missing();
      try {
        do {
          const page = await this.#client.tools.tasks(toolId, { limit: LOOKUP_PAGE_SIZE, cursor });
          for (const task of page.items) known.set(task.id, task);
          this.#next.set(toolId, (cursor = page.nextCursor ?? undefined));
        } while (cursor && missing().length);
        for (const id of searched) if (!known.has(id)) known.set(id, null);
      } catch (error) {
        this.#next.delete(toolId);
        if (isRosterError(error, 'not_found')) for (const id of missing()) known.set(id, null);
        else this.error = error;
      }
      this.notify();
    }
    if (!this.error) this.#wanted.delete(toolId);
    this.#running.delete(toolId);
  }
}
