/**
 * The task search of `<roster-access-grants>`: an editable combobox with a list popup, following the
 * WAI-ARIA 1.2 combobox pattern. Focus stays in the input; the active option is referenced with
 * `aria-activedescendant`, so input and listbox render into the same shadow root (the host's).
 *
 * Searches `GET /tools/{toolId}/tasks?q=` on the server, debounced; a new search aborts the one in
 * flight (through `PagedSource`); the next page loads as the listbox scrolls or the active option
 * nears the end. Options are multi-selectable: `aria-selected` means "granted", and choosing an
 * option (Enter, click) toggles its grant, so several tasks can be added without closing the popup.
 *
 * Keys in the input: ↓/↑ open the popup and move the active option, Alt+↓ opens, Alt+↑ closes,
 * Home/End jump to the first/last option while an option is active, Page Up/Down move by 10,
 * Enter toggles the active option, Escape closes (and clears the text when already closed).
 * A failed search is shown under the field, not in the popup, so its "Try again" stays within
 * reach of Tab (the popup closes when the input loses focus), and is announced; opening the popup
 * again (↓, Enter, a click) searches again.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { RosterClient, Task, Tool } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { renderError } from '../shared/error-view.js';
import { PagedSource } from '../shared/paged-source.js';

const SEARCH_DEBOUNCE_MS = 250;
const PAGE_SIZE = 50;
const PAGE_STEP = 10;

export interface TaskComboboxHost extends ReactiveControllerHost, HTMLElement {
  client?: RosterClient;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface TaskComboboxOptions {
  /** Whether the task is granted (shown selected). */
  isGranted(taskId: string): boolean;
  /** The viewer chose an option: grant or revoke it. */
  onToggle(task: Task): void;
  /** Tasks a search answered, for the name directory. */
  onTasks(tasks: readonly Task[]): void;
}

const checkIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6.2 11.4 2.8 8l1-1 2.4 2.3 6-6 1 1z" fill="currentColor"/></svg>`;

export class TaskCombobox implements ReactiveController {
  /** The tool searched. */
  toolId = '';
  #text = '';
  #query = '';
  #open = false;
  #activeIndex = -1;
  #scrollPending = false;
  /** ↓/↑ opened the popup before its results were in: activate the first/last option once they are. */
  #pendingMove?: 'first' | 'last';
  #loadedKey?: unknown[];
  #timer?: ReturnType<typeof setTimeout>;
  readonly #host: TaskComboboxHost;
  readonly #options: TaskComboboxOptions;
  readonly #source: PagedSource<Task>;

