/**
 * The server's access tokens: JWTs signed with HS256 (jose). `sub` is the user id, `acc` the
 * account id, plus `aud`, `iss` (when configured), `iat` and `exp`. Ids are never reused, so a
 * token of a deleted profile can never name someone else.
 *
 * `verify` accepts HS256 only: `alg: none`, other HMAC sizes and public-key algorithms are refused,
 * as are a wrong audience or issuer, an expired token and anything malformed. It answers null for
 * every refusal (the route answers 401 either way) and never says why.
 */
import { jwtVerify, SignJWT } from 'jose';

export interface TokenClaims {
  accountId: string;
  userId: string;
}

export interface TokenOptions {
  /** At least 32 bytes (RFC 7518 §3.2: a key as long as the hash). */
  secret: string | Uint8Array;
  issuer?: string;
  audience?: string;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

export interface Tokens {
  issue(claims: TokenClaims & { ttlSeconds?: number }): Promise<string>;
  verify(token: string): Promise<TokenClaims | null>;
}

const MIN_SECRET_BYTES = 32;

export function createTokens({ secret, issuer, audience = 'roster', now = Date.now }: TokenOptions): Tokens {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (key.byteLength < MIN_SECRET_BYTES) {
    // The length only: the secret itself never reaches a message or a log.
    throw new RangeError(
      `The token secret must be at least ${MIN_SECRET_BYTES} bytes for HS256; this one has ${key.byteLength}.`,
    );
  }
  const seconds = () => Math.floor(now() / 1000);

  return {
    async issue({ accountId, userId, ttlSeconds = 900 }) {
      if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
        throw new RangeError('ttlSeconds must be a positive whole number.');
      if (!accountId || !userId) throw new TypeError('A token needs an account id and a user id.');
      const issuedAt = seconds();
      const jwt = new SignJWT({ acc: accountId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds);
      if (issuer !== undefined) jwt.setIssuer(issuer);
      return jwt.sign(key);
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          audience,
          ...(issuer !== undefined && { issuer }),
          requiredClaims: ['sub', 'acc', 'exp'],
          currentDate: new Date(now()),
        });
        const { sub, acc } = payload;
        if (typeof sub !== 'string' || typeof acc !== 'string' || !sub || !acc) return null;
        return { accountId: acc, userId: sub };
      } catch {
        return null;
      }
    },
  };
}
