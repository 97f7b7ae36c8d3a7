/** The events table's columns, labels and static rows, and the date helpers of its filters. */
import { html, type TemplateResult } from 'lit';
import type { EventType, RosterEvent, Tool } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import type { Sentence } from '../shared/bidi.js';

/** The filters as the viewer set them: an event type, and dates (`YYYY-MM-DD`) of a date input. */
export interface EventFilters {
  type: EventType | '';
  /** First day shown (inclusive). */
  from: string;
  /** Last day shown (inclusive). */
  to: string;
}

export const NO_FILTERS: EventFilters = { type: '', from: '', to: '' };
export const COLUMNS = ['time', 'type', 'description', 'subject', 'cost'] as const;
/** Event types whose sentence names the task. */
const NAMES_TASK = new Set(['task_created', 'task_updated', 'report_downloaded']);
export const TYPE_TONES: Record<string, string> = {
  task_created: 'accent',
  task_updated: 'success',
  report_downloaded: 'warning',
  signed_in: 'neutral',
};

/** Local midnight of a `YYYY-MM-DD` date, or undefined for anything else. */
export function parseDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

/** `YYYY-MM-DD` of a local date, as a date input takes it. */
export function formatDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The localised name of an event type; a type this version does not know shows as sent. */
export function typeLabel(type: string, t: Catalog): string {
  return (t.stats.types as Record<string, string>)[type] ?? type;
}

/**
 * What the user did, in the viewer's language, from the event's type and the task's name as it was
 * then (v1.1 `taskName`). A type this version does not know, or a task event without its name, falls
 * back to the server's own `description`. Render with `renderSentence` (each name isolated) or
 * `sentenceText`.
 */
export function eventSentence(event: RosterEvent, t: Catalog): Sentence {
  const describe = (t.stats.descriptions as Record<string, ((task: string) => string) | undefined>)[event.type];
  if (describe && !NAMES_TASK.has(event.type)) return { message: describe, values: [] };
  if (describe && event.taskName) return { message: describe, values: [event.taskName] };
  return { message: (description) => description, values: [event.description] };
}

/** The name of the event's tool (its id when the account does not list it). */
export function toolName(event: RosterEvent, tools: readonly Tool[]): string | undefined {
  return event.toolId ? (tools.find((tool) => tool.id === event.toolId)?.name ?? event.toolId) : undefined;
}

export function renderEventsHeader(t: Catalog): TemplateResult {
  return html`<div role="row" class="row header-row" part="header-row" aria-rowindex="1">
    ${COLUMNS.map((key) => html`<div role="columnheader" class="cell col-${key}" part="header-cell">${t.stats.columns[key]}</div>`)}
  </div>`;
}

/** A row whose page is not loaded (yet). */
export function renderSkeletonEventRow(index: number): TemplateResult {
  return html`<div role="row" class="row skeleton-row" part="row skeleton" aria-rowindex=${index + 2} data-index=${index}>
    ${COLUMNS.map((key) => html`<div role="cell" class="cell col-${key}" part="cell"><span class="skeleton"></span></div>`)}
  </div>`;
}