  constructor(host: TaskComboboxHost, options: TaskComboboxOptions) {
    this.#host = host;
    this.#options = options;
    this.#source = new PagedSource<Task>({
      onChange: () => host.requestUpdate(),
      threshold: PAGE_STEP,
      maxPages: 1000,
    });
    host.addController(this);
  }

  /** Searches another tool (keeps the text). */
  setTool(toolId: string): void {
    this.toolId = toolId;
    this.#activeIndex = -1;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const client = this.#host.client;
    const { toolId } = this;
    const query = this.#query;
    const key = [client, toolId, query];
    // Search only while the popup is open (a closed combobox costs no requests), and not while the viewer types.
    if (!this.#open || this.#loadedKey?.every((part, i) => part === key[i]) || this.#timer !== undefined) {
      const source = this.#source;
      if (this.#pendingMove && this.#open && !source.loading && source.length) {
        this.#moveTo(this.#pendingMove === 'first' ? 0 : source.length - 1);
        this.#pendingMove = undefined;
      }
      return;
    }
    this.#loadedKey = key;
    this.#activeIndex = -1;
    this.#source.reset(
      client && toolId
        ? async (cursor, signal) => {
            const page = await client.tools.tasks(
              toolId,
              { q: query || undefined, limit: PAGE_SIZE, cursor },
              { signal },
            );
            this.#options.onTasks(page.items);
            return page;
          }
        : undefined,
    );
  }

  hostUpdated(): void {
    if (!this.#scrollPending) return;
    this.#scrollPending = false;
    this.#host.renderRoot.querySelector(`#task-option-${this.#activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = this.#loadedKey = undefined;
    this.#source.reset(undefined);
    this.#open = false;
  }

  #setOpen(open: boolean) {
    if (open && this.#source.error) this.#source.retry();
    this.#open = open;
    if (!open) {
      this.#activeIndex = -1;
      this.#pendingMove = undefined;
    }
    this.#host.requestUpdate();
  }

  #moveTo(index: number) {
    const last = this.#source.length - 1;
    if (last < 0) return;
    this.#activeIndex = Math.max(0, Math.min(last, index));
    this.#source.ensure(this.#activeIndex, this.#activeIndex);
    this.#scrollPending = true;
    this.#host.requestUpdate();
  }

  #choose(index: number) {
    const task = this.#source.at(index);
    if (!task) return;
    this.#activeIndex = index;
    this.#options.onToggle(task);
    this.#host.requestUpdate();
  }

  #handleInput(event: Event) {
    this.#text = (event.target as HTMLInputElement).value;
    this.#activeIndex = -1;
    this.#pendingMove = undefined;
    // Open without retrying a failed search: the text it failed for is changing.
    this.#open = true;
    this.#host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#query = this.#text.trim();
      this.#host.requestUpdate();
    }, SEARCH_DEBOUNCE_MS);
  }

  #handleKeydown(event: KeyboardEvent) {
    const { key, altKey } = event;
    const open = this.#open;
    const active = open && this.#activeIndex >= 0;
    const handled = () => event.preventDefault();
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      handled();
      const down = key === 'ArrowDown';
      if (altKey) return this.#setOpen(down);
      // Also while nothing is listed: after the results (or a failed search, tried again) are in.
      if (!open || !this.#source.length) {
        this.#pendingMove = down ? 'first' : 'last';
        return this.#setOpen(true);
      }
      this.#moveTo(this.#activeIndex + (down ? 1 : -1));
    } else if ((key === 'Home' || key === 'End') && active) {
      handled();
      this.#moveTo(key === 'Home' ? 0 : this.#source.length - 1);
    } else if ((key === 'PageDown' || key === 'PageUp') && open) {
      handled();
      this.#moveTo(this.#activeIndex + (key === 'PageDown' ? PAGE_STEP : -PAGE_STEP));
    } else if (key === 'Enter' && (active || this.#source.error)) {
      handled();
      if (active) this.#choose(this.#activeIndex);
      else this.#setOpen(true);
    } else if (key === 'Escape') {
      if (open) {
        handled();
        // A dialog around the element must not close on the Escape that closes the popup.
        event.stopPropagation();
        this.#setOpen(false);
      } else if (this.#text) {
        handled();
        this.#text = this.#query = '';
        this.#host.requestUpdate();
      }
    }
  }

  #statusText(g: Catalog['grants']): string {
    const source = this.#source;
    if (source.loading) return g.searching;
    if (source.busy) return g.loadingMore;
    if (source.ready && !source.length) return this.#query ? g.noMatches : g.toolHasNoTasks;
    return '';
  }

  /** The tool select, then the label, input, popup and live region. `describedBy`: the id of a hint in the same root. */
  render(
    t: Catalog,
    { tools, disabled: off, describedBy }: { tools: readonly Tool[]; disabled: boolean; describedBy?: string },
  ) {
    const g = t.grants;
    const source = this.#source;
    const open = this.#open;
    const activeIndex = this.#activeIndex;
    const disabled = off || !tools.length;
    const tasks = source.view(0);
    const expanded = open && tasks.length > 0;
    const status = open ? this.#statusText(g) : '';
    const { error } = source;
    const keepFocus = (event: Event) => event.preventDefault();
    return html`<div class="picker">
      <div class="field" part="field">
        <label class="label" for="task-tool">${g.tool}</label>
        <select id="task-tool" class="select" part="filter" ?disabled=${disabled}
          @change=${(event: Event) => this.setTool((event.target as HTMLSelectElement).value)}>
          ${tools.map((tool) => html`<option value=${tool.id} ?selected=${tool.id === this.toolId}>${tool.name}</option>`)}
        </select>
      </div>
      <div class="field" part="field">
      <label class="label" for="task-search">${g.search}</label>
      <div class="combobox-anchor">
        <input id="task-search" class="input" part="search" type="text" role="combobox" autocomplete="off" spellcheck="false"
          aria-autocomplete="list" aria-haspopup="listbox" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="task-listbox"
          aria-activedescendant=${expanded && activeIndex >= 0 ? `task-option-${activeIndex}` : nothing}
          aria-describedby=${describedBy ?? nothing} placeholder=${g.searchPlaceholder} .value=${this.#text} ?disabled=${disabled}
          @input=${(event: Event) => this.#handleInput(event)} @keydown=${(event: KeyboardEvent) => this.#handleKeydown(event)}
          @click=${() => this.#setOpen(true)} @blur=${() => this.#setOpen(false)} />
        <div class="popup" part="listbox" ?hidden=${!expanded && !status}>
          <div id="task-listbox" class="listbox" role="listbox" aria-label=${g.search} aria-multiselectable="true"
            ?hidden=${!expanded} @mousedown=${keepFocus}
            @click=${(event: Event) => {
              const option = (event.target as Element).closest<HTMLElement>('[role="option"][data-index]');
              if (option) this.#choose(Number(option.dataset.index));
            }}
            @scroll=${(event: Event) => {
              const listbox = event.currentTarget as HTMLElement;
              if (listbox.scrollTop + listbox.clientHeight >= listbox.scrollHeight - listbox.clientHeight / 2)
                source.ensure(source.length - 1, source.length - 1);
            }}>
            ${
              expanded
                ? tasks.map((task, index) => {
                    if (!task)
                      return html`<div id="task-option-${index}" class="option" role="option" aria-selected="false" aria-disabled="true">${g.loadingMore}</div>`;
                    const granted = this.#options.isGranted(task.id);
                    return html`<div id="task-option-${index}" class="option" part="option" role="option" data-index=${index}
                aria-selected=${granted ? 'true' : 'false'} ?data-active=${index === activeIndex}>
                <span class="check" aria-hidden="true">${granted ? checkIcon : nothing}</span>
                <span class="option-name" dir="auto">${task.name}</span>
              </div>`;
                  })
                : nothing
            }
          </div>
          ${status ? html`<div class="popup-status muted" part="state">${status}</div>` : nothing}
        </div>
        ${
          error
            ? renderError({
                error,
                t,
                inline: true,
                onRetry: () => {
                  this.#setOpen(true);
                  this.#host.renderRoot.querySelector<HTMLElement>('#task-search')!.focus();
                },
              })
            : nothing
        }
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${open && source.ready && !source.busy ? g.results(source.total) : ''}</div>
    </div></div>`;
  }
}
