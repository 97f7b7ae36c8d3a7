// Minifies the static text of Lit's `css`, `html` and `svg` tagged templates, which no JS minifier
// touches. Only whitespace and CSS comments go, so what renders stays the same:
// - css: comments dropped, whitespace runs collapsed, and removed next to `{ } ; , > ( )` and
//   after `:` (never before it: `a :hover` is not `a:hover`); strings and url() are copied as written.
// - html/svg: whitespace runs collapsed to one space (a run that renders renders as one space
//   anyway) and removed before a tag's `>`; quoted attribute values, comments and the contents
//   of <pre>, <textarea>, <script> and <style> are copied as written.
// `${}` expressions are never changed. Used by `npm run size` (esbuild plugin) and the library
// build (Vite plugin), so what is measured is what ships.
import { readFile } from 'node:fs/promises';

const TAGS = new Set(['css', 'html', 'svg']);
const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);
const isIdentifierChar = (c) => /[\w$]/.test(c);

/**
 * Finds every tagged template `css`/`html`/`svg` in JS or TS source.
 * Returns `{ tag, quasis: [start, end][] }` with the offsets of each static part's raw text.
 */
export function findTaggedTemplates(code) {
  const found = [];
  let i = 0;
  // The last significant character or word, to tell a regular expression from a division.
  let previous = '';

  const skipString = (quote) => {
    for (i++; i < code.length && code[i] !== quote; i++) if (code[i] === '\\') i++;
    i++;
  };
  const skipRegExp = () => {
    let inClass = false;
    for (i++; i < code.length; i++) {
      const c = code[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      else if (c === '\n') break;
    }
    i++;
    while (i < code.length && isIdentifierChar(code[i])) i++;
  };
  const template = () => {
    const tagMatch = /([\w$]+)\s*$/.exec(code.slice(Math.max(0, i - 40), i));
    const tag = tagMatch && TAGS.has(tagMatch[1]) && !/\.\s*$/.test(code.slice(0, i - tagMatch[0].length)) ? tagMatch[1] : null;
    const quasis = [];
    let start = ++i;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') i += 2;
      else if (c === '`') break;
      else if (c === '$' && code[i + 1] === '{') {
        quasis.push([start, i]);
        i += 2;
        scan(true);
        start = ++i; // past the closing brace
      } else i++;
    }
    quasis.push([start, i]);
    i++;
    if (tag) found.push({ tag, quasis });
    previous = '`';
  };
  // Scans code up to the brace closing a `${` when `inExpression`, or to the end.
  const scan = (inExpression) => {
    let depth = 0;
    while (i < code.length) {
      const c = code[i];
      if (c === '/' && code[i + 1] === '/') {
        while (i < code.length && code[i] !== '\n') i++;
      } else if (c === '/' && code[i + 1] === '*') {
        const end = code.indexOf('*/', i + 2);
        i = end < 0 ? code.length : end + 2;
      } else if (c === '"' || c === "'") {
        skipString(c);
        previous = c;
      } else if (c === '`') {
        template();
      } else if (c === '/') {
        const startsExpression = previous === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(previous) || KEYWORDS_BEFORE_EXPRESSION.has(previous);
        if (startsExpression) {
          skipRegExp();
          previous = '/re/';
        } else {
          i++;
          previous = '/';
        }
      } else if (isIdentifierChar(c)) {
        const start = i;
        while (i < code.length && isIdentifierChar(code[i])) i++;
        previous = code.slice(start, i);
      } else if (/\s/.test(c)) {
        i++;
      } else {
        if (c === '{') depth++;
        else if (c === '}') {
          if (depth === 0 && inExpression) return;
          depth--;
        }
        previous = c;
        i++;
      }
    }
  };
  scan(false);
  return found;
}

// A space after these never matters (`)` is not one: `:is(a) .b` needs its space).
const cssPunctuation = new Set(['{', '}', ';', ',', '>', '(', ':']);

