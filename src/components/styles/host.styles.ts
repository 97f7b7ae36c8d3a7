import { css } from 'lit';

/**
 * The first sheet of every Roster element: border-box sizing, a working `hidden`, text that
 * inherits the host page's font (only the size and colour come from tokens), the isolates of
 * user text (`shared/bidi.ts`), and mirrored `directional` icons in right-to-left languages.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color-scheme: inherit;
    font-family: var(--roster-font-family, inherit);
    font-size: var(--_font-size-m);
    line-height: var(--roster-line-height, 1.45);
    color: var(--_color-text);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  /* Not inherit: a host page's universal box-sizing rule reaches the host element and could pass content-box in. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* A part of user text in its own isolate inside a dir="auto" element (shared/bidi.ts). */
  .bidi {
    unicode-bidi: isolate;
  }
  /*
   * An icon that points along the line (back, chevrons, a sort or "next" arrow) carries the class
   * directional and points the other way right to left. scale leaves an icon's own
   * transform (a rotated chevron) alone. The direction comes from the host's dir, written by
   * the LocalizeController when the language alone makes it right to left.
   */
  .directional:dir(rtl) {
    scale: -1 1;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
