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
  | 'credit_limit_too_high'
  | 'guest_requires_task'
  | 'invalid_ip'
  | 'ip_host_bits_set'
  | 'duplicate_ip'
  | 'unknown_tool'
  | 'unknown_task'
  | 'owner_immutable'
  | 'too_many_items';

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

// Control characters and line/paragraph separators: a name is one line of text. The bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around them
// wherever the name is shown ("Trojan Source"), so they count as controls. The marks U+200E,
// U+200F and U+061C are accepted: they open no run that could reorder anything beyond their
// neighbours, and they come with right-to-left names pasted from documents.
const CONTROL_OR_BREAK = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u;
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
  // White space and control characters are refused, except inside a quoted local part.
  if (/[\s\p{Cc}]/u.test(value.startsWith('"') ? value.slice(at) : value)) return 'invalid_email';
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
  let digits = input
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s().\-/\u00a0]/g, '');
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
  { ok: true; value: string } | { ok: false; code: 'invalid_ip' | 'ip_host_bits_set'; suggestion?: string };

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const DECIMAL = /^(0|[1-9]\d*)$/;

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
type Groups = number[];

// Strict forms only: four decimal octets without leading zeros. `127.1`, `0x7f.0.0.1`,
// `010.0.0.1` and `2130706433` mean different things to different parsers, so they are refused.
function parseIpv4(text: string): Groups | null {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((octet) => DECIMAL.test(octet) && Number(octet) < 256)) return null;
  const [a, b, c, d] = octets.map(Number);
  return [(a! << 8) | b!, (c! << 8) | d!];
}

function parseIpv6(text: string): Groups | null {
  // An IPv4 tail (`::ffff:10.0.0.1`) stands for the last two groups.
  if (text.includes('.')) {
    const lastColon = text.lastIndexOf(':');
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    text = text.slice(0, lastColon + 1) + v4.map((group) => group.toString(16)).join(':');
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const [head = [], tail] = halves.map((half) => (half === '' ? [] : half.split(':')));
  // `::` stands for one or more zero groups.
  const missing = 8 - head.length - (tail?.length ?? 0);
  if (tail ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...new Array<string>(tail ? missing : 0).fill('0'), ...(tail ?? [])];
  return groups.every((group) => HEX_GROUP.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
}

const isIpv4Mapped = (groups: Groups) => groups.slice(0, 6).join() === '0,0,0,0,0,65535';

/** RFC 5952 text: lower-case hex, no leading zeros, the first longest run of two or more zero groups as `::`. */
function formatAddress(groups: Groups): string {
  if (groups.length === 2) return [groups[0]! >> 8, groups[0]! & 255, groups[1]! >> 8, groups[1]! & 255].join('.');
  let start = -1;
  let length = 1;
  for (let index = 0; index < 8; index++) {
    let run = 0;
    while (groups[index + run] === 0) run++;
    if (run > length) [start, length] = [index, run];
  }
  const hex = groups.map((group) => group.toString(16));
  return start < 0 ? hex.join(':') : `${hex.slice(0, start).join(':')}::${hex.slice(start + length).join(':')}`;
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

/**
 * Whether `ip` (a client address as a server sees it) falls in one of the allowed entries (their
 * canonical forms, SPEC rule 11); an empty list allows any. An address that does not parse
 * strictly is never allowed.
 */
export function ipAllowed(ip: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const address = parseAllowedIp(ip);
  if (!address.ok || address.value.includes('/')) return false;
  const groupsOf = (text: string) => (text.includes(':') ? parseIpv6(text) : parseIpv4(text));
  const client = groupsOf(address.value)!;
  return allowed.some((entry) => {
    const [text = '', prefixText] = entry.split('/');
    const range = groupsOf(text);
    if (!range || range.length !== client.length) return false;
    const prefix = prefixText === undefined ? range.length * 16 : Number(prefixText);
    return maskGroups(client, prefix).every((group, index) => group === range[index]);
  });
}
