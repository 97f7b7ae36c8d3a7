/** The events tab's filters, table rows and CSV cells, as templates and pure functions. */
import { html, nothing, type TemplateResult } from 'lit';
import { EVENT_TYPES, type RosterEvent, type Tool } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import type { LocalizeController } from '../localize/localize-controller.js';
import type { CsvCell } from './events-csv.js';
import type { EventFilters } from './events-history.js';

const COLUMNS = ['time', 'type', 'description', 'subject', 'cost'] as const;
export const EVENT_COLUMN_COUNT = COLUMNS.length;

const TYPE_TONES: Record<string, string> = { task_created: 'accent', task_updated: 'success', report_downloaded: 'warning', signed_in: 'neutral' };

/** Names of tools and tasks by id, as far as they are known. */
export interface Names {
  tools: readonly Tool[];
  tasks: ReadonlyMap<string, string>;
}

/** The localised name of an event type; a type this version does not know shows as sent. */
export function typeLabel(type: string, t: Catalog): string {
  return (t.stats.types as Record<string, string>)[type] ?? type;
}

export function toolName(event: RosterEvent, names: Names): string | undefined {
  if (!event.toolId) return undefined;
  return names.tools.find((tool) => tool.id === event.toolId)?.name ?? event.toolId;
}

export function taskName(event: RosterEvent, names: Names): string | undefined {
  if (!event.taskId) return undefined;
  return names.tasks.get(event.taskId);
}

/** The header of the CSV file, in the viewer's language. */
export function csvHeader(t: Catalog): string[] {
  const c = t.stats.csv;
  return [c.time, c.type, c.description, c.tool, c.task, c.cost];
}

/** One event as CSV cells: the time as RFC 3339 UTC (sortable, unambiguous), names in the viewer's language. */
export function csvCells(event: RosterEvent, t: Catalog, names: Names): CsvCell[] {
  const task = taskName(event, names) ?? event.taskId;
  return [event.at, typeLabel(event.type, t), event.description, toolName(event, names), task, event.cost];
}

export interface FilterContext {
  t: Catalog;
  filters: EventFilters;
  invalidRange: boolean;
  /** Receives only what changed, to merge over the filters in effect (two changes may come before a render). */
  onChange: (patch: Partial<EventFilters>) => void;
}

/** The type select and the two date inputs (server-side filters). Part: `filters`, `filter`. */
export function renderFilters({ t, filters, invalidRange, onChange }: FilterContext): TemplateResult {
  const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<div class="filters" part="filters" role="group" aria-label=${t.stats.filters}>
    <label class="field">
      <span class="label">${t.stats.type}</span>
      <select class="select" part="filter" .value=${filters.type} @change=${(e: Event) => onChange({ type: value(e) as EventFilters['type'] })}>
        <option value="" ?selected=${!filters.type}>${t.stats.allTypes}</option>
        ${EVENT_TYPES.map((type) => html`<option value=${type} ?selected=${filters.type === type}>${typeLabel(type, t)}</option>`)}
      </select>
    </label>
    <label class="field">
      <span class="label">${t.stats.from}</span>
      <input class="input" part="filter" type="date" name="from" .value=${filters.from} max=${filters.to || nothing}
        aria-invalid=${invalidRange ? 'true' : 'false'} aria-describedby=${invalidRange ? 'range-error' : nothing}
        @change=${(e: Event) => onChange({ from: value(e) })} />
    </label>
    <label class="field">
      <span class="label">${t.stats.to}</span>
      <input class="input" part="filter" type="date" name="to" .value=${filters.to} min=${filters.from || nothing}
        aria-invalid=${invalidRange ? 'true' : 'false'} aria-describedby=${invalidRange ? 'range-error' : nothing}
        @change=${(e: Event) => onChange({ to: value(e) })} />
    </label>
  </div>
  ${invalidRange ? html`<p id="range-error" class="field-error" role="alert">${t.stats.invalidRange}</p>` : nothing}`;
}

export function renderEventsHeader(t: Catalog): TemplateResult {
  return html`<div role="row" class="row header-row" part="header" aria-rowindex="1">
    ${COLUMNS.map((key) => html`<div role="columnheader" class="cell col-${key}">${t.stats.columns[key]}</div>`)}
  </div>`;
}

export interface RowContext {
  t: Catalog;
  localize: LocalizeController;
  names: Names;
}

/** One event row (`undefined`: not loaded yet, shown as a skeleton). Parts: `row`, `cell`. */
export function renderEventRow(event: RosterEvent | undefined, index: number, ctx: RowContext): TemplateResult {
  if (!event) return renderSkeletonEventRow(index);
  const { t, localize, names } = ctx;
  const tool = toolName(event, names);
  const task = taskName(event, names);
  return html`<div role="row" class="row" part="row" aria-rowindex=${index + 2} data-index=${index} data-id=${event.id}>
    <div role="cell" class="cell col-time" part="cell"><time datetime=${event.at}>${localize.dateTime(event.at)}</time></div>
    <div role="cell" class="cell col-type" part="cell">
      <span class="badge" part="badge" data-tone=${TYPE_TONES[event.type] ?? 'neutral'}>${typeLabel(event.type, t)}</span>
    </div>
    <div role="cell" class="cell col-description" part="cell"><span class="truncate" dir="auto" title=${event.description}>${event.description}</span></div>
    <div role="cell" class="cell col-subject" part="cell">
      ${tool
        ? html`<span class="truncate"><span dir="auto">${tool}</span>${task ? html`<span class="muted"> · </span><span dir="auto">${task}</span>` : nothing}</span>`
        : html`<span class="muted">${t.common.none}</span>`}
    </div>
    <div role="cell" class="cell col-cost numeric" part="cell">${event.cost ? localize.number(event.cost) : html`<span class="muted">0</span>`}</div>
  </div>`;
}

export function renderSkeletonEventRow(index: number): TemplateResult {
  return html`<div role="row" class="row skeleton-row" part="row skeleton-row" aria-rowindex=${index + 2} data-index=${index}>
    ${COLUMNS.map((key) => html`<div role="cell" class="cell col-${key}"><span class="skeleton"></span></div>`)}
  </div>`;
}
