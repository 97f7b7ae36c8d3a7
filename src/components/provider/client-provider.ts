/**
 * Providing the SDK client and the viewer (`GET /me`) from an element: `<roster-provider>` does it for
 * its children, and any element can do it for its own shadow root with
 * `readonly #provider = new ClientProvider(this)`.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ClientOptions, createRosterClient, type RosterClient } from '../../sdk/index.js';
import { clientContext, type ViewerState, viewerContext } from '../context.js';
import { ViewerSource } from '../viewer.js';

/** What `ClientProvider` reads from its element: a ready `client`, or what to create one from. */
export interface ClientSettings {
  /** The client to provide. Set to the one created from `baseUrl` when the element has none. */
  client?: RosterClient;
  baseUrl?: string;
  getToken?: ClientOptions['getToken'];
  credentials?: RequestCredentials;
}

/**
 * Provides the element's client (`clientContext`) and its viewer (`viewerContext`, loaded once and
 * reloaded when the client reports a change that alters it) to the elements below, the element's
 * shadow root included. Without a `client`, one is created from `baseUrl`, `getToken` and
 * `credentials` whenever they change. `onViewer` hears every new viewer state (one that comes during the
 * host's update, after that update).
 */
export class ClientProvider implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & ClientSettings;
  readonly #source: ViewerSource;
  readonly #clientProvider: ContextProvider<typeof clientContext>;
  #created?: RosterClient;
  #settings: unknown[] = [];
  #updating = false;

  constructor(host: ReactiveControllerHost & HTMLElement & ClientSettings, onViewer?: (viewer: ViewerState) => void) {
    this.#host = host;
    const viewerProvider = new ContextProvider(host, { context: viewerContext });
    this.#source = new ViewerSource((viewer) => {
      viewerProvider.setValue(viewer);
      // A state set on the host during its update would render without `willUpdate` seeing it change: it follows the update.
      if (this.#updating) void host.updateComplete.then(() => onViewer?.(viewer));
      else onViewer?.(viewer);
    });
    viewerProvider.setValue(this.#source.state);
    this.#clientProvider = new ContextProvider(host, { context: clientContext });
    host.addController(this);
  }

  /** The client provided (the element's, or the one created for it). */
  get client(): RosterClient | undefined {
    return this.#host.client;
  }

  /** The viewer as last loaded: `{ me, error, loading, refresh }`. */
  get viewer(): ViewerState {
    return this.#source.state;
  }

  /** Loads `GET /me` again. */
  refreshViewer(): Promise<void> {
    return this.#source.load();
  }

  hostConnected(): void {
    this.#source.setClient(this.#host.client);
  }

  hostDisconnected(): void {
    this.#source.setClient(undefined);
  }

  hostUpdate(): void {
    const host = this.#host;
    const settings = [host.baseUrl, host.getToken, host.credentials];
    const changed = settings.some((value, i) => value !== this.#settings[i]);
    this.#settings = settings;
    if (changed && (!host.client || host.client === this.#created)) {
      const { baseUrl, getToken, credentials } = host;
      host.client = this.#created = baseUrl ? createRosterClient({ baseUrl, getToken, credentials }) : undefined;
    }
    // An unset client is provided too: children must not keep using (and showing) the previous one.
    this.#clientProvider.setValue(host.client);
    this.#updating = true;
    if (host.isConnected) this.#source.setClient(host.client);
    this.#updating = false;
  }
}
