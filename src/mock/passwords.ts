/**
 * Password hashing for the reference API: salted SHA-256 through WebCrypto, so it runs in the
 * browser too. Good enough for data that lives in a tab; the server uses scrypt.
 */
import type { PasswordHasher } from '../core/routes.js';
import { fingerprint, randomToken } from '../core/http.js';

export const demoPasswords: PasswordHasher = {
  async hash(password) {
    const salt = randomToken(12);
    return `sha256$${salt}$${await fingerprint(`${salt}:${password}`)}`;
  },
  async verify(password, stored) {
    const [scheme, salt, digest] = stored.split('$');
    return scheme === 'sha256' && salt !== undefined && (await fingerprint(`${salt}:${password}`)) === digest;
  },
};
