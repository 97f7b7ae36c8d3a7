/**
 * Server-side email rules (SPEC rules 2–5 and contract v1.1): strict address syntax, look-alikes
 * that mix scripts, role addresses, free-mail domains, and the person an address stands for. The
 * SDK's `emailSyntaxProblem` is the loose early check; this one decides. (The script check stays
 * here: in the SDK it would cost every host's bundle more than its size ceiling leaves.)
 */
import { EMAIL_MAX, emailDomain, emailLocalBase } from '../sdk/rules.js';
import { FREE_MAIL_DOMAINS, GERMAN_ROLE_LOCAL_PARTS, MORE_FREE_MAIL_DOMAINS, ROLE_LOCAL_PARTS } from './lists.js';

const LOCAL_MAX_OCTETS = 64;
const DOMAIN_MAX_OCTETS = 253;
const LABEL_MAX_OCTETS = 63;

// RFC 5322 atext, plus any printable non-ASCII character (RFC 6531's UTF8-non-ascii): letters,
// marks, digits, punctuation and symbols, never separators, controls or format characters.
const ATOM = /^(?:[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]|[^\0-\x7f\p{Z}\p{C}])+$/u;
// An LDH label (RFC 5321 sub-domain) or a U-label (RFC 6531): letters and digits of any script,
// combining marks, and inner hyphens.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const NUMERIC = /^\d+$/;

/**
 * Dotless domains are no mail domains (RFC 5321 §2.3.5 wants fully qualified names; ICANN bars
 * them for gTLDs), except the few country-code TLDs that publish a mail exchanger at their apex,
 * as isemail's DNS check recorded for `test@io` (and `test@org` did not).
 */
const APEX_MAIL_TLDS = new Set(['ai', 'io']);

