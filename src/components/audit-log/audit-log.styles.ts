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

const auditStyles = css`
  :host {
    --_row-height: calc(var(--roster-audit-log-row-height, 3.25rem) * var(--_density));
    /* Time and action get room for their whole text; the sentence wraps. */
    --_columns: 12rem 13rem minmax(0, 1fr);
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
  /* The one scrolling area of the log: rows only ever grow downwards, never sideways. */
  .body,
  .skeleton-body {
    block-size: var(--roster-audit-log-height, 28rem);
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
  /* Each row is as tall as its wrapped sentence (the window measures the rows); the token is the least. */
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
  .col-action .badge {
    white-space: normal;
  }
  .sentence {
    line-height: 1.35;
  }
  bdi {
    font-weight: var(--_font-weight-medium);
  }
  /* Below 900 px of the element's own width, each change stacks: time and action on the first line,
     the sentence below, whole. */
  @container roster-audit-log (width < 900px) {
    .head {
      display: none;
    }
    .body .row,
    .skeleton-body .row {
      grid-template-columns: minmax(0, 1fr) auto;
      row-gap: var(--_space-xs);
      padding-block: var(--_space-s);
    }
    .col-change {
      grid-column: 1 / -1;
    }
    .col-action {
      justify-content: flex-end;
    }
  }
  @container roster-audit-log (width < 600px) {
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
  auditStyles,
];
