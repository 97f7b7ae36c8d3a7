/**
 * The profile rules that need no server (SPEC rules 1, 8, 9, 11, 12), as plain functions.
 * The zod schemas run them for early feedback in forms; the reference API runs the same
 * functions, so a client can never be stricter than the server.
 */
import ipaddr from 'ipaddr.js';

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

const DECIMAL = /^(0|[1-9]\d*)$/;

function strictAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  // Zone ids name an interface of one machine: meaningless in an allow list.
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return null;
  const embedded = text.slice(text.lastIndexOf(':') + 1);
  if (embedded.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(embedded)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

const canonical = (address: ipaddr.IPv4 | ipaddr.IPv6) =>
  address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();

/**
 * SPEC rule 11: parses one allowed-IP entry (an address or a CIDR range) and returns its
 * canonical form. Ambiguous forms (`127.1`, `010.0.0.1`, `0x7f.0.0.1`, `2130706433`,
 * `fe80::1%eth0`) are refused, never guessed; a range with host bits set is refused with the
 * network it probably meant.
 */
export function parseAllowedIp(input: string): AllowedIpResult {
  const text = input.trim();
  const slash = text.indexOf('/');
  const address = strictAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return { ok: false, code: 'invalid_ip' };
  if (slash === -1) return { ok: true, value: canonical(address) };

  const prefixText = text.slice(slash + 1);
  if (!DECIMAL.test(prefixText)) return { ok: false, code: 'invalid_ip' };
  let prefix = Number(prefixText);
  // `::ffff:10.0.0.0/104` is the IPv4 range 10.0.0.0/8 written as IPv6.
  if (address.kind() === 'ipv4' && text.slice(0, slash).includes(':')) prefix -= 96;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  if (prefix < 0 || prefix > bits) return { ok: false, code: 'invalid_ip' };

  const network = address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  const range = `${canonical(network)}/${prefix}`;
  if (canonical(network) !== canonical(address)) return { ok: false, code: 'ip_host_bits_set', suggestion: range };
  return { ok: true, value: range };
}
