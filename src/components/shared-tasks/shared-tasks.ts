import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Task, Tool } from '../../sdk/index.js';
import { RosterElement } from '../shared/base-element.js';
import { personName } from '../shared/bidi.js';
import { LookupController } from '../shared/client-lookup.js';
import { renderError } from '../shared/error-view.js';
import { renderState } from '../shared/state-view.js';
import { PagedSource } from '../shared/paged-source.js';
import { ViewerController } from '../viewer.js';
import { OwnerNames } from './owner-names.js';
import { styles } from './shared-tasks.styles.js';
import { addEnglish } from '../localize/catalogs.js';
import { sharedTasks } from '../localize/en-shared-tasks.js';

// Its English strings arrive with its code, before the element is defined.
addEnglish({ grants: sharedTasks });

/**
 * @summary The tasks other profiles created ("Show shared", seed 002), with their owners' names.
 * @tag roster-shared-tasks
 *
 * Lists `GET /tasks?shared=true` (optionally for one tool), a page at a time with "Show more". Owner
 * names are looked up once per client (the team in one request) for a viewer with `users:read`; for
 * any other viewer, or an owner that cannot be looked up, the owner reads "Another user" (a lookup that
 * failed is tried again when the list reloads, on Try again or Show more). A host adds
 * its own "Show shared" toggle around the element.
 *
 * @csspart toolbar - The tool filter and the count.
 * @csspart field - The tool filter with its label.
 * @csspart filter - The tool select.
 * @csspart count - How many tasks are shared.
 * @csspart table - The task table.
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - A column header.
 * @csspart row - One task.
 * @csspart cell - A cell.
 * @csspart skeleton - The placeholder while the first page loads.
 * @csspart footer - Under the table: "Show more" or a failure.
 * @csspart button - "Show more" and "Try again".
 * @csspart state - A block in place of the table: empty, failed.
 * @csspart alert - A failure: the block in place of the table (on top of `state`) or the line in the footer.
 *
 * @cssprop --roster-color-* - System colour tokens, see the theming guide.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - No shared tasks for the current filter.
 * @cssstate error - Loading failed.
 */
export class RosterSharedTasks extends RosterElement {
  static override styles = styles;

  readonly #viewer = new ViewerController(this);
  readonly #owners = new LookupController(this, OwnerNames);
  readonly #source = new PagedSource<Task>({ onChange: () => this.requestUpdate(), maxPages: 1000 });

  /** Only tasks of this tool (empty: every tool). */
  @property({ attribute: 'tool-id', reflect: true }) toolId = '';
  /** Tasks per page request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  #loadedKey?: unknown[];
  #ownersView?: unknown;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loadedKey = undefined;
    this.#source.reset(undefined);
  }

  protected override willUpdate(): void {
    const { client, toolId, pageSize } = this;
    const source = this.#source;
    const key = [client, toolId, pageSize];
    if (!this.#loadedKey?.every((part, i) => part === key[i])) {
      this.#loadedKey = key;
      const query = { shared: true, toolId: toolId || undefined, limit: pageSize };
      source.reset(client ? (cursor, signal) => client.tasks.list({ ...query, cursor }, { signal }) : undefined);
    }
    const owners = this.#owners.value;
    if (this.#viewer.can('users:read') && owners) {
      // Failed lookups are tried again when the list changes (reload, Try again, Show more), not on every render.
      const view = source.view(0);
      owners.resolve(
        view.flatMap((task) => (task ? [task.ownerId] : [])),
        view !== this.#ownersView,
      );
      this.#ownersView = view;
    }
    this.setCustomState('loading', this.#isLoading);
    this.setCustomState('empty', source.ready && !source.length && !source.error);
    this.setCustomState('error', Boolean(source.error && !source.length));
  }

  get #isLoading(): boolean {
    return !this.client || this.#source.loading || (!this.#viewer.me && !this.#viewer.state.error);
  }

  #renderOwner(ownerId: string) {
    const t = this.localize.t;
    const name = this.#viewer.can('users:read') ? this.#owners.value?.get(ownerId) : null;
    if (name === undefined)
      return html`<span class="skeleton" aria-hidden="true"></span><span class="visually-hidden">${t.common.loading}</span>`;
    return name ? html`<span dir="auto">${personName(name)}</span>` : t.grants.shared.anotherUser;
  }

  #renderBody(tools: readonly Tool[]) {
    const t = this.localize.t;
    const s = t.grants.shared;
    const source = this.#source;
    const retry = () => source.retry();
    if (this.#isLoading && !source.length) {
      return html`<div class="loading" part="skeleton" aria-busy="true">${[1, 2, 3].map(() => html`<span class="skeleton"></span>`)}
        <span class="visually-hidden">${t.common.loading}</span></div>`;
    }
    if (source.error && !source.length) return renderError({ error: source.error, t, onRetry: retry });
    if (!source.length) {
      return renderState(s.emptyTitle, this.toolId ? s.emptyToolText : s.emptyText);
    }
    const footer = source.error
      ? renderError({ error: source.error, t, inline: true, onRetry: retry })
      : source.hasMore
        ? html`<button type="button" class="button" part="button" ?disabled=${source.busy}
            @click=${() => source.ensure(source.length - 1, source.length - 1)}>${source.busy ? s.loadingMore : s.showMore}</button>`
        : undefined;
    return html`<table class="table" part="table" aria-label=${s.label} aria-busy=${source.busy ? 'true' : 'false'}>
      <thead>
        <tr part="header-row">
          <th scope="col" part="header-cell">${s.columns.task}</th><th scope="col" part="header-cell">${s.columns.tool}</th>
          <th scope="col" part="header-cell">${s.columns.owner}</th><th scope="col" part="header-cell">${s.columns.created}</th>
        </tr>
      </thead>
      <tbody>
        ${source.view(0).map((task) =>
          task
            ? html`<tr part="row" data-task-id=${task.id}>
              <td class="name" part="cell" dir="auto">${task.name}</td>
              <td part="cell" dir="auto">${tools.find((tool) => tool.id === task.toolId)?.name ?? t.grants.unknownTool(task.toolId)}</td>
              <td part="cell">${this.#renderOwner(task.ownerId)}</td>
              <td class="muted" part="cell"><time datetime=${task.createdAt}>${this.localize.date(task.createdAt)}</time></td>
            </tr>`
            : nothing,
        )}
      </tbody>
    </table>${footer ? html`<div class="footer" part="footer">${footer}</div>` : nothing}`;
  }

  protected override render() {
    const t = this.localize.t;
    const s = t.grants.shared;
    const viewer = this.#viewer.state;
    if (viewer.error) return renderError({ error: viewer.error, t, onRetry: () => void this.#viewer.refresh() });
    const tools = viewer.me?.account.tools ?? [];
    const count = this.#source.ready ? s.count(this.#source.total) : '';
    return html`<div class="toolbar" part="toolbar">
        <label class="field filter-field" part="field">
          <span class="label">${s.filter}</span>
          <select class="select" part="filter" @change=${(event: Event) => (this.toolId = (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.toolId}>${s.allTools}</option>
            ${tools.map((tool) => html`<option value=${tool.id} ?selected=${tool.id === this.toolId}>${tool.name}</option>`)}
          </select>
        </label>
        ${count ? html`<span class="count muted numeric" part="count">${count}</span>` : nothing}
      </div>
      <div class="content">${this.#renderBody(tools)}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${count}</div>`;
  }
}
