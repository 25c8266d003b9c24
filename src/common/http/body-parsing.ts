import { json, urlencoded } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { httpErrorBody } from '../errors/http-error-body';

/**
 * JSON and form body parsers with a size limit. body-parser reports its errors to Express, outside
 * Nest's filters, so they are turned into the API error shape here.
 */
export function bodyParsers(limitBytes: number): RequestHandler[] {
  return [json({ limit: limitBytes }), urlencoded({ extended: false, limit: limitBytes })].map(
    (parser) => (req: Request, res: Response, next: NextFunction) =>
      parser(req, res, (error?: unknown) => {
        if (!error) {
          // class-transformer recurses once per level: a body nested thousands deep overflows its stack (a 500).
          if (nestingDepthExceeds(req.body, MAX_BODY_DEPTH)) {
            res.status(400).json(httpErrorBody(400, `Request body is nested deeper than ${MAX_BODY_DEPTH} levels`, [{ field: 'body', reason: 'nested too deeply' }]));
            return;
          }
          // class-transformer silently drops such keys, so the validation pipe never sees them to refuse them.
          const field = builtInKeyPath(req.body);
          if (field !== null) {
            const key = field.slice(field.lastIndexOf('.') + 1);
            res.status(400).json(httpErrorBody(400, `Invalid request: ${field}`, [{ field, reason: `unknown field "${key}" is not allowed` }]));
            return;
          }
          return next();
        }
        const { type, status } = error as { type?: string; status?: number };
        if (type === 'entity.too.large') {
          res.status(413).json(httpErrorBody(413, `Request body is larger than ${limitBytes} bytes`));
        } else if (type === 'entity.parse.failed') {
          res.status(400).json(httpErrorBody(400, 'Request body is not valid JSON', [{ field: 'body', reason: 'malformed JSON' }]));
        } else {
          const code = status && status >= 400 && status < 500 ? status : 400;
          res.status(code).json(httpErrorBody(code, 'Request body could not be read'));
        }
      }),
  );
}

/** No API body needs more; questionnaires, the deepest, use about six. */
export const MAX_BODY_DEPTH = 32;

/** Whether a parsed JSON value nests objects/arrays deeper than `limit`; iterative, so it cannot overflow itself. */
export function nestingDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current as object)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/**
 * The path (`answers[1].valueOf`) of the first object key that names a property every object inherits
 * (`__proto__`, `constructor`, `toString`…) or `prototype`, or null. No API field is named so;
 * depth-first and iterative.
 */
export function builtInKeyPath(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], path: `${path}[${index}]` });
      continue;
    }
    const keys = Object.keys(current);
    for (const key of keys) {
      if (key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key)) return path ? `${path}.${key}` : key;
    }
    for (const key of keys.reverse()) stack.push({ value: (current as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key });
  }
  return null;
}
