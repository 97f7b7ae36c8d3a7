/**
 * Display names of task owners, one directory per SDK client (so per viewer). The first lookup loads
 * the team in one request (`GET /users?limit=200`); an owner still unknown after that (a larger
 * team) is fetched alone with `GET /users/{id}`. A name that cannot be had (deleted profile, refused
 * request) resolves to `null`, which the element shows as "another user"; one whose lookup failed
 * (network, 5xx) to `false`, looked up again when `resolve` is asked to retry. Only call `resolve`
 * for a viewer with `users:read`.
 */
import type { RosterClient } from '../../sdk/index.js';
import type { PersonName } from '../shared/bidi.js';
import { ClientLookup } from '../shared/client-lookup.js';

const TEAM_PAGE_SIZE = 200;

/** The names of a client: `OwnerNames.for(client)`; subscribe to hear of names that arrive. */
export class OwnerNames extends ClientLookup {
  readonly #client: RosterClient;
  readonly #known = new Map<string, PersonName | null | false>();
  readonly #pending = new Set<string>();
  #team?: Promise<void>;

  private constructor(client: RosterClient) {
    super();
    this.#client = client;
    client.onChange((change) => {
      if (change.type !== 'user-created' && change.type !== 'user-updated') return;
      this.#known.set(change.userId, change.user);
      this.notify();
    });
  }

  /** The owner's name, in parts (each is shown in its own isolate); `null` when it cannot be known; `false` when the lookup failed; `undefined` while loading. */
  get(userId: string): PersonName | null | false | undefined {
    return this.#known.get(userId);
  }

  /** Starts lookups for the ids not known yet; with `retry`, also for those whose lookup failed. */
  resolve(userIds: Iterable<string>, retry?: boolean): void {
    const unknown = [...new Set(userIds)].filter(
      (id) => (retry && this.#known.get(id) === false) || (!this.#known.has(id) && !this.#pending.has(id)),
    );
    if (!unknown.length) return;
    for (const id of unknown) this.#pending.add(id);
    this.#team ??= this.#loadTeam();
    void this.#team.then(() => Promise.all(unknown.map((id) => this.#loadOne(id))));
  }

  async #loadTeam() {
    try {
      const page = await this.#client.users.list({ limit: TEAM_PAGE_SIZE });
      for (const user of page.items) this.#known.set(user.id, user);
    } catch {
      // Each owner is then fetched on its own, and one that fails shows as "another user".
    }
  }

  async #loadOne(userId: string) {
    if (!this.#known.get(userId)) {
      try {
        this.#known.set(userId, await this.#client.users.get(userId));
      } catch (error) {
        // Only a missing or hidden profile is unknown for good (`null`); any other failure is `false`.
        this.#known.set(userId, [403, 404].includes((error as { status?: number }).status!) && null);
      }
    }
    this.#pending.delete(userId);
    this.notify();
  }
}
