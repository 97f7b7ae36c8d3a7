/**
 * The two contexts every Roster element reads: the SDK client and the viewer (`GET /me`).
 * Keys are `Symbol.for(...)`, so two bundled copies of the elements still find each other's provider.
 */
import { createContext } from '@lit/context';
import type { Me, RosterClient } from '../sdk/index.js';

/** The one SDK client of a page or panel, provided by `<roster-provider>` or `<roster-panel>`; `undefined` while it has none. */
export const clientContext = createContext<RosterClient | undefined>(Symbol.for('roster.client'));

/** The signed-in viewer as the provider loaded it, with a way to load it again. */
export interface ViewerState {
  /** `GET /me`: the viewer's profile, account (seats, credits, tools) and permissions. */
  readonly me?: Me;
  /** Why `GET /me` failed, when it did (a `RosterError`). */
  readonly error?: unknown;
  /** True while `GET /me` is in flight. */
  readonly loading: boolean;
  /** Loads `GET /me` again (e.g. after a change the SDK does not report). */
  refresh(): Promise<void>;
}

export const viewerContext = createContext<ViewerState>(Symbol.for('roster.viewer'));
