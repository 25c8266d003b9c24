import { randomUUID } from 'crypto';

/** The longest X-Request-Id taken from a caller (a proxy's or client's id); a longer one is replaced. */
const MAX_REQUEST_ID_LENGTH = 200;

/**
 * A request's id: the caller's `X-Request-Id` (a proxy's, to follow a request across services) when it
 * is a short printable value, a new UUID otherwise. It is echoed in the response and names the request
 * in the logs.
 */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && given.length <= MAX_REQUEST_ID_LENGTH && /^[\x21-\x7e]+$/.test(given) ? given : randomUUID();
}
