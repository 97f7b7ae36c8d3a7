/**
 * The audit log's data: the entries of the query in effect, paged by cursor (`PagedSource`: only a
 * window of pages stays in memory) and split into rows; the task directory that names their tasks;
 * the people the person filter suggests; and the CSV of every entry of the query.
 */
import type { ReactiveController } from 'lit';
import type { AuditEntry, AuditQuery, RosterClient, TaskRef } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { sentenceText } from '../shared/bidi.js';
import { LookupController } from '../shared/client-lookup.js';
import { buildCsv, type CsvFile } from '../shared/csv.js';
import { PagedSource } from '../shared/paged-source.js';
import { TaskDirectory } from '../shared/task-directory.js';
import type { ClientHost } from '../viewer.js';
import { actionLabel, type AuditRow, rowsOf, type SentenceContext, sentenceOf, taskRefs } from './audit-rows.js';

/** A person the filter can name: a current profile (label with the email) or one seen in the log. */
export interface PersonOption {
  id: string;
  label: string;
}

const SUGGESTIONS = 10;
const SUGGEST_DELAY_MS = 200;

export class AuditHistory implements ReactiveController {
  readonly source: PagedSource<AuditRow>;
  /** People by id, for the person filter's suggestions. */
  readonly people = new Map<string, PersonOption>();
  readonly #host: ClientHost;
  readonly #tasks: LookupController<TaskDirectory>;
  #loaded?: { client: RosterClient; key: string };
  #suggest?: { timer: ReturnType<typeof setTimeout>; controller: AbortController };

  constructor(host: ClientHost) {
    this.#host = host;
    this.#tasks = new LookupController(host, TaskDirectory);
    this.source = new PagedSource<AuditRow>({ onChange: () => host.requestUpdate(), maxPages: 10 });
    host.addController(this);
  }

  /** The task directory of the host's client, which names the tasks of the rows shown. */
  get tasks(): TaskDirectory | undefined {
    return this.#tasks.value;
  }

  /** Loads the entries of `query`, unless they are loaded already. */
  load(client: RosterClient, query: AuditQuery): void {
    const key = JSON.stringify(query);
    if (this.#loaded?.client === client && this.#loaded.key === key) return;
    if (this.#loaded?.client !== client) this.people.clear();
    this.#loaded = { client, key };
    this.source.reset(async (cursor, signal) => {
      const page = await client.audit.list({ ...query, cursor }, { signal });
      for (const entry of page.items) this.#see(entry);
      return { ...page, items: page.items.flatMap(rowsOf) };
    });
  }

  /** Stops loading and forgets the rows. */
  clear(): void {
    this.#loaded = undefined;
    this.source.reset(undefined);
  }

  /** Loads from the first page again (after a change made through the client). */
  reload(): void {
    if (this.#loaded) this.source.reload();
  }

  /** The name of a row's task, looked up when not known yet (the host updates when it arrives). */
  taskName = (ref: TaskRef): string | null | undefined => {
    const tasks = this.tasks;
    if (!tasks) return undefined;
    void tasks.resolve([ref]);
    const task = tasks.get(ref.taskId);
    return task === null ? null : task?.name;
  };

  /** Asks the server for people matching `text` (debounced); they join the suggestions. */
  suggest(client: RosterClient, text: string): void {
    this.#stopSuggesting();
    const q = text.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const page = await client.users.list({ q, limit: SUGGESTIONS, sort: 'name' }, { signal: controller.signal });
        for (const user of page.items)
          this.people.set(user.id, { id: user.id, label: `${user.firstName} ${user.lastName} (${user.email})` });
        this.#host.requestUpdate();
      } catch {
        // Suggestions are a convenience: without them the people already seen in the log remain.
      }
    }, SUGGEST_DELAY_MS);
    this.#suggest = { timer, controller };
  }

  /** The CSV of every entry of `query`, one record per row; rejects with an AbortError when `signal` aborts. */
  async csv(
    client: RosterClient,
    query: AuditQuery,
    t: Catalog,
    context: Omit<SentenceContext, 'taskName'>,
    signal?: AbortSignal,
    onProgress?: (entries: number) => void,
  ): Promise<CsvFile> {
    const tasks = TaskDirectory.for(client);
    let entries = 0;
    async function* rows() {
      for await (const entry of client.audit.iterate({ ...query, limit: 200 }, { signal })) {
        entries += 1;
        yield* rowsOf(entry);
      }
    }
    const c = t.auditLog.csv;
    return buildCsv(rows(), {
      header: [c.time, c.action, c.actor, c.target, c.change],
      // The time as RFC 3339 UTC (sortable, unambiguous); the sentence in the viewer's language.
      async cells(row) {
        await tasks.resolve(taskRefs([row]));
        const sentence = sentenceOf(row, { ...context, taskName: (ref) => tasks.get(ref.taskId)?.name ?? null });
        return [
          row.entry.at,
          actionLabel(row.entry.action, t),
          row.entry.actor.name,
          row.entry.targetName,
          sentenceText(sentence),
        ];
      },
      onProgress: () => onProgress?.(entries),
      signal,
    });
  }

  hostDisconnected(): void {
    this.#stopSuggesting();
    this.clear();
  }

  #stopSuggesting() {
    if (!this.#suggest) return;
    clearTimeout(this.#suggest.timer);
    this.#suggest.controller.abort();
    this.#suggest = undefined;
  }

  /** Remembers the entry's people, so someone deleted since can still be chosen. */
  #see(entry: AuditEntry) {
    const people: [string | null, string | null][] = [
      [entry.actor.id, entry.actor.name],
      [entry.targetId, entry.targetName],
    ];
    for (const [id, name] of people) if (id && name && !this.people.has(id)) this.people.set(id, { id, label: name });
  }
}
