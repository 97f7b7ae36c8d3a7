import { css } from 'lit';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';

const sharedStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .filter-field {
    flex: 0 1 16rem;
  }
  .count {
    font-size: var(--_font-size-s);
  }
  .content {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
    overflow: auto;
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid color-mix(in srgb, var(--_color-border) 70%, transparent);
    text-align: start;
  }
  th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_color-surface-raised);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-medium);
  }
  tbody tr:hover {
    background: var(--_color-hover);
  }
  .name {
    font-weight: var(--_font-weight-medium);
  }
  td .skeleton {
    --_skeleton-width: 7rem;
  }
  .footer {
    display: flex;
    justify-content: center;
    gap: var(--_space-s);
    padding: var(--_space-s);
  }
  .loading {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-l);
  }
  .loading .skeleton {
    --_skeleton-width: 100%;
    block-size: 1.25rem;
  }
`;

export const styles = [tokenStyles, hostStyles, ...controlStyles, sharedStyles];
