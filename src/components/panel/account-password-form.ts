/**
 * The account password section of the panel (account-password.ts): its state, its form (with the
 * password input and strength meter it shares with the editor) and their styles, loaded on demand
 * the first time the panel knows that the viewer is the owner of a shared-password account, so
 * that no other viewer fetches them. The password is write-only: kept in the field after a failure
 * (to amend), cleared once saved or cancelled, never rendered as text or an attribute.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { isRosterError, type Me, type RosterClient } from '../../sdk/index.js';
import { passwordProblem } from '../../sdk/rules.js';
import { addEnglish } from '../localize/catalogs.js';
import type { Catalog } from '../localize/en.js';
import { accountPassword } from '../localize/en-account-password.js';
import { formActions } from '../localize/en-form-actions.js';
import { passwordInput as passwordInputStrings } from '../localize/en-password-input.js';
import { errorMessage, isAbortError } from '../shared/errors.js';
import { addStyles } from '../styles/add-styles.js';
import { passwordInput, strengthLine } from '../user-editor/password-input.js';
import type { AccountPasswordController } from './account-password.js';
import { accountPasswordStyles } from './account-password.styles.js';

// The section's English strings, and the password input's, arrive with it.
addEnglish({ panel: { accountPassword }, editor: passwordInputStrings, common: formActions });

const ID = 'account-password';

const states = new WeakMap<AccountPasswordController, AccountPasswordState>();

/** The section's state for the panel's controller, made (with the section's styles in the panel's shadow root) on its first render. */
function stateOf(panel: AccountPasswordController): AccountPasswordState {
  let state = states.get(panel);
  if (!state) {
    state = new AccountPasswordState(panel.host, panel.getClient, panel.onSaved);
    states.set(panel, state);
    const root = panel.host.renderRoot;
    if (root instanceof ShadowRoot) addStyles(root, accountPasswordStyles);
  }
  return state;
}

/** The section's state and its one write, for a host that provides the client. */
export class AccountPasswordState implements ReactiveController {
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
    this.error = undefined;
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

/** The section, for the owner of a shared-password account (account-password.ts checks). */
export function renderSection(panel: AccountPasswordController, me: Me, t: Catalog) {
  const c = stateOf(panel);
  const strings = t.panel.accountPassword;
  return html`<section class="account-password" part="group" aria-labelledby="${ID}-title"
    @focusout=${(event: FocusEvent) => (event.target as HTMLElement).id === ID && c.leave()}>
    <h2 class="account-password-title" id="${ID}-title">${strings.title}</h2>
    <p class="hint" part="hint">${strings.text}</p>
    ${
      c.open
        ? renderForm(c, me.user.email, t)
        : html`${c.error ? html`<div class="notice" data-tone="danger" role="alert" part="alert" id="${ID}-alert" tabindex="-1">${errorMessage(c.error, t)}</div>` : nothing}<button type="button" class="button small" part="button" @click=${() => c.show()}>${strings.open}</button>`
    }
    ${c.saved ? html`<p class="notice" data-tone="success" part="note">${strings.saved}</p>` : nothing}
  </section>`;
}

function renderForm(c: AccountPasswordState, email: string, t: Catalog) {
  const strings = t.panel.accountPassword;
  const problem = c.problem(email);
  const messages = t.errors as Record<string, string>;
  return html`<form class="account-password-form" novalidate aria-labelledby="${ID}-title"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void c.save(email);
    }}>
    ${c.error ? html`<div class="notice" data-tone="danger" role="alert" part="alert" id="${ID}-alert" tabindex="-1">${errorMessage(c.error, t)}</div>` : nothing}
    <div class="field" part="field">
      <label class="label" for=${ID}>${strings.label}</label>
      ${passwordInput({
        id: ID,
        value: c.value,
        visible: c.visible,
        required: true,
        invalid: Boolean(problem),
        t,
        describedBy: [`${ID}-hint`, ...(problem ? [`${ID}-error`] : [])],
        onToggle: () => c.toggle(),
        onInput: (value) => c.input(value),
      })}
      <p class="hint" id="${ID}-hint" part="hint">${strings.hint}</p>
      ${strengthLine(ID, c.value, t)}
      ${problem ? html`<p class="field-error" id="${ID}-error" part="field-error">${messages[problem] ?? messages.invalid_value}</p>` : nothing}
    </div>
    <div class="account-password-actions">
      <button type="button" class="button" part="button" @click=${() => c.cancel()}>${t.common.cancel}</button>
      <button type="submit" class="button primary" part="button button-primary" aria-disabled=${String(c.saving)}>${c.saving ? strings.saving : strings.save}</button>
    </div>
  </form>`;
}
