/**
 * Loading the viewer (`GET /me`) once per client, and reading it from an element.
 * `<roster-provider>` owns one `ViewerSource` and provides its state through `viewerContext`;
 * an element used without a provider loads its own through `ViewerController`.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Me, RosterChange, RosterClient } from '../sdk/index.js';
import { type ViewerState, viewerContext } from './context.js';
import { isAbortError } from './shared/errors.js';

/** Permissions `GET /me` may grant (SPEC rule 14). */
export type Permission = 'users:read' | 'users:write';

// Changes that alter what `GET /me` answers: seats used, the credit balance, the viewer's own profile.
function affectsViewer(change: RosterChange, me: Me | undefined): boolean {
  switch (change.type) {
    case 'user-created':
    case 'user-deleted':
    case 'task-created':
      return true;
    case 'user-updated':
      return change.userId === me?.user.id;
    default:
      return false;
  }
}

/** Loads `GET /me` for one client and reloads it when the client reports a change that alters it. */
export class ViewerSource {
  state: ViewerState = { loading: false, refresh: () => this.load() };
  #client?: RosterClient;
  #unsubscribe?: () => void;
  #abort?: AbortController;
  readonly #notify: (state: ViewerState) => void;

  constructor(notify: (state: ViewerState) => void) {
    this.#notify = notify;
  }

  /** Switches to another client (or none), loading its viewer. Idempotent for the same client. */
  setClient(client: RosterClient | undefined): void {
    if (client === this.#client) return;
    this.#unsubscribe?.();
    this.#abort?.abort();
    this.#client = client;
    this.#unsubscribe = client?.onChange((change) => {
      if (affectsViewer(change, this.state.me)) void this.load();
    });
    this.state = { loading: false, refresh: () => this.load() };
    if (client) void this.load();
    else this.#notify(this.state);
  }

  async load(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#abort?.abort();
    // Aborted when a newer load starts or the client changes: then its answer (or failure) is stale.
    const { signal } = (this.#abort = new AbortController());
    this.#update({ loading: true });
    try {
      const me = await client.me({ signal });
      if (!signal.aborted) this.#update({ me, error: undefined, loading: false });
    } catch (error) {
      if (!signal.aborted && !isAbortError(error)) this.#update({ error, loading: false });
    }
  }

  #update(patch: Partial<ViewerState>) {
    this.state = { ...this.state, ...patch };
    this.#notify(this.state);
  }
}

/** What `ViewerController` needs from its element. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  client?: RosterClient;
}

/**
 * Gives an element the viewer: from the nearest provider when there is one, else loaded with the
 * element's own `client`. Create it in the class body: `private readonly viewer = new ViewerController(this)`.
 */
export class ViewerController implements ReactiveController {
  #provided?: ViewerState;
  readonly #own: ViewerSource;
  readonly #host: ClientHost;

  constructor(host: ClientHost) {
    this.#host = host;
    this.#own = new ViewerSource(() => host.requestUpdate());
    new ContextConsumer(host, {
      context: viewerContext,
      subscribe: true,
      callback: (state) => {
        this.#provided = state;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** The viewer state in effect (provided, or the element's own). */
  get state(): ViewerState {
    return this.#provided ?? this.#own.state;
  }

  get me(): Me | undefined {
    return this.state.me;
  }

  /** True once the viewer is loaded and holds the permission. */
  can(permission: Permission): boolean {
    return this.state.me?.permissions.includes(permission) ?? false;
  }

  refresh(): Promise<void> {
    return this.state.refresh();
  }

  hostUpdate(): void {
    // An element updating after it left the page has no viewer to show.
    this.#own.setClient(this.#provided || !this.#host.isConnected ? undefined : this.#host.client);
  }

  hostDisconnected(): void {
    this.#provided = undefined;
    this.#own.setClient(undefined);
  }
}
