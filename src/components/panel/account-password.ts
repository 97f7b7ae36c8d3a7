/**
 * The panel's place for the shared account password (SPEC rule 8): shown to the owner of an account
 * in `shared` password mode only. It explains that every profile signs in with that one password and
 * lets the owner set a new one, checked as the editor checks a profile's password.
 *
 * Only this check is part of the panel: the section itself, its form and their styles
 * (account-password-form.ts) load on demand the first time the viewer is that owner, so that no
 * other viewer fetches them. Should they fail to load, a notice says so, with "Try again".
 */
import { nothing, type ReactiveControllerHost } from 'lit';
import type { Me, RosterClient } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { onDemandModule } from '../on-demand.js';
import { renderError } from '../shared/error-view.js';

let section: typeof import('./account-password-form.js') | undefined;
const loadSection = onDemandModule('The account password section', () =>
  import('./account-password-form.js').then((module) => (section = module)),
);

/** What the section needs from the panel; its own state comes with its code. */
export class AccountPasswordController {
  /** Why the section's code could not be loaded, until "Try again". */
  loadError?: unknown;
  #loading = false;

  /** `onSaved` tells the viewer (the panel's message at its bottom, which is also read out). */
  constructor(
    readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    readonly getClient: () => RosterClient | undefined,
    readonly onSaved?: () => void,
  ) {}

  load(): void {
    if (this.#loading) return;
    this.#loading = true;
    this.loadError = undefined;
    loadSection()
      .catch((error: unknown) => (this.loadError = error))
      .finally(() => {
        this.#loading = false;
        this.host.requestUpdate();
      });
  }
}

/** The section, for the owner of a shared-password account only; nothing for anyone else. */
export function renderAccountPassword(c: AccountPasswordController, me: Me | undefined, t: Catalog) {
  if (me?.user.role !== 'owner' || me.account.passwordMode !== 'shared') return nothing;
  if (section) return section.renderSection(c, me, t);
  if (c.loadError) return renderError({ error: c.loadError, t, inline: true, onRetry: () => c.load() });
  c.load();
  return nothing;
}
