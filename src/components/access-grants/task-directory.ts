/**
 * Task names for granted task ids, one directory per SDK client (so per viewer).
 *
 * A grant holds only `{ toolId, taskId }` and the contract has no "get task by id", so a lookup
 * pages through the tool's tasks (`GET /tools/{toolId}/tasks`, 200 a page) and stops as soon as
 * every wanted id of that tool was seen. An id not seen by the last page no longer exists (or is
 * invisible to the viewer): it resolves to `null`. Every task seen on the way, and every task the
 * search listbox shows, is remembered, so names picked from a search never cost a lookup.
 */
import type { RosterClient, Task, TaskRef } from '../../sdk/index.js';

const LOOKUP_PAGE_SIZE = 200;
const directories = new WeakMap<RosterClient, TaskDirectory>();

export class TaskDirectory {
  /** The failure of the last lookup, until `retry()`. */
  error?: unknown;
  readonly #client: RosterClient;
  readonly #known = new Map<string, Task | null>();
  /** Ids still to look up, by tool. */
  readonly #wanted = new Map<string, Set<string>>();
  /** Tools with a lookup in flight. */
  readonly #running = new Set<string>();
  readonly #listeners = new Set<() => void>();

  /** The directory of a client, created on first use. */
  static for(client: RosterClient): TaskDirectory {
    let directory = directories.get(client);
    if (!directory) directories.set(client, (directory = new TaskDirectory(client)));
    return directory;
  }

  private constructor(client: RosterClient) {
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
    this.#notify();
  }

  /** Calls back whenever names arrive or a lookup fails; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts lookups for the refs whose task is not known yet. */
  resolve(refs: readonly TaskRef[]): void {
    for (const { toolId, taskId } of refs) {
      if (this.#known.has(taskId)) continue;
      let ids = this.#wanted.get(toolId);
      if (!ids) this.#wanted.set(toolId, (ids = new Set()));
      ids.add(taskId);
    }
    if (!this.error) for (const toolId of this.#wanted.keys()) if (!this.#running.has(toolId)) void this.#lookUp(toolId);
  }

  /** Tries the failed lookups again. */
  retry(): void {
    this.error = undefined;
    this.resolve([]);
    this.#notify();
  }

  /** Pages through the tool's tasks until every wanted id was seen, then looks up the ids wanted meanwhile. */
  async #lookUp(toolId: string) {
    const known = this.#known;
    const searched = [...(this.#wanted.get(toolId) ?? [])].filter((id) => !known.has(id));
    if (!searched.length) {
      this.#wanted.delete(toolId);
      return;
    }
    this.#running.add(toolId);
    try {
      let cursor: string | undefined;
      do {
        const page = await this.#client.tools.tasks(toolId, { limit: LOOKUP_PAGE_SIZE, cursor });
        for (const task of page.items) known.set(task.id, task);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && searched.some((id) => !known.has(id)));
      // Only ids wanted before the first page can be declared gone: later ones may sit on pages already passed.
      for (const id of searched) if (!known.has(id)) known.set(id, null);
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFoundError') {
        for (const id of searched) known.set(id, null);
      } else {
        this.error = error;
      }
    } finally {
      this.#running.delete(toolId);
    }
    this.#notify();
    if (!this.error) void this.#lookUp(toolId);
  }

  #notify() {
    for (const listener of this.#listeners) listener();
  }
}
