/** The styles of the password input (password-input.ts): its row, show/hide toggle and strength meter. */
import { css } from 'lit';

export const passwordStyles = css`
  .password-row {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
  }
  .password-row .input {
    flex: auto;
    min-inline-size: 0;
  }
  .strength {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-s);
    color: var(--_color-text-muted);
  }
  .meter {
    inline-size: 6rem;
    block-size: 0.35rem;
    border-radius: 999px;
    background: var(--_color-border);
    overflow: hidden;
  }
  .meter > span {
    display: block;
    block-size: 100%;
    inline-size: 33%;
    background: var(--_color-danger);
  }
  [data-strength='fair'] .meter > span {
    inline-size: 66%;
    background: var(--_color-warning);
  }
  [data-strength='strong'] .meter > span {
    inline-size: 100%;
    background: var(--_color-success);
  }
`;
