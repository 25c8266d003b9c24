import { randomUUID } from 'crypto';
import type { NextFunction, Request, Response } from 'express';

/** The longest X-Request-Id taken from a caller (a proxy's or client's id); a longer one is replaced. */
const MAX_REQUEST_ID_LENGTH = 200;

/**
 * Every request has an id: the caller's `X-Request-Id` (a proxy's, to follow a request across
 * services) when it is a short printable value, a new UUID otherwise. It is echoed in the response and
 * names the request in the logs (pino-http takes `req.id` as it is).
 */
export function requestIds(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && given.length <= MAX_REQUEST_ID_LENGTH && /^[\x21-\x7e]+$/.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  next();
}
