/** The one way elements show a failed load: a localised message by error code, and a retry. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../localize/en.js';
import { errorMessage } from './errors.js';

export interface ErrorViewOptions {
  error: unknown;
  t: Catalog;
  /** Shown as a "Try again" button when given. */
  onRetry?: () => void;
  /** A one-line notice (inside a form or a row) instead of a centred block. */
  inline?: boolean;
}

/**
 * Renders an error as text (never markup from the server), e.g.
 * `${renderError({ error: this.loadError, t, onRetry: () => this.reload() })}`.
 * Needs `feedbackStyles` and `buttonStyles` in the element's styles. Parts: `alert` (on top of `state` unless inline), `button`.
 */
export function renderError({ error, t, onRetry, inline = false }: ErrorViewOptions): TemplateResult {
  const retry = onRetry
    ? html`<button type="button" class="button ${inline ? 'small' : ''}" part="button" @click=${onRetry}>
        ${t.common.retry}
      </button>`
    : nothing;
  if (inline) {
    return html`<div class="notice" data-tone="danger" part="alert" role="alert">
      <span>${errorMessage(error, t)}</span>${retry}
    </div>`;
  }
  return html`<div class="state" part="state alert" role="alert">
    <p class="state-title">${t.common.errorTitle}</p>
    <p class="state-text">${errorMessage(error, t)}</p>
    ${retry}
  </div>`;
}