/** Minifies one static part of a css template. `first`/`last`: whether it starts/ends the template. */
export function minifyCssPart(text, first, last) {
  let out = '';
  let pendingSpace = false;
  const flushSpace = (next) => {
    const needed = out === '' ? !first : !cssPunctuation.has(out.at(-1));
    if (pendingSpace && needed && !'{};,>)'.includes(next)) out += ' ';
    pendingSpace = false;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      pendingSpace = true;
    } else if (/\s/.test(c)) {
      pendingSpace = true;
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      flushSpace(c);
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (/^url\(/i.test(text.slice(i, i + 4))) {
      const end = text.indexOf(')', i);
      const j = end < 0 ? text.length : end + 1;
      flushSpace(c);
      out += text.slice(i, j);
      i = j;
    } else {
      // `;}` → `}`: the last declaration needs no semicolon.
      if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
      flushSpace(c);
      out += c;
      i++;
    }
  }
  if (pendingSpace && !last && (out === '' ? !first : !cssPunctuation.has(out.at(-1)))) out += ' ';
  return out;
}

const RAW_TEXT_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style']);

/** Minifies the static parts of one html/svg template; the HTML state carries across `${}`. */
export function minifyHtmlParts(parts) {
  let state = 'text'; // text | tag | quoted | comment | raw
  let quote = '';
  let tagName = '';
  let rawEnd = '';
  return parts.map((text) => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const c = text[i];
      if (state === 'quoted') {
        out += c;
        i++;
        if (c === quote) state = 'tag';
      } else if (state === 'comment' || state === 'raw') {
        const end = state === 'comment' ? '-->' : rawEnd;
        const at = text.toLowerCase().indexOf(end, i);
        if (at < 0) {
          out += text.slice(i);
          i = text.length;
        } else {
          out += text.slice(i, at + end.length);
          i = at + end.length;
          state = state === 'comment' ? 'text' : 'tag';
        }
      } else if (/\s/.test(c)) {
        let j = i;
        while (j < text.length && /\s/.test(text[j])) j++;
        const next = text[j];
        // Inside a tag, spaces before `>` go (not before `/>`: `a=${x} />` would end the value
        // with a slash); elsewhere a run becomes one space.
        const dropInTag = state === 'tag' && next === '>' && !out.endsWith('=');
        if (!dropInTag) out += ' ';
        i = j;
      } else if (state === 'text') {
        if (text.startsWith('<!--', i)) {
          state = 'comment';
          out += '<!--';
          i += 4;
        } else if (c === '<' && /[a-zA-Z/]/.test(text[i + 1] ?? '')) {
          const name = /^<\/?([a-zA-Z][\w-]*)/.exec(text.slice(i));
          tagName = name && !text.startsWith('</', i) ? name[1].toLowerCase() : '';
          state = 'tag';
          out += c;
          i++;
        } else {
          out += c;
          i++;
        }
      } else {
        // state === 'tag'
        if (c === '"' || c === "'") {
          state = 'quoted';
          quote = c;
        } else if (c === '>') {
          if (RAW_TEXT_ELEMENTS.has(tagName) && !out.endsWith('/')) {
            state = 'raw';
            rawEnd = `</${tagName}`;
          } else state = 'text';
          tagName = '';
        }
        out += c;
        i++;
      }
    }
    return out;
  });
}

/** Returns the source with its templates minified, or null when nothing changed. */
export function minifyLiterals(code) {
  const templates = findTaggedTemplates(code);
  if (templates.length === 0) return null;
  const edits = [];
  for (const { tag, quasis } of templates) {
    const parts = quasis.map(([start, end]) => code.slice(start, end));
    const minified = tag === 'css'
      ? parts.map((text, index) => minifyCssPart(text, index === 0, index === parts.length - 1))
      : minifyHtmlParts(parts);
    quasis.forEach(([start, end], index) => {
      if (minified[index] !== parts[index]) edits.push([start, end, minified[index]]);
    });
  }
  if (edits.length === 0) return null;
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

const sourceFilter = /[\\/]src[\\/]components[\\/].*\.ts$/;

/** esbuild plugin: minifies the templates of the elements' sources as they load. */
export const minifyLiteralsEsbuild = () => ({
  name: 'roster-minify-literals',
  setup(build) {
    build.onLoad({ filter: sourceFilter }, async ({ path }) => {
      const code = await readFile(path, 'utf8');
      return { contents: minifyLiterals(code) ?? code, loader: 'ts' };
    });
  },
});

/** Vite plugin: the same, before TypeScript is stripped, for the library build. */
export const minifyLiteralsVite = () => ({
  name: 'roster-minify-literals',
  enforce: 'pre',
  transform(code, id) {
    if (!sourceFilter.test(id.split('?')[0])) return null;
    const out = minifyLiterals(code);
    return out === null ? null : { code: out, map: null };
  },
});
