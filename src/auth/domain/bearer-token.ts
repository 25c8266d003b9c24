/**
 * The token of an `Authorization: Bearer <token>` header, or null. The scheme is case-insensitive
 * (RFC 7235); anything else (another scheme, a missing or extra part) is no token.
 */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : null;
}

/** What the API puts in its access tokens (and what older tokens may lack). */
export interface AccessTokenClaims {
  sub?: unknown;
  /** Seconds, set by jsonwebtoken. */
  exp?: unknown;
  /** Not before (seconds); the API sets none, but a token that has one is held to it. */
  nbf?: unknown;
  iat?: unknown;
  /** Milliseconds: when the token was issued, to compare with a password change in the same second. */
  iatMs?: unknown;
  /** The session the token belongs to. */
  sid?: unknown;
}

/**
 * Whether a token with these claims was signed out by a password change at `tokensValidAfter`: tokens
 * issued before it stop working, except those of the session that made the change (`keptSessionId`).
 */
export function signedOutByPasswordChange(
  claims: AccessTokenClaims,
  user: { tokensValidAfter: Date | string | null; keptSessionId: string | null },
): boolean {
  if (!user.tokensValidAfter) return false;
  if (typeof claims.sid === 'string' && claims.sid === user.keptSessionId) return false;
  const issuedAt = typeof claims.iatMs === 'number' ? claims.iatMs : (typeof claims.iat === 'number' ? claims.iat : 0) * 1000;
  return issuedAt < new Date(user.tokensValidAfter).getTime();
}
