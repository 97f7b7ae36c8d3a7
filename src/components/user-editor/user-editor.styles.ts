import { css } from 'lit';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { passwordStyles } from './password-input.js';

const editorStyles = css`
  :host {
    max-inline-size: var(--roster-user-editor-max-width, 44rem);
    container: roster-user-editor / inline-size;
    /* Long unbroken names and emails wrap wherever they are shown, dialogs included. */
    overflow-wrap: anywhere;
  }
  p,
  h2,
  h3,
  h4,
  ol,
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  fieldset {
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .editor,
  .form,
  .plain {
    display: grid;
    gap: var(--_space-l);
  }
  .header,
  .review,
  .ip-entry {
    display: grid;
    gap: var(--_space-xs);
  }
  .title {
    font-size: var(--_font-size-l);
  }
  .title,
  .section-title,
  .step-title {
    font-weight: var(--_font-weight-strong);
  }
  .section-title,
  .step-title,
  .conflict-title {
    font-size: var(--_font-size-m);
  }
  .section-title,
  .danger-zone {
    border-block-start: 1px solid var(--_color-border);
  }
  .section-title {
    padding-block-start: var(--_space-s);
  }
  .step-title:focus-visible,
  .group:focus-visible {
    border-radius: var(--_radius-s);
  }
  .step-count {
    margin-block-end: calc(var(--_space-l) * -1 + var(--_space-xs));
  }
  .intro {
    margin-block: 1em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-s);
    color: var(--_color-text-muted);
  }
  .step {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
  }
  .step-number {
    display: grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border: 1px solid var(--_color-border-strong);
    border-radius: 50%;
    font-weight: var(--_font-weight-strong);
  }
  .step[data-state='current'] {
    color: var(--_color-text);
    font-weight: var(--_font-weight-medium);
  }
  .step[data-state='current'] .step-number {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-text);
  }
  .step[data-state='done'] .step-number {
    border-color: var(--_color-accent);
    color: color-mix(in srgb, var(--_color-accent) 80%, var(--_color-text));
  }
  .grid.two {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: var(--_space-l);
  }
  .group {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
  }
  legend.label {
    padding: 0;
    margin-block-end: var(--_space-s);
  }
  .check,
  .role-option {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
    cursor: pointer;
  }
  .check input,
  .role-option input {
    flex: none;
    margin: 0.2rem 0 0;
    inline-size: 1rem;
    block-size: 1rem;
    accent-color: var(--_color-accent);
  }
  .role-option {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
  }
  .role-option:has(input:checked) {
    border-color: var(--_color-accent);
    background: var(--_color-selected);
  }
  .role-option:has(input:focus-visible) {
    box-shadow: var(--_focus-ring);
  }
  .role-text {
    display: grid;
    gap: 0.1rem;
  }
  .role-name {
    font-weight: var(--_font-weight-medium);
  }
  .indent {
    padding-inline-start: calc(1rem + var(--_space-s));
  }
  .narrow {
    max-inline-size: 12rem;
  }
  /* What the viewer cannot change reads as text, not as a box to type in (nor a greyed-out one). */
  .input[readonly] {
    min-block-size: auto;
    padding-inline: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_color-text);
    -webkit-text-fill-color: currentColor;
    opacity: 1;
  }
  .label + .value {
    margin-block-start: var(--_space-xs);
  }
  .mono {
    font-family: var(--_font-family-mono);
  }
  .ip-row {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
  }
  .ip-row .input {
    flex: auto;
    min-inline-size: 0;
  }
  /* Too narrow for the address and the button side by side (large text): the button goes below. */
  .ip-row {
    flex-wrap: wrap;
  }
  .ip-row .input {
    flex-basis: 10rem;
  }
  .client-ip {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    font-size: var(--_font-size-s);
  }
  .client-ip-warning {
    flex-basis: 100%;
  }
  .ip-entries {
    display: grid;
    gap: var(--_space-s);
    padding: 0;
    list-style: none;
  }
  .notice {
    display: block;
  }
  .notice[data-tone] {
    display: flex;
    flex-wrap: wrap;
  }
  .verification,
  .field-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  div.verification {
    margin-block-start: var(--_space-xs);
  }
  .verification .notice {
    flex-basis: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-s);
  }
  .review-section {
    display: grid;
    gap: var(--_space-s);
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .section-head h4 {
    font-weight: var(--_font-weight-medium);
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: var(--_space-m);
  }
  .review dt {
    color: var(--_color-text-muted);
  }
  .created {
    display: grid;
    gap: var(--_space-m);
  }
  .conflict-title {
    margin-block-end: var(--_space-xs);
  }
  .conflict p {
    margin-block-end: var(--_space-s);
  }
  .conflict-table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-end: var(--_space-m);
    font-size: var(--_font-size-s);
  }
  .conflict-table th,
  .conflict-table td {
    padding: var(--_space-xs) var(--_space-s);
    border-block-end: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }
  .danger-zone {
    display: grid;
    justify-items: start;
    gap: var(--_space-xs);
    padding-block-start: var(--_space-l);
  }
  .danger-zone .button:not([aria-disabled='true']) {
    color: var(--_color-danger);
    border-color: color-mix(in srgb, var(--_color-danger) 45%, var(--_color-surface));
  }
  dialog.dialog .group {
    margin-block-start: var(--_space-m);
  }
  .loading {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-l) 0;
  }
  @container roster-user-editor (max-width: 30rem) {
    .review-row {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;

export const styles = [tokenStyles, hostStyles, ...controlStyles, passwordStyles, editorStyles];
