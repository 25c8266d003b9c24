// Verification of the API's own access tokens (JWT, HS256), on every request. jsonwebtoken signs them
// (AuthService.issueToken); checking one by hand costs a third of jsonwebtoken's verify and accepts
// exactly what the API issues. Pure: no Nest, no ORM.
import { createHmac, timingSafeEqual, type KeyObject } from 'crypto';
import type { AccessTokenClaims } from './bearer-token';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The claims of a token signed with `key` by HS256 that has not expired at `nowSeconds`, or null for
 * anything else: not three base64url parts, another algorithm (`none` included), a bad signature, a
 * payload that is no JSON object, a missing or non-numeric `exp`, or an `nbf` still ahead.
 */
export function verifyAccessToken(token: string, key: KeyObject, nowSeconds: number): AccessTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return null;
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // Signed by the API, so the header is its own; still, the algorithm is never the token's choice.
  const alg = (parseJsonObject(header) as { alg?: unknown } | null)?.alg;
  if (alg !== 'HS256') return null;
  const claims = parseJsonObject(payload) as AccessTokenClaims | null;
  if (!claims) return null;
  if (typeof claims.exp !== 'number' || nowSeconds >= claims.exp) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return null;
  return claims;
}

function parseJsonObject(base64url: string): object | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
