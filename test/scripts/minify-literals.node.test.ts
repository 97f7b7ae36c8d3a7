import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTaggedTemplates, minifyLiterals } from '../../scripts/minify-literals.mjs';

const minify = (code: string) => minifyLiterals(code) ?? code;

describe('minifyLiterals: css', () => {
  it('drops comments and the whitespace no rule needs', () => {
    const source = 'css`\n  /* the host */\n  :host {\n    display: block;\n    gap: var(--a, 1rem);\n  }\n  .a > .b,\n  .c { color: red; }\n`';
    assert.equal(minify(source), 'css`:host{display:block;gap:var(--a,1rem)}.a>.b,.c{color:red}`');
  });

  it('keeps the spaces that change meaning', () => {
    const source = 'css`\n  .a :hover, :is(.b) .c { inline-size: calc(100% - 2 * var(--x)); }\n  @media (min-width: 40rem) and (hover: hover) { .d { margin: 0 auto; } }\n`';
    assert.equal(minify(source), 'css`.a :hover,:is(.b) .c{inline-size:calc(100% - 2 * var(--x))}@media (min-width:40rem) and (hover:hover){.d{margin:0 auto}}`');
  });

  it('copies strings and url() as written', () => {
    const source = "css`\n  .a::before { content: ' /* not a comment */  ;  '; }\n  .b { background: url(  a b.png  ); }\n`";
    assert.equal(minify(source), "css`.a::before{content:' /* not a comment */  ;  '}.b{background:url(  a b.png  )}`");
  });

  it('leaves expressions alone and keeps a space where one meets text', () => {
    const source = 'css`\n  .a { color: ${red} ; }\n  ${rules}\n`';
    assert.equal(minify(source), 'css`.a{color:${red}}${rules}`');
    assert.equal(minify('css`.a { margin: ${x}  ${y}; }`'), 'css`.a{margin:${x} ${y}}`');
  });
});

describe('minifyLiterals: html', () => {
  it('collapses whitespace runs to one space and drops it before a tag end', () => {
    const source = 'html`\n  <div\n    class="a"\n    .value=${v}\n  >\n    Hello\n    ${name}\n  </div>\n`';
    assert.equal(minify(source), 'html` <div class="a" .value=${v}> Hello ${name} </div> `');
  });

  it('keeps quoted attribute values, comments and raw text as written', () => {
    const source = 'html`<p title="a\n   b">x</p>  <!--  keep\n  me  -->  <pre>\n  a\n    b\n</pre>  <textarea>  ${v}  </textarea>  <i>y</i>`';
    assert.equal(minify(source), 'html`<p title="a\n   b">x</p> <!--  keep\n  me  --> <pre>\n  a\n    b\n</pre> <textarea>  ${v}  </textarea> <i>y</i>`');
  });

  it('never joins an unquoted value to a self-closing slash', () => {
    assert.equal(minify('html`<input value=${v}  />`'), 'html`<input value=${v} />`');
  });

  it('minifies nested templates and leaves untagged ones alone', () => {
    const source = 'html`<ul>\n  ${items.map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>` + `  a  `';
    assert.equal(minify(source), 'html`<ul> ${items.map((i) => html` <li>${i}</li> `)} </ul>` + `  a  `');
  });
});

describe('findTaggedTemplates', () => {
  it('is not fooled by comments, strings and regular expressions holding backticks', () => {
    const source = [
      '// html`<b>  </b>`',
      "const s = 'css`'; const r = /`[`]/g; const d = a / b / c;",
      'const t = css` .a { } `;',
    ].join('\n');
    const found = findTaggedTemplates(source);
    assert.deepEqual(found.map(({ tag }) => tag), ['css']);
    const [[start, end]] = found[0]!.quasis;
    assert.equal(source.slice(start, end), ' .a { } ');
  });

  it('returns null when there is nothing to minify', () => {
    assert.equal(minifyLiterals('const a = `  x  `;'), null);
  });
});
