/** The events tab: filters and export, the virtualised table with its states, the footer with the running total. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Catalog } from '../localize/en.js';
import type { LocalizeController } from '../localize/localize-controller.js';
import { renderError } from '../shared/error-view.js';
import { styleProps } from '../shared/style-props.js';
import type { VirtualWindow } from '../shared/virtual-window.js';
import { type EventFilters, type EventsHistory, NO_FILTERS } from './events-history.js';
import { EVENT_COLUMN_COUNT, type Names, renderEventRow, renderEventsHeader, renderFilters, renderSkeletonEventRow } from './events-table.js';

export interface EventsPanelContext {
  t: Catalog;
  localize: LocalizeController;
  history: EventsHistory;
  /** Which rows of the history are rendered. */
  window: VirtualWindow;
  names: Names;
  filters: EventFilters;
  invalidRange: boolean;
  exporting?: { done: number; total: number };
  /** Why the last export failed, shown with a retry. */
  exportError?: unknown;
  /** Merges a change of the filters (a partial one) over those in effect. */
  onFilters: (patch: Partial<EventFilters>) => void;
  onExport: () => void;
  onCancelExport: () => void;
}

const exportIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10"/></svg>`;

function renderExport(ctx: EventsPanelContext): TemplateResult {
  const { t, localize, history, exporting, invalidRange } = ctx;
  if (exporting) {
    const total = Math.max(exporting.total, exporting.done);
    return html`<div class="export" part="export">
      <progress class="export-progress" part="export-progress" max=${Math.max(total, 1)} value=${exporting.done}
        aria-label=${t.stats.exportProgress(exporting.done, total)}></progress>
      <span class="muted numeric" aria-hidden="true">${localize.number(exporting.done)} / ${localize.number(total)}</span>
      <button type="button" class="button small" part="cancel-button" @click=${ctx.onCancelExport}>${t.stats.cancelExport}</button>
    </div>`;
  }
  const empty = !history.source.ready || history.source.total === 0 || invalidRange;
  return html`<button type="button" class="button" part="export-button" ?disabled=${empty} @click=${ctx.onExport}>
    ${exportIcon}${t.stats.export}
  </button>`;
}

function renderState(title: string, text: string, action: unknown = nothing): TemplateResult {
  return html`<div class="state" part="state"><p class="state-title">${title}</p><p class="state-text">${text}</p>${action}</div>`;
}

/** The table: a scrolling body holding only the rows of the window in view. */
function renderTable(ctx: EventsPanelContext, skeleton: boolean): TemplateResult {
  const { t, localize, names, history } = ctx;
  const source = history.source;
  const rowContext = { t, localize, names };
  return html`<div class="table" part="table" role="table" aria-label=${t.stats.eventsLabel}
    aria-rowcount=${skeleton ? -1 : source.total + 1} aria-colcount=${EVENT_COLUMN_COUNT} aria-busy=${skeleton || source.busy ? 'true' : 'false'}>
    <div role="rowgroup" class="head">${renderEventsHeader(t)}</div>
    ${skeleton
      ? html`<div role="rowgroup" class="skeleton-body">${Array.from({ length: 6 }, (_, i) => renderSkeletonEventRow(i))}</div>`
      : html`<div role="rowgroup" class="body" tabindex="0"><div class="rows" ${styleProps(ctx.window.bodyStyle())}>
          ${repeat(ctx.window.indexes(), (index) => source.at(index)?.id ?? `pending-${index}`,
            (index) => renderEventRow(source.at(index), index, rowContext))}
        </div></div>`}
  </div>`;
}

function renderContent(ctx: EventsPanelContext): TemplateResult | typeof nothing {
  const { t, history, filters, invalidRange } = ctx;
  const source = history.source;
  if (invalidRange) return nothing;
  if (source.error && !source.length) return renderError({ error: source.error, t, onRetry: () => source.retry() });
  if (!source.ready) return renderTable(ctx, true);
  if (source.length === 0) {
    const filtered = Boolean(filters.type || filters.from || filters.to);
    return filtered
      ? renderState(t.stats.noResultsTitle, t.stats.noResultsText,
        html`<button type="button" class="button" @click=${() => ctx.onFilters(NO_FILTERS)}>${t.stats.clearFilters}</button>`)
      : renderState(t.stats.emptyTitle, t.stats.emptyText);
  }
  return renderTable(ctx, false);
}

function renderFooter(ctx: EventsPanelContext): TemplateResult | typeof nothing {
  const { t, history } = ctx;
  const source = history.source;
  if (ctx.invalidRange || !source.ready || source.length === 0) return nothing;
  const failedMore = source.error && source.length > 0;
  const total = history.complete
    ? t.stats.totalAll(history.loadedCost)
    : t.stats.totalLoaded(history.loadedCost, history.loadedCount, source.total);
  return html`<div class="footer" part="footer">
    <span class="numeric">${t.stats.count(source.total)}</span>
    <span class="numeric total" part="total" data-complete=${history.complete ? 'true' : 'false'}>${total}</span>
    ${failedMore ? renderError({ error: source.error, t, onRetry: () => source.retry(), inline: true }) : nothing}
    ${source.busy && !failedMore ? html`<span class="muted">${t.stats.loadingMore}</span>` : nothing}
  </div>`;
}

export function renderEventsPanel(ctx: EventsPanelContext): TemplateResult {
  return html`<div class="toolbar">
      ${renderFilters({ t: ctx.t, filters: ctx.filters, invalidRange: ctx.invalidRange, onChange: ctx.onFilters })}
      ${renderExport(ctx)}
    </div>
    ${ctx.exportError ? renderError({ error: ctx.exportError, t: ctx.t, onRetry: ctx.onExport, inline: true }) : nothing}
    <div class="content">${renderContent(ctx)}${renderFooter(ctx)}</div>`;
}
