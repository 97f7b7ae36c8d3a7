/**
 * The profile rules that need no server (SPEC rules 1, 8, 9, 11, 12), as plain functions.
 * The zod schemas run them for early feedback in forms; the reference API runs the same
 * functions, so a client can never be stricter than the server.
 */
/** Codes a single field can be refused with; `errors[].code` in a problem body. */
export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'name_needs_letter'
  | 'control_characters'
  | 'invalid_type'
  | 'invalid_value'
  | 'invalid_email'
  | 'email_role_address'
  | 'email_freemail'
  | 'email_domain_mismatch'
  | 'email_taken'
  | 'email_immutable'
  | 'invalid_phone'
  | 'password_not_allowed'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_too_weak'
  | 'credit_limit_not_allowed'
  | 'invalid_credit_limit'
  | 'guest_requires_task'
  | 'invalid_ip'
  | 'ip_host_bits_set'
  | 'duplicate_ip'
  | 'unknown_tool'
  | 'unknown_task'
  | 'owner_immutable';

export interface FieldError {
  /** Dotted path of the field: `firstName`, `allowedIps.2`, `access.tasks`. */
  field: string;
  code: FieldErrorCode | (string & {});
  message: string;
}

export const NAME_MAX = 100;
export const TASK_NAME_MAX = 200;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const EMAIL_MAX = 254;

// Control characters and line/paragraph separators: a name is one line of text.
const CONTROL_OR_BREAK = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const LETTER = /\p{L}/u;

const codePoints = (value: string) => [...value].length;

/**
 * SPEC rule 1: checks an already trimmed name. Returns the broken rule's code, or null.
 * Nothing else is refused: `Zoë`, `O'Brien`, `李`, `Jennifer 8. Lee` and `Scott Shaw!` are names.
 */
export function nameProblem(value: string, { max = NAME_MAX, needsLetter = true } = {}): FieldErrorCode | null {
  if (value.length === 0) return 'required';
  if (codePoints(value) > max) return 'too_long';
  if (CONTROL_OR_BREAK.test(value)) return 'control_characters';
  if (needsLetter && !LETTER.test(value)) return 'name_needs_letter';
  return null;
}

export const taskNameProblem = (value: string) => nameProblem(value, { max: TASK_NAME_MAX, needsLetter: false });

/**
 * A deliberately loose email syntax check for early feedback: one `@` with something on both
 * sides, no white space or control characters outside quotes, within RFC 5321's lengths.
 * The server's check is the strict one; this one must never refuse an address the server takes.
 */
export function emailSyntaxProblem(value: string): FieldErrorCode | null {
  if (value.length === 0) return 'required';
  if (value.length > EMAIL_MAX) return 'too_long';
  const at = value.lastIndexOf('@');
  if (at < 1 || at === value.length - 1) return 'invalid_email';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (/[\s\p{Cc}]/u.test(domain)) return 'invalid_email';
  if (!local.startsWith('"') && /[\s\p{Cc}]/u.test(local)) return 'invalid_email';
  return null;
}

/** The part of a local part before any `+tag`, lower-cased: what role-address lists compare. */
export function emailLocalBase(email: string): string {
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  const plus = local.indexOf('+');
  return plus === -1 ? local : local.slice(0, plus);
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * SPEC rule 12: reads a phone number as people type it (`+49 (0)30 1234-567`, `0049 30 …`)
 * and returns it in E.164, or null when it cannot be read without guessing the country.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.trim().replace(/\(0\)/g, '').replace(/[\s().\-/\u00a0]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  return E164.test(digits) ? digits : null;
}

export const isE164 = (value: string) => E164.test(value);

/** SPEC rule 8, the part a client can check: length and not the email. */
export function passwordProblem(password: string, email?: string): FieldErrorCode | null {
  const length = codePoints(password);
  if (length < PASSWORD_MIN) return 'password_too_short';
  if (length > PASSWORD_MAX) return 'password_too_long';
  if (email && password.toLowerCase() === email.toLowerCase()) return 'password_too_weak';
  return null;
}

export type AllowedIpResult =
  | { ok: true; value: string }
  | { ok: false; code: 'invalid_ip' | 'ip_host_bits_set'; suggestion?: string };

// Strict forms only: four decimal octets without leading zeros. `127.1`, `0x7f.0.0.1`,
// `010.0.0.1` and `2130706433` mean different things to different parsers, so they are refused.
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const DECIMAL = /^(0|[1-9]\d*)$/;

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
type Groups = number[];

function parseIpv4(text: string): Groups | null {
  if (!IPV4.test(text)) return null;
  const [a, b, c, d] = text.split('.').map(Number);
  return [(a! << 8) | b!, (c! << 8) | d!];
}

function parseIpv6(text: string): Groups | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string, isLast: boolean): Groups | null => {
    if (part === '') return [];
    const groups: Groups = [];
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (isLast && index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push(...v4);
      } else if (HEX_GROUP.test(piece)) groups.push(parseInt(piece, 16));
      else return null;
    }
    return groups;
  };
  const head = toGroups(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? toGroups(halves[1]!, true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

const isIpv4Mapped = (g: Groups) => g.length === 8 && g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;

/** RFC 5952 text: lower-case hex, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatAddress(g: Groups): string {
  if (g.length === 2) return [g[0]! >> 8, g[0]! & 255, g[1]! >> 8, g[1]! & 255].join('.');
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && g[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = g.map((x) => x.toString(16));
  if (best.start === -1) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

function maskGroups(g: Groups, prefix: number): Groups {
  return g.map((group, index) => {
    const bitsHere = Math.min(16, Math.max(0, prefix - index * 16));
    return group & ((0xffff << (16 - bitsHere)) & 0xffff);
  });
}

/**
 * SPEC rule 11: parses one allowed-IP entry (an address or a CIDR range) and returns its
 * canonical form: IPv6 compressed (RFC 5952), `::ffff:a.b.c.d` as the IPv4 address.
 * Ambiguous forms (`127.1`, `010.0.0.1`, `0x7f.0.0.1`, `2130706433`, zone ids like
 * `fe80::1%eth0`) are refused, never guessed; a range with host bits set is refused with
 * the network it probably meant as `suggestion`.
 */
export function parseAllowedIp(input: string): AllowedIpResult {
  const text = input.trim();
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  let groups = addressText.includes(':') ? parseIpv6(addressText) : parseIpv4(addressText);
  if (!groups) return { ok: false, code: 'invalid_ip' };
  let prefix = groups.length * 16;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!DECIMAL.test(prefixText) || Number(prefixText) > prefix) return { ok: false, code: 'invalid_ip' };
    prefix = Number(prefixText);
  }
  if (isIpv4Mapped(groups) && prefix >= 96) {
    // `::ffff:10.0.0.0/104` is the IPv4 range 10.0.0.0/8 written as IPv6.
    groups = groups.slice(6);
    prefix -= 96;
  }
  const address = formatAddress(groups);
  if (slash === -1) return { ok: true, value: address };
  const range = `${formatAddress(maskGroups(groups, prefix))}/${prefix}`;
  if (range !== `${address}/${prefix}`) return { ok: false, code: 'ip_host_bits_set', suggestion: range };
  return { ok: true, value: range };
}
