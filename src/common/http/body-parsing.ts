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
        if (!error) return next();
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
