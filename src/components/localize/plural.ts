/**
 * Plurals and numbers for catalogs, through `Intl`: every CLDR category a language has (Polish
 * `one`/`few`/`many`, Arabic `zero`/`one`/`two`/`few`/`many`), not just one/other.
 *
 *     const { n, plural } = formatting('pl');
 *     plural(5, { one: '# miejsce', few: '# miejsca', many: '# miejsc', other: '# miejsca' }); // "5 miejsc"
 */

/** The forms of one word or phrase by plural category; `#` stands for the formatted count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formatting {
  /** The number in the language's own digits and grouping: 1,000 / 1.000 / 1 000 / ١٬٠٠٠. */
  n: (value: number) => string;
  /** The form for the count's category (else `other`), with `#` replaced by the formatted count. */
  plural: (count: number, forms: PluralForms) => string;
}

export function formatting(lang: string): Formatting {
  const numbers = new Intl.NumberFormat(lang);
  const rules = new Intl.PluralRules(lang);
  const n = (value: number) => numbers.format(value);
  return {
    n,
    plural: (count, forms) => (forms[rules.select(count)] ?? forms.other).replaceAll('#', n(count)),
  };
}
