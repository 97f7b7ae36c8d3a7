/**
 * The elements that load on demand. Each loader is a dynamic `import()` of the element's define
 * module, so a bundler (Vite, Rollup, esbuild, webpack) makes it a chunk of its own: `import 'rosterkit'`
 * and `<roster-panel>` fetch the provider, the panel, the list and the SDK, and nothing of the editor,
 * the access grants, the statistics or the audit log until they are shown (or prefetched while the
 * browser is idle).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Catalog } from './localize/en.js';
import { renderError } from './shared/error-view.js';

/** The elements that load on demand (the panel renders each; the autoloader defines any a host places). */
export const loaders = {
  'roster-user-editor': () => import('./user-editor/roster-user-editor.js'),
  'roster-access-grants': () => import('./access-grants/roster-access-grants.js'),
  'roster-user-stats': () => import('./user-stats/roster-user-stats.js'),
  // The statistics chunk defines the events history too.
  'roster-events-history': () => import('./user-stats/roster-user-stats.js'),
  'roster-audit-log': () => import('./audit-log/roster-audit-log.js'),
  'roster-shared-tasks': () => import('./shared-tasks/roster-shared-tasks.js'),
} satisfies Record<string, () => Promise<unknown>>;

/** A tag whose element loads on demand. */
export type OnDemandTag = keyof typeof loaders;

/** Tags in the order an idle panel prefetches them: what opening a profile shows first. */
export const ON_DEMAND_TAGS = Object.keys(loaders) as OnDemandTag[];

const pending = new Map<string, Promise<void>>();

/** What a chunk that could not load rejects with: its `network_error` code makes `errorMessage` say to check the connection. */
const loadError = (what: string, cause: unknown) =>
  Object.assign(new Error(`${what} could not be loaded`, { cause }), { code: 'network_error' });

/**
 * Loads the chunk that defines `tag`, once; resolves when the tag is defined. A failed load is
 * forgotten, so the next call imports again (browsers that follow whatwg/html#10327 fetch it
 * again; older ones keep the failure until the page reloads). The error carries the
 * `network_error` code, so `errorMessage` says to check the connection.
 */
export function loadElement(tag: OnDemandTag): Promise<void>;
/** @internal `importer` loads another tag's chunk the same way (tests). */
export function loadElement(tag: string, importer: () => Promise<unknown>): Promise<void>;
export function loadElement(
  tag: string,
  importer: () => Promise<unknown> = loaders[tag as OnDemandTag],
): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let load = pending.get(tag);
  if (!load) {
    load = importer().then(
      () => undefined,
      (cause: unknown) => {
        pending.delete(tag);
        throw loadError(`<${tag}>`, cause);
      },
    );
    pending.set(tag, load);
  }
  return load;
}

/**
 * Loads a module that is not an element on demand, once: the returned function imports it on its
 * first call and hands every caller the same promise. A failure is forgotten, as for elements,
 * and carries the `network_error` code.
 */
export function onDemandModule<T>(what: string, importer: () => Promise<T>): () => Promise<T> {
  let load: Promise<T> | undefined;
  return () =>
    (load ??= importer().catch((cause: unknown) => {
      load = undefined;
      throw loadError(what, cause);
    }));
}

type Idle = (run: () => void) => void;
// Safari has no requestIdleCallback: a short timeout still lets the first paint and input go first.
const whenIdle: Idle = (run) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5000 }) : setTimeout(run, 250);

/**
 * Loads `tags` one after the other, each when the browser is idle, so that a later click finds
 * them defined. A failure is left for the real use to show (with its "Try again").
 */
export function prefetchElements(tags: readonly OnDemandTag[] = ON_DEMAND_TAGS): void {
  const queue = tags.filter((tag) => !customElements.get(tag));
  const next = () => {
    const tag = queue.shift();
    if (tag)
      whenIdle(
        () =>
          void loadElement(tag)
            .catch(() => undefined)
            .then(next),
      );
  };
  next();
}

/**
 * Renders on-demand elements in a host's template: the element itself at once (so its attributes
 * and properties are in place when it upgrades), and beside it, until its chunk has defined it, the
 * area's loading state; if the chunk failed, the error with "Try again", which imports it again.
 *
 *     ${this.#onDemand.render('roster-user-editor', html`<roster-user-editor …></roster-user-editor>`, t)}
 */
export class OnDemandController {
  readonly #host: ReactiveControllerHost;
  readonly #errors = new Map<string, unknown>();
  readonly #waiting = new Set<string>();
  readonly #importers: Record<string, () => Promise<unknown>>;

  /** `importers` load tags other than Roster's own on-demand elements (tests). */
  constructor(host: ReactiveControllerHost, importers: Record<string, () => Promise<unknown>> = loaders) {
    this.#host = host;
    this.#importers = importers;
  }

  render(tag: OnDemandTag | (string & {}), element: TemplateResult, t: Catalog): TemplateResult {
    // One template whatever the state, so the element stays the same node when its chunk arrives.
    return html`${element}${this.#state(tag, t)}`;
  }

  #state(tag: string, t: Catalog) {
    if (customElements.get(tag)) return nothing;
    const error = this.#errors.get(tag);
    if (error) return renderError({ error, t, onRetry: () => this.#load(tag) });
    this.#load(tag);
    return html`<div class="state" part="skeleton" aria-busy="true">
      <span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${t.common.loading}</span>
    </div>`;
  }

  #load(tag: string) {
    if (this.#waiting.has(tag)) return;
    this.#waiting.add(tag);
    if (this.#errors.delete(tag)) this.#host.requestUpdate();
    loadElement(tag, this.#importers[tag]!)
      .then(
        () => this.#errors.delete(tag),
        (error: unknown) => this.#errors.set(tag, error),
      )
      .finally(() => {
        this.#waiting.delete(tag);
        this.#host.requestUpdate();
      });
  }
}

/**
 * Calls `then` once `element` (a Roster element with a `loading` custom state, such as the list)
 * has finished its first load: the moment the page is usable, after which prefetching competes
 * with nothing the viewer waits for.
 */
export function afterFirstLoad(
  element: ReactiveControllerHost & { hasCustomState(name: string): boolean },
  then: () => void,
): void {
  const controller: ReactiveController = {
    hostUpdated() {
      if (element.hasCustomState('loading')) return;
      element.removeController(controller);
      then();
    },
  };
  element.addController(controller);
}
