/** The styles of the account password section and of its form, added to the panel's with them (account-password-form.ts). */
import { css } from 'lit';
import { passwordStyles } from '../user-editor/password-input.styles.js';

export const accountPasswordStyles = [
  passwordStyles,
  css`
  .account-password {
    display: grid;
    gap: var(--_space-s);
    justify-items: start;
    margin-block-start: var(--_space-m);
    padding: var(--_space-m) var(--_space-l);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-l);
    background: var(--_color-surface);
  }
  .account-password > p,
  .account-password > .notice,
  .account-password-form {
    justify-self: stretch;
    max-inline-size: 40rem;
  }
  .account-password-title {
    margin: 0;
    font-size: var(--_font-size-m);
    font-weight: var(--_font-weight-strong);
  }
  .account-password p {
    margin: 0;
  }
  .account-password-form {
    display: grid;
    gap: var(--_space-s);
  }
  .account-password-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-s);
  }
`,
];
