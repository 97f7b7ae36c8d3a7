import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { RosterClient } from '../../sdk/index.js';
import type { ViewerState } from '../context.js';
import { ClientProvider } from './client-provider.js';

/**
 * @summary Gives every Roster element inside it one SDK client and the signed-in viewer.
 * @tag roster-provider
 *
 * Either set `base-url` (and, for bearer auth, the `getToken` property; for cookie sessions the
 * `credentials` attribute) and the provider creates the client, or set a ready `client` property
 * (for custom headers, retries or a `fetch`). It loads `GET /me` once, provides it through
 * `viewerContext`, and reloads it when the client reports a change that alters it (a user added or
 * removed changes the seats used; a task changes the credit balance). The provider renders its
 * children only (`display: contents`).
 *
 * @slot - The elements that use the client.
 */
export class RosterProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  readonly #provider = new ClientProvider(this);

  /** The SDK client to provide. Created from `base-url` when not set. */
  @property({ attribute: false })
  client?: RosterClient;

  /** Base URL of the Roster API, e.g. `/api/roster/v1`; used when no `client` is set. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Returns the bearer token for each request; used when the provider creates the client. */
  @property({ attribute: false }) getToken?: () => string | null | undefined | Promise<string | null | undefined>;

  /** Sent as `fetch`'s `credentials` (`include` for cookie sessions on another origin). */
  @property() credentials?: RequestCredentials;

  /** The viewer as last loaded: `{ me, error, loading, refresh }`. */
  get viewer(): ViewerState {
    return this.#provider.viewer;
  }

  /** Loads `GET /me` again, e.g. after a change made outside this client. */
  refreshViewer(): Promise<void> {
    return this.#provider.refreshViewer();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
