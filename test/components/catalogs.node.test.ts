// Every catalog the panel can load on demand, walked key by key against English: nothing empty,
// no unformatted count or missing value leaking into a sentence, nothing left in English.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { availableLocales, catalogFor, loadCatalog } from '../../src/components/localize/catalogs.js';
import { type Catalog, en } from '../../src/components/localize/english.js';

const NUMBERS = [0, 1, 2, 3, 5, 11, 22, 101, 1_000_000];
const STRINGS = ['Ada', 'Bob Smith'];
const LEAKS = ['#', 'undefined', 'NaN', '[object'];

/**
 * The declared types of the parameters, by key, read from en.ts: the running code has lost its
 * types, and a count passed as a name (or a name as a count) would test nothing. A key used in
 * two sections is told apart by its number of parameters.
 */
const signatures = (() => {
  const dir = 'src/components/localize';
  const source = readdirSync(dir)
    .filter((file) => /^en(-[\w-]+)?\.ts$/.test(file))
    .map((file) => readFileSync(`${dir}/${file}`, 'utf8'))
    .join('\n');
  const byKey = new Map<string, string[][]>();
  for (const [, key, params] of source.matchAll(/(\w+): \(([^)]*)\) =>/g)) {
    const types = params!.trim() ? params!.split(',').map((param) => param.split(':')[1]!.trim()) : [];
    const known = byKey.get(key!) ?? [];
    const sameArity = known.find((other) => other.length === types.length);
    if (sameArity && sameArity.join() !== types.join())
      throw new Error(`en.ts: "${key}" has two signatures of ${types.length} parameters`);
    byKey.set(key!, [...known, types]);
  }
  return byKey;
})();

interface Leaf {
  path: string;
  value: unknown;
  english: unknown;
}

/** The catalog's value at every path of the English catalog. */
function leaves(english: unknown, catalog: unknown, path = ''): Leaf[] {
  if (typeof english !== 'object' || english === null) return [{ path, value: catalog, english }];
  return Object.entries(english).flatMap(([key, value]) =>
    leaves(value, (catalog as Record<string, unknown> | undefined)?.[key], path ? `${path}.${key}` : key),
  );
}

/** Sample calls of a catalog function: every sample number in every count, every sample string in every name. */
function calls(path: string): unknown[][] {
  const english = path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], en) as (
    ...args: never[]
  ) => string;
  const types = signatures.get(path.split('.').at(-1)!)?.find((candidate) => candidate.length === english.length);
  assert.ok(types, `${path}: no signature found in en.ts`);
  return NUMBERS.flatMap((number) =>
    STRINGS.map((string) => types.map((type) => (type === 'number' ? number : string))),
  );
}

const locales = availableLocales().filter((locale) => locale !== 'en');

async function load(locale: string): Promise<Catalog> {
  await loadCatalog(locale);
  const catalog = catalogFor(locale);
  assert.notEqual(catalog, en, `${locale}: the catalog did not load`);
  return catalog;
}

describe('Catalogs loaded on demand', () => {
  it('include the languages of the panel', () => {
    for (const locale of ['de', 'fr', 'es', 'it', 'pt-br'])
      assert.ok(locales.includes(locale), `${locale} is registered`);
  });

  for (const locale of locales) {
    describe(locale, () => {
      it('has every key of English, each a non-empty string or a function as in English', async () => {
        const catalog = await load(locale);
        for (const { path, value, english } of leaves(en, catalog)) {
          assert.equal(typeof value, typeof english, `${locale} ${path}`);
          if (typeof value === 'string') assert.ok(value.trim(), `${locale} ${path} is empty`);
        }
      });

      it('fills in every count and name: no placeholder, unformatted number or missing value in the text', async () => {
        const catalog = await load(locale);
        for (const { path, value } of leaves(en, catalog)) {
          if (typeof value !== 'function') continue;
          for (const args of calls(path)) {
            const text: unknown = value(...args);
            const call = `${locale} ${path}(${args.join(', ')}) = ${JSON.stringify(text)}`;
            assert.equal(typeof text, 'string', call);
            assert.ok((text as string).trim(), call);
            for (const leak of LEAKS) assert.ok(!(text as string).includes(leak), `${call} contains ${leak}`);
            // A name given is a name shown (in any case: a section title may be lower-cased mid-sentence).
            for (const arg of args) {
              if (typeof arg === 'string')
                assert.ok((text as string).toLowerCase().includes(arg.toLowerCase()), `${call} drops "${arg}"`);
            }
          }
        }
      });

      it('is translated: at least 90 % of its texts differ from English', async () => {
        const catalog = await load(locale);
        const texts = leaves(en, catalog).filter((leaf) => typeof leaf.english === 'string');
        const same = texts.filter((leaf) => leaf.value === leaf.english).map((leaf) => `${leaf.path}: ${leaf.english}`);
        assert.ok(
          same.length <= texts.length * 0.1,
          `${locale}: ${same.length} of ${texts.length} texts are as in English:\n${same.join('\n')}`,
        );
      });
    });
  }

  it('Brazilian Portuguese is found for pt-BR, plain pt and pt-PT', async () => {
    const brazilian = await load('pt-BR');
    assert.equal(await load('pt'), brazilian);
    assert.equal(await load('pt-PT'), brazilian);
    assert.equal(brazilian.list.newUser, 'Novo usuário');
  });

  it('French spaces its punctuation: no-break space before a colon, narrow ones before ; ? ! and inside « »', async () => {
    const french = await load('fr');
    for (const { path, value } of leaves(en, french)) {
      const texts =
        typeof value === 'function' ? calls(path).map((args) => value(...args) as string) : [value as string];
      for (const text of texts) {
        assert.doesNotMatch(text, /(^|[^\u00a0]):|[^\u202f][;?!]|«[^\u202f]|[^\u202f]»|'/, `fr ${path}: ${text}`);
      }
    }
  });
});
