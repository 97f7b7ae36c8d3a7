/**
 * CSV export of an event history, built page by page.
 *
 * The format is RFC 4180: comma-separated, CRLF line ends, a field in double quotes when it holds a
 * comma, a quote, CR or LF, and quotes inside doubled. The file starts with a UTF-8 byte order mark
 * so that Excel reads umlauts and other non-ASCII text correctly.
 *
 * Formula injection: spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (and
 * some with a tab or CR) as a formula, so an event description such as `=HYPERLINK(…)` could act
 * when the file is opened. Every text cell starting with one of those characters gets a leading
 * apostrophe (`'=HYPERLINK(…)`), which shows the text as typed. Numbers (the cost) are written as
 * plain digits and are never prefixed.
 */
import type { RosterEvent } from '../../sdk/index.js';

/** A cell: text (quoted and guarded as needed) or a number (written as is). */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 text, formula-safe. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export interface EventsCsvOptions {
  /** The header record. */
  header: readonly string[];
  /** The cells of one event, in the header's order (a promise of them when they need a lookup). */
  cells: (event: RosterEvent) => readonly CsvCell[] | Promise<readonly CsvCell[]>;
  /** Called after each chunk with the number of events written so far. */
  onProgress?: (written: number) => void;
  /** Stops the export: the returned promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Events per Blob part; a page of the API is a good size. */
  chunkSize?: number;
}

export interface EventsCsv {
  blob: Blob;
  /** Events written (records without the header). */
  count: number;
}

/**
 * Writes every event of `events` (e.g. `client.users.iterateEvents(id, query, { signal })`) as CSV.
 * Each chunk of rows becomes a Blob part at once, so the strings of a long history are not all kept
 * in memory together: the browser may keep Blob parts outside the JavaScript heap.
 */
export async function buildEventsCsv(events: AsyncIterable<RosterEvent>, options: EventsCsvOptions): Promise<EventsCsv> {
  const { header, cells, onProgress, signal, chunkSize = 200 } = options;
  const parts: BlobPart[] = [new Blob(['\uFEFF', csvRow(header)])];
  let chunk = '';
  let count = 0;
  signal?.throwIfAborted();
  for await (const event of events) {
    signal?.throwIfAborted();
    chunk += csvRow(await cells(event));
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
  const base = text.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '').slice(0, 120);
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
