/** The block elements show instead of content when there is none to show. */
import { html, nothing, type TemplateResult } from 'lit';

/** An empty, no-results or no-permission block. Needs `feedbackStyles`. Part: `state`. */
export function renderState(title: unknown, text?: unknown, action: unknown = nothing): TemplateResult {
  return html`<div class="state" part="state"><p class="state-title">${title}</p>${text ? html`<p class="state-text">${text}</p>` : nothing}${action}</div>`;
}
