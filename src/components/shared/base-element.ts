/**
 * The plumbing every Roster element shares: the SDK client (from a property or the nearest
 * provider) and its change notifications, the locale and string overrides, and custom states
 * through `ElementInternals`.
 * Behaviour stays in controllers; an element that needs the viewer adds `new ViewerController(this)`.
 */
import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { RosterChange, RosterClient } from '../../sdk/index.js';
import { clientContext } from '../context.js';
import { type I18nOverride, LocalizeController } from '../localize/localize-controller.js';

export class RosterElement extends LitElement {
  protected readonly localize = new LocalizeController(this);
  // The states set itself, not only the internals: WebKit rebuilds a garbage-collected `states`
  // wrapper empty (while `:state()` still matches), so reading through a new one loses what was set.
  private readonly customStates?: CustomStateSet;
  #followed?: RosterClient;
  #unfollow?: () => void;

  /** The SDK client. Set it directly, or let `<roster-provider>` / `<roster-panel>` provide it. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: RosterClient;

  /** Language tag (`en`, `de`, `de-AT`); when unset, the nearest `lang` up the tree. */
  @property({ reflect: true }) locale?: string;

  /** Strings to override, as a partial catalog merged over the locale's (e.g. `{ list: { newUser: 'Invite' } }`). */
  @property({ attribute: false }) i18n?: I18nOverride;

  /** Called with every write made through the element's client, while connected; an element that follows changes defines it. */
  protected handleChange?(change: RosterChange): void;

  constructor() {
    super();
    // The client of the latest render is the one followed; none while disconnected.
    this.addController({
      hostUpdate: () => this.#follow(this.client),
      hostDisconnected: () => this.#follow(undefined),
    });
    try {
      this.customStates = this.attachInternals().states;
    } catch {
      // Engines without ElementInternals for autonomous elements: states are then not exposed.
    }
  }

  #follow(client: RosterClient | undefined) {
    if (client === this.#followed || !this.handleChange) return;
    this.#unfollow?.();
    this.#followed = client;
    this.#unfollow = client?.onChange((change) => this.handleChange!(change));
  }

  // A render in a language whose catalog is still loading waits for it, so English never flashes.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const catalog = this.localize.catalogLoading();
    return catalog ? catalog.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Sets a custom state, styleable as `roster-user-list:state(loading)`. */
  protected setCustomState(name: string, on: boolean): void {
    const states = this.customStates;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Older engines only accept `--name` custom states.
      if (on) states.add(`--${name}`);
      else states.delete(`--${name}`);
    }
  }

  /** Whether a custom state is set (for tests and subclasses). */
  hasCustomState(name: string): boolean {
    const states = this.customStates;
    return Boolean(states && (states.has(name) || states.has(`--${name}`)));
  }
}
