/**
 * Structured logs: one JSON line per event, `{ time, level, msg, ...fields }`. Every field passes
 * through `redact` first: secrets and personal data never reach a log. Log user and account ids,
 * never emails (a log is kept longer and read by more people than the database).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line (a request id, an account id). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** The lowest level written. */
  level?: LogLevel;
  /** Where each line goes (default: stdout). */
  write?: (line: string) => void;
  now?: () => Date;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const RESERVED = new Set(['time', 'level', 'msg']);

/** Keys whose values are dropped, compared without case, `-` or `_` (so `Set-Cookie`, `api_key`). */
const SECRET_KEY =
  /pass(word|wd|phrase)?$|password|secret|token|authorization|cookie|apikey|credential|privatekey|signature|email|hash$/;
// Anything shaped `local@domain`: masking a few non-addresses is cheaper than leaking one.
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g;
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;

export const REDACTED = '[redacted]';

function redactString(value: string): string {
  return value.replace(AUTH_SCHEME, `$1 ${REDACTED}`).replace(JWT, REDACTED).replace(EMAIL, '[email]');
}

/**
 * A copy of `value` safe to log: values under secret or personal keys become `[redacted]`, emails,
 * bearer credentials and JWTs inside any string are masked, errors keep their name, code and
 * message (masked too), and cycles or deep nesting end in a marker.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return String(value);
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= 8) return '[nested]';
  seen.add(value);
  let out: unknown;
  if (value instanceof Error) {
    const { code, responseCode } = value as Error & { code?: unknown; responseCode?: unknown };
    out = redact(
      { name: value.name, message: value.message, code, responseCode, stack: value.stack, cause: value.cause },
      depth + 1,
      seen,
    );
  } else if (Array.isArray(value)) {
    out = value.map((item) => redact(item, depth + 1, seen));
  } else {
    const fields: LogFields = {};
    for (const [key, item] of Object.entries(value)) {
      const safe = SECRET_KEY.test(key.toLowerCase().replace(/[-_]/g, '')) ? REDACTED : redact(item, depth + 1, seen);
      if (safe !== undefined) fields[key] = safe;
    }
    out = fields;
  }
  // Only the path above counts: the same object twice side by side is not a cycle.
  seen.delete(value);
  return out;
}

export function createLogger(
  { level = 'info', write = (line) => process.stdout.write(`${line}\n`), now = () => new Date() }: LoggerOptions = {},
  bound: LogFields = {},
): Logger {
  const min = LEVELS[level];
  const log = (at: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVELS[at] < min) return;
    const line: LogFields = { time: now().toISOString(), level: at, msg: redactString(msg) };
    const safe = redact({ ...bound, ...fields }) as LogFields;
    // A field cannot overwrite the line's own keys; it keeps its value under another name.
    for (const [key, value] of Object.entries(safe)) line[RESERVED.has(key) ? `field.${key}` : key] = value;
    try {
      write(JSON.stringify(line));
    } catch {
      // Logging never takes a request down with it.
    }
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger({ level, write, now }, { ...bound, ...fields }),
  };
}

/** A logger that writes nothing (the default where a logger is optional). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };
