/**
 * Sign-in checks (the server's `signIn`, the reference API's `api.signIn`): the password (the
 * profile's own, or the account password in shared mode), the profile's status and its allowed
 * IPs. Unknown emails cost the same time as known ones; repeated failures per email and per IP
 * are throttled. A success is recorded as a `signed_in` event.
 */
import { ipAllowed } from '../sdk/rules.js';
import type { User } from '../sdk/schemas.js';
import { personKey } from './email.js';
import type { PasswordHasher } from './routes.js';
import type { Storage } from './storage.js';

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address as the host's login sees it. */
  ip: string;
  /** Narrows the search to one account. */
  accountId?: string;
}

export type SignInResult =
  | { ok: true; accountId: string; user: User }
  | { ok: false; reason: 'invalid_credentials' | 'not_verified' | 'ip_not_allowed' | 'rate_limited' };

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Failures allowed per window: per email (guessing one password) and per IP (trying many emails). */
export const SIGN_IN_LIMITS = { email: 5, ip: 20 } as const;

/** Failure counts in a fixed window per key, bounded in memory. */
function createThrottle(now: () => number, maxKeys = 50_000) {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (key: string) => {
    const entry = failures.get(key);
    return entry && now() - entry.since < SIGN_IN_WINDOW_MS ? entry : null;
  };
  return {
    blocked: (key: string, limit: number) => (current(key)?.count ?? 0) >= limit,
    fail(key: string) {
      const entry = current(key);
      if (entry) entry.count += 1;
      else {
        if (failures.size >= maxKeys) failures.delete(failures.keys().next().value!);
        failures.set(key, { count: 1, since: now() });
      }
    },
    clear: (key: string) => failures.delete(key),
  };
}

export function createSignIn(options: { storage: Storage; passwords: PasswordHasher; now: () => Date }) {
  const { storage, passwords } = options;
  const throttle = createThrottle(() => options.now().getTime());
  let dummyHash: Promise<string> | undefined;

  return async function signIn(input: SignInInput): Promise<SignInResult> {
    const email = input.email.trim().toLowerCase();
    const emailKey = `email:${email}`;
    const ipKey = `ip:${input.ip}`;
    if (throttle.blocked(emailKey, SIGN_IN_LIMITS.email) || throttle.blocked(ipKey, SIGN_IN_LIMITS.ip)) {
      return { ok: false, reason: 'rate_limited' };
    }
    const key = personKey(email);
    const accountId = await storage.accountOfEmail(key);
    const found =
      accountId && (input.accountId === undefined || input.accountId === accountId)
        ? await storage.read(accountId, async (tx) => {
            const user = await tx.userByPersonKey(key);
            if (!user || user.email !== email) return null;
            const account = await tx.account();
            const hash =
              account.passwordMode === 'shared'
                ? await tx.accountPasswordHash()
                : (await tx.userSecrets(user.id)).passwordHash;
            return { user, hash };
          })
        : null;
    // Unknown emails and profiles without a password verify against a dummy hash: same cost, same answer.
    dummyHash ??= passwords.hash('not a password of anyone');
    const matches = await passwords.verify(input.password, found?.hash ?? (await dummyHash));
    if (!found || !found.hash || !matches) {
      throttle.fail(emailKey);
      throttle.fail(ipKey);
      return { ok: false, reason: 'invalid_credentials' };
    }
    const { user } = found;
    if (user.status !== 'active') return { ok: false, reason: 'not_verified' };
    if (!ipAllowed(input.ip, user.allowedIps)) return { ok: false, reason: 'ip_not_allowed' };
    throttle.clear(emailKey);
    await storage.write(accountId!, async (tx) => {
      await tx.insertEvent(user.id, {
        id: await tx.newId('evt'),
        at: options.now().toISOString(),
        type: 'signed_in',
        description: 'Signed in',
        cost: 0,
        toolId: null,
        taskId: null,
        taskName: null,
      } as Parameters<typeof tx.insertEvent>[1]);
    });
    return { ok: true, accountId: accountId!, user };
  };
}
