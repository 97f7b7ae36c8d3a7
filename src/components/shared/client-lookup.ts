/**
 * Lookups kept once per SDK client (so per viewer) and shared by every element of that client: the
 * task directory, the owners' names. `ClientLookup` is their registry and listeners; an element reads
 * the lookup of its current client through `LookupController`, which re-renders it when entries arrive.
 */
import type { ReactiveController } from 'lit';
import type { RosterClient } from '../../sdk/index.js';
import type { ClientHost } from '../viewer.js';

/** A lookup class (`TaskDirectory`), as `LookupController` takes it. */
export type LookupType<T extends ClientLookup> = { prototype: T } & Pick<typeof ClientLookup, 'for'>;

// By lookup class, the lookup of each client.
const lookups = new WeakMap<object, WeakMap<RosterClient, ClientLookup>>();

export abstract class ClientLookup {
  readonly #listeners = new Set<() => void>();

  /** The lookup of a client, created on first use. */
  static for<T extends ClientLookup>(this: { prototype: T }, client: RosterClient): T {
    let ofClass = lookups.get(this);
    if (!ofClass) lookups.set(this, (ofClass = new WeakMap()));
    let lookup = ofClass.get(client);
    if (!lookup) ofClass.set(client, (lookup = new (this as unknown as new (client: RosterClient) => T)(client)));
    return lookup as T;
  }

  /** Calls back whenever entries arrive (or a lookup fails); returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

/**
 * Gives an element the lookup of its current client, and updates the element when entries arrive,
 * while it is connected: `readonly #tasks = new LookupController(this, TaskDirectory)`, then
 * `this.#tasks.value?.get(id)`.
 */
export class LookupController<T extends ClientLookup> implements ReactiveController {
  readonly #host: ClientHost;
  readonly #type: LookupType<T>;
  #followed?: RosterClient;
  #unsubscribe?: () => void;

  constructor(host: ClientHost, type: LookupType<T>) {
    this.#host = host;
    this.#type = type;
    host.addController(this);
  }

  /** The lookup of the host's client; none without a client. */
  get value(): T | undefined {
    const client = this.#host.client;
    return client && this.#type.for(client);
  }

  hostConnected(): void {
    this.#follow(this.#host.client);
  }

  hostUpdate(): void {
    // Lookups answer asynchronously, so following from here (before the render) misses none.
    this.#follow(this.#host.isConnected ? this.#host.client : undefined);
  }

  hostDisconnected(): void {
    this.#follow(undefined);
  }

  #follow(client: RosterClient | undefined) {
    if (client === this.#followed) return;
    this.#unsubscribe?.();
    this.#followed = client;
    this.#unsubscribe = client && this.#type.for(client).subscribe(() => this.#host.requestUpdate());
  }
}
