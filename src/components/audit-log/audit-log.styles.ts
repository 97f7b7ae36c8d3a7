import { css } from 'lit';
import { badgeStyles, buttonStyles, feedbackStyles, fieldStyles, skeletonStyles, tableStyles, utilityStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';

const auditStyles = css`
  :host {
    --_row-height: calc(var(--roster-audit-log-row-height, 3.25rem) * var(--_density));
    --_columns: minmax(9.5rem, 11rem) minmax(9rem, 12rem) minmax(0, 1fr);
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    min-block-size: 0;
    container: roster-audit-log / inline-size;
    overflow-wrap: anywhere;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    min-inline-size: 0;
  }
  .filters .select,
  .filters .input {
    inline-size: auto;
    max-inline-size: 100%;
  }
  .person .input {
    inline-size: 16rem;
  }
  .field-error {
    margin: 0;
  }
  .export {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .export-progress {
    inline-size: 8rem;
    accent-color: var(--_color-accent);
  }
  .content {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
  }
  .head {
    /* The same gutter as the scrolling body keeps the columns aligned. */
    overflow: hidden;
    scrollbar-gutter: stable;
    background: var(--_color-surface-raised);
    border-block-end: 1px solid var(--_color-border);
  }
  .body,
  .skeleton-body {
    block-size: var(--roster-audit-log-height, 28rem);
    overscroll-behavior: contain;
    scrollbar-gutter: stable;
  }
  .body {
    overflow: auto;
  }
  .skeleton-body {
    overflow: hidden;
  }
  .col-time {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    white-space: nowrap;
  }
  .col-action .badge {
    display: block;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* Two lines at most, so every row has one height for the virtualised list; the title holds the whole. */
  .sentence {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    line-height: 1.35;
  }
  bdi {
    font-weight: var(--_font-weight-medium);
  }
  /* Narrow: time and action above the sentence, each row taller and still of one height. A container
     query cannot restyle its container (the host), so the taller height is set on the table. */
  @container roster-audit-log (max-width: 37.49rem) {
    .content {
      --_row-height: calc(var(--roster-audit-log-row-height, 3.25rem) * var(--_density) + 2.75rem);
    }
    .header-row {
      display: none;
    }
    .row:not(.header-row) {
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-rows: auto 1fr;
      align-items: start;
      align-content: center;
      row-gap: var(--_space-xs);
      padding-block: var(--_space-s);
    }
    .col-change {
      grid-column: 1 / -1;
    }
    .col-action {
      justify-content: flex-end;
    }
    .filters > .field {
      flex: 1 1 8rem;
    }
    .filters > .person {
      flex-basis: 100%;
    }
    .filters .select,
    .filters .input {
      inline-size: 100%;
    }
  }
`;

export const styles = [tokenStyles, hostStyles, utilityStyles, buttonStyles, fieldStyles, badgeStyles, skeletonStyles, feedbackStyles, tableStyles, auditStyles];
