import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'querystring';
import { DomainError, type ErrorDetail } from '../errors/domain-error';

/**
 * JSON and form body parsers (Fastify refuses a body past its `bodyLimit` with 413 before these run):
 * the parsed body is checked once for every route (depth, built-in keys, storable text), and a body
 * of any other type is not read, as Express did (the route's validation then names the missing fields).
 * Errors go through Nest's error handler to AllExceptionsFilter, so they keep the API error shape.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  // Express read a body whatever the method: a malformed one on a GET is a 400 too.
  fastify.addHttpMethod('GET', { hasBody: true, overrideExisting: true });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, checkedParser(parseJson));
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    checkedParser((text) => parseQueryString(text)),
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  // A query string value or name with NUL or a lone surrogate is a 400 naming the parameter, before any route sees it.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problem = queryTextProblem(request.query);
    done(problem ? new DomainError('bad_request', `Invalid request: ${problem.field}`, [problem]) : undefined);
  });
}

/** A body parser that reads UTF-8 text only, then checks what `parse` made of it (bodyProblem). */
function checkedParser(parse: (text: string) => unknown) {
  return (request: FastifyRequest, text: string | Buffer, done: (error: Error | null, body?: unknown) => void): void => {
    let body: unknown;
    try {
      assertReadableEncoding(request.headers);
      body = parse(text as string);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    done(bodyProblem(body), body);
  };
}

/**
 * Bodies are read as UTF-8 text, uncompressed: another charset or a Content-Encoding is a 415 naming
 * the header, rather than text read wrongly (an é in Latin-1 would be stored as U+FFFD) or a
 * compressed body taken for malformed JSON.
 */
function assertReadableEncoding(headers: { 'content-type'?: string; 'content-encoding'?: string }): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new DomainError('unsupported_media_type', `Request bodies must be UTF-8, not ${charset}`, [
      { field: 'Content-Type', reason: 'charset must be utf-8' },
    ]);
  }
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new DomainError('unsupported_media_type', `Request bodies must be sent uncompressed, not ${encoding}`, [
      { field: 'Content-Encoding', reason: 'must be absent or identity' },
    ]);
  }
}

/** As Express's json(): an empty body is {}, and only an object or array is a body (strict). */
function parseJson(text: string): unknown {
  const malformed = () => new DomainError('bad_request', 'Request body is not valid JSON', [{ field: 'body', reason: 'malformed JSON' }]);
  const first = /^[ \t\n\r]*([^ \t\n\r])/.exec(text)?.[1];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw malformed();
  try {
    return JSON.parse(text);
  } catch {
    throw malformed();
  }
}

/** Why a parsed body is refused (a 400 naming the field), or null. */
function bodyProblem(body: unknown): DomainError | null {
  const { tooDeep, builtInKey, badText } = inspectBody(body, MAX_BODY_DEPTH);
  // class-transformer recurses once per level: a body nested thousands deep overflows its stack (a 500).
  if (tooDeep) {
    return new DomainError('bad_request', `Request body is nested deeper than ${MAX_BODY_DEPTH} levels`, [
      { field: 'body', reason: 'nested too deeply' },
    ]);
  }
  // class-transformer silently drops such keys, so the validation pipe never sees them to refuse them.
  if (builtInKey !== null) {
    const key = builtInKey.slice(builtInKey.lastIndexOf('.') + 1);
    return new DomainError('bad_request', `Invalid request: ${builtInKey}`, [
      { field: builtInKey, reason: `unknown field "${key}" is not allowed` },
    ]);
  }
  if (badText) return new DomainError('bad_request', `Invalid request: ${badText.field}`, [badText]);
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be stored as text, or null when it can: PostgreSQL refuses NUL in text (a 500
 * from deep in a query), and a lone UTF-16 surrogate has no UTF-8 form (it would be stored as U+FFFD).
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

/**
 * Why a JSON number cannot be taken, or null when it can: Infinity (JSON's 1e400), and numbers that
 * JavaScript writes in exponent notation (magnitude 1e21 or more, or below 1e-6 but not 0), which no
 * field needs and which reach SQL as text such as `1e+21` or `5e-324` that numeric columns refuse.
 */
export function numberProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (/e/i.test(String(value))) return 'must be a number of ordinary size: below 1e21 in magnitude, and 0 or at least 0.000001';
  return null;
}

/** The first parameter (by name, `region` or `region[1]` when repeated) whose name or value is not storable text. */
export function queryTextProblem(query: unknown): ErrorDetail | null {
  if (query === null || typeof query !== 'object') return null;
  const { badText } = inspectBody(query, MAX_BODY_DEPTH);
  return badText;
}

/** No API body needs more; questionnaires, the deepest, use about six. */
export const MAX_BODY_DEPTH = 32;

/**
 * One iterative walk over a parsed JSON body (so it cannot overflow itself, and the body is walked
 * once per request): whether it nests objects/arrays deeper than `limit` (each counts one level), and
 * the path (`answers[1].valueOf`) of the first object key, depth first, that names a property every
 * object inherits (`__proto__`, `constructor`, `toString`…) or `prototype`. No API field is so named.
 * Also the first string or key that is no storable text (textProblem) or number of no usable size
 * (numberProblem), with its path: checked here once for every route, not per DTO.
 */
export function inspectBody(value: unknown, limit: number): { tooDeep: boolean; builtInKey: string | null; badText: ErrorDetail | null } {
  // Almost every body is clean: a walk that builds no paths says so; only a body with a finding is walked again for them.
  return isCleanBody(value, limit) ? { tooDeep: false, builtInKey: null, badText: null } : locateBodyProblems(value, limit);
}

/** inspectBody's first walk: whether the body is within `limit` and has no built-in key, bad text or bad number. */
function isCleanBody(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (typeof current === 'string') {
      if (textProblem(current)) return false;
      continue;
    }
    if (typeof current === 'number') {
      if (numberProblem(current)) return false;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return false;
    if (Array.isArray(current)) {
      for (const item of current) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in current) {
      if (!Object.prototype.hasOwnProperty.call(current, key)) continue;
      if (key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key) || textProblem(key)) return false;
      values.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

function locateBodyProblems(value: unknown, limit: number): { tooDeep: boolean; builtInKey: string | null; badText: ErrorDetail | null } {
  let builtInKey: string | null = null;
  let badText: ErrorDetail | null = null;
  // Paths are built only until both findings are known; after that only the depth is still of interest.
  const tracking = () => builtInKey === null || badText === null;
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current === 'string' || typeof current === 'number') {
      if (badText === null) {
        const reason = typeof current === 'string' ? textProblem(current) : numberProblem(current);
        if (reason) badText = { field: path || 'body', reason };
      }
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return { tooDeep: true, builtInKey, badText };
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        stack.push({ value: current[index], depth: depth + 1, path: tracking() ? `${path}[${index}]` : '' });
      }
      continue;
    }
    const keys = Object.keys(current);
    if (builtInKey === null) {
      const found = keys.find((key) => key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key));
      if (found !== undefined) builtInKey = path ? `${path}.${found}` : found;
    }
    for (const key of keys.reverse()) {
      const child = (current as Record<string, unknown>)[key];
      const childPath = path ? `${path}.${key}` : key;
      if (badText === null) {
        const reason = textProblem(key);
        if (reason) badText = { field: childPath, reason: `name ${reason}` };
      }
      stack.push({ value: child, depth: depth + 1, path: tracking() ? childPath : '' });
    }
  }
  return { tooDeep: false, builtInKey, badText };
}
