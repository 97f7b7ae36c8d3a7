/** The grid's header and rows, as templates: kept apart so the element holds state and behaviour only. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Role, User, UserSort } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import type { LocalizeController } from '../localize/localize-controller.js';

export type SortColumn = 'name' | 'createdAt' | 'creditsSpent';
type Column = keyof Catalog['list']['columns'];

const COLUMNS: { key: Column; sort?: SortColumn }[] = [
  { key: 'name', sort: 'name' },
  { key: 'email' },
  { key: 'role' },
  { key: 'status' },
  { key: 'credits', sort: 'creditsSpent' },
  { key: 'created', sort: 'createdAt' },
];

export const COLUMN_COUNT = COLUMNS.length;

const ROLE_TONES: Record<Role, string> = { owner: 'accent', manager: 'success', specialist: 'neutral', guest: 'warning' };

export interface RowContext {
  t: Catalog;
  localize: LocalizeController;
  activeIndex: number;
  selectedId?: string;
  viewerId?: string;
  canWrite: boolean;
  resending: ReadonlySet<string>;
  onResend: (user: User) => void;
}

const resendIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M13 8a5 5 0 1 1-1.46-3.54"/><path d="M12 1.8v3h-3"/></svg>`;
const sortArrow = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 3l4 5H4zM8 13l-4-5h8z" fill="currentColor" opacity=".35"/></svg>`;
const sortArrowUp = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 4l5 6H3z" fill="currentColor"/></svg>`;
const sortArrowDown = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 12l5-6H3z" fill="currentColor"/></svg>`;

/** The column headers; sortable ones hold a button and carry `aria-sort` when they order the rows. */
export function renderHeader(t: Catalog, sort: UserSort, onSort: (column: SortColumn) => void): TemplateResult {
  const column = sort.replace(/^-/, '');
  const descending = sort.startsWith('-');
  return html`<div role="row" class="row header-row" part="header" aria-rowindex="1">
    ${COLUMNS.map(({ key, sort: sortKey }) => {
      const sorted = sortKey !== undefined && sortKey === column;
      return html`<div role="columnheader" class="cell col-${key}" part="header-cell"
        aria-sort=${sorted ? (descending ? 'descending' : 'ascending') : nothing}>
        ${sortKey
          ? html`<button type="button" class="sort-button" part="sort-button" @click=${() => onSort(sortKey)}>
              ${t.list.columns[key]}${sorted ? (descending ? sortArrowDown : sortArrowUp) : sortArrow}
            </button>`
          : t.list.columns[key]}
      </div>`;
    })}
  </div>`;
}

function initials(user: User): string {
  return `${[...user.firstName][0] ?? ''}${[...user.lastName][0] ?? ''}`.toLocaleUpperCase();
}

function creditsText(user: User, t: Catalog, localize: LocalizeController): string {
  if (user.creditLimit !== null) return t.list.creditsOfLimit(user.creditsSpent, user.creditLimit);
  if (user.role === 'specialist') return t.list.creditsUnlimited(user.creditsSpent);
  return localize.number(user.creditsSpent);
}

function renderStatus(user: User, index: number, ctx: RowContext): TemplateResult {
  const { t } = ctx;
  if (user.status === 'active') {
    return html`<span class="badge" part="badge status-badge" data-tone="success" data-dot>${t.common.status.active}</span>`;
  }
  const name = `${user.firstName} ${user.lastName}`;
  const busy = ctx.resending.has(user.id);
  return html`<span class="badge" part="badge status-badge" data-tone="warning" data-dot>${t.common.status.pending}</span>
    ${ctx.canWrite
      ? html`<button type="button" class="button small ghost icon resend" part="resend-button"
          tabindex=${index === ctx.activeIndex ? 0 : -1} aria-label=${busy ? t.list.resending : t.list.resendLabel(name)}
          title=${t.list.resend} ?disabled=${busy} @click=${(event: Event) => { event.stopPropagation(); ctx.onResend(user); }}>
          ${resendIcon}
        </button>`
      : nothing}`;
}

/** One user row (`undefined`: a row not loaded yet, shown as a skeleton). */
export function renderRow(user: User | undefined, index: number, ctx: RowContext): TemplateResult {
  if (!user) return renderSkeletonRow(index);
  const { t, localize } = ctx;
  const active = index === ctx.activeIndex;
  const selected = user.id === ctx.selectedId;
  return html`<div role="row" class="row" part="row${active ? ' active-row' : ''}${selected ? ' selected-row' : ''}" aria-rowindex=${index + 2}
    aria-selected=${selected ? 'true' : 'false'}
    data-index=${index} data-id=${user.id} tabindex=${active ? 0 : -1}>
    <div role="gridcell" class="cell col-name" part="cell name-cell">
      <span class="avatar" part="avatar" aria-hidden="true">${initials(user)}</span>
      <span class="name" dir="auto">${user.firstName} ${user.lastName}</span>
      ${user.id === ctx.viewerId ? html`<span class="badge" part="badge" data-tone="accent">${t.common.you}</span>` : nothing}
    </div>
    <div role="gridcell" class="cell col-email" part="cell"><span class="truncate" dir="auto">${user.email}</span></div>
    <div role="gridcell" class="cell col-role" part="cell">
      <span class="badge" part="badge role-badge" data-tone=${ROLE_TONES[user.role]}>${t.roles[user.role].name}</span>
    </div>
    <div role="gridcell" class="cell col-status" part="cell">${renderStatus(user, index, ctx)}</div>
    <div role="gridcell" class="cell col-credits numeric" part="cell">${creditsText(user, t, localize)}</div>
    <div role="gridcell" class="cell col-created" part="cell">
      <time datetime=${user.createdAt}>${localize.date(user.createdAt)}</time>
    </div>
  </div>`;
}

export function renderSkeletonRow(index: number): TemplateResult {
  return html`<div role="row" class="row skeleton-row" part="row skeleton-row" aria-rowindex=${index + 2} data-index=${index}>
    ${COLUMNS.map(({ key }) => html`<div role="gridcell" class="cell col-${key}" part="cell"><span class="skeleton"></span></div>`)}
  </div>`;
}
