import { css } from 'lit';

/**
 * The design-token contract.
 *
 * Public system tokens (`--roster-color-*`, `--roster-font-*`, `--roster-radius-*`,
 * `--roster-space-*`, `--roster-shadow-*`, `--roster-density`) are set by the host anywhere above an
 * element (`:root`, a wrapper, the panel) and are never declared by the elements themselves, so a
 * value set once reaches every nested element. Each element reads them here, once, into private
 * `--_*` internals with the defaults as fallbacks.
 *
 * Light and dark: the colour defaults are written as `light-dark(light, dark)`, which resolves with
 * the `color-scheme` in effect on the element. Elements inherit it from the page, as native form
 * controls do: a page declaring `color-scheme: light dark` follows the system setting
 * (`prefers-color-scheme`), `color-scheme: dark` on any ancestor forces dark, and a page declaring
 * nothing stays light. A host theme that sets `--roster-color-*` replaces both defaults (and may
 * use `light-dark()` itself).
 *
 * `--roster-density` scales control heights, paddings and row heights: 1 is the default, 0.8
 * compact, 1.2 roomy.
 */
export const tokenStyles = css`
  :host {
    --_color-surface: var(--roster-color-surface, light-dark(#ffffff, #17181c));
    --_color-surface-raised: var(--roster-color-surface-raised, light-dark(#f7f7f8, #1f2026));
    --_color-text: var(--roster-color-text, light-dark(#18181b, #ececef));
    --_color-text-muted: var(--roster-color-text-muted, light-dark(#5b5b66, #a3a3ad));
    --_color-border: var(--roster-color-border, light-dark(#e3e3e8, #34353d));
    --_color-accent: var(--roster-color-accent, light-dark(#4f46e5, #8b93ff));
    --_color-accent-text: var(--roster-color-accent-text, light-dark(#ffffff, #0e0f1a));
    --_color-danger: var(--roster-color-danger, light-dark(#b42318, #ff8a80));
    --_color-warning: var(--roster-color-warning, light-dark(#8a5300, #f5c451));
    --_color-success: var(--roster-color-success, light-dark(#116b3a, #6fdc9b));
    --_color-focus: var(--roster-color-focus, light-dark(#4f46e5, #a5acff));
    --_color-hover: color-mix(in srgb, var(--_color-text) 6%, transparent);
    --_color-selected: color-mix(in srgb, var(--_color-accent) 12%, transparent);
    --_color-border-strong: color-mix(in srgb, var(--_color-text) 28%, var(--_color-surface));

    --_font-size-s: var(--roster-font-size-s, 0.8125rem);
    --_font-size-m: var(--roster-font-size-m, 0.875rem);
    --_font-size-l: var(--roster-font-size-l, 1.125rem);
    --_font-weight-medium: var(--roster-font-weight-medium, 500);
    --_font-weight-strong: var(--roster-font-weight-strong, 600);
    --_font-family-mono: var(--roster-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);

    --_radius-s: var(--roster-radius-s, 0.375rem);
    --_radius-m: var(--roster-radius-m, 0.5rem);
    --_radius-l: var(--roster-radius-l, 0.75rem);

    --_density: var(--roster-density, 1);
    --_space-xs: calc(var(--roster-space-xs, 0.25rem) * var(--_density));
    --_space-s: calc(var(--roster-space-s, 0.5rem) * var(--_density));
    --_space-m: calc(var(--roster-space-m, 0.75rem) * var(--_density));
    --_space-l: calc(var(--roster-space-l, 1rem) * var(--_density));
    --_space-xl: calc(var(--roster-space-xl, 1.5rem) * var(--_density));
    --_control-height: calc(2.25rem * var(--_density));

    --_shadow-raised: var(--roster-shadow-raised, 0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1));
    --_shadow-overlay: var(--roster-shadow-overlay, 0 12px 32px rgb(0 0 0 / 0.18), 0 2px 6px rgb(0 0 0 / 0.08));
    --_focus-ring: 0 0 0 2px var(--_color-surface), 0 0 0 4px var(--_color-focus);
  }
`;
