import { css } from 'lit';
import { badgeStyles, buttonStyles, feedbackStyles, skeletonStyles, utilityStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';

const statsStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
    min-block-size: 0;
    overflow-wrap: anywhere;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    border-block-end: 1px solid var(--_color-border);
  }
  .tab {
    position: relative;
    padding: var(--_space-s) var(--_space-m);
    border: 0;
    border-radius: var(--_radius-m) var(--_radius-m) 0 0;
    background: none;
    color: var(--_color-text-muted);
    font: inherit;
    font-weight: var(--_font-weight-medium);
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_color-text);
    background: var(--_color-hover);
  }
  .tab[aria-selected='true'] {
    color: var(--_color-text);
  }
  .tab[aria-selected='true']::after {
    content: '';
    position: absolute;
    inset-inline: var(--_space-s);
    inset-block-end: -1px;
    block-size: 2px;
    border-radius: 2px;
    background: var(--_color-accent);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_space-l);
    min-block-size: 0;
    border-radius: var(--_radius-m);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(10rem, 100%), 1fr));
    gap: var(--_space-s);
    margin: 0;
  }
  .figure,
  .budget,
  .chart {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
  }
  .figure,
  .budget,
  .chart {
    display: grid;
    align-content: start;
    gap: var(--_space-xs);
    margin: 0;
    padding: var(--_space-m);
  }
  .figure-label {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  .figure-value {
    margin: 0;
    display: grid;
    gap: 0.125rem;
    justify-items: start;
    font-weight: var(--_font-weight-medium);
  }
  .figure-detail {
    font-size: var(--_font-size-s);
    font-weight: normal;
  }
  .big {
    font-size: var(--_font-size-l);
    font-weight: var(--_font-weight-strong);
  }
  .budget,
  .chart {
    gap: var(--_space-s);
  }
  .budget-head,
  .chart-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-s);
  }
  .budget-title,
  .chart-title {
    font-weight: var(--_font-weight-strong);
  }
  .budget-text,
  .chart-summary,
  .budget .notice,
  .chart .hint {
    margin: 0;
  }
  .meter {
    block-size: 0.625rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_color-text) 10%, var(--_color-surface));
    overflow: hidden;
  }
  .meter-fill {
    block-size: 100%;
    border-radius: inherit;
    background: var(--_color-accent);
    transition: inline-size 200ms;
  }
  .budget[data-state='exhausted'] .meter-fill {
    background: var(--_color-danger);
  }
  .chart-plot {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-rows: var(--roster-user-stats-chart-height, 7rem) auto;
    column-gap: var(--_space-s);
  }
  .chart-max {
    font-size: var(--_font-size-s);
    align-self: start;
  }
  .chart-svg {
    inline-size: 100%;
    block-size: 100%;
    overflow: visible;
  }
  .chart-bar {
    fill: var(--_color-accent);
  }
  .chart-bar:hover {
    fill: color-mix(in srgb, var(--_color-accent) 75%, var(--_color-text));
  }
  .chart-axis {
    stroke: var(--_color-border-strong);
    vector-effect: non-scaling-stroke;
  }
  .chart-axis-labels {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    font-size: var(--_font-size-s);
  }
  .chart-loading .skeleton {
    --_skeleton-width: 100%;
    block-size: var(--roster-user-stats-chart-height, 7rem);
  }
  .skeleton-figures .skeleton:first-child {
    --_skeleton-width: 5rem;
  }
`;

export const styles = [
  tokenStyles,
  hostStyles,
  utilityStyles,
  buttonStyles,
  badgeStyles,
  skeletonStyles,
  feedbackStyles,
  statsStyles,
];
