/**
 * Bidirectional isolation of user text, the one place for it. Every piece of text a person typed or a
 * server sent (names, emails, task and tool names, descriptions) is shown in its own isolate: an
 * element with `dir="auto"`, a `<bdi>`, or the `bidi` class below. Then a right-to-left name keeps its
 * direction without flipping the sentence around it, and a direction override typed into a name
 * (U+202E in `Ad\u202Emin gnp.exe`) ends where the name ends instead of reversing what follows.
 * Attributes and live-region strings cannot hold markup: there the text goes between U+2068 FSI and
 * U+2069 PDI, the isolate of plain text.
 */
import { html, type TemplateResult } from 'lit';

const SLOT = '\u0000';

/** A person's name as the API gives it. */
export interface PersonName {
  firstName: string;
  lastName: string;
}

/**
 * A person's name for markup, the first name in its own isolate, so an override in it stops before
 * the last name. Put it in an element with `dir="auto"` (or `withName`), which isolates the whole
 * name and takes its direction from it; that isolate also ends an override in the last name. The parts' isolate is the `bidi` class of the host
 * styles, not a `dir` attribute or a `<bdi>`: `dir="auto"` skips those when it looks for the first
 * strong letter, so an Arabic name would no longer run right to left as a whole.
 */
export function personName(name: PersonName): TemplateResult {
  return html`<span class="bidi">${name.firstName}</span> ${name.lastName}`;
}

/** Text isolated for an attribute (`aria-label`, `title`) or a live region: FSI, the text, PDI. */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}

/** A person's name for an attribute or a live region: the whole isolated, and the first name in it. */
export function nameText({ firstName, lastName }: PersonName): string {
  return `\u2068\u2068${firstName}\u2069 ${lastName}\u2069`;
}

/**
 * `message(name)` with the name in a `<bdi>`: an Arabic name in "Delete {name}?" (or a Latin one in
 * an Arabic sentence) neither flips the sentence nor moves its punctuation. The text is unchanged.
 * A `PersonName` also gets its parts isolated (`personName`).
 */
export function withName(message: (name: string) => string, name: string | PersonName): TemplateResult {
  const [before, after = ''] = message(SLOT).split(SLOT);
  return html`${before}<bdi>${typeof name === 'string' ? name : personName(name)}</bdi>${after}`;
}

/**
 * `message(value)` with an email, phone number or IP address left to right in any sentence. A
 * `<bdi>` alone takes the direction of the first letter: `+49 30 1234567` has none, and would show
 * its groups in reverse order in Arabic text (`1234567 30 49+`).
 */
export function withValue(message: (value: string) => string, value: string): TemplateResult {
  const [before, after = ''] = message(SLOT).split(SLOT);
  return html`${before}<bdi dir="ltr">${value}</bdi>${after}`;
}

/** A sentence: a catalog message and the values for its slots (names, values), each isolated when rendered. */
export interface Sentence {
  message: (...values: string[]) => string;
  values: string[];
}

const SENTENCE_SLOT = '\uE000';

/** The sentence as plain text (CSV, live regions). */
export function sentenceText({ message, values }: Sentence): string {
  return message(...values);
}

/** The sentence for markup: each value in its own `<bdi>`, so a right-to-left name neither flips the sentence nor leaks into it. */
export function renderSentence({ message, values }: Sentence): TemplateResult {
  const pieces = message(...values.map((_, index) => `${SENTENCE_SLOT}${index}${SENTENCE_SLOT}`)).split(SENTENCE_SLOT);
  return html`${pieces.map((piece, index) => (index % 2 ? html`<bdi>${values[Number(piece)]}</bdi>` : piece))}`;
}
