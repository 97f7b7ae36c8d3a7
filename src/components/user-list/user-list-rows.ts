/** The grid's columns, header and placeholder rows, as templates that need no element state. */
import { html, nothing, type TemplateResult } from 'lit';
import type { User, UserSort } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';

export type SortColumn = 'name' | 'createdAt' | 'creditsSpent';
type Column = keyof Catalog['list']['columns'];

export const COLUMNS: readonly Column[] = ['name', 'email', 'role', 'status', 'credits', 'created'];
const SORT_COLUMNS: Partial<Record<Column, SortColumn>> = {
  name: 'name',
  credits: 'creditsSpent',
  created: 'createdAt',
};
// Both triangles (dimmed) while the column is not the order, else the one pointing the order's way.
const SORT_ARROWS = { none: 'M8 3l4 5H4zM8 13l-4-5h8z', ascending: 'M8 4l5 6H3z', descending: 'M8 12l5-6H3z' };

/** "New user" in the list's toolbar and the panel's new-user avatar. */
export const plusIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25z" fill="currentColor"/></svg>`;

/** The column headers; sortable ones hold a button and carry `aria-sort` when they order the rows. */
export function renderHeader(t: Catalog, sort: UserSort, onSort: (column: SortColumn) => void): TemplateResult {
  return html`<div role="row" class="row header-row" part="header-row" aria-rowindex="1">
    ${COLUMNS.map((key) => {
      const column = SORT_COLUMNS[key];
      const order = !column
        ? undefined
        : sort === column
          ? 'ascending'
          : sort === `-${column}`
            ? 'descending'
            : undefined;
      return html`<div role="columnheader" class="cell col-${key}" part="header-cell" aria-sort=${order ?? nothing}>
        ${
          column
            ? html`<button type="button" class="sort-button" @click=${() => onSort(column)}>
              ${t.list.columns[key]}<svg viewBox="0 0 16 16" aria-hidden="true"><path d=${SORT_ARROWS[order ?? 'none']} fill="currentColor" opacity=${order ? nothing : '.35'} /></svg>
            </button>`
            : t.list.columns[key]
        }
      </div>`;
    })}
  </div>`;
}

export function renderSkeletonRow(index: number): TemplateResult {
  return html`<div role="row" class="row skeleton-row" part="row skeleton" aria-rowindex=${index + 2} data-index=${index}>
    ${COLUMNS.map((key) => html`<div role="gridcell" class="cell col-${key}" part="cell"><span class="skeleton"></span></div>`)}
  </div>`;
}

export function initials(user: User): string {
  return `${[...user.firstName][0] ?? ''}${[...user.lastName][0] ?? ''}`.toLocaleUpperCase();
}