// Which kinds of label a character fits, as bits: one kind per script, where Latin may also join
// Han and kana (Japanese), Han and Bopomofo (Chinese) or Han and Hangul (Korean). Every script not
// named here shares the OTHER bit.
const LATIN = 1;
const CYRILLIC = 2;
const GREEK = 4;
const JAPANESE = 8;
const CHINESE = 16;
const KOREAN = 32;
const OTHER = 64;
const SCRIPT_BITS: readonly (readonly [RegExp, number])[] = [
  [/\p{Script_Extensions=Latin}/u, LATIN | JAPANESE | CHINESE | KOREAN],
  [/\p{Script_Extensions=Cyrillic}/u, CYRILLIC],
  [/\p{Script_Extensions=Greek}/u, GREEK],
  [/\p{Script_Extensions=Han}/u, JAPANESE | CHINESE | KOREAN],
  [/[\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/u, JAPANESE],
  [/\p{Script_Extensions=Bopomofo}/u, CHINESE],
  [/\p{Script_Extensions=Hangul}/u, KOREAN],
];
// Digits, punctuation (`.`, `-`, `+`, `_`) and marks of no particular script fit every kind.
const ANY_SCRIPT = /[\p{Script_Extensions=Common}\p{Script_Extensions=Inherited}]/u;

function scriptBits(char: string): number {
  if (ANY_SCRIPT.test(char)) return -1;
  let bits = 0;
  for (const [pattern, bit] of SCRIPT_BITS) if (pattern.test(char)) bits |= bit;
  return bits || OTHER;
}

/**
 * UTS #39 mixed-script detection at its "highly restrictive" level (ICU's default), simplified:
 * true when `text` has letters of more than one script, such as a Cyrillic `а` among Latin ones.
 * Latin with Han, Hiragana, Katakana, Bopomofo or Hangul, as Japanese, Chinese and Korean mix
 * them, counts as one script; the scripts beyond these, Cyrillic and Greek count as one.
 */
export function mixesScripts(text: string): boolean {
  let fits = -1;
  for (const char of text) fits &= scriptBits(char);
  return fits === 0;
}

/**
 * Whether the local part or a domain label of `address` mixes scripts: `аdmin@acme.de` with a
 * Cyrillic `а` looks like a role address and is refused as an invalid one; `аня@почта.рф`,
 * `δοκιμή@παράδειγμα.δοκιμή` and `山田たろう@例え.jp` are fine.
 */
export function emailMixesScripts(address: string): boolean {
  const at = address.lastIndexOf('@');
  return [address.slice(0, at), ...address.slice(at + 1).split('.')].some(mixesScripts);
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** The ASCII (A-label) form of a domain, via the platform's IDNA (UTS #46) mapping; null if it has none. */
function asciiDomain(domain: string): string | null {
  if (/^[\x21-\x7e]*$/.test(domain)) return domain.toLowerCase();
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * Strict address syntax: `dot-atom@domain`, UTF-8 allowed on both sides (RFC 6531/6532), within
 * RFC 5321's lengths (local part 64 octets, domain 253, labels 63, address 254).
 *
 * Against the isemail vectors this accepts the VALID and DNSWARN categories (DNS warnings say
 * nothing about syntax) and refuses everything else. Refused on purpose, although RFC 5322 allows
 * some of it: quoted local parts, address literals (`[255.255.255.255]`, `[IPv6:…]`), comments
 * and folding white space (CFWS), obsolete (deprecated) forms and all-numeric top-level labels.
 * The address is a login name people type and mail systems must route; those forms are either
 * unroutable in practice or ambiguous to compare. So is a local part or domain label that mixes
 * scripts (UTS #39, see `mixesScripts`).
 */
export function isValidEmailAddress(address: string): boolean {
  if (address.length > EMAIL_MAX) return false;
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (utf8Length(local) > LOCAL_MAX_OCTETS) return false;
  if (!local.split('.').every((atom) => ATOM.test(atom))) return false;

  const labels = domain.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  // Contract v1.1: a look-alike such as `аdmin@` (Cyrillic `а`) is no address, so it cannot slip
  // past the role-address list or pass for someone else's address.
  if (emailMixesScripts(address)) return false;
  const tld = labels[labels.length - 1]!;
  if (NUMERIC.test(tld)) return false;

  const ascii = asciiDomain(domain);
  if (ascii === null) return false;
  const asciiLabels = ascii.split('.');
  if (asciiLabels.length !== labels.length) return false;
  if (asciiLabels.length === 1 && !APEX_MAIL_TLDS.has(ascii)) return false;
  if (ascii.length > DOMAIN_MAX_OCTETS || asciiLabels.some((label) => label.length > LABEL_MAX_OCTETS)) return false;
  return utf8Length(local) + 1 + ascii.length <= EMAIL_MAX;
}

const ROLES = new Set([...ROLE_LOCAL_PARTS, ...GERMAN_ROLE_LOCAL_PARTS]);
const FREE_MAIL = new Set([...FREE_MAIL_DOMAINS, ...MORE_FREE_MAIL_DOMAINS]);

/** A role or generic local part (before any `+tag`), from a curated list (see lists.ts). */
export const isRoleAddress = (email: string) => ROLES.has(emailLocalBase(email));
/** A free-mail provider's domain (see lists.ts). */
export const isFreeMailAddress = (email: string) => FREE_MAIL.has(emailDomain(email));

/**
 * Contract v1.1, one person, one seat: what email uniqueness (rule 2) compares. The address
 * lower-cased without the `+tag` of its local part, cut where the role-address check cuts it:
 * `Ines+Test@acme.de` and `ines+a+b@acme.de` are both `ines@acme.de`.
 */
export const personKey = (email: string) => `${emailLocalBase(email)}@${emailDomain(email)}`;

/** SPEC rule 5: an owner who signed up with such an address keeps a single-profile account. */
export const isPersonalCompanyAddress = (email: string) => !isRoleAddress(email) && !isFreeMailAddress(email);
