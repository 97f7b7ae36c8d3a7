/** Names inside localised sentences: the sentence keeps the page's direction, the name keeps its own. */
import { html, type TemplateResult } from 'lit';

const SLOT = '\u0000';

/**
 * `message(name)` with the name in a `<bdi>`: an Arabic name in "Delete {name}?" (or a Latin one in
 * an Arabic sentence) neither flips the sentence nor moves its punctuation. The text is unchanged.
 */
export function withName(message: (name: string) => string, name: string): TemplateResult {
  const [before, after = ''] = message(SLOT).split(SLOT);
  return html`${before}<bdi>${name}</bdi>${after}`;
}
