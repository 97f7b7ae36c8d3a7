/**
 * The formula-safe CSV writer of every export (the events history today): RFC 4180 records, built
 * in Blob parts, plus the file name and the download.
 *
 * Format: comma-separated unless told otherwise, CRLF line ends, every field in double quotes with
 * quotes inside doubled, and a UTF-8 byte order mark first so that Excel reads umlauts and other
 * non-ASCII text correctly.
 *
 * Formula injection (OWASP "CSV Injection", ASVS 5.0 1.2.10): a spreadsheet runs a cell that starts
 * with `=`, `+`, `-` or `@` as a formula, so text such as `=HYPERLINK(…)` could act when the file
 * is opened. Such text gets an apostrophe, which shows it as typed (`'=HYPERLINK(…)`):
 * - at the start of a field that begins with a trigger, also after leading blanks, controls,
 *   format characters or quotes (a spreadsheet may trim them, or read a quote as the start of a
 *   quoted cell), and at the start of a field that begins with a tab, CR, LF or NUL;
 * - after each `,`, `;`, tab, `|`, CR or LF inside a field that a trigger follows. The quotes keep
 *   these from splitting the field when the spreadsheet splits on the file's separator, but one
 *   opened with another separator (German Excel splits on `;`) may see the field's quotes as text
 *   and start a cell there. A space is not treated so: spreadsheets rarely split on it, and every
 *   `a - b` would change.
 * NUL characters are dropped (some readers end the text there). Numbers (the cost) are written as
 * plain digits and are never prefixed.
 */

/** A cell: text (quoted and guarded) or a number (written as is, in quotes). */
export type CsvCell = string | number | null | undefined;

/**
 * Where a cell could start with a formula: the field's start and each place after a separator that
 * a trigger follows (see the module comment), and the start of a field opening with a tab, CR, LF or NUL.
 */
const FORMULA_START = /(?<=^|[,;\t|\r\n])(?=[\s\p{Cc}\p{Cf}"]*[=+\-@])|^(?=[\t\r\n\0])/gu;

/** One field as quoted RFC 4180 text, formula-safe whichever separator a spreadsheet splits on. */
export function csvField(cell: CsvCell): string {
  const text =
    typeof cell === 'number'
      ? Number.isFinite(cell)
        ? String(cell)
        : ''
      : (cell ?? '').replace(FORMULA_START, "'").replaceAll('\0', '').replaceAll('"', '""');
  return `"${text}"`;
}

/** One record, CRLF-terminated; `separator` is one character other than a quote, CR or LF. */
export function csvRow(cells: readonly CsvCell[], separator = ','): string {
  return `${cells.map(csvField).join(separator)}\r\n`;
}

export interface CsvOptions<T> {
  /** The header record. */
  header: readonly string[];
  /** The cells of one item, in the header's order (a promise of them when they need a lookup). */
  cells: (item: T) => readonly CsvCell[] | Promise<readonly CsvCell[]>;
  /** Called after each chunk with the number of items written so far. */
  onProgress?: (written: number) => void;
  /** Stops the export: the returned promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Items per Blob part; a page of the API is a good size. */
  chunkSize?: number;
}

export interface CsvFile {
  blob: Blob;
  /** Items written (records without the header). */
  count: number;
}

/**
 * Writes every item of `items` (e.g. `client.users.iterateEvents(id, query, { signal })`) as CSV.
 * Each chunk of rows becomes a Blob part at once, so the strings of a long history are not all kept
 * in memory together: the browser may keep Blob parts outside the JavaScript heap.
 */
export async function buildCsv<T>(items: AsyncIterable<T>, options: CsvOptions<T>): Promise<CsvFile> {
  const { header, cells, onProgress, signal, chunkSize = 200 } = options;
  const parts: BlobPart[] = [new Blob(['\uFEFF', csvRow(header)])];
  let chunk = '';
  let count = 0;
  signal?.throwIfAborted();
  for await (const item of items) {
    signal?.throwIfAborted();
    chunk += csvRow(await cells(item));
    count += 1;
    if (count % chunkSize === 0) {
      parts.push(new Blob([chunk]));
      chunk = '';
      onProgress?.(count);
    }
  }
  signal?.throwIfAborted();
  if (chunk) parts.push(new Blob([chunk]));
  onProgress?.(count);
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), count };
}

/**
 * A CSV file name from free text (a person's name, a date): letters of any script, digits, `.`, `_`
 * and `-` are kept, every other run of characters becomes one `-`.
 */
export function safeFileName(text: string): string {
  const base = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 120);
  return `${base || 'export'}.csv`;
}

/**
 * Offers `blob` as a download named `fileName`, through a temporary link in `container` (a link must
 * be in a document for Firefox to follow a click). The object URL is revoked once the click is done.
 */
export function downloadBlob(blob: Blob, fileName: string, container: Node): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
