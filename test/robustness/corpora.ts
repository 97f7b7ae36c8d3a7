/**
 * The external test corpora as plain values, for Node and browser tests alike (no file system
 * access, no import attributes): the Big List of Naughty Strings, DOMPurify's XSS payloads, real
 * names that break naive validators, and names in many scripts drawn from @faker-js/faker's
 * locales. Sources and licences are named in each fixture module under test/fixtures/.
 */
import { Faker, allLocales } from '@faker-js/faker';
import { naughtyStrings } from '../fixtures/blns.js';
import { personalNames } from '../fixtures/personal-names.js';
import { xssPayloads } from '../fixtures/xss-payloads.js';

export { naughtyStrings, xssPayloads };

/** A corpus of hostile strings, named for reports. */
export interface Corpus {
  name: string;
  strings: readonly string[];
}

export const hostileCorpora: readonly Corpus[] = [
  { name: 'Big List of Naughty Strings', strings: naughtyStrings },
  { name: 'DOMPurify XSS payloads', strings: xssPayloads },
];

export interface PersonName {
  firstName: string;
  lastName: string;
  /** Where the name comes from: `personal-names`, a faker locale, or `one code point`. */
  source: string;
}

/** personal-names.tsv, split at the first space (the rest, however many parts, is the last name). */
export const realNames: readonly PersonName[] = personalNames.map((full) => {
  const space = full.indexOf(' ');
  return { firstName: full.slice(0, space), lastName: full.slice(space + 1), source: 'personal-names' };
});

/**
 * Faker locales whose person names are written in their own script (or with diacritics a naive
 * `[A-Za-z]` refuses): Han, kana, Hangul, Arabic, Hebrew, Persian, Urdu, Sorani Kurdish, Thaana,
 * Cyrillic, Greek, Armenian, Georgian, Devanagari, Thai, Vietnamese, Yoruba and Latin with
 * diacritics.
 */
export const SCRIPT_LOCALES = [
  'zh_CN',
  'zh_TW',
  'ja',
  'ko',
  'ar',
  'he',
  'fa',
  'ur',
  'ku_ckb',
  'dv',
  'ru',
  'uk',
  'mk',
  'el',
  'hy',
  'ka_GE',
  'ne',
  'th',
  'vi',
  'yo_NG',
  'de',
  'pl',
  'tr',
  'cs_CZ',
] as const satisfies readonly (keyof typeof allLocales)[];

/** Locales written right to left, for bidi checks. */
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur', 'ku_ckb', 'dv']);

/**
 * `perLocale` first and last names from each of {@link SCRIPT_LOCALES}, the same on every run
 * (seeded). Each locale is used alone, without an English fallback, so a locale that lacks names
 * fails loudly instead of quietly producing English ones.
 */
export function namesInManyScripts(perLocale = 30, seed = 1): PersonName[] {
  return SCRIPT_LOCALES.flatMap((locale) => {
    const faker = new Faker({ locale: [allLocales[locale]] });
    faker.seed(seed);
    return Array.from({ length: perLocale }, () => ({
      firstName: faker.person.firstName(),
      lastName: faker.person.lastName(),
      source: locale,
    }));
  });
}

/** Names of a single code point, some outside the Basic Multilingual Plane. */
export const oneCodePointNames: readonly PersonName[] = [
  ['葵', '李'],
  ['王', '芳'],
  ['ㅎ', '이'],
  ['Ö', 'Å'],
  ['𠀋', '𪚥'],
  ['ß', 'Ω'],
].map(([firstName, lastName]) => ({ firstName: firstName!, lastName: lastName!, source: 'one code point' }));
