/**
 * The pseudo-locale `en-XA`, made from the English catalog for testing: every string accented
 * ("Save" → "[Šåṽé ··]"), about 40 % longer and in brackets. A text still in plain English is
 * hard-coded, a text without its closing bracket is cut off, and a layout that breaks shows where
 * a longer language (German, Finnish) would break it too. No ASCII letter is left, so a check can
 * tell catalog text from user data at a glance.
 *
 * Functions are wrapped: what they are given (names, emails, tool names) is passed through as it
 * is, and only the catalog's own words around it are changed.
 */
import type { Catalog } from './en.js';

// One look-alike per ASCII letter: readable, and never an ASCII letter itself.
const ACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);

const accent = (text: string) => text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter]!);

/** The padding that makes a text about 40 % longer (at least one dot): middle dots, never `#`. */
const padding = (length: number) => ` ${'·'.repeat(Math.max(1, Math.round(length * 0.4)))}`;

/** A catalog string in pseudo form: "[Šåṽé ··]". */
export function pseudoText(text: string): string {
  return `[${accent(text)}${padding(text.length)}]`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pseudo form of a function's result: the words around the arguments accented, every string
 * argument (and its lower-case form, for messages that lower-case one) kept as it was given.
 */
function pseudoResult(result: string, args: unknown[]): string {
  const kept = [
    ...new Set(args.flatMap((arg) => (typeof arg === 'string' && arg ? [arg, arg.toLowerCase()] : []))),
  ].sort((a, b) => b.length - a.length);
  if (kept.length === 0) return pseudoText(result);
  const parts = result.split(new RegExp(`(${kept.map(escape).join('|')})`));
  const own = parts.filter((_, i) => i % 2 === 0).join('');
  const text = parts.map((part, i) => (i % 2 === 0 ? accent(part) : part)).join('');
  return `[${text}${padding(own.length)}]`;
}

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoText(value);
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      const result: unknown = value(...args);
      return typeof result === 'string' ? pseudoResult(result, args) : result;
    };
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, pseudoValue(entry)]));
  }
  return value;
}

/** A whole catalog in pseudo form, e.g. `registerLocale('en-XA', pseudoLocalize(en))`. */
export function pseudoLocalize(catalog: Catalog): Catalog {
  return pseudoValue(catalog) as Catalog;
}
