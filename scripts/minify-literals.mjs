// Minifies the static text of Lit's `css`, `html` and `svg` tagged templates, which no JS minifier
// touches, with the `minify-literals` package (html-minifier-terser and clean-css). Used by
// `npm run size` (esbuild plugin), the library build (Vite plugin) and the single-file builds, so
// what is measured is what ships. `${}` expressions are left as they are.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from 'minify-literals';

/** html-minifier-terser options on top of the package's defaults: only what cannot change rendering. */
const minifyOptions = {
  // A whitespace run becomes one space, never none: between two inline elements (or text and an
  // inline custom element, which the minifier takes for a block) the space renders.
  conservativeCollapse: true,
  // Entities, empty attributes (`alt=""`) and inline handlers are copied as written.
  decodeEntities: false,
  removeEmptyAttributes: false,
  minifyJS: false,
  // `id=${x}` stays unquoted, as written, rather than gaining two quotes per binding.
  removeAttributeQuotes: true,
};

/** The source with its templates minified, or null when nothing changed. */
export async function minifyLiterals(code, fileName = '') {
  // Lit reads `attr=${x}/>` as the value x and a self-closing tag (it adds a space before the
  // slash itself); an HTML minifier would read the slash into the value. Give it that space.
  const source = code.replaceAll('}/>', '} />');
  const result = await minifyHTMLLiterals(source, { fileName, minifyOptions, generateSourceMap: false });
  return result?.code ?? (source === code ? null : source);
}

const sourceFilter = /[\\/]src[\\/]components[\\/].*\.ts$/;

/** esbuild plugin: minifies the templates of the elements' sources as they load. */
export const minifyLiteralsEsbuild = () => ({
  name: 'roster-minify-literals',
  setup(build) {
    build.onLoad({ filter: sourceFilter }, async ({ path }) => {
      const code = await readFile(path, 'utf8');
      return { contents: (await minifyLiterals(code, path)) ?? code, loader: 'ts' };
    });
  },
});

/** Vite plugin: the same, before TypeScript is stripped, for the library build. */
export const minifyLiteralsVite = () => ({
  name: 'roster-minify-literals',
  enforce: 'pre',
  async transform(code, id) {
    const path = id.split('?')[0];
    if (!sourceFilter.test(path)) return null;
    const out = await minifyLiterals(code, path);
    return out === null ? null : { code: out, map: null };
  },
});
