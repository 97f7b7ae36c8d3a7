import { css } from 'lit';

/**
 * Shared looks, so every element reads as one product. Each element adds the sheets it uses:
 * `static override styles = [tokenStyles, hostStyles, buttonStyles, fieldStyles, styles]`.
 * Class names are the contract: `.button` (+ `.primary`, `.danger`, `.ghost`, `.small`, `.icon`),
 * `.field` / `.label` / `.input` / `.select` / `.hint` / `.field-error`, `.badge[data-tone]`,
 * `.skeleton`, `dialog.dialog`, `.notice[data-tone]`, `.state` (empty/error/no-permission blocks),
 * `.visually-hidden`; everything focused from the keyboard shows the focus ring.
 */

export const utilityStyles = css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    margin: -1px;
    padding: 0;
    border: 0;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  .muted {
    color: var(--_color-text-muted);
  }
  .numeric {
    font-variant-numeric: tabular-nums;
  }
  /* One line of text a person typed: cut with an ellipsis, kept apart from the surrounding direction. */
  .truncate {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }
`;

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-xs);
    min-block-size: var(--_control-height);
    padding-block: 0;
    padding-inline: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-weight: var(--_font-weight-medium);
    /* Kept on one line beside other content; its text wraps only when the button alone is wider than its container. */
    min-inline-size: fit-content;
    cursor: pointer;
    transition: background-color 120ms, border-color 120ms, box-shadow 120ms;
  }
  .button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_color-text) 5%, var(--_color-surface));
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-accent-text);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_color-accent) 88%, var(--_color-text));
  }
  .button.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-surface);
  }
  .button.ghost {
    border-color: transparent;
    background: transparent;
  }
  .button.ghost:hover:not(:disabled) {
    background: var(--_color-hover);
  }
  .button.small {
    min-block-size: calc(var(--_control-height) * 0.78);
    padding-inline: var(--_space-s);
    font-size: var(--_font-size-s);
  }
  .button.icon {
    padding-inline: 0;
    inline-size: var(--_control-height);
  }
  .button.small.icon {
    inline-size: calc(var(--_control-height) * 0.78);
  }
  .button svg {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
`;

export const fieldStyles = css`
  .field {
    display: grid;
    gap: var(--_space-xs);
    min-inline-size: 0;
  }
  .label {
    font-weight: var(--_font-weight-medium);
    font-size: var(--_font-size-s);
  }
  .input,
  .select {
    min-block-size: var(--_control-height);
    inline-size: 100%;
    padding-block: 0;
    padding-inline: var(--_space-m);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    transition: border-color 120ms, box-shadow 120ms;
  }
  .select {
    padding-inline-end: var(--_space-xl);
    appearance: none;
    background-image: linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position: calc(100% - 1rem) 55%, calc(100% - 0.7rem) 55%;
    background-size: 0.3rem 0.3rem;
    background-repeat: no-repeat;
  }
  .select:dir(rtl) {
    background-position: 0.7rem 55%, 1rem 55%;
  }
  .input::placeholder {
    color: var(--_color-text-muted);
    opacity: 1;
  }
  .input:focus-visible,
  .select:focus-visible {
    border-color: var(--_color-focus);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_color-focus) 30%, transparent);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  .field-error {
    color: var(--_color-danger);
    font-size: var(--_font-size-s);
  }
`;

export const badgeStyles = css`
  .badge {
    --_tone: var(--_color-text-muted);
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_tone) 12%, var(--_color-surface));
    color: color-mix(in srgb, var(--_tone) 82%, var(--_color-text));
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-medium);
    line-height: 1.4;
    white-space: nowrap;
  }
  .badge[data-tone='accent'] { --_tone: var(--_color-accent); }
  .badge[data-tone='success'] { --_tone: var(--_color-success); }
  .badge[data-tone='warning'] { --_tone: var(--_color-warning); }
  .badge[data-tone='danger'] { --_tone: var(--_color-danger); }
  .badge[data-dot]::before {
    content: '';
    flex: none;
    inline-size: 0.45rem;
    block-size: 0.45rem;
    border-radius: 50%;
    background: currentColor;
  }
`;

export const skeletonStyles = css`
  .skeleton {
    display: inline-block;
    block-size: 0.8em;
    inline-size: 100%;
    max-inline-size: var(--_skeleton-width, 8rem);
    border-radius: var(--_radius-s);
    background: linear-gradient(
      90deg,
      color-mix(in srgb, var(--_color-text) 7%, transparent) 0%,
      color-mix(in srgb, var(--_color-text) 13%, transparent) 50%,
      color-mix(in srgb, var(--_color-text) 7%, transparent) 100%
    );
    background-size: 200% 100%;
    animation: roster-shimmer 1.4s ease-in-out infinite;
  }
  /* The shimmer runs with the reading direction. */
  .skeleton:dir(rtl) {
    animation-direction: reverse;
  }
  @keyframes roster-shimmer {
    from { background-position: 100% 0; }
    to { background-position: -100% 0; }
  }
`;

export const dialogStyles = css`
  dialog.dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    padding: var(--_space-xl);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow-overlay);
  }
  dialog.dialog::backdrop {
    background: rgb(10 10 20 / 0.45);
  }
  .dialog-title {
    margin: 0 0 var(--_space-s);
    font-size: var(--_font-size-l);
    font-weight: var(--_font-weight-strong);
    overflow-wrap: anywhere;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-s);
    margin-block-start: var(--_space-xl);
  }
`;

export const feedbackStyles = css`
  .state {
    display: grid;
    justify-items: center;
    gap: var(--_space-s);
    padding: var(--_space-xl) var(--_space-l);
    text-align: center;
  }
  .state-title {
    margin: 0;
    font-size: var(--_font-size-m);
    font-weight: var(--_font-weight-strong);
  }
  .state-text {
    margin: 0;
    max-inline-size: 36ch;
    color: var(--_color-text-muted);
  }
  .notice {
    --_tone: var(--_color-text-muted);
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid color-mix(in srgb, var(--_tone) 35%, var(--_color-surface));
    border-radius: var(--_radius-m);
    background: color-mix(in srgb, var(--_tone) 8%, var(--_color-surface));
  }
  .notice[data-tone='danger'] { --_tone: var(--_color-danger); }
  .notice[data-tone='warning'] { --_tone: var(--_color-warning); }
  .notice[data-tone='success'] { --_tone: var(--_color-success); }
`;

/**
 * Rows of a grid-styled table (the user list, the event history): each element sets `--_columns`
 * (the column tracks) and `--_row-height` on its host. `.row`, `.header-row`, `.cell` and the
 * `.footer` under the rows (count and load status).
 */
export const tableStyles = css`
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    inline-size: 100%;
    block-size: var(--_row-height);
    border-block-end: 1px solid color-mix(in srgb, var(--_color-border) 70%, transparent);
  }
  .header-row {
    block-size: auto;
    min-block-size: calc(var(--_row-height) * 0.8);
    border: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    font-weight: var(--_font-weight-medium);
  }
  .cell {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-inline-size: 0;
    padding-inline: var(--_space-m);
    overflow: hidden;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border-block-start: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
`;

/** Every shared sheet but the table's, for elements that use most of them. */
export const controlStyles = [
  utilityStyles,
  buttonStyles,
  fieldStyles,
  badgeStyles,
  skeletonStyles,
  dialogStyles,
  feedbackStyles,
];
