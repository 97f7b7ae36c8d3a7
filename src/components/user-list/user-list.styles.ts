import { css } from 'lit';
import { badgeStyles, buttonStyles, feedbackStyles, fieldStyles, skeletonStyles, tableStyles, utilityStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';

const listStyles = css`
  :host {
    --_row-height: calc(var(--roster-user-list-row-height, 3.25rem) * var(--_density));
    --_columns: minmax(10rem, 1.5fr) minmax(10rem, 1.4fr) 7.5rem minmax(13rem, 1.2fr) 8rem 7.5rem;
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    min-block-size: 0;
    container: roster-user-list / inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    flex: 1 1 28rem;
    gap: var(--_space-s);
    min-inline-size: 0;
  }
  .search-field {
    position: relative;
    flex: 1 1 14rem;
    max-inline-size: 24rem;
  }
  .search-icon {
    position: absolute;
    inset-inline-start: var(--_space-m);
    inset-block-start: 50%;
    translate: 0 -50%;
    inline-size: 1rem;
    block-size: 1rem;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
  .search {
    padding-inline-start: calc(var(--_space-m) + 1.4rem);
  }
  .filter {
    inline-size: auto;
  }
  .seats {
    margin-inline-start: auto;
  }
  .create-reason {
    margin: calc(var(--_space-s) * -1) 0 0;
    text-align: end;
  }
  .content {
    display: flex;
    flex-direction: column;
    flex: 1 1 var(--roster-user-list-height, 28rem);
    min-block-size: 12rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
    overflow: hidden;
  }
  .grid {
    scroll-padding-block-start: calc(var(--_row-height) * 0.75 + 1px);
    flex: 1 1 auto;
    min-block-size: 0;
    overflow: auto;
    overscroll-behavior: contain;
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_color-surface-raised);
    border-block-end: 1px solid var(--_color-border);
  }
  .header-row {
    min-block-size: calc(var(--_row-height) * 0.75);
  }
  .body .row {
    cursor: pointer;
    transition: background-color 80ms;
  }
  .body .row:hover {
    background: var(--_color-hover);
  }
  .body .row[aria-selected='true'],
  .body .row:focus-visible {
    background: var(--_color-selected);
  }
  .body .row:focus-visible {
    box-shadow: inset 3px 0 0 var(--_color-focus);
  }
  .body .row:focus-visible:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_color-focus);
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
    font-weight: var(--_font-weight-medium);
  }
  .col-email,
  .col-created {
    color: var(--_color-text-muted);
  }
  /* Figures and dates stay on one line; a long header (German "Verbrauchte Credits") may wrap. */
  .body .col-credits,
  .body .col-created {
    white-space: nowrap;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: calc(1.9rem * var(--_density));
    block-size: calc(1.9rem * var(--_density));
    border-radius: 50%;
    background: color-mix(in srgb, var(--_color-accent) 14%, var(--_color-surface));
    color: color-mix(in srgb, var(--_color-accent) 75%, var(--_color-text));
    font-size: 0.72rem;
    font-weight: var(--_font-weight-strong);
  }
  .sort-button {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    margin-inline: calc(var(--_space-xs) * -1);
    padding: var(--_space-xs);
    border: 0;
    border-radius: var(--_radius-s);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .sort-button:hover {
    color: var(--_color-text);
  }
  .sort-button svg {
    inline-size: 0.75rem;
    block-size: 0.75rem;
  }
  .resend {
    margin-inline-start: auto;
  }
  .skeleton-row .skeleton {
    --_skeleton-width: 7rem;
  }
  .content > .state,
  .content > [part='error'] {
    margin-block: auto;
  }
  @container roster-user-list (max-width: 46rem) {
    /* Search and filters take the first line whole; seats and the action share the second. */
    .filters {
      flex-basis: 100%;
    }
  }
  @container roster-user-list (max-width: 58rem) {
    .content {
      --_columns: minmax(10rem, 1.5fr) 7.5rem minmax(13rem, 1fr) 9rem;
    }
    .col-email,
    .col-created {
      display: none;
    }
  }
  @container roster-user-list (max-width: 30rem) {
    .content {
      /* Each row is its own grid: only fixed tracks line up. The name keeps 9.5rem (55 % when narrower). */
      --_columns: minmax(min(9.5rem, 55%), 1fr) minmax(0, 13rem);
    }
    .cell {
      padding-inline: var(--_space-s);
    }
    .col-status .badge {
      min-inline-size: 0;
    }
    .col-role,
    .col-credits,
    .avatar {
      display: none;
    }
    .search-field {
      flex-basis: 100%;
      max-inline-size: none;
    }
    .filter {
      flex: 1 1 0;
      max-inline-size: 100%;
    }
  }
`;

export const styles = [tokenStyles, hostStyles, utilityStyles, buttonStyles, fieldStyles, badgeStyles, skeletonStyles, feedbackStyles, tableStyles, listStyles];
