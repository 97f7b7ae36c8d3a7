import { css } from 'lit';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';

const grantsStyles = css`
  :host {
    container: roster-access-grants / inline-size;
    /* Long words (German, tool names) wrap rather than widen the element at large text. */
    overflow-wrap: anywhere;
  }
  .grants {
    display: grid;
    gap: var(--_space-l);
  }
  .section {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
    margin: 0;
    padding: var(--_space-l);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
  }
  .section-title {
    font-weight: var(--_font-weight-strong);
  }
  legend {
    float: inline-start;
    padding: 0;
  }
  .section > p,
  .note {
    margin: 0;
  }
  .subsection-title,
  .group-title {
    margin: var(--_space-s) 0 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-medium);
  }
  .bulk,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .tool-list,
  .task-list,
  .readonly-list {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tool-list {
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
  }
  .tool {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    cursor: pointer;
  }
  .tool:hover,
  .option:hover {
    background: var(--_color-hover);
  }
  .tool:has(:checked) {
    border-color: color-mix(in srgb, var(--_color-accent) 55%, var(--_color-border));
    background: var(--_color-selected);
  }
  .checkbox {
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
    accent-color: var(--_color-accent);
  }
  .tool-name {
    font-weight: var(--_font-weight-medium);
  }
  .tool-cost {
    margin-inline-start: auto;
    font-size: var(--_font-size-s);
  }
  .picker {
    display: grid;
    grid-template-columns: minmax(10rem, 14rem) minmax(0, 1fr);
    gap: var(--_space-s);
    align-items: start;
  }
  /* The input, and under it a failed search (the popup opens below both). */
  .combobox-anchor {
    position: relative;
    display: grid;
    gap: var(--_space-xs);
  }
  .popup {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(100% + var(--_space-xs));
    z-index: 2;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    box-shadow: var(--_shadow-overlay);
    overflow: hidden;
  }
  .listbox {
    max-block-size: var(--roster-access-grants-listbox-height, 16rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    padding-block: var(--_space-xs);
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: var(--_control-height);
    padding-inline: var(--_space-m);
    cursor: pointer;
  }
  .option[data-active] {
    background: var(--_color-selected);
    box-shadow: inset 3px 0 0 var(--_color-focus);
  }
  /* The marker sits on the inline-start side; a shadow has no logical offset. */
  .option[data-active]:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_color-focus);
  }
  .option[aria-selected='true'] .option-name {
    font-weight: var(--_font-weight-medium);
  }
  .check {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 1rem;
    color: var(--_color-accent);
  }
  .check svg {
    inline-size: 1rem;
  }
  .option-name,
  .task-name {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }
  .popup-status {
    padding: var(--_space-s) var(--_space-m);
    font-size: var(--_font-size-s);
  }
  .listbox:not([hidden]) + .popup-status {
    border-block-start: 1px solid var(--_color-border);
  }
  .task-group {
    display: grid;
    gap: var(--_space-xs);
  }
  .task {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: calc(2.5rem * var(--_density));
    padding-inline: var(--_space-m) var(--_space-xs);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
  }
  .task .task-name {
    flex: 1 1 12rem;
    /* Cut with its ellipsis: its one line of text must not widen the list. */
    contain: inline-size;
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .task .field-error {
    flex-basis: 100%;
    margin: 0 0 var(--_space-s);
  }
  .task-id {
    font-family: var(--_font-family-mono);
    font-size: var(--_font-size-s);
  }
  .readonly-list li {
    padding-block: var(--_space-xs);
  }
  .actions {
    justify-content: flex-end;
  }
  .loading {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-l);
  }
  .loading .skeleton {
    --_skeleton-width: 16rem;
    block-size: 1.5rem;
  }
  @container roster-access-grants (max-width: 30rem) {
    .picker {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;

export const styles = [tokenStyles, hostStyles, ...controlStyles, grantsStyles];
