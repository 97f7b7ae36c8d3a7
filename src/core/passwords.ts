/**
 * SPEC rule 8, the server's part: a password of 12–128 characters that is not the email and not
 * a common password. No composition rules (NIST SP 800-63B §3.1.1.2).
 */
import { type FieldErrorCode, passwordProblem } from '../sdk/rules.js';

/**
 * The entries of 12 or more characters from the usual breached-password top lists (NCSC's
 * 100k list, SecLists' 10-million list, their German counterparts): shorter ones are refused by
 * length already. Compared lower-cased.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '123123123123',
  '111111111111',
  '000000000000',
  '123412341234',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwertyuiopas',
  'qwertyuiop123',
  'qwertzuiop123',
  'qwerty123456',
  'qwertz123456',
  'asdfghjkl123',
  'password1234',
  'password12345',
  'password123!',
  'passwort1234',
  'passwort123!',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'willkommen123',
  'willkommen1234',
  'abcdefghijkl',
  'abcd1234abcd',
  'administrator',
  'administrator1',
  'changeme1234',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'superman1234',
  'starwars1234',
  'princess1234',
  'sunshine1234',
  'masterkey123',
  'passwordpassword',
  'qwertyqwerty',
  'monkeymonkey',
  'dragondragon',
  'michael12345',
  'jennifer1234',
  'hallo1234567',
  'geheim123456',
  'ichliebedich',
  'ichliebedich1',
  'schatz123456',
  'fussball1234',
]);

// Keyboard rows and counting: `1234567890ab…`, `qwertzuiop…` are guessed first by any cracker.
const RUNS = [
  '1234567890',
  '0987654321',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
];

function isRunOrRepeat(password: string): boolean {
  if (new Set(password).size <= 2) return true;
  for (let size = 1; size <= 4; size++) {
    const unit = password.slice(0, size);
    if (unit.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password) return true;
  }
  return RUNS.some((run) => run.repeat(2).includes(password));
}

/** The first broken password rule, or null. The password itself is never kept or echoed. */
export function serverPasswordProblem(password: string, email?: string): FieldErrorCode | null {
  const problem = passwordProblem(password, email);
  if (problem) return problem;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isRunOrRepeat(lower)) return 'password_too_weak';
  // The email's local part with a digit or two appended is the email in all but name.
  const local = email?.slice(0, email.lastIndexOf('@')).toLowerCase();
  if (local && lower.startsWith(local) && lower.length - local.length < 4) return 'password_too_weak';
  return null;
}
