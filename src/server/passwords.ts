/**
 * Password hashes with Node's scrypt (RFC 7914), in a self-describing string:
 *
 *     scrypt$<N>$<r>$<p>$<salt, base64url>$<hash, base64url>
 *
 * N = 2^15, r = 8, p = 1 is the cost OWASP's Password Storage Cheat Sheet names for scrypt
 * (32 MiB of memory, some tens of milliseconds per hash). The parameters travel with each hash,
 * so raising them later only needs `needsRehash` at the next sign-in, never a migration.
 * Passwords are normalised to NFKC first (NIST SP 800-63B §5.1.1.2): the same password typed on
 * two keyboards that compose accents differently still matches.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PREFIX = 'scrypt';
const DEFAULTS = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/**
 * scrypt needs 128·N·r·p bytes; Node refuses more than its `maxmem` (32 MiB by default, exactly
 * the need at our cost, which it counts as too much). Stored strings may ask for at most this.
 */
const MAX_MEMORY = 64 * 1024 * 1024;

interface Params {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, bytes: number, { N, r, p }: Params): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, bytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The parts of a stored hash, or null when it is not one this module wrote (or was tampered). */
function parse(stored: string): (Params & { salt: Buffer; hash: Buffer }) | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^[1-9][0-9]{0,7}$/.test(part) ? Number(part) : NaN));
  const b64url = /^[A-Za-z0-9_-]+$/;
  if (!(N! >= 2 ** 10 && (N! & (N! - 1)) === 0 && r! >= 1 && r! <= 32 && p! >= 1 && p! <= 16)) return null;
  // A stored string must not make one verification cost more than the server allows.
  if (128 * N! * r! * p! >= MAX_MEMORY) return null;
  if (!b64url.test(parts[4]!) || !b64url.test(parts[5]!)) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const hash = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < SALT_BYTES || hash.length < 16 || hash.length > 64) return null;
  return { N: N!, r: r!, p: p!, salt, hash };
}

/** A new hash of `password` with a random 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, DEFAULTS);
  return [PREFIX, DEFAULTS.N, DEFAULTS.r, DEFAULTS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * Whether `password` matches `stored`. A malformed or tampered string answers false (it never
 * throws on input a database could hold), and the comparison takes constant time.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(actual, parsed.hash);
}

/** True when `stored` was made with other parameters than today's: hash again after a sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.N !== DEFAULTS.N ||
    parsed.r !== DEFAULTS.r ||
    parsed.p !== DEFAULTS.p ||
    parsed.hash.length !== HASH_BYTES
  );
}

// Random bytes in the shape of a real hash: no password matches it.
const DUMMY = [
  PREFIX,
  DEFAULTS.N,
  DEFAULTS.r,
  DEFAULTS.p,
  randomBytes(SALT_BYTES).toString('base64url'),
  randomBytes(HASH_BYTES).toString('base64url'),
].join('$');

/**
 * Costs what `verifyPassword` costs and answers false: sign-in calls it for an unknown email (or
 * a profile without a password), so the answer time does not tell which emails exist.
 */
export async function dummyVerify(password = ''): Promise<false> {
  await verifyPassword(password, DUMMY);
  return false;
}
