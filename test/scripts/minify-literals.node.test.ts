import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyLiterals } from '../../scripts/minify-literals.mjs';

const minify = async (code: string) => (await minifyLiterals(code)) ?? code;

describe('minifyLiterals: css', () => {
  it('drops comments and the whitespace no rule needs', async () => {
    const source =
      'css`\n  /* the host */\n  :host {\n    display: block;\n    gap: var(--a, 1rem);\n  }\n  .a > .b,\n  .c { color: red; }\n`';
    assert.equal(await minify(source), 'css`:host{display:block;gap:var(--a,1rem)}.a>.b,.c{color:red}`');
  });

  it('keeps the spaces that change meaning', async () => {
    const source =
      'css`\n  .a :hover, :is(.b) .c { inline-size: calc(100% - 2 * var(--x)); }\n  @media (min-width: 40rem) and (hover: hover) { .d { margin: 0 auto; } }\n`';
    assert.equal(
      await minify(source),
      'css`.a :hover,:is(.b) .c{inline-size:calc(100% - 2 * var(--x))}@media (min-width:40rem) and (hover:hover){.d{margin:0 auto}}`',
    );
  });

  it('copies strings as written and keeps container queries', async () => {
    assert.equal(
      await minify("css`\n  .a::before { content: ' /* not a comment */  ;  '; }\n`"),
      "css`.a::before{content:' /* not a comment */  ;  '}`",
    );
    assert.equal(
      await minify('css`@container x (max-width: 30rem) { .p { gap: 0; } }`'),
      'css`@container x (max-width:30rem){.p{gap:0}}`',
    );
  });

  it('leaves expressions alone', async () => {
    assert.equal(await minify('css`\n  .a { color: ${red}; }\n  ${rules}\n`'), 'css`.a{color:${red}}${rules}`');
  });
});

describe('minifyLiterals: html', () => {
  it('collapses whitespace runs to one space, never to none: between inline elements it renders', async () => {
    assert.equal(
      await minify('html`\n  <div\n    class="a"\n    .value=${v}\n  >\n    Hello\n    ${name}\n  </div>\n`'),
      'html` <div class=a .value=${v}> Hello ${name} </div> `',
    );
    assert.equal(
      await minify('html`<p><b>a</b>\n   <i>b</i> <roster-badge>c</roster-badge> text</p>`'),
      'html`<p><b>a</b> <i>b</i> <roster-badge>c</roster-badge> text</p>`',
    );
  });

  it('keeps the contents of <pre> and <textarea> as written', async () => {
    assert.equal(
      await minify('html`<pre>\n  a\n    b\n</pre>  <textarea>  ${v}  </textarea>`'),
      'html`<pre>\n  a\n    b\n</pre> <textarea>  ${v}  </textarea>`',
    );
  });

  it('keeps every binding in its attribute', async () => {
    assert.equal(
      await minify('html`<input id=${id} aria-describedby="${id}-hint" ?disabled=${d} @click=${f} .value=${v}  />`'),
      'html`<input id=${id} aria-describedby=${id}-hint ?disabled=${d} @click=${f} .value=${v}>`',
    );
  });

  it('reads `${x}/>` as Lit does: the value, then a self-closing tag', async () => {
    assert.equal(
      await minify('html`<svg viewBox="0 0 16 16"><path d=${d} opacity=${o}/></svg>`'),
      'html`<svg viewBox="0 0 16 16"><path d=${d} opacity=${o} /></svg>`',
    );
  });

  it('minifies nested templates and leaves untagged ones alone', async () => {
    const source = 'html`<ul>\n  ${items.map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>` + `  a  `';
    assert.equal(await minify(source), 'html`<ul> ${items.map((i) => html` <li>${i}</li> `)} </ul>` + `  a  `');
  });

  it('returns null when there is nothing to minify', async () => {
    assert.equal(await minifyLiterals('const a = `  x  `;'), null);
  });
});
