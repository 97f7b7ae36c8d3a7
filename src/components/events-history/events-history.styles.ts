import { css } from 'lit';
import {
  badgeStyles,
  buttonStyles,
  feedbackStyles,
  fieldStyles,
  skeletonStyles,
  tableStyles,
  utilityStyles,
} from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';

// The tokens keep the names they had when the table was part of <roster-user-stats>, which hosts set.
const historyStyles = css`
  :host {
    --_row-height: calc(var(--roster-user-stats-row-height, 2.75rem) * var(--_density));
    /* Time, type and cost get room for their whole text; the description and the subject wrap. */
    --_columns: 12rem 10.5rem minmax(0, 3fr) minmax(0, 2fr) 7rem;
    display: flex;
    flex-direction: column;
    gap: var(--_space-l);
    min-block-size: 0;
    container: roster-events-history / inline-size;
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
  }
  .filters .select,
  .filters .input {
    inline-size: auto;
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
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  .content:empty {
    display: none;
  }
  .head {
    /* The same gutter as the scrolling body keeps the columns aligned. */
    overflow: hidden;
    scrollbar-gutter: stable;
    background: var(--_color-surface-raised);
    border-block-end: 1px solid var(--_color-border);
  }
  /* The one scrolling area of the table: rows only ever grow downwards, never sideways. */
  .body,
  .skeleton-body {
    block-size: var(--roster-user-stats-events-height, 24rem);
    overflow-x: hidden;
    overscroll-behavior: contain;
    scrollbar-gutter: stable;
  }
  .body {
    overflow-y: auto;
  }
  .skeleton-body {
    overflow-y: hidden;
  }
  /* Each row is as tall as its wrapped text (the window measures the rows); the token is the least. */
  .body .row,
  .skeleton-body .row {
    block-size: auto;
    min-block-size: var(--_row-height);
    padding-block: var(--_space-xs);
  }
  .col-time {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  .col-cost {
    justify-content: flex-end;
    white-space: nowrap;
  }
  .col-type .badge {
    white-space: normal;
  }
  .description {
    line-height: 1.35;
  }
  /* Below 900 px of the element's own width, each event stacks: time, type and cost on the first
     line, what happened below it, then the tool and task. */
  @container roster-events-history (width < 900px) {
    .head {
      display: none;
    }
    .body .row,
    .skeleton-body .row {
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas: 'time type cost' 'description description description' 'subject subject subject';
      row-gap: var(--_space-xs);
      padding-block: var(--_space-s);
    }
    .col-time {
      grid-area: time;
    }
    .col-type {
      grid-area: type;
      padding-inline: 0;
    }
    .col-cost {
      grid-area: cost;
    }
    .col-description {
      grid-area: description;
    }
    .col-subject {
      grid-area: subject;
      color: var(--_color-text-muted);
      font-size: var(--_font-size-s);
    }
  }
  .total {
    color: var(--_color-text);
    font-weight: var(--_font-weight-medium);
  }
`;

export const styles = [
  tokenStyles,
  hostStyles,
  utilityStyles,
  buttonStyles,
  fieldStyles,
  badgeStyles,
  skeletonStyles,
  feedbackStyles,
  tableStyles,
  historyStyles,
];
