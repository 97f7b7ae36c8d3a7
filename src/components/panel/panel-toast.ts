/**
 * The panel's feedback line ("Changes saved", "Link sent", …): one message at a time at the bottom of
 * the panel, in a polite live region that is always there (so the message is read out when it comes),
 * gone after a few seconds unless the pointer or the focus is on it, and closable. Showing it never
 * moves focus: the viewer stays where they were.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Catalog } from '../localize/en.js';
import { renderSentence, type Sentence } from '../shared/bidi.js';

/** Long enough to read two lines (WCAG 2.2.1 leaves time to pause it, by hover or focus). */
export const TOAST_MS = 6000;

const closeIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="m4 4 8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;

export class ToastController implements ReactiveController {
  /** The message shown, with a number that changes with each message (the same text twice is news twice). */
  message?: { text: string | Sentence; tone: 'success' | 'danger'; id: number };
  #timer?: ReturnType<typeof setTimeout>;
  #held = false;
  #count = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.message = undefined;
  }

  /** A sentence's values (a name, an email) are isolated, so that in a right-to-left language they neither flip nor reorder it. */
  show(text: string | Sentence, tone: 'success' | 'danger' = 'success'): void {
    this.message = { text, tone, id: (this.#count += 1) };
    this.#schedule();
    this.host.requestUpdate();
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.message = undefined;
    this.host.requestUpdate();
  }

  /** The pointer or the focus is on the message: it stays until they leave. */
  hold(held: boolean): void {
    this.#held = held;
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (this.message && !this.#held) this.#timer = setTimeout(() => this.dismiss(), TOAST_MS);
  }
}

/** `refocus` puts focus back in the panel when the message goes with focus on its close button. */
export function renderToast(c: ToastController, t: Catalog, refocus: () => void) {
  const message = c.message;
  const hold = () => c.hold(true);
  const release = (event: Event) => {
    // Focus moving within the message (to its close button) keeps holding it.
    if (event instanceof FocusEvent && (event.currentTarget as Element).contains(event.relatedTarget as Node)) return;
    c.hold(false);
  };
  return html`<div class="toast-region" role="status" aria-live="polite" aria-label=${t.panel.notifications}>
    ${
      message
        ? html`<div class="toast" part="toast" data-tone=${message.tone} data-id=${message.id}
      @mouseenter=${hold} @mouseleave=${release} @focusin=${hold} @focusout=${release}>
      <span class="toast-icon" aria-hidden="true"></span>
      <p class="toast-text">${typeof message.text === 'string' ? message.text : renderSentence(message.text)}</p>
      <button type="button" class="button ghost icon small toast-close" part="button button-icon" aria-label=${t.panel.dismiss}
        title=${t.panel.dismiss} @click=${(event: Event) => {
          // The button goes with the message: focus goes back into the panel, not to the page.
          const hadFocus = (event.currentTarget as Element).matches(':focus');
          c.dismiss();
          if (hadFocus) refocus();
        }}>${closeIcon}</button>
    </div>`
        : nothing
    }
  </div>`;
}

export const toastStyles = css`
  /* A line of no height at the end of the panel, stuck to the bottom of the view while the panel is
     in it: the message shows above it, over the panel's end, and never lengthens the page. */
  .toast-region {
    position: sticky;
    inset-block-end: var(--roster-panel-toast-offset, var(--_space-l));
    z-index: 3;
    block-size: 0;
    display: flex;
    justify-content: center;
    align-items: flex-end;
    pointer-events: none;
  }
  .toast {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    max-inline-size: min(34rem, calc(100% - 2 * var(--_space-m)));
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m) var(--_space-s);
    border-radius: var(--_radius-l);
    background: var(--roster-panel-toast-background, color-mix(in srgb, var(--_color-text) 92%, var(--_color-surface)));
    color: var(--roster-panel-toast-color, var(--_color-surface));
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18), 0 0.125rem 0.25rem rgb(0 0 0 / 0.12);
    pointer-events: auto;
    animation: roster-toast-in 160ms ease-out;
  }
  .toast-icon {
    flex: none;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_color-success);
  }
  .toast[data-tone='danger'] .toast-icon {
    background: var(--_color-danger);
  }
  .toast-text {
    margin: 0;
    font-size: var(--_font-size-s);
    overflow-wrap: anywhere;
  }
  .toast-close {
    flex: none;
    color: inherit;
  }
  .toast-close svg {
    inline-size: 0.9rem;
    block-size: 0.9rem;
  }
  /* A slide, not a fade: the text keeps its contrast from the first frame. */
  @keyframes roster-toast-in {
    from {
      translate: 0 0.75rem;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .toast {
      animation: none;
    }
  }
`;
