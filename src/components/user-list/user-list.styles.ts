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

const listStyles = css`
  :host {
    --_row-height: calc(var(--roster-user-list-row-height, 3.5rem) * var(--_density));
    /* The name and the email share the first column, one above the other (as member lists show them): both whole. */
    --_columns: minmax(16rem, 2.2fr) 9rem minmax(12.5rem, 1fr) 9rem 7.5rem;
    --_areas: 'name role status credits created' 'email role status credits created';
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
    /* Clips the corners without becoming a scroll container: the sticky header follows the page. */
    overflow: clip;
  }
  /* In a page (the panel): the rows scroll with it, the header row sticks below the host's own bar. */
  :host([page-scroll]) .content {
    flex: none;
  }
  :host([page-scroll]) .grid {
    overflow: visible;
  }
  :host([page-scroll]) .head {
    inset-block-start: var(--roster-user-list-sticky-top, 0px);
  }
  .body .row,
  .header-row {
    grid-template-areas: var(--_areas);
    grid-template-rows: 1fr auto;
  }
  .header-row {
    grid-template-rows: auto;
    grid-template-areas: var(--_header-areas, 'name role status credits created');
  }
  .col-name { grid-area: name; }
  .col-email { grid-area: email; }
  .col-role { grid-area: role; }
  .col-status { grid-area: status; }
  .col-credits { grid-area: credits; }
  .col-created { grid-area: created; }
  .body .col-name {
    align-self: end;
  }
  .body .col-email {
    align-self: start;
    /* Under the name, past the avatar. */
    padding-inline-start: calc(var(--_space-m) + 1.9rem * var(--_density) + var(--_space-s));
    font-size: var(--_font-size-s);
  }
  .body .col-role,
  .body .col-status,
  .body .col-credits,
  .body .col-created {
    grid-row: 1 / -1;
  }
  /* The email's column header shares the name's place, heard but not shown: the name cell shows both. */
  .header-row .col-email {
    grid-area: name;
    clip-path: inset(50%);
    pointer-events: none;
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
    /* Focus scrolling a row into view keeps it below the sticky header row. */
    scroll-margin-block-start: calc(var(--_row-height) * 0.8 + var(--roster-user-list-sticky-top, 0px));
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
  /*
   * Dates stay on one line; a long header (German "Verbrauchte Credits"), a role or a credits text
   * longer than its column (a longer language, a wider font) wraps onto a second line rather than
   * being cut: the row has room for two.
   */
  .body .col-created {
    white-space: nowrap;
  }
  .body .col-role .badge {
    white-space: normal;
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
    /*
     * The text in line with the column's, the padding reaching into the cell's own. Only at the start:
     * a button reaching past the column's end would be cut there (WebKit keeps it that wide).
     */
    margin-inline-start: calc(var(--_space-xs) * -1);
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
  .content > .state {
    margin-block: auto;
  }
  @container roster-user-list (max-width: 46rem) {
    /* Search and filters take the first line whole; seats and the action share the second. */
    .filters {
      flex-basis: 100%;
    }
  }
  @container roster-user-list (max-width: 64rem) {
    .content {
      --_columns: minmax(15rem, 1fr) 7.5rem minmax(12.5rem, auto) 8.5rem;
      --_areas: 'name role status credits' 'email role status credits';
      --_header-areas: 'name role status credits';
    }
    .col-created {
      display: none;
    }
  }
  @container roster-user-list (max-width: 44rem) {
    .content {
      --_columns: minmax(13rem, 1fr) 7rem minmax(11rem, auto);
      --_areas: 'name role status' 'email role status';
      --_header-areas: 'name role status';
    }
    .col-credits {
      display: none;
    }
  }
  /* A phone: each user is a card of two lines, name and status above, email and role below. */
  @container roster-user-list (max-width: 30rem) {
    :host {
      --_row-height: calc(var(--roster-user-list-row-height-narrow, 4.5rem) * var(--_density));
    }
    .content {
      /* A card: name and role above, email and status below, the badges at the end of their line. */
      --_columns: minmax(min(9.5rem, 60%), 1fr) minmax(0, max-content);
      --_areas: 'name role' 'email status';
      --_header-areas: 'name status';
    }
    .body .row {
      padding-block: var(--_space-s);
      column-gap: var(--_space-s);
    }
    .body .col-role,
    .body .col-status {
      grid-row: auto;
      justify-content: flex-end;
      max-inline-size: 100%;
    }
    .body .col-role {
      grid-area: role;
      align-self: end;
    }
    .body .col-status {
      grid-area: status;
      align-self: start;
    }
    .col-status .badge {
      min-inline-size: 0;
    }
    .col-role .badge {
      display: inline-block;
      max-inline-size: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .cell {
      padding-inline: var(--_space-s);
    }
    /* The name has the line to itself: no avatar beside it, the email right under it. */
    .body .col-email {
      padding-inline-start: var(--_space-s);
    }
    .avatar,
    .header-row .col-role,
    .header-row .col-status,
    .col-credits,
    .col-created {
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
  listStyles,
];
