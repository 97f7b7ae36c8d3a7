/**
 * The panel's place for the shared account password (SPEC rule 8): shown to the owner of an account
 * in `shared` password mode only. It explains that every profile signs in with that one password and
 * lets the owner set a new one, checked as the editor checks a profile's password. The password is
 * write-only: kept in the field after a failure (to amend), cleared once saved or cancelled, never
 * rendered as text or an attribute.
 *
 * The section is part of the panel; its form (account-password-form.ts, with the password input
 * and strength meter it shares with the editor) loads on demand, starting when the section first
 * shows, so that no other viewer fetches it. The styles of both are in account-password.styles.ts.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { isRosterError, type Me, type RosterClient } from '../../sdk/index.js';
import { passwordProblem } from '../../sdk/rules.js';
import type { Catalog } from '../localize/en.js';
import { onDemandModule } from '../on-demand.js';
import { errorMessage, isAbortError } from '../shared/errors.js';

export const ID = 'account-password';

let form: typeof import('./account-password-form.js') | undefined;
let prefetched = false;
const loadForm = onDemandModule('The account password form', () =>
  import('./account-password-form.js').then((module) => (form = module)),
);

/** The form's state and its one write, for a host that provides the client. */
export class AccountPasswordController implements ReactiveController {
  open = false;
  value = '';
  visible = false;
  saving = false;
  /** The field was left or sent once: its local problem shows. */
  touched = false;
  /** The server's verdict on the password (a field code), until it is edited. */
  refused?: string;
  /** A refusal of the whole request (forbidden, network, …). */
  error?: unknown;
  saved = false;
  #abort?: AbortController;

  /** `onSaved` tells the viewer (the panel's message at its bottom, which is also read out). */
  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly getClient: () => RosterClient | undefined,
    private readonly onSaved?: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#reset(false);
  }

  /** The problem shown next to the field: the server's, else the local one once touched. */
  problem(email: string): string | undefined {
    return (
      this.refused ?? ((this.touched && (this.value ? passwordProblem(this.value, email) : 'required')) || undefined)
    );
  }

  show(): void {
    this.saved = false;
    if (!form) {
      // Its code is still loading (or failed to): the form opens once it is there.
      this.error = undefined;
      loadForm().then(
        () => this.show(),
        (error: unknown) => {
          this.error = error;
          this.#focus(`#${ID}-alert`);
        },
      );
      return;
    }
    this.open = true;
    this.#focus('#account-password');
  }

  cancel(): void {
    this.#abort?.abort();
    this.#reset(false);
    this.#focus('.account-password > [part~="button"]');
  }

  input(value: string): void {
    this.value = value;
    this.refused = undefined;
    this.host.requestUpdate();
  }

  toggle(): void {
    this.visible = !this.visible;
    this.host.requestUpdate();
  }

  leave(): void {
    // A closed form's field leaves the page during a render: nobody left it, and nothing needs showing.
    if (!this.open || this.touched) return;
    this.touched = true;
    this.host.requestUpdate();
  }

  async save(email: string): Promise<void> {
    const client = this.getClient();
    if (this.saving || !client) return;
    this.touched = true;
    this.error = undefined;
    if (this.problem(email)) {
      this.#focus('#account-password');
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.saving = true;
    this.host.requestUpdate();
    try {
      await client.account.setPassword(this.value, { signal: abort.signal });
      this.#reset(true);
      this.#focus('.account-password > [part~="button"]');
      this.onSaved?.();
    } catch (error) {
      if (isAbortError(error)) return;
      // What was typed stays, to amend; the field says why when the password itself was refused.
      const refused = isRosterError(error)
        ? error.fieldErrors.find((item) => item.field === 'password')?.code
        : undefined;
      if (refused) this.refused = refused;
      else this.error = error;
      this.#focus(refused ? '#account-password' : `#${ID}-alert`);
    } finally {
      if (abort === this.#abort) this.saving = false;
      this.host.requestUpdate();
    }
  }

  #reset(saved: boolean) {
    Object.assign(this, {
      open: false,
      value: '',
      visible: false,
      touched: false,
      refused: undefined,
      error: undefined,
      saved,
      saving: false,
    });
    this.host.requestUpdate();
  }

  #focus(selector: string) {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}

/** The section, for the owner of a shared-password account only; nothing for anyone else. */
export function renderAccountPassword(c: AccountPasswordController, me: Me | undefined, t: Catalog) {
  if (me?.user.role !== 'owner' || me.account.passwordMode !== 'shared') return nothing;
  // Fetched ahead, so that "Change account password" finds it; a failure shows when it is chosen.
  if (!form && !prefetched) {
    prefetched = true;
    loadForm().catch(() => undefined);
  }
  const strings = t.panel.accountPassword;
  return html`<section class="account-password" part="group" aria-labelledby="${ID}-title"
    @focusout=${(event: FocusEvent) => (event.target as HTMLElement).id === ID && c.leave()}>
    <h2 class="account-password-title" id="${ID}-title">${strings.title}</h2>
    <p class="hint" part="hint">${strings.text}</p>
    ${
      c.open && form
        ? form.renderForm(c, me.user.email, t)
        : html`${c.error ? html`<div class="notice" data-tone="danger" role="alert" part="alert" id="${ID}-alert" tabindex="-1">${errorMessage(c.error, t)}</div>` : nothing}<button type="button" class="button small" part="button" @click=${() => c.show()}>${strings.open}</button>`
    }
    ${c.saved ? html`<p class="notice" data-tone="success" part="note">${strings.saved}</p>` : nothing}
  </section>`;
}
